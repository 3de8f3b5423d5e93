//! The set of shapes the chosen operations need: their inputs, outputs and errors, the
//! service's common errors, and everything those reach through members.

use std::collections::BTreeSet;

use crate::error::{Error, Result};
use crate::model::{traits, Model, Shape, ShapeId, ShapeKind};
use crate::naming::snake_case;

/// The chosen operations of one service and every shape they reach.
#[derive(Debug)]
pub struct OperationClosure {
    pub service: ShapeId,
    /// Chosen operations sorted by shape id, so output depends neither on argument order nor
    /// on the order the model lists them in.
    pub operations: Vec<ShapeId>,
    pub shapes: BTreeSet<ShapeId>,
    /// Operations of the service left out of an all-operations crate, each with the reason.
    pub left_out: Vec<(ShapeId, String)>,
}

impl OperationClosure {
    /// Resolves `names` (operation shape names; all of the service's when empty) against
    /// `service` (the model's only service when `None`).
    pub fn resolve(model: &Model, service: Option<&ShapeId>, names: &[String]) -> Result<Self> {
        let service = find_service(model, service)?;
        let ShapeKind::Service(service_shape) = &service.kind else {
            unreachable!("find_service returns services only");
        };
        let available = service_operations(model, service)?;
        let mut operations = select_operations(&service.id, &available, names)?;
        let mut left_out = Vec::new();
        for id in &operations {
            if let Some(reason) = unsupported_streaming(model, service, id) {
                if !names.is_empty() {
                    return Err(Error::unsupported(id, reason));
                }
                left_out.push((id.clone(), reason));
            }
        }
        operations.retain(|id| !left_out.iter().any(|(out, _)| out == id));
        // A crate of no operations would be types nothing sends or reads.
        if operations.is_empty() {
            if let Some((first, reason)) = left_out.first() {
                return Err(Error::unsupported(
                    &service.id,
                    format!("every operation is left out ({} of them); `{}`: {reason}", left_out.len(), first.name()),
                ));
            }
        }
        let mut closure = Self {
            service: service.id.clone(),
            operations: operations.clone(),
            shapes: BTreeSet::new(),
            left_out,
        };
        for operation_id in &operations {
            let Some(ShapeKind::Operation(operation)) = model.shape(operation_id).map(|s| &s.kind)
            else {
                return Err(Error::model(operation_id, "is listed as an operation but is not one"));
            };
            for (role, target) in [("input", &operation.input), ("output", &operation.output)] {
                if let Some(target) = target {
                    expect_structure(model, operation_id, role, target)?;
                    closure.visit(model, target);
                }
            }
            for error in operation.errors.iter().chain(&service_shape.errors) {
                expect_structure(model, operation_id, "error", error)?;
                if !model.shape(error).is_some_and(|s| s.traits.has(traits::ERROR)) {
                    return Err(Error::model(
                        operation_id,
                        format!("error `{error}` has no `smithy.api#error` trait"),
                    ));
                }
                closure.visit(model, error);
            }
        }
        Ok(closure)
    }

    fn visit(&mut self, model: &Model, id: &ShapeId) {
        if !self.shapes.insert(id.clone()) {
            return;
        }
        if let Some(shape) = model.shape(id) {
            for member in shape.kind.members() {
                self.visit(model, &member.target);
            }
        }
    }
}

pub(crate) fn find_service<'m>(model: &'m Model, wanted: Option<&ShapeId>) -> Result<&'m Shape> {
    if let Some(id) = wanted {
        let shape = model
            .shape(id)
            .ok_or_else(|| Error::model(id, "no such service in the model"))?;
        return match shape.kind {
            ShapeKind::Service(_) => Ok(shape),
            _ => Err(Error::model(id, format!("is a {}, not a service", shape.kind.type_name()))),
        };
    }
    let services: Vec<&Shape> = model
        .shapes()
        .filter(|shape| matches!(shape.kind, ShapeKind::Service(_)))
        .collect();
    match services.as_slice() {
        [only] => Ok(only),
        [] => Err(Error::model("the model", "has no service shape")),
        many => Err(Error::model(
            "the model",
            format!(
                "has {} services ({}); choose one with --service",
                many.len(),
                many.iter().map(|s| s.id.to_string()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// Operations bound to the service directly or through its resources, in model order.
pub(crate) fn service_operations(model: &Model, service: &Shape) -> Result<Vec<ShapeId>> {
    let ShapeKind::Service(service_shape) = &service.kind else {
        return Ok(Vec::new());
    };
    let mut operations = service_shape.operations.clone();
    let mut pending: Vec<ShapeId> = service_shape.resources.iter().rev().cloned().collect();
    let mut seen = BTreeSet::new();
    while let Some(resource_id) = pending.pop() {
        if !seen.insert(resource_id.clone()) {
            continue;
        }
        let Some(ShapeKind::Resource(resource)) = model.shape(&resource_id).map(|s| &s.kind) else {
            return Err(Error::model(&resource_id, "is bound as a resource but is not one"));
        };
        operations.extend(resource.operations.iter().cloned());
        pending.extend(resource.resources.iter().rev().cloned());
    }
    let mut unique = BTreeSet::new();
    operations.retain(|id| unique.insert(id.clone()));
    Ok(operations)
}

/// The chosen operations sorted by shape id: a service's operations are a set in Smithy, so
/// output must not depend on the order a model file happens to list them in. A name may be
/// the shape name (`DescribeWorkspaces`) or its Rust module name (`describe_workspaces`).
fn select_operations(service: &ShapeId, available: &[ShapeId], names: &[String]) -> Result<Vec<ShapeId>> {
    let mut available = available.to_vec();
    available.sort();
    if names.is_empty() {
        return Ok(available);
    }
    let mut chosen = BTreeSet::new();
    for name in names {
        let found = available
            .iter()
            .find(|id| id.name() == name)
            .or_else(|| available.iter().find(|id| names_operation(id, name)));
        match found {
            Some(id) => {
                chosen.insert(id.clone());
            }
            None => return Err(Error::model(service, unknown_operation(name, &available))),
        }
    }
    Ok(chosen.into_iter().collect())
}

/// Whether `name` (as a user writes it: the shape name or its snake_case) names `operation`.
pub(crate) fn names_operation(operation: &ShapeId, name: &str) -> bool {
    operation.name() == name || snake_case(operation.name()) == name
}

/// "has no operation named `X`", with the closest names when some are close enough to be a
/// typo of it.
fn unknown_operation(name: &str, available: &[ShapeId]) -> String {
    let wanted = name.replace('_', "").to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = available
        .iter()
        .map(|id| (edit_distance(&wanted, &id.name().to_ascii_lowercase()), id.name()))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 4).max(2))
        .collect();
    scored.sort();
    let closest: Vec<String> = scored.iter().take(3).map(|(_, name)| format!("`{name}`")).collect();
    match closest.as_slice() {
        [] => format!("has no operation named `{name}` (it has {} operations)", available.len()),
        [one] => format!("has no operation named `{name}`; did you mean {one}?"),
        many => format!("has no operation named `{name}`; did you mean one of {}?", many.join(", ")),
    }
}

/// Levenshtein distance over bytes: operation names are ASCII.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &left) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, &right) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(left != right);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// Why `operation` cannot be generated yet, if it streams: an input or output member that
/// targets a `@streaming` shape (an event stream union, or a streaming blob) needs framing
/// that smithy-bind does not generate. Asked for by name, such an operation is an error;
/// in an all-operations crate it is left out with a warning, and the rest is generated.
///
/// A streaming blob that is the `@httpPayload` of a restJson1 service's operation is the
/// whole body, which the bindings hold in memory like any blob; only that form is generated.
fn unsupported_streaming(model: &Model, service: &Shape, operation: &ShapeId) -> Option<String> {
    let rest = service.traits.has(crate::model::traits::REST_JSON_1);
    let Some(ShapeKind::Operation(shape)) = model.shape(operation).map(|s| &s.kind) else {
        return None;
    };
    for (role, target) in [("input", &shape.input), ("output", &shape.output)] {
        let Some(structure) = target.as_ref().and_then(|id| model.shape(id)) else {
            continue;
        };
        for member in structure.kind.members() {
            let Some(stream) = model.shape(&member.target).filter(|s| s.traits.has("smithy.api#streaming")) else {
                continue;
            };
            let blob = matches!(stream.kind, ShapeKind::Simple(crate::model::SimpleType::Blob));
            if blob && rest && member.traits.has(crate::model::traits::HTTP_PAYLOAD) {
                continue;
            }
            let what = if matches!(stream.kind, ShapeKind::Union(_)) { "an event stream" } else { "a streaming body" };
            return Some(format!(
                "its {role} member `{}` is {what} (`@streaming` {} `{}`), which smithy-bind does not generate yet",
                member.name(),
                stream.kind.type_name(),
                stream.id
            ));
        }
    }
    None
}

fn expect_structure(model: &Model, operation: &ShapeId, role: &str, target: &ShapeId) -> Result<()> {
    match model.shape(target).map(|shape| &shape.kind) {
        Some(ShapeKind::Structure(_)) => Ok(()),
        Some(other) => Err(Error::model(
            operation,
            format!("its {role} `{target}` must be a structure, not a {}", other.type_name()),
        )),
        None => Err(Error::model(operation, format!("its {role} `{target}` does not exist"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<ShapeId> {
        names.iter().map(|name| ShapeId::parse(&format!("ns#{name}")).unwrap()).collect()
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn operations_are_found_by_shape_name_or_snake_case() {
        let service = ShapeId::parse("ns#Service").unwrap();
        let available = ids(&["DescribeWorkspaces", "RegisterWorkspaceDirectory"]);
        let names = vec!["describe_workspaces".to_owned(), "RegisterWorkspaceDirectory".to_owned()];
        assert_eq!(select_operations(&service, &available, &names).unwrap(), available);
    }

    #[test]
    fn a_typo_suggests_the_closest_names() {
        let available = ids(&["DescribeWorkspaces", "DescribeWorkspaceImages", "RebootWorkspaces", "RebuildWorkspaces"]);
        assert_eq!(
            unknown_operation("RebotWorkspaces", &available),
            "has no operation named `RebotWorkspaces`; did you mean one of `RebootWorkspaces`, `RebuildWorkspaces`?"
        );
        assert_eq!(
            unknown_operation("describe_workspacs", &available),
            "has no operation named `describe_workspacs`; did you mean `DescribeWorkspaces`?"
        );
        assert_eq!(unknown_operation("Frobnicate", &available), "has no operation named `Frobnicate` (it has 4 operations)");
    }
}
