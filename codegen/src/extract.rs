//! Writes the closure of chosen operations as a small JSON AST model: the facts the generator
//! reads and nothing an official model says in prose. A project keeps that file beside its
//! own documentation (an IDL file of `apply` statements), so that a model update is one
//! command and the documentation survives it.
//!
//! Prose is every `@documentation`, `@externalDocumentation` and `@examples` trait, the
//! `message` of `@deprecated`, and the `documentation` fields inside the endpoint rules and
//! their tests. Everything else is kept as the source states it, after the loader's
//! normalising (1.0 forms written as 2.0, mixins and `apply` folded in).

use serde_json::{json, Map, Value};

use crate::closure::OperationClosure;
use crate::error::{Error, Result};
use crate::model::{Member, Model, Shape, ShapeId, ShapeKind, Traits, PRELUDE_NAMESPACE};

/// Traits whose whole value is prose.
const PROSE_TRAITS: [&str; 3] = ["smithy.api#documentation", "smithy.api#externalDocumentation", "smithy.api#examples"];
/// Traits that hold prose in nested `documentation` fields.
const RULE_TRAITS: [&str; 2] = ["smithy.rules#endpointRuleSet", "smithy.rules#endpointTests"];
const DEPRECATED: &str = "smithy.api#deprecated";

/// The JSON AST document of `closure`: its shapes, its operations, and its service listing
/// only those operations (resources are not carried over; their operations are listed on the
/// service directly, which binds them the same way for a client).
pub fn extract(model: &Model, closure: &OperationClosure) -> Result<Value> {
    let mut shapes = Map::new();
    let ids = closure.shapes.iter().chain(&closure.operations).chain(std::iter::once(&closure.service));
    let mut ids: Vec<&ShapeId> = ids.filter(|id| id.namespace() != PRELUDE_NAMESPACE).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let shape = model.shape(id).ok_or_else(|| Error::model(id, "is in the closure but not in the model"))?;
        let body = if *id == closure.service { service_json(shape, &closure.operations) } else { shape_json(shape) };
        shapes.insert(id.to_string(), body);
    }
    Ok(json!({ "smithy": "2.0", "shapes": shapes }))
}

/// `value` as the text of a JSON AST file: four-space indents and a final newline, as the
/// official models are written, so diffs of the file read well.
pub fn to_json_text(value: &Value) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(value, &mut serializer).expect("a JSON value always serializes");
    let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
    text.push('\n');
    text
}

fn service_json(shape: &Shape, operations: &[ShapeId]) -> Value {
    let ShapeKind::Service(service) = &shape.kind else { unreachable!("the closure's service is a service") };
    let mut body = Map::new();
    body.insert("type".into(), json!("service"));
    if let Some(version) = &service.version {
        body.insert("version".into(), json!(version));
    }
    insert_targets(&mut body, "operations", operations);
    insert_targets(&mut body, "errors", &service.errors);
    insert_traits(&mut body, &shape.traits);
    Value::Object(body)
}

fn shape_json(shape: &Shape) -> Value {
    let mut body = Map::new();
    body.insert("type".into(), json!(shape.kind.type_name()));
    match &shape.kind {
        ShapeKind::Simple(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => {}
        ShapeKind::Enum(members) => {
            let members = members.iter().map(|m| (m.name.clone(), enum_member_json(json!(m.value), &m.traits)));
            body.insert("members".into(), Value::Object(members.collect()));
        }
        ShapeKind::IntEnum(members) => {
            let members = members.iter().map(|m| (m.name.clone(), enum_member_json(json!(m.value), &m.traits)));
            body.insert("members".into(), Value::Object(members.collect()));
        }
        ShapeKind::List(member) => {
            body.insert("member".into(), member_json(member));
        }
        ShapeKind::Map { key, value } => {
            body.insert("key".into(), member_json(key));
            body.insert("value".into(), member_json(value));
        }
        ShapeKind::Structure(members) | ShapeKind::Union(members) => {
            let members = members.iter().map(|m| (m.name().to_owned(), member_json(m)));
            body.insert("members".into(), Value::Object(members.collect()));
        }
        ShapeKind::Operation(operation) => {
            for (key, target) in [("input", &operation.input), ("output", &operation.output)] {
                if let Some(target) = target {
                    body.insert(key.into(), json!({ "target": target.to_string() }));
                }
            }
            insert_targets(&mut body, "errors", &operation.errors);
        }
    }
    insert_traits(&mut body, &shape.traits);
    Value::Object(body)
}

fn member_json(member: &Member) -> Value {
    let mut body = Map::new();
    body.insert("target".into(), json!(member.target.to_string()));
    insert_traits(&mut body, &member.traits);
    Value::Object(body)
}

fn enum_member_json(value: Value, traits: &Traits) -> Value {
    let mut body = Map::new();
    body.insert("target".into(), json!("smithy.api#Unit"));
    let mut traits = facts(traits);
    traits.insert("smithy.api#enumValue".into(), value);
    body.insert("traits".into(), Value::Object(sorted(traits)));
    Value::Object(body)
}

fn insert_targets(body: &mut Map<String, Value>, key: &str, targets: &[ShapeId]) {
    if !targets.is_empty() {
        let targets = targets.iter().map(|id| json!({ "target": id.to_string() }));
        body.insert(key.into(), Value::Array(targets.collect()));
    }
}

fn insert_traits(body: &mut Map<String, Value>, traits: &Traits) {
    let traits = facts(traits);
    if !traits.is_empty() {
        body.insert("traits".into(), Value::Object(traits));
    }
}

/// The traits that are facts, in trait id order, with prose taken out of those that mix both.
fn facts(traits: &Traits) -> Map<String, Value> {
    let mut out = Map::new();
    for (id, value) in traits.iter() {
        let name = id.to_string();
        if PROSE_TRAITS.contains(&name.as_str()) {
            continue;
        }
        let value = if RULE_TRAITS.contains(&name.as_str()) {
            without_documentation_fields(value)
        } else if name == DEPRECATED {
            without_key(value, "message")
        } else {
            value.clone()
        };
        out.insert(name, value);
    }
    sorted(out)
}

fn sorted(map: Map<String, Value>) -> Map<String, Value> {
    let mut entries: Vec<(String, Value)> = map.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().collect()
}

fn without_key(value: &Value, key: &str) -> Value {
    match value {
        Value::Object(object) => Value::Object(object.iter().filter(|(k, _)| *k != key).map(|(k, v)| (k.clone(), v.clone())).collect()),
        other => other.clone(),
    }
}

/// `value` with every object field named `documentation` removed, at any depth.
pub fn without_documentation_fields(value: &Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter(|(key, _)| *key != "documentation")
                .map(|(key, inner)| (key.clone(), without_documentation_fields(inner)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_documentation_fields).collect()),
        other => other.clone(),
    }
}
