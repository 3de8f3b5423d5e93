//! The constraint traits client-side validation checks, gathered per member.

use serde_json::Value;

use super::lookup;
use crate::error::{Error, Result};
use crate::ir::{CrateIr, Constraints};
use crate::model::{traits, Member, Model, ShapeKind};

/// Every pattern left to the service in these constraints or the ones nested in them.
pub(super) fn unchecked_patterns(constraints: &Constraints) -> Vec<&str> {
    let mut found: Vec<&str> = constraints.unchecked_pattern.as_deref().into_iter().collect();
    for nested in constraints.element.iter().chain(&constraints.key) {
        found.extend(unchecked_patterns(nested));
    }
    found
}

/// One warning per member whose pattern the generated validation cannot check.
pub(super) fn pattern_warnings(krate: &CrateIr) -> Vec<String> {
    let structures = krate.operations.iter().map(|op| &op.input).chain(&krate.structures);
    let mut warnings = Vec::new();
    for structure in structures {
        for member in &structure.members {
            for pattern in unchecked_patterns(&member.constraints) {
                warnings.push(format!(
                    "{}${}: pattern {pattern:?} is not checked by validate() (regex-lite cannot compile it); the service still checks it",
                    structure.shape_id, member.wire_name
                ));
            }
        }
    }
    warnings
}

/// The constraints on a member: its own traits over its target's, and those of list items,
/// map keys and map values below it.
pub(super) fn constraints(model: &Model, member: &Member) -> Result<Constraints> {
    let target = lookup(model, &member.target)?;
    let trait_of = |id: &str| member.traits.get(id).or_else(|| target.traits.get(id));
    let bounds = |id: &str| -> Result<Option<(Option<f64>, Option<f64>)>> {
        let Some(value) = trait_of(id) else {
            return Ok(None);
        };
        let bound = |key: &str| -> Result<Option<f64>> {
            match value.get(key) {
                None => Ok(None),
                Some(number) => number
                    .as_f64()
                    .map(Some)
                    .ok_or_else(|| Error::model(&member.id, format!("`{id}` {key} must be a number"))),
            }
        };
        Ok(Some((bound("min")?, bound("max")?)))
    };
    let (pattern, unchecked_pattern) = match trait_of("smithy.api#pattern") {
        None => (None, None),
        Some(Value::String(pattern)) if regex_lite::Regex::new(pattern).is_ok() => (Some(pattern.clone()), None),
        Some(Value::String(pattern)) => (None, Some(pattern.clone())),
        Some(other) => return Err(Error::model(&member.id, format!("`smithy.api#pattern` must be a string, found {other}"))),
    };
    let (element, key) = match &target.kind {
        ShapeKind::List(element) => (Some(Box::new(constraints(model, element)?)), None),
        ShapeKind::Map { key, value } => (
            Some(Box::new(constraints(model, value)?)),
            Some(Box::new(constraints(model, key)?)),
        ),
        _ => (None, None),
    };
    Ok(Constraints {
        required: member.traits.has(traits::REQUIRED),
        length: bounds("smithy.api#length")?.map(|(min, max)| (min.map(|v| v as u64), max.map(|v| v as u64))),
        pattern,
        unchecked_pattern,
        range: bounds("smithy.api#range")?,
        unique_items: target.traits.has(traits::UNIQUE_ITEMS),
        element,
        key,
    })
}
