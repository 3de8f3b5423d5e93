//! A service's `rename` map: shapes of other namespaces whose names would clash inside the
//! service's closure take the names the service gives them. Applied to the model before
//! anything reads it, so that every later stage sees one name per shape.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Model, ShapeId, ShapeKind};
use crate::error::{Error, Result};

impl Model {
    /// The model as `service` (the model's only service when `None`) sees it: each shape its
    /// `rename` map names moved to its new name, and every reference to it following.
    pub fn renamed_for(&self, service: Option<&ShapeId>) -> Result<Cow<'_, Model>> {
        let shape = match service {
            Some(id) => self.shape(id),
            None => {
                let mut services = self.shapes().filter(|s| matches!(s.kind, ShapeKind::Service(_)));
                services.next().filter(|_| services.next().is_none())
            }
        };
        let Some(shape) = shape else {
            return Ok(Cow::Borrowed(self));
        };
        let ShapeKind::Service(service) = &shape.kind else {
            return Ok(Cow::Borrowed(self));
        };
        if service.rename.is_empty() {
            return Ok(Cow::Borrowed(self));
        }
        let mut moves = BTreeMap::new();
        for (from, to) in &service.rename {
            let moved = ShapeId::parse(&format!("{}#{to}", from.namespace()))
                .map_err(|problem| Error::model(&shape.id, format!("`rename` of `{from}`: {problem}")))?;
            if self.shape(from).is_none() {
                return Err(Error::model(&shape.id, format!("`rename` names `{from}`, which is not in the model")));
            }
            if self.shape(&moved).is_some() {
                return Err(Error::model(&shape.id, format!("`rename` of `{from}` to `{to}` clashes with `{moved}`")));
            }
            moves.insert(from.clone(), moved);
        }
        let follow = |id: &mut ShapeId| {
            let root = id.root();
            if let Some(moved) = moves.get(&root) {
                *id = match id.member() {
                    Some(member) => moved.with_member(member),
                    None => moved.clone(),
                };
            }
        };
        let mut renamed = Model::default();
        for shape in self.shapes() {
            let mut shape = shape.clone();
            follow(&mut shape.id);
            for member in shape.kind.members_mut() {
                follow(&mut member.id);
                follow(&mut member.target);
            }
            match &mut shape.kind {
                ShapeKind::Operation(operation) => {
                    operation.input.iter_mut().chain(operation.output.iter_mut()).for_each(follow);
                    operation.errors.iter_mut().for_each(follow);
                }
                ShapeKind::Service(service) => {
                    service.operations.iter_mut().chain(&mut service.resources).chain(&mut service.errors).for_each(follow);
                }
                ShapeKind::Resource(resource) => {
                    resource.operations.iter_mut().chain(&mut resource.resources).for_each(follow);
                }
                _ => {}
            }
            renamed.insert(shape);
        }
        Ok(Cow::Owned(renamed))
    }
}
