//! Reads the Smithy JSON AST (2.0, and the 1.0 forms still found in AWS models) into a
//! [`Model`]. Every problem is reported with the shape id, or the JSON path where no shape
//! id is known yet, and what was expected there.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::prelude::add_prelude;
use super::{
    traits, EnumMember, IntEnumMember, Member, Model, Operation, Resource, Service, Shape,
    ShapeId, ShapeKind, SimpleType, Traits,
};
use crate::error::{Error, Result};

/// Loads a model from JSON AST text. `source` names the text in error messages.
pub fn load_json_ast(text: &str, source: &str) -> Result<Model> {
    let root: Value = serde_json::from_str(text).map_err(|error| Error::Json {
        path: source.to_owned(),
        source: error,
    })?;
    load_json_value(&root)
}

/// Loads a model from an already parsed JSON AST.
pub fn load_json_value(root: &Value) -> Result<Model> {
    load_json_values(std::slice::from_ref(root))
}

/// Loads one model from several JSON AST documents, as Smithy assembles a model from many
/// files: a shape may be defined once, and `apply` entries of any document reach shapes of all.
pub fn load_json_values(roots: &[Value]) -> Result<Model> {
    let mut model = Model::default();
    add_prelude(&mut model);
    let mut applies = Vec::new();
    let mut mixins = BTreeMap::new();
    for root in roots {
        let root = as_object(root, "the model root")?;
        check_version(root)?;
        let Some(shapes) = root.get("shapes") else {
            continue;
        };
        for (id_text, body) in as_object(shapes, "`shapes`")? {
            let location = format!("shapes[\"{id_text}\"]");
            let id = ShapeId::parse(id_text).map_err(|problem| Error::model(&location, problem))?;
            let body = as_object(body, &id.to_string())?;
            if field_str(body, "type", &id)? == "apply" {
                let applied = read_traits(body.get("traits"), &id)?;
                applies.push((id, applied));
                continue;
            }
            if id.member().is_some() {
                return Err(Error::model(&id, "only `apply` may use a member id as its key"));
            }
            let shape_mixins = read_targets(body.get("mixins"), &id, "mixins")?;
            if !shape_mixins.is_empty() {
                mixins.insert(id.clone(), shape_mixins);
            }
            if model.shape(&id).is_some() && !id.is_prelude() {
                return Err(Error::model(&id, "is defined more than once"));
            }
            model.insert(read_shape(id, body)?);
        }
    }
    apply_mixins(&mut model, &mixins)?;
    for (target, applied) in applies {
        apply_traits(&mut model, &target, applied)?;
    }
    check_references(&model)?;
    Ok(model)
}

fn check_version(root: &Map<String, Value>) -> Result<()> {
    match root.get("smithy").and_then(Value::as_str) {
        Some("1" | "1.0" | "2" | "2.0") => Ok(()),
        Some(other) => Err(Error::unsupported(
            "`smithy`",
            format!("version {other:?} is not supported (expected \"1.0\" or \"2.0\")"),
        )),
        None => Err(Error::model(
            "the model root",
            "missing the `smithy` version string; is this a Smithy JSON AST?",
        )),
    }
}

fn read_shape(id: ShapeId, body: &Map<String, Value>) -> Result<Shape> {
    let type_name = field_str(body, "type", &id)?;
    let mut traits = read_traits(body.get("traits"), &id)?;
    let kind = match type_name {
        "list" | "set" => {
            if type_name == "set" {
                traits.insert(ShapeId::prelude("uniqueItems"), Value::Object(Map::new()));
            }
            ShapeKind::List(read_member(&id, "member", required_field(body, "member", &id)?)?)
        }
        "map" => ShapeKind::Map {
            key: read_member(&id, "key", required_field(body, "key", &id)?)?,
            value: read_member(&id, "value", required_field(body, "value", &id)?)?,
        },
        "structure" => ShapeKind::Structure(read_members(&id, body)?),
        "union" => ShapeKind::Union(read_members(&id, body)?),
        "enum" => ShapeKind::Enum(read_enum_members(&id, body)?),
        "intEnum" => ShapeKind::IntEnum(read_int_enum_members(&id, body)?),
        "operation" => ShapeKind::Operation(Operation {
            input: read_target(body.get("input"), &id, "input")?,
            output: read_target(body.get("output"), &id, "output")?,
            errors: read_targets(body.get("errors"), &id, "errors")?,
        }),
        "service" => ShapeKind::Service(Service {
            version: match body.get("version") {
                None => None,
                Some(value) => Some(
                    value
                        .as_str()
                        .ok_or_else(|| Error::model(&id, "`version` must be a string"))?
                        .to_owned(),
                ),
            },
            operations: read_targets(body.get("operations"), &id, "operations")?,
            resources: read_targets(body.get("resources"), &id, "resources")?,
            errors: read_targets(body.get("errors"), &id, "errors")?,
            rename: read_rename(body.get("rename"), &id)?,
        }),
        "resource" => ShapeKind::Resource(read_resource(&id, body)?),
        "string" if traits.has(traits::ENUM) => {
            let definitions = traits.remove(traits::ENUM).unwrap_or_default();
            ShapeKind::Enum(enum_members_from_trait(&id, &definitions)?)
        }
        other => match SimpleType::from_type_name(other) {
            Some(simple) => ShapeKind::Simple(simple),
            None => {
                return Err(Error::model(
                    &id,
                    format!("unknown shape type {other:?}"),
                ))
            }
        },
    };
    Ok(Shape { id, kind, traits })
}

/// A service's `rename` map: absolute shape ids to the names they take in the service.
fn read_rename(value: Option<&Value>, id: &ShapeId) -> Result<std::collections::BTreeMap<ShapeId, String>> {
    let mut rename = std::collections::BTreeMap::new();
    let Some(value) = value else {
        return Ok(rename);
    };
    let entries = value.as_object().ok_or_else(|| Error::model(id, "`rename` must be an object"))?;
    for (from, to) in entries {
        let from = ShapeId::parse(from).map_err(|problem| Error::model(id, format!("`rename` key: {problem}")))?;
        let to = to
            .as_str()
            .filter(|to| !to.is_empty() && !to.contains(['#', '$', '.']))
            .ok_or_else(|| Error::model(id, format!("`rename` of `{from}` must be a shape name")))?;
        rename.insert(from, to.to_owned());
    }
    Ok(rename)
}

fn read_resource(id: &ShapeId, body: &Map<String, Value>) -> Result<Resource> {
    let mut operations = Vec::new();
    for lifecycle in ["create", "put", "read", "update", "delete", "list"] {
        operations.extend(read_target(body.get(lifecycle), id, lifecycle)?);
    }
    operations.extend(read_targets(body.get("operations"), id, "operations")?);
    operations.extend(read_targets(
        body.get("collectionOperations"),
        id,
        "collectionOperations",
    )?);
    Ok(Resource {
        operations,
        resources: read_targets(body.get("resources"), id, "resources")?,
    })
}

fn read_members(id: &ShapeId, body: &Map<String, Value>) -> Result<Vec<Member>> {
    let Some(members) = body.get("members") else {
        return Ok(Vec::new());
    };
    let members = as_object(members, &format!("{id}: `members`"))?;
    let mut folded_names = BTreeMap::new();
    let mut result = Vec::with_capacity(members.len());
    for (name, member) in members {
        if let Some(previous) = folded_names.insert(name.to_lowercase(), name.clone()) {
            return Err(Error::model(
                id,
                format!("members `{previous}` and `{name}` differ only in case, which Smithy forbids"),
            ));
        }
        result.push(read_member(id, name, member)?);
    }
    Ok(result)
}

fn read_member(parent: &ShapeId, name: &str, body: &Value) -> Result<Member> {
    let member_id = ShapeId::parse(&format!("{parent}${name}"))
        .map_err(|problem| Error::model(parent, format!("bad member name: {problem}")))?;
    let body = as_object(body, &member_id.to_string())?;
    let target = field_str(body, "target", &member_id)?;
    let target = ShapeId::parse(target)
        .map_err(|problem| Error::model(&member_id, format!("bad `target`: {problem}")))?;
    Ok(Member {
        traits: read_traits(body.get("traits"), &member_id)?,
        id: member_id,
        target,
    })
}

fn read_enum_members(id: &ShapeId, body: &Map<String, Value>) -> Result<Vec<EnumMember>> {
    let members = read_members(id, body)?;
    if members.is_empty() {
        return Err(Error::model(id, "an enum needs at least one member"));
    }
    members
        .into_iter()
        .map(|mut member| {
            let value = match member.traits.remove(traits::ENUM_VALUE) {
                None => member.name().to_owned(),
                Some(Value::String(value)) => value,
                Some(other) => {
                    return Err(Error::model(
                        &member.id,
                        format!("`smithy.api#enumValue` of an enum must be a string, found {other}"),
                    ))
                }
            };
            Ok(EnumMember {
                name: member.name().to_owned(),
                value,
                traits: member.traits,
            })
        })
        .collect()
}

fn read_int_enum_members(id: &ShapeId, body: &Map<String, Value>) -> Result<Vec<IntEnumMember>> {
    let members = read_members(id, body)?;
    if members.is_empty() {
        return Err(Error::model(id, "an intEnum needs at least one member"));
    }
    members
        .into_iter()
        .map(|mut member| {
            let value = member
                .traits
                .remove(traits::ENUM_VALUE)
                .and_then(|value| value.as_i64())
                .ok_or_else(|| {
                    Error::model(&member.id, "an intEnum member needs an integer `smithy.api#enumValue`")
                })?;
            Ok(IntEnumMember {
                name: member.name().to_owned(),
                value,
                traits: member.traits,
            })
        })
        .collect()
}

/// Turns the Smithy 1.0 `@enum` trait into enum members. Unnamed definitions take their
/// value as the member name, which is how smithy-rs names their variants.
fn enum_members_from_trait(id: &ShapeId, definitions: &Value) -> Result<Vec<EnumMember>> {
    let definitions = definitions
        .as_array()
        .filter(|list| !list.is_empty())
        .ok_or_else(|| Error::model(id, "`smithy.api#enum` must be a non-empty list"))?;
    definitions
        .iter()
        .map(|definition| {
            let value = definition
                .get("value")
                .and_then(Value::as_str)
                .ok_or_else(|| Error::model(id, "each `smithy.api#enum` entry needs a string `value`"))?;
            let mut member_traits = Traits::default();
            if let Some(doc) = definition.get("documentation") {
                member_traits.insert(ShapeId::prelude("documentation"), doc.clone());
            }
            if definition.get("deprecated").and_then(Value::as_bool) == Some(true) {
                member_traits.insert(ShapeId::prelude("deprecated"), Value::Object(Map::new()));
            }
            let name = definition.get("name").and_then(Value::as_str).unwrap_or(value);
            Ok(EnumMember {
                name: name.to_owned(),
                value: value.to_owned(),
                traits: member_traits,
            })
        })
        .collect()
}

fn read_traits(traits: Option<&Value>, owner: &ShapeId) -> Result<Traits> {
    let mut result = Traits::default();
    let Some(traits) = traits else {
        return Ok(result);
    };
    for (key, value) in as_object(traits, &format!("{owner}: `traits`"))? {
        let trait_id = ShapeId::parse(key)
            .map_err(|problem| Error::model(owner, format!("bad trait id: {problem}")))?;
        result.insert(trait_id, value.clone());
    }
    check_trait_conflicts(&result, owner)?;
    Ok(result)
}

/// Trait pairs the Smithy specification forbids on one shape or member.
fn check_trait_conflicts(traits: &Traits, owner: &ShapeId) -> Result<()> {
    const CONFLICTS: &[(&str, &str)] = &[
        ("smithy.api#input", "smithy.api#output"),
        ("smithy.api#input", "smithy.api#error"),
        ("smithy.api#output", "smithy.api#error"),
    ];
    for (first, second) in CONFLICTS {
        if traits.has(first) && traits.has(second) {
            return Err(Error::model(
                owner,
                format!("traits `{first}` and `{second}` cannot be applied together"),
            ));
        }
    }
    Ok(())
}

fn read_target(value: Option<&Value>, owner: &ShapeId, field: &str) -> Result<Option<ShapeId>> {
    value.map(|value| target_of(value, owner, field)).transpose()
}

fn read_targets(value: Option<&Value>, owner: &ShapeId, field: &str) -> Result<Vec<ShapeId>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    value
        .as_array()
        .ok_or_else(|| Error::model(owner, format!("`{field}` must be a list")))?
        .iter()
        .map(|item| target_of(item, owner, field))
        .collect()
}

/// The shape id in a `{"target": "ns#Name"}` reference.
fn target_of(value: &Value, owner: &ShapeId, field: &str) -> Result<ShapeId> {
    let target = value
        .get("target")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::model(owner, format!("`{field}` must be an object with a string `target`")))?;
    ShapeId::parse(target)
        .map_err(|problem| Error::model(owner, format!("bad `{field}` target: {problem}")))
}

/// Copies the members and traits of each shape's mixins into it, mixins first, the shape's
/// own members and traits last so that they override what they redeclare.
fn apply_mixins(model: &mut Model, mixins: &BTreeMap<ShapeId, Vec<ShapeId>>) -> Result<()> {
    let mut done = BTreeSet::new();
    for id in mixins.keys() {
        apply_mixins_to(model, mixins, id, &mut done, &mut Vec::new())?;
    }
    Ok(())
}

fn apply_mixins_to(
    model: &mut Model,
    mixins: &BTreeMap<ShapeId, Vec<ShapeId>>,
    id: &ShapeId,
    done: &mut BTreeSet<ShapeId>,
    path: &mut Vec<ShapeId>,
) -> Result<()> {
    if done.contains(id) {
        return Ok(());
    }
    if path.contains(id) {
        return Err(Error::model(id, "mixins form a cycle"));
    }
    let Some(own_mixins) = mixins.get(id) else {
        done.insert(id.clone());
        return Ok(());
    };
    path.push(id.clone());
    for mixin in own_mixins {
        apply_mixins_to(model, mixins, mixin, done, path)?;
    }
    path.pop();
    let mut shape = model.shape(id).cloned().ok_or_else(|| Error::model(id, "shape not found"))?;
    let mut members: Vec<Member> = Vec::new();
    let mut traits = Traits::default();
    for mixin_id in own_mixins {
        let mixin = model
            .shape(mixin_id)
            .ok_or_else(|| Error::model(id, format!("mixin `{mixin_id}` does not exist")))?;
        if !mixin.traits.has(traits::MIXIN) {
            return Err(Error::model(id, format!("`{mixin_id}` is used as a mixin but has no `@mixin` trait")));
        }
        let local: BTreeSet<String> = mixin
            .traits
            .get(traits::MIXIN)
            .and_then(|value| value.get("localTraits"))
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        for (trait_id, value) in mixin.traits.iter() {
            let name = trait_id.to_string();
            if name != traits::MIXIN && !local.contains(&name) {
                traits.insert(trait_id.clone(), value.clone());
            }
        }
        for member in mixin.kind.members() {
            members.retain(|existing| existing.name() != member.name());
            members.push(Member {
                id: id.with_member(member.name()),
                target: member.target.clone(),
                traits: member.traits.clone(),
            });
        }
    }
    for (trait_id, value) in shape.traits.iter() {
        traits.insert(trait_id.clone(), value.clone());
    }
    shape.traits = traits;
    if let ShapeKind::Structure(own) | ShapeKind::Union(own) = &mut shape.kind {
        for member in own.drain(..) {
            match members.iter_mut().find(|existing| existing.name() == member.name()) {
                Some(existing) => {
                    for (trait_id, value) in member.traits.iter() {
                        existing.traits.insert(trait_id.clone(), value.clone());
                    }
                }
                None => members.push(member),
            }
        }
        *own = members;
    }
    model.insert(shape);
    done.insert(id.clone());
    Ok(())
}

fn apply_traits(model: &mut Model, target: &ShapeId, applied: Traits) -> Result<()> {
    let shape = model
        .shape_mut(&target.root())
        .ok_or_else(|| Error::model(target, "`apply` targets a shape that does not exist"))?;
    let traits = match (target.member(), &mut shape.kind) {
        (None, _) => &mut shape.traits,
        (Some(name), ShapeKind::Enum(members)) => {
            &mut members
                .iter_mut()
                .find(|member| member.name == name)
                .ok_or_else(|| Error::model(target, "`apply` targets a member that does not exist"))?
                .traits
        }
        (Some(name), ShapeKind::IntEnum(members)) => {
            &mut members
                .iter_mut()
                .find(|member| member.name == name)
                .ok_or_else(|| Error::model(target, "`apply` targets a member that does not exist"))?
                .traits
        }
        (Some(name), kind) => {
            &mut kind
                .members_mut()
                .into_iter()
                .find(|member| member.name() == name)
                .ok_or_else(|| Error::model(target, "`apply` targets a member that does not exist"))?
                .traits
        }
    };
    for (trait_id, value) in applied.iter() {
        traits.insert(trait_id.clone(), value.clone());
    }
    Ok(())
}

/// Every target a shape names must exist, so later stages can look shapes up without checks.
fn check_references(model: &Model) -> Result<()> {
    for shape in model.shapes() {
        for member in shape.kind.members() {
            if model.shape(&member.target).is_none() {
                return Err(Error::model(
                    &member.id,
                    format!("targets `{}`, which does not exist", member.target),
                ));
            }
        }
        let referenced: Vec<&ShapeId> = match &shape.kind {
            ShapeKind::Operation(op) => op.input.iter().chain(&op.output).chain(&op.errors).collect(),
            ShapeKind::Service(service) => service
                .operations
                .iter()
                .chain(&service.resources)
                .chain(&service.errors)
                .collect(),
            ShapeKind::Resource(resource) => {
                resource.operations.iter().chain(&resource.resources).collect()
            }
            _ => Vec::new(),
        };
        for target in referenced {
            if model.shape(target).is_none() {
                return Err(Error::model(
                    &shape.id,
                    format!("refers to `{target}`, which does not exist"),
                ));
            }
        }
    }
    Ok(())
}

fn as_object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>> {
    value
        .as_object()
        .ok_or_else(|| Error::model(what, format!("expected a JSON object, found {}", json_kind(value))))
}

fn required_field<'a>(body: &'a Map<String, Value>, field: &str, id: &ShapeId) -> Result<&'a Value> {
    body.get(field)
        .ok_or_else(|| Error::model(id, format!("missing required field `{field}`")))
}

fn field_str<'a>(body: &'a Map<String, Value>, field: &str, id: &ShapeId) -> Result<&'a str> {
    let value = required_field(body, field, id)?;
    value.as_str().ok_or_else(|| {
        Error::model(id, format!("`{field}` must be a string, found {}", json_kind(value)))
    })
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(shapes: Value) -> Result<Model> {
        let text = serde_json::json!({"smithy": "2.0", "shapes": shapes}).to_string();
        load_json_ast(&text, "test.json")
    }

    fn id(text: &str) -> ShapeId {
        ShapeId::parse(text).unwrap()
    }

    #[test]
    fn reads_smithy_1_sets_enums_and_box() {
        let model = load(serde_json::json!({
            "a#Names": {"type": "set", "member": {"target": "smithy.api#String"}},
            "a#Color": {"type": "string", "traits": {"smithy.api#enum": [
                {"value": "red", "name": "RED"}, {"value": "light-blue"}
            ]}},
            "a#Count": {"type": "integer", "traits": {"smithy.api#box": {}}}
        }))
        .unwrap();
        let names = model.shape(&id("a#Names")).unwrap();
        assert!(matches!(names.kind, ShapeKind::List(_)));
        assert!(names.traits.has(traits::UNIQUE_ITEMS));
        let ShapeKind::Enum(members) = &model.shape(&id("a#Color")).unwrap().kind else {
            panic!("enum trait not converted");
        };
        let pairs: Vec<_> = members.iter().map(|m| (m.name.as_str(), m.value.as_str())).collect();
        assert_eq!(pairs, [("RED", "red"), ("light-blue", "light-blue")]);
        assert!(model.shape(&id("a#Count")).unwrap().traits.has("smithy.api#box"));
    }

    #[test]
    fn folds_mixins_and_apply() {
        let model = load(serde_json::json!({
            "a#Base": {"type": "structure", "traits": {"smithy.api#mixin": {}, "smithy.api#sensitive": {}},
                "members": {"Id": {"target": "smithy.api#String"}}},
            "a#Thing": {"type": "structure", "mixins": [{"target": "a#Base"}],
                "members": {"Name": {"target": "smithy.api#String"}}},
            "a#Thing$Name": {"type": "apply", "traits": {"smithy.api#required": {}}}
        }))
        .unwrap();
        let thing = model.shape(&id("a#Thing")).unwrap();
        let names: Vec<_> = thing.kind.members().iter().map(|m| m.name().to_owned()).collect();
        assert_eq!(names, ["Id", "Name"]);
        assert!(thing.traits.has(traits::SENSITIVE));
        assert!(!thing.traits.has(traits::MIXIN));
        assert!(thing.kind.members()[1].traits.has(traits::REQUIRED));
    }

    #[test]
    fn errors_name_the_shape_and_the_problem() {
        let missing = load(serde_json::json!({
            "a#S": {"type": "structure", "members": {"X": {"target": "a#Nope"}}}
        }))
        .unwrap_err();
        assert_eq!(missing.to_string(), "a#S$X: targets `a#Nope`, which does not exist");
        let bad_type = load(serde_json::json!({"a#S": {"type": "struct"}})).unwrap_err();
        assert_eq!(bad_type.to_string(), "a#S: unknown shape type \"struct\"");
        let list = load(serde_json::json!({"a#L": {"type": "list"}})).unwrap_err();
        assert_eq!(list.to_string(), "a#L: missing required field `member`");
        let truncated = load_json_ast("{\"smithy\": \"2.0\", \"sha", "m.json").unwrap_err();
        assert!(truncated.to_string().starts_with("m.json is not valid JSON: EOF"), "{truncated}");
    }
}
