//! Which shapes and members of a closure have no documentation. A project that keeps its
//! own documentation apart from the extracted facts runs this after every model update, so
//! that a new member never reaches the generated crate with only a placeholder doc.

use crate::closure::OperationClosure;
use crate::model::{traits, Model, ShapeKind, Traits};

/// The service, the operations, every shape of the closure, and every structure, union and
/// enum member among them that lacks `@documentation`, as absolute ids in id order. List
/// items and map keys and values are exempt: their documentation is their container's.
pub fn undocumented(model: &Model, closure: &OperationClosure) -> Vec<String> {
    let mut missing = Vec::new();
    let ids = closure.shapes.iter().chain(&closure.operations).chain(std::iter::once(&closure.service));
    for id in ids.filter(|id| !id.is_prelude()) {
        let Some(shape) = model.shape(id) else { continue };
        if !documented(&shape.traits) {
            missing.push(id.to_string());
        }
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                missing.extend(members.iter().filter(|m| !documented(&m.traits)).map(|m| m.id.to_string()));
            }
            ShapeKind::Enum(members) => {
                missing.extend(members.iter().filter(|m| !documented(&m.traits)).map(|m| id.with_member(&m.name).to_string()));
            }
            ShapeKind::IntEnum(members) => {
                missing.extend(members.iter().filter(|m| !documented(&m.traits)).map(|m| id.with_member(&m.name).to_string()));
            }
            _ => {}
        }
    }
    missing.sort();
    missing.dedup();
    missing
}

fn documented(traits: &Traits) -> bool {
    traits.string(traits::DOCUMENTATION).is_some_and(|doc| !doc.trim().is_empty())
}
