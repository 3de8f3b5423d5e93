//! Parsed IDL files → one Smithy JSON AST document, with every relative shape id resolved
//! the way the IDL specification orders it: a `use` import, then a shape of the file's
//! namespace (defined in any of the files), then the prelude, then the file's namespace.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::syntax::{IdRef, IdlFile, MemberDef, Node, ShapeDef, Statement, TraitApp};
use crate::error::{Error, Result};

/// Shapes of the `smithy.api` prelude, which relative ids may name without a `use`.
const PRELUDE: &[&str] = &[
    "String", "Blob", "BigInteger", "BigDecimal", "Timestamp", "Document", "Boolean", "Byte", "Short", "Integer",
    "Long", "Float", "Double", "Unit", "PrimitiveBoolean", "PrimitiveByte", "PrimitiveShort", "PrimitiveInteger",
    "PrimitiveLong", "PrimitiveFloat", "PrimitiveDouble", "NonEmptyString", "addedDefault", "auth",
    "authDefinition", "box", "clientOptional", "cors", "default", "deprecated", "documentation", "enum",
    "enumValue", "endpoint", "error", "eventHeader", "eventPayload", "examples", "externalDocumentation",
    "hostLabel", "http", "httpApiKeyAuth", "httpBasicAuth", "httpBearerAuth", "httpChecksumRequired",
    "httpDigestAuth", "httpError", "httpHeader", "httpLabel", "httpPayload", "httpPrefixHeaders", "httpQuery",
    "httpQueryParams", "httpResponseCode", "idRef", "idempotencyToken", "idempotent", "input", "internal",
    "jsonName", "length", "mediaType", "mixin", "nestedProperties", "noReplace", "notProperty", "optionalAuth",
    "output", "paginated", "pattern", "private", "property", "protocolDefinition", "range", "readonly",
    "recommended", "references", "requestCompression", "required", "requiresLength", "resourceIdentifier",
    "retryable", "sensitive", "since", "sparse", "streaming", "suppress", "tags", "timestampFormat", "title",
    "trait", "traitValidators", "uniqueItems", "unitType", "unstable", "xmlAttribute", "xmlFlattened",
    "xmlName", "xmlNamespace",
];

const UNIT: &str = "smithy.api#Unit";

/// The JSON AST of all `files` together: one document of shapes, one of `apply` entries.
/// `elsewhere` holds the absolute ids of shapes that JSON AST files of the same model define,
/// which relative ids resolve to as to shapes of these files.
pub fn to_json_ast(files: &[IdlFile], elsewhere: &BTreeSet<String>) -> Result<Vec<Value>> {
    let mut defined: BTreeMap<String, (&IdlFile, &ShapeDef)> = BTreeMap::new();
    for file in files {
        let namespace = file.namespace.as_deref().unwrap_or_default();
        for statement in &file.statements {
            if let Statement::Shape(shape) = statement {
                let id = format!("{namespace}#{}", shape.name);
                if let Some((first, _)) = defined.insert(id.clone(), (file, shape)) {
                    return Err(idl_error(file, shape.pos.line, shape.pos.column, format!("`{id}` is already defined in {}", first.name)));
                }
            }
        }
    }
    let names: BTreeSet<&String> = defined.keys().chain(elsewhere).collect();
    let mut shapes = Map::new();
    let mut metadata = Map::new();
    for file in files {
        let scope = Scope { file, defined: &names };
        for (key, value) in &file.metadata {
            merge_metadata(&mut metadata, key, scope.node(value), file)?;
        }
        for statement in &file.statements {
            match statement {
                Statement::Shape(shape) => {
                    let id = format!("{}#{}", scope.namespace(), shape.name);
                    shapes.insert(id, shape_json(&scope, shape, &defined)?);
                }
                Statement::Apply { target, traits } => {
                    let id = scope.resolve(target);
                    let entry = shapes
                        .entry(format!("apply {id}"))
                        .or_insert_with(|| json!({ "type": "apply", "target": id.clone(), "traits": {} }));
                    let applied = entry["traits"].as_object_mut().expect("apply entries hold a traits object");
                    for (trait_id, value) in scope.traits(traits) {
                        if applied.insert(trait_id.clone(), value).is_some() {
                            return Err(idl_error(file, target.pos.line, target.pos.column, format!("`{trait_id}` is applied to `{id}` twice")));
                        }
                    }
                }
            }
        }
    }
    // A JSON AST keys `apply` entries by their target, which is often a shape defined here too,
    // so the applies go in a second document that is loaded with the first.
    let mut defined_shapes = Map::new();
    let mut applies = Map::new();
    for (key, mut value) in shapes {
        match key.strip_prefix("apply ") {
            Some(target) => {
                value.as_object_mut().expect("an object").remove("target");
                applies.insert(target.to_owned(), value);
            }
            None => {
                defined_shapes.insert(key, value);
            }
        }
    }
    Ok(vec![
        json!({ "smithy": "2.0", "metadata": metadata, "shapes": defined_shapes }),
        json!({ "smithy": "2.0", "shapes": applies }),
    ])
}

/// Relative shape ids of one file.
struct Scope<'a> {
    file: &'a IdlFile,
    defined: &'a BTreeSet<&'a String>,
}

impl Scope<'_> {
    fn namespace(&self) -> &str {
        self.file.namespace.as_deref().unwrap_or_default()
    }

    fn resolve(&self, id: &IdRef) -> String {
        self.lookup(&id.text).unwrap_or_else(|| {
            let (name, member) = split_member(&id.text);
            format!("{}#{name}{member}", self.namespace())
        })
    }

    /// The absolute id a relative one names, if any scope has it.
    fn lookup(&self, text: &str) -> Option<String> {
        if text.contains('#') {
            return Some(text.to_owned());
        }
        let (name, member) = split_member(text);
        if let Some((_, absolute, _)) = self.file.uses.iter().find(|(used, _, _)| used == name) {
            return Some(format!("{absolute}{member}"));
        }
        let local = format!("{}#{name}", self.namespace());
        if self.defined.contains(&local) {
            return Some(format!("{local}{member}"));
        }
        PRELUDE.contains(&name).then(|| format!("smithy.api#{name}{member}"))
    }

    /// A node value as JSON. An unquoted id that names a shape becomes its absolute id; one
    /// that names none stays the text it was.
    fn node(&self, node: &Node) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(value) => Value::Bool(*value),
            Node::Number(number) => Value::Number(number.clone()),
            Node::String(text) => Value::String(text.clone()),
            Node::Id(id) => Value::String(self.lookup(&id.text).unwrap_or_else(|| id.text.clone())),
            Node::Array(items) => Value::Array(items.iter().map(|item| self.node(item)).collect()),
            Node::Object(entries) => Value::Object(entries.iter().map(|(key, value)| (key.clone(), self.node(value))).collect()),
        }
    }

    fn traits(&self, traits: &[TraitApp]) -> Vec<(String, Value)> {
        traits
            .iter()
            .map(|applied| {
                let value = applied.value.as_ref().map_or_else(|| json!({}), |value| self.node(value));
                (self.resolve(&applied.id), value)
            })
            .collect()
    }

    fn target(&self, id: &IdRef) -> Value {
        json!({ "target": self.resolve(id) })
    }

    fn error(&self, line: usize, column: usize, problem: impl Into<String>) -> Error {
        idl_error(self.file, line, column, problem)
    }
}

fn split_member(text: &str) -> (&str, &str) {
    match text.find('$') {
        Some(dollar) => text.split_at(dollar),
        None => (text, ""),
    }
}

fn idl_error(file: &IdlFile, line: usize, column: usize, problem: impl Into<String>) -> Error {
    Error::Idl {
        file: file.name.clone(),
        line,
        column,
        problem: problem.into(),
    }
}

fn merge_metadata(metadata: &mut Map<String, Value>, key: &str, value: Value, file: &IdlFile) -> Result<()> {
    match (metadata.get_mut(key), value) {
        (None, value) => {
            metadata.insert(key.to_owned(), value);
        }
        // Lists under one key from several files are concatenated, as Smithy does.
        (Some(Value::Array(existing)), Value::Array(more)) => existing.extend(more),
        (Some(existing), value) if *existing == value => {}
        (Some(_), _) => {
            return Err(idl_error(file, 1, 1, format!("metadata `{key}` conflicts with another file's value")));
        }
    }
    Ok(())
}

fn shape_json(scope: &Scope<'_>, shape: &ShapeDef, defined: &BTreeMap<String, (&IdlFile, &ShapeDef)>) -> Result<Value> {
    let mut body = Map::new();
    body.insert("type".to_owned(), json!(shape.kind));
    if !shape.mixins.is_empty() {
        body.insert("mixins".to_owned(), Value::Array(shape.mixins.iter().map(|m| scope.target(m)).collect()));
    }
    match shape.kind.as_str() {
        "structure" | "union" => {
            let mut members = Map::new();
            for member in &shape.members {
                let target = match &member.target {
                    Some(target) => scope.resolve(target),
                    None => mixin_member_target(scope, shape, &member.name, defined)
                        .or_else(|| resource_member_target(scope, shape, &member.name, defined))
                        .ok_or_else(|| {
                            scope.error(
                                member.pos.line,
                                member.pos.column,
                                format!("`${}` names no member of the shape's mixins or resource", member.name),
                            )
                        })?,
                };
                members.insert(member.name.clone(), member_json(scope, member, target, member.value.as_ref().map(|v| ("smithy.api#default", scope.node(v)))));
            }
            body.insert("members".to_owned(), Value::Object(members));
        }
        "list" | "map" => {
            let wanted: &[&str] = if shape.kind == "list" { &["member"] } else { &["key", "value"] };
            for member in &shape.members {
                if !wanted.contains(&member.name.as_str()) {
                    return Err(scope.error(member.pos.line, member.pos.column, format!("a {} has no member `{}`", shape.kind, member.name)));
                }
                let target = member.target.as_ref().map_or_else(|| UNIT.to_owned(), |t| scope.resolve(t));
                body.insert(member.name.clone(), member_json(scope, member, target, None));
            }
        }
        "enum" | "intEnum" => {
            let mut members = Map::new();
            for member in &shape.members {
                let value = match (&member.value, shape.kind.as_str()) {
                    (Some(value), _) => scope.node(value),
                    (None, "enum") => json!(member.name),
                    (None, _) => return Err(scope.error(member.pos.line, member.pos.column, "an intEnum member needs `= value`")),
                };
                members.insert(member.name.clone(), member_json(scope, member, UNIT.to_owned(), Some(("smithy.api#enumValue", value))));
            }
            body.insert("members".to_owned(), Value::Object(members));
        }
        "operation" => {
            body.insert("input".to_owned(), json!({ "target": UNIT }));
            body.insert("output".to_owned(), json!({ "target": UNIT }));
            entity_properties(scope, shape, &mut body)?;
        }
        "service" | "resource" => entity_properties(scope, shape, &mut body)?,
        _ => {}
    }
    let traits: Map<String, Value> = scope.traits(&shape.traits).into_iter().collect();
    if !traits.is_empty() {
        body.insert("traits".to_owned(), Value::Object(traits));
    }
    Ok(Value::Object(body))
}

fn member_json(scope: &Scope<'_>, member: &MemberDef, target: String, extra: Option<(&str, Value)>) -> Value {
    let mut traits: Map<String, Value> = scope.traits(&member.traits).into_iter().collect();
    if let Some((id, value)) = extra {
        traits.insert(id.to_owned(), value);
    }
    let mut body = Map::new();
    body.insert("target".to_owned(), Value::String(target));
    if !traits.is_empty() {
        body.insert("traits".to_owned(), Value::Object(traits));
    }
    Value::Object(body)
}

/// The target of member `name` in `shape`'s mixins, searched depth first.
fn mixin_member_target(
    scope: &Scope<'_>,
    shape: &ShapeDef,
    name: &str,
    defined: &BTreeMap<String, (&IdlFile, &ShapeDef)>,
) -> Option<String> {
    shape.mixins.iter().find_map(|mixin| {
        let (file, mixin_shape) = defined.get(&scope.resolve(mixin))?;
        let mixin_scope = Scope {
            file,
            defined: scope.defined,
        };
        match mixin_shape.members.iter().find(|m| m.name == name) {
            Some(MemberDef { target: Some(target), .. }) => Some(mixin_scope.resolve(target)),
            _ => mixin_member_target(&mixin_scope, mixin_shape, name, defined),
        }
    })
}

/// The target of identifier or property `name` of the resource `shape` is bound to with `for`.
fn resource_member_target(
    scope: &Scope<'_>,
    shape: &ShapeDef,
    name: &str,
    defined: &BTreeMap<String, (&IdlFile, &ShapeDef)>,
) -> Option<String> {
    let (file, resource) = defined.get(&scope.resolve(shape.for_resource.as_ref()?))?;
    let resource_scope = Scope {
        file,
        defined: scope.defined,
    };
    resource
        .properties
        .iter()
        .filter(|(key, _)| key == "identifiers" || key == "properties")
        .find_map(|(_, value)| match value {
            Node::Object(entries) => entries.iter().find_map(|(key, target)| match target {
                Node::Id(id) if key == name => Some(resource_scope.resolve(id)),
                _ => None,
            }),
            _ => None,
        })
}

/// A service's, operation's or resource's properties: shape references become `{target}`
/// objects (or lists or maps of them); plain values stay as they are.
fn entity_properties(scope: &Scope<'_>, shape: &ShapeDef, body: &mut Map<String, Value>) -> Result<()> {
    for (key, value) in &shape.properties {
        let json = match (key.as_str(), value) {
            ("version", Node::String(text)) => Value::String(text.clone()),
            ("rename", Node::Object(entries)) => Value::Object(
                entries
                    .iter()
                    .map(|(from, to)| (scope.lookup(from).unwrap_or_else(|| from.clone()), scope.node(to)))
                    .collect(),
            ),
            (_, Node::Id(id)) => scope.target(id),
            (_, Node::Array(items)) => Value::Array(
                items
                    .iter()
                    .map(|item| match item {
                        Node::Id(id) => Ok(scope.target(id)),
                        _ => Err(scope.error(shape.pos.line, shape.pos.column, format!("`{key}` of `{}` must list shape ids", shape.name))),
                    })
                    .collect::<Result<_>>()?,
            ),
            (_, Node::Object(entries)) => Value::Object(
                entries
                    .iter()
                    .map(|(name, item)| match item {
                        Node::Id(id) => Ok((name.clone(), scope.target(id))),
                        other => Ok((name.clone(), scope.node(other))),
                    })
                    .collect::<Result<_>>()?,
            ),
            (_, other) => scope.node(other),
        };
        body.insert(key.clone(), json);
    }
    Ok(())
}
