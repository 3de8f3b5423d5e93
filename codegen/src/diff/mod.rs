//! Compares two versions of a service model for the operations a crate generates (or the
//! whole service) and says what each difference does to that crate: breaking for callers,
//! additive, wire-only or docs-only. Both models go through the same closure and IR as
//! generation, so a change is judged by the Rust types it changes.

mod api;
mod change;
mod report;
mod shapes;
mod traits;

use std::collections::BTreeSet;

pub use change::{Change, Impact, ModelDiff};
pub use report::{to_json, to_table};

use crate::closure::{find_service, names_operation, service_operations, OperationClosure};
use crate::error::{Error, Result};
use crate::ir::CrateIr;
use crate::model::{Model, Shape, ShapeId, ShapeKind};
use api::RustApi;

/// Compares `old` with `new` for `operations` (shape names or snake-case names; the whole
/// service when empty) of `service` (the models' only service when `None`).
pub fn diff(old: &Model, new: &Model, service: Option<&ShapeId>, operations: &[String]) -> Result<ModelDiff> {
    let old_service = find_service(old, service)?;
    let new_service = find_service(new, service)?;
    if old_service.id != new_service.id {
        return Err(Error::model(
            &new_service.id,
            format!("is not the old model's service `{}`; choose one with --service", old_service.id),
        ));
    }
    let old_side = Side::new(old, old_service, operations)?;
    let new_side = Side::new(new, new_service, operations)?;
    for name in operations {
        if !old_side.chose(name) && !new_side.chose(name) {
            // Let the closure's lookup explain it, with the names closest to a typo among the
            // operations of the side that has more.
            let (model, service) = if service_operations(old, old_service)?.len() >= service_operations(new, new_service)?.len() {
                (old, old_service)
            } else {
                (new, new_service)
            };
            OperationClosure::resolve(model, Some(&service.id), std::slice::from_ref(name))?;
        }
    }
    let mut differ = shapes::Differ::new(&old_side, &new_side);
    differ.compare_service(old_service, new_service);
    differ.compare_operations();
    differ.compare_closures();
    Ok(differ.finish())
}

/// One model's side of a comparison: its closure and the crate IR generation would build.
pub(crate) struct Side<'m> {
    pub model: &'m Model,
    pub closure: OperationClosure,
    pub ir: CrateIr,
    /// The names the user chose that this side has.
    chosen: Vec<String>,
}

impl<'m> Side<'m> {
    fn new(model: &'m Model, service: &Shape, names: &[String]) -> Result<Self> {
        let available = service_operations(model, service)?;
        let chosen: Vec<String> = names
            .iter()
            .filter(|name| available.iter().any(|id| names_operation(id, name)))
            .cloned()
            .collect();
        let closure = if !names.is_empty() && chosen.is_empty() {
            // None of the chosen operations exists on this side: it contributes nothing.
            OperationClosure { service: service.id.clone(), operations: Vec::new(), shapes: BTreeSet::new(), left_out: Vec::new() }
        } else {
            OperationClosure::resolve(model, Some(&service.id), &chosen)?
        };
        let ir = crate::resolve::resolve(model, &closure, None)?;
        Ok(Side { model, closure, ir, chosen })
    }

    fn chose(&self, name: &str) -> bool {
        self.chosen.iter().any(|chosen| chosen == name)
    }

    pub fn api(&self) -> RustApi<'_> {
        RustApi::new(&self.ir)
    }

    pub fn shape(&self, id: &ShapeId) -> Option<&'m Shape> {
        self.model.shape(id)
    }

    /// The operation shapes of this side's closure.
    pub fn operations(&self) -> impl Iterator<Item = (&ShapeId, &'m crate::model::Operation)> + '_ {
        self.closure.operations.iter().filter_map(|id| match self.model.shape(id).map(|s| &s.kind) {
            Some(ShapeKind::Operation(operation)) => Some((id, operation)),
            _ => None,
        })
    }
}
