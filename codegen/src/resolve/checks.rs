//! Whole-crate checks and passes over the IR: recursion without indirection, names that
//! would collide, and which structures need a serializer or a deserializer.

use std::collections::{BTreeMap, BTreeSet};

use crate::closure::OperationClosure;
use crate::error::{Error, Result};
use crate::ir::{CrateIr, MemberIr, RustType, StructureRole};
use crate::model::{traits, Model, ShapeId, ShapeKind};

/// Smithy requires every recursive path to pass through a list, map, union or optional
/// member; a cycle of required structure members has no finite value.
pub(super) fn check_recursion(model: &Model, closure: &OperationClosure) -> Result<()> {
    for id in &closure.shapes {
        let mut path = Vec::new();
        if let Some(cycle) = required_cycle(model, id, id, &mut path, &mut BTreeSet::new()) {
            return Err(Error::model(
                id,
                format!("is recursive with no indirection point: {}", cycle.join(" → ")),
            ));
        }
    }
    Ok(())
}

pub(super) fn required_cycle(
    model: &Model,
    start: &ShapeId,
    at: &ShapeId,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<ShapeId>,
) -> Option<Vec<String>> {
    let ShapeKind::Structure(members) = &model.shape(at)?.kind else {
        return None;
    };
    for member in members.iter().filter(|m| m.traits.has(traits::REQUIRED)) {
        path.push(member.id.to_string());
        if &member.target == start {
            let mut cycle = path.clone();
            cycle.push(start.to_string());
            return Some(cycle);
        }
        if seen.insert(member.target.clone()) {
            if let Some(cycle) = required_cycle(model, start, &member.target, path, seen) {
                return Some(cycle);
            }
        }
        path.pop();
    }
    None
}

/// Members whose field name would be taken by a generated method get a stable `_value`
/// suffix, as smithy-rs does: `builder()` on every structure, `build()` on builders, and
/// the error metadata accessors on errors.
pub(super) fn rename_reserved_members(members: &mut [MemberIr], role: StructureRole) {
    let reserved: &[&str] = match role {
        StructureRole::Error => &["builder", "build", "meta", "code", "request_id"],
        _ => &["builder", "build"],
    };
    for member in members.iter_mut() {
        let error_message_clash =
            role == StructureRole::Error && member.field == "message" && member.ty != RustType::String;
        if reserved.contains(&member.field.as_str()) || error_message_clash {
            member.field = format!("{}_value", member.field);
        }
    }
}

/// Names that would collide in Rust are a clear error, never uncompilable code: two members
/// with one field name, or a field that equals another member's setter or getter.
pub(super) fn check_member_names(id: &ShapeId, members: &[MemberIr]) -> Result<()> {
    let mut seen: BTreeMap<&str, String> = BTreeMap::new();
    for member in members {
        let names = [
            (member.field.as_str(), format!("the field of `{}`", member.wire_name)),
            (member.setter.as_str(), format!("the setter of `{}`", member.wire_name)),
            (member.getter.as_str(), format!("the getter of `{}`", member.wire_name)),
        ];
        for (name, what) in names {
            if let Some(previous) = seen.insert(name, what.clone()) {
                return Err(Error::unsupported(
                    id,
                    format!("{previous} and {what} are both named `{name}` in Rust"),
                ));
            }
        }
    }
    Ok(())
}

/// Shapes from different namespaces can share a name, and names that differ only in case or
/// underscores can share a snake_case form; Rust items in one module cannot. Every name the
/// crate defines in a shared module is checked here, so a clash is an error naming both
/// shapes, never code that does not compile.
pub(super) fn check_generated_names(krate: &CrateIr) -> Result<()> {
    let mut names = NameSpaces::default();
    for s in &krate.structures {
        names.claim("types", &s.rust_name, &s.shape_id)?;
        names.claim("types modules", &s.module, &s.shape_id)?;
        names.claim_helpers([&s.serializer_fn, &s.deserializer_fn, &s.validator_fn], &s.shape_id)?;
    }
    for e in &krate.errors {
        // Errors live in `types::error`, but share a name with no type: the wire code is the
        // shape name, and the operation error enums have a variant of that name for each.
        names.claim("types", &e.rust_name, &e.shape_id)?;
        names.claim("types::error modules", &e.module, &e.shape_id)?;
        names.claim_helpers([&e.serializer_fn, &e.deserializer_fn, &e.validator_fn], &e.shape_id)?;
    }
    for u in &krate.unions {
        names.claim("types", &u.rust_name, &u.shape_id)?;
        names.claim("types modules", &u.module, &u.shape_id)?;
        names.claim_helpers([&u.serializer_fn, &u.deserializer_fn, &u.validator_fn], &u.shape_id)?;
    }
    for e in &krate.enums {
        names.claim("types", &e.rust_name, &e.rust_name)?;
        names.claim("types modules", &e.module, &e.rust_name)?;
    }
    for op in &krate.operations {
        let origin = format!("operation {}", op.name);
        names.claim("operation modules", &op.module, &origin)?;
        let helpers = [&op.input.serializer_fn, &op.output.deserializer_fn, &op.input.validator_fn, &op.error_parser_fn];
        names.claim_helpers(helpers, &origin)?;
    }
    Ok(())
}

/// Marks which shared structures and unions appear in requests (they need serializers) and
/// which in responses (they need deserializers), so that no unused code is generated.
pub(super) fn mark_directions(krate: &mut CrateIr) {
    let mut requests = BTreeSet::new();
    let mut responses = BTreeSet::new();
    for operation in &krate.operations {
        collect_aggregates(krate, operation.input.members.iter().map(|m| &m.ty).collect(), &mut requests);
        collect_aggregates(krate, operation.output.members.iter().map(|m| &m.ty).collect(), &mut responses);
    }
    for error in &krate.errors {
        collect_aggregates(krate, error.members.iter().map(|m| &m.ty).collect(), &mut responses);
    }
    for structure in &mut krate.structures {
        structure.serialized = requests.contains(&structure.rust_name);
        structure.deserialized = responses.contains(&structure.rust_name);
    }
    for union in &mut krate.unions {
        union.serialized = requests.contains(&union.rust_name);
        union.deserialized = responses.contains(&union.rust_name);
    }
}

pub(super) fn collect_aggregates(krate: &CrateIr, types: Vec<&RustType>, found: &mut BTreeSet<String>) {
    for ty in types {
        let name = match innermost(ty) {
            RustType::Structure(name) | RustType::Union(name) => name,
            _ => continue,
        };
        if !found.insert(name.clone()) {
            continue;
        }
        if let Some(structure) = krate.structures.iter().find(|s| &s.rust_name == name) {
            collect_aggregates(krate, structure.members.iter().map(|m| &m.ty).collect(), found);
        }
        if let Some(union) = krate.unions.iter().find(|u| &u.rust_name == name) {
            collect_aggregates(krate, union.variants.iter().filter_map(|v| v.ty.as_ref()).collect(), found);
        }
    }
}

/// The type inside any lists, maps and boxes.
pub(super) fn innermost(ty: &RustType) -> &RustType {
    match ty {
        RustType::List { element: inner, .. } | RustType::Map { value: inner, .. } | RustType::Boxed(inner) => {
            innermost(inner)
        }
        other => other,
    }
}

/// Names already taken, per Rust namespace, with the shape (or operation) that took each.
#[derive(Default)]
struct NameSpaces {
    taken: BTreeMap<(&'static str, String), String>,
}

impl NameSpaces {
    fn claim(&mut self, space: &'static str, name: &str, origin: &str) -> Result<()> {
        match self.taken.insert((space, name.to_owned()), origin.to_owned()) {
            Some(previous) if previous != origin => Err(Error::unsupported(
                origin,
                format!("its generated name `{name}` is already taken by `{previous}`"),
            )),
            _ => Ok(()),
        }
    }

    /// Serializers, deserializers and checkers share two flat private modules.
    fn claim_helpers<'a>(&mut self, helpers: impl IntoIterator<Item = &'a String>, origin: &str) -> Result<()> {
        for helper in helpers {
            self.claim("helper functions", helper, origin)?;
        }
        Ok(())
    }
}
