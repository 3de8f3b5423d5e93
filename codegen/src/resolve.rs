//! Model → IR: turns the shapes of an [`OperationClosure`] into Rust types with decided names.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::closure::OperationClosure;
use crate::docs::html_to_markdown;
use crate::error::{Error, Result};
use crate::ir::{
    deserializer_fn, error_parser_fn, input_serializer_fn, input_validator_fn, output_deserializer_fn, serializer_fn,
    validator_fn, Constraints, CrateIr, DefaultValue, EnumIr, MapKey, MemberIr, OperationErrorIr,
    HostPrefixPart, LeftOutOperation, OperationIr, Protocol, RustType, ServiceIr, StructureIr, StructureRole, TimestampFormat, UnionIr,
    UnionVariantIr, VariantIr,
};
use crate::model::{traits, Member, Model, Shape, ShapeId, ShapeKind, SimpleType, Traits};
use crate::naming::{escape_keyword, field_ident, snake_case, type_ident};

pub fn resolve(model: &Model, closure: &OperationClosure) -> Result<CrateIr> {
    check_recursion(model, closure)?;
    let service = resolve_service(model, &closure.service)?;
    let service_errors = match &lookup(model, &closure.service)?.kind {
        ShapeKind::Service(service) => service.errors.clone(),
        _ => Vec::new(),
    };
    let mut operations = Vec::new();
    let mut io_shapes = BTreeSet::new();
    for operation_id in &closure.operations {
        let operation = resolve_operation(model, operation_id, &service_errors)?;
        io_shapes.insert(operation.input.shape_id.clone());
        io_shapes.insert(operation.output.shape_id.clone());
        operations.push(operation);
    }
    let mut krate = CrateIr {
        service,
        operations,
        structures: Vec::new(),
        enums: Vec::new(),
        unions: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        left_out: closure
            .left_out
            .iter()
            .map(|(id, reason)| LeftOutOperation { name: id.name().to_owned(), reason: reason.clone() })
            .collect(),
        endpoints: None,
    };
    // An input or output shape is also a shared type when some member targets it.
    let member_targets: BTreeSet<String> = closure
        .shapes
        .iter()
        .filter_map(|id| model.shape(id))
        .flat_map(|shape| shape.kind.members())
        .map(|member| member.target.to_string())
        .collect();
    for id in &closure.shapes {
        let text = id.to_string();
        let only_io = io_shapes.contains(&text) && !member_targets.contains(&text);
        if only_io || id == &ShapeId::prelude("Unit") {
            continue;
        }
        let shape = lookup(model, id)?;
        match &shape.kind {
            ShapeKind::Structure(_) if shape.traits.has(traits::MIXIN) => {}
            ShapeKind::Structure(_) if shape.traits.has(traits::ERROR) => krate
                .errors
                .push(resolve_structure(model, shape, shape.id.name(), StructureRole::Error)?),
            ShapeKind::Structure(_) => krate
                .structures
                .push(resolve_structure(model, shape, shape.id.name(), StructureRole::Data)?),
            ShapeKind::Union(_) => krate.unions.push(resolve_union(model, shape)?),
            ShapeKind::Enum(_) => krate.enums.push(resolve_enum(shape)?),
            _ => {}
        }
    }
    check_generated_names(&krate)?;
    mark_directions(&mut krate);
    krate.warnings = krate
        .left_out
        .iter()
        .map(|op| format!("left out operation `{}`: {}", op.name, op.reason))
        .chain(pattern_warnings(&krate))
        .collect();
    Ok(krate)
}

fn resolve_service(model: &Model, id: &ShapeId) -> Result<ServiceIr> {
    let shape = lookup(model, id)?;
    let protocol = if shape.traits.has(traits::AWS_JSON_1_1) {
        Protocol::AwsJson1_1
    } else if shape.traits.has(traits::AWS_JSON_1_0) {
        Protocol::AwsJson1_0
    } else {
        let found: Vec<String> = shape
            .traits
            .iter()
            .map(|(id, _)| id.to_string())
            .filter(|id| id.starts_with("aws.protocols#") || id.starts_with("smithy.protocols#"))
            .collect();
        return Err(Error::unsupported(
            id,
            if found.is_empty() {
                "has no protocol trait; smithy-bind needs `aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1`".to_owned()
            } else {
                format!("speaks {}, but smithy-bind supports only awsJson1_0 and awsJson1_1", found.join(", "))
            },
        ));
    };
    let title = shape
        .traits
        .string("smithy.api#title")
        .map(str::to_owned)
        .unwrap_or_else(|| id.name().to_owned());
    let ShapeKind::Service(service) = &shape.kind else {
        return Err(Error::model(id, "is not a service"));
    };
    Ok(ServiceIr {
        shape_name: id.name().to_owned(),
        title,
        sdk_id: shape
            .traits
            .get("aws.api#service")
            .and_then(|service| service.get("sdkId"))
            .and_then(|sdk_id| sdk_id.as_str())
            .map(str::to_owned),
        signing_name: shape
            .traits
            .get("aws.auth#sigv4")
            .and_then(|sigv4| sigv4.get("name"))
            .and_then(|name| name.as_str())
            .map(str::to_owned),
        version: service.version.clone(),
        protocol,
        doc: doc_of(&shape.traits),
        query_compatible: shape.traits.has("aws.protocols#awsQueryCompatible"),
    })
}

/// `service_errors` are the service's common errors, which every operation can return: they
/// join each operation's error enum, as in aws-sdk-rust.
fn resolve_operation(model: &Model, id: &ShapeId, service_errors: &[ShapeId]) -> Result<OperationIr> {
    let shape = lookup(model, id)?;
    let ShapeKind::Operation(operation) = &shape.kind else {
        return Err(Error::model(id, "is not an operation"));
    };
    let name = type_ident(id.name());
    let module = snake_case(id.name());
    let io = |target: &Option<ShapeId>, suffix: &str, role| -> Result<StructureIr> {
        let rust_name = format!("{name}{suffix}");
        let mut structure = match target {
            Some(target) => resolve_structure(model, lookup(model, target)?, &rust_name, role)?,
            None => empty_structure(id, &rust_name, role),
        };
        structure.serializer_fn = input_serializer_fn(&module);
        structure.deserializer_fn = output_deserializer_fn(&module);
        structure.validator_fn = input_validator_fn(&module);
        Ok(structure)
    };
    // Errors are a set in Smithy; sorted, the error enum is the same whatever the file order.
    let mut error_ids: Vec<ShapeId> = operation.errors.iter().chain(service_errors).cloned().collect();
    error_ids.sort();
    error_ids.dedup();
    let errors = error_ids
        .iter()
        .map(|error| {
            let type_name = type_ident(error.name());
            Ok(OperationErrorIr {
                code: error.name().to_owned(),
                is_fn: format!("is_{}", snake_case(&type_name)),
                deserializer_fn: deserializer_fn(&type_name),
                doc: doc_of(&lookup(model, error)?.traits),
                type_name,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let error_enum = format!("{name}Error");
    let input = io(&operation.input, "Input", StructureRole::Input)?;
    let host_prefix = host_prefix(model, shape, operation.input.as_ref(), &input)?;
    let gzip_requests = gzip_requests(shape)?;
    Ok(OperationIr {
        host_prefix,
        gzip_requests,
        doc: doc_of(&shape.traits),
        input,
        output: io(&operation.output, "Output", StructureRole::Output)?,
        error_module: format!("_{}", snake_case(&error_enum)),
        error_parser_fn: error_parser_fn(&module),
        module,
        error_enum,
        errors,
        name,
    })
}

/// The `@endpoint` trait's `hostPrefix` split into literal text and `{label}`s, each label
/// checked to be a `@hostLabel` string member of the input.
fn host_prefix(model: &Model, operation: &Shape, input_id: Option<&ShapeId>, input: &StructureIr) -> Result<Vec<HostPrefixPart>> {
    let Some(endpoint) = operation.traits.get("smithy.api#endpoint") else {
        return Ok(Vec::new());
    };
    let template = endpoint
        .get("hostPrefix")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::model(&operation.id, "`@endpoint` needs a string `hostPrefix`"))?;
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(HostPrefixPart::Literal(rest[..open].to_owned()));
        }
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| Error::model(&operation.id, format!("host prefix `{template}` has an unclosed `{{`")))?;
        let label = &rest[open + 1..open + close];
        let member = input_id
            .and_then(|id| model.shape(id))
            .and_then(|shape| shape.kind.members().into_iter().find(|m| m.name() == label))
            .filter(|m| m.traits.has("smithy.api#hostLabel"))
            .ok_or_else(|| {
                Error::model(&operation.id, format!("host prefix `{template}` names `{label}`, which is no @hostLabel member of the input"))
            })?;
        let field = input
            .members
            .iter()
            .find(|m| m.wire_name == member.name() && m.ty == RustType::String)
            .ok_or_else(|| Error::model(&member.id, "a @hostLabel member must target a string"))?;
        parts.push(HostPrefixPart::Label(field.field.clone()));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push(HostPrefixPart::Literal(rest.to_owned()));
    }
    Ok(parts)
}

/// Whether `@requestCompression` asks for gzip, the one encoding Smithy defines so far. An
/// operation that lists only encodings we do not know is sent uncompressed, as the trait allows.
fn gzip_requests(operation: &Shape) -> Result<bool> {
    let Some(trait_value) = operation.traits.get("smithy.api#requestCompression") else {
        return Ok(false);
    };
    let encodings = trait_value
        .get("encodings")
        .and_then(Value::as_array)
        .ok_or_else(|| Error::model(&operation.id, "`@requestCompression` needs a list of `encodings`"))?;
    Ok(encodings.iter().any(|encoding| encoding.as_str().is_some_and(|e| e.eq_ignore_ascii_case("gzip"))))
}

/// Operations without input or output behave as if they had an empty structure.
fn empty_structure(operation: &ShapeId, rust_name: &str, role: StructureRole) -> StructureIr {
    StructureIr {
        shape_id: format!("{operation}${rust_name}"),
        module: format!("_{}", snake_case(rust_name)),
        builder_name: format!("{rust_name}Builder"),
        serializer_fn: serializer_fn(rust_name),
        deserializer_fn: deserializer_fn(rust_name),
        validator_fn: validator_fn(rust_name),
        serialized: role == StructureRole::Input,
        deserialized: role != StructureRole::Input,
        message_member: None,
        rust_name: rust_name.to_owned(),
        doc: String::new(),
        role,
        members: Vec::new(),
        deprecated: None,
    }
}

fn resolve_structure(model: &Model, shape: &Shape, name: &str, role: StructureRole) -> Result<StructureIr> {
    let ShapeKind::Structure(members) = &shape.kind else {
        return Err(Error::model(&shape.id, "expected a structure"));
    };
    let rust_name = type_ident(name);
    let mut members = members
        .iter()
        .map(|member| resolve_member(model, &shape.id, member, role))
        .collect::<Result<Vec<_>>>()?;
    rename_reserved_members(&mut members, role);
    check_member_names(&shape.id, &members)?;
    let message_member = (role == StructureRole::Error)
        .then(|| {
            members
                .iter()
                .find(|m| m.wire_name.eq_ignore_ascii_case("message") && m.ty == RustType::String)
                .map(|m| m.field.clone())
        })
        .flatten();
    Ok(StructureIr {
        shape_id: shape.id.to_string(),
        module: format!("_{}", snake_case(&rust_name)),
        builder_name: format!("{rust_name}Builder"),
        serializer_fn: serializer_fn(&rust_name),
        deserializer_fn: deserializer_fn(&rust_name),
        validator_fn: validator_fn(&rust_name),
        serialized: role == StructureRole::Input,
        deserialized: matches!(role, StructureRole::Output | StructureRole::Error),
        message_member,
        rust_name,
        doc: doc_of(&shape.traits),
        role,
        members,
        deprecated: deprecation(&shape.traits),
    })
}

fn resolve_member(model: &Model, parent: &ShapeId, member: &Member, role: StructureRole) -> Result<MemberIr> {
    let snake = snake_case(member.name());
    let target = lookup(model, &member.target)?;
    let ty = member_type(model, parent, member)?;
    let constraints = constraints(model, member)?;
    let mut doc = member_doc(member, target);
    for pattern in unchecked_patterns(&constraints) {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&format!(
            "The model also requires matching the pattern `{}`, which client-side validation \
             leaves to the service (regex-lite cannot compile it).",
            pattern.replace('`', "'")
        ));
    }
    let client_optional = member.traits.has(traits::CLIENT_OPTIONAL);
    // Inputs keep every member optional, as aws-sdk-rust does: the service, not the type
    // system, decides what a request may omit. Error bodies are read leniently: a missing
    // member must not hide which error the service reported.
    let lenient = matches!(role, StructureRole::Input | StructureRole::Error) || client_optional;
    let default = if lenient { None } else { default_value(model, member, &ty)? };
    let required = member.traits.has(traits::REQUIRED) && !lenient;
    Ok(MemberIr {
        wire_name: member.name().to_owned(),
        field: field_ident(member.name()),
        setter: escape_keyword(format!("set_{snake}")),
        getter: escape_keyword(format!("get_{snake}")),
        doc,
        optional: !required && default.is_none(),
        default,
        sensitive: is_sensitive(model, &member.target, &mut Vec::new()),
        deprecated: deprecation(&member.traits),
        idempotency_token: member.traits.has("smithy.api#idempotencyToken") && ty == RustType::String,
        constraints,
        ty,
    })
}

/// Every pattern left to the service in these constraints or the ones nested in them.
fn unchecked_patterns(constraints: &Constraints) -> Vec<&str> {
    let mut found: Vec<&str> = constraints.unchecked_pattern.as_deref().into_iter().collect();
    for nested in constraints.element.iter().chain(&constraints.key) {
        found.extend(unchecked_patterns(nested));
    }
    found
}

/// One warning per member whose pattern the generated validation cannot check.
fn pattern_warnings(krate: &CrateIr) -> Vec<String> {
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
fn constraints(model: &Model, member: &Member) -> Result<Constraints> {
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

/// Smithy requires every recursive path to pass through a list, map, union or optional
/// member; a cycle of required structure members has no finite value.
fn check_recursion(model: &Model, closure: &OperationClosure) -> Result<()> {
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

fn required_cycle(
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

/// The member's type, boxed when its target leads back to the member's own shape.
fn member_type(model: &Model, parent: &ShapeId, member: &Member) -> Result<RustType> {
    let ty = rust_type(model, member)?;
    let target = lookup(model, &member.target)?;
    let aggregate = matches!(target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_));
    if aggregate && (&target.id == parent || reaches_directly(model, &target.id, parent, &mut BTreeSet::new())) {
        return Ok(RustType::Boxed(Box::new(ty)));
    }
    Ok(ty)
}

fn rust_type(model: &Model, member: &Member) -> Result<RustType> {
    let target = lookup(model, &member.target)?;
    Ok(match &target.kind {
        ShapeKind::Simple(simple) => match simple {
            SimpleType::String => RustType::String,
            SimpleType::Boolean => RustType::Bool,
            SimpleType::Byte => RustType::I8,
            SimpleType::Short => RustType::I16,
            SimpleType::Integer => RustType::I32,
            SimpleType::Long => RustType::I64,
            SimpleType::Float => RustType::F32,
            SimpleType::Double => RustType::F64,
            SimpleType::Blob => RustType::Blob,
            SimpleType::Document => RustType::Document,
            SimpleType::BigInteger => RustType::BigInteger,
            SimpleType::BigDecimal => RustType::BigDecimal,
            SimpleType::Timestamp => RustType::Timestamp(timestamp_format(member, target)?),
        },
        ShapeKind::IntEnum(_) => RustType::I32,
        ShapeKind::Enum(_) => RustType::Enum(type_ident(target.id.name())),
        ShapeKind::Structure(_) => RustType::Structure(type_ident(target.id.name())),
        ShapeKind::Union(_) => RustType::Union(type_ident(target.id.name())),
        ShapeKind::List(element) => RustType::List {
            element: Box::new(rust_type(model, element)?),
            sparse: target.traits.has("smithy.api#sparse"),
        },
        ShapeKind::Map { key, value } => {
            let key_shape = lookup(model, &key.target)?;
            let key = match key_shape.kind {
                ShapeKind::Simple(SimpleType::String) => MapKey::String,
                ShapeKind::Enum(_) => MapKey::Enum(type_ident(key_shape.id.name())),
                _ => {
                    return Err(Error::model(
                        &target.id,
                        format!("map keys must be strings, but `{}` is of type {}", key_shape.id, key_shape.kind.type_name()),
                    ))
                }
            };
            RustType::Map {
                key,
                value: Box::new(rust_type(model, value)?),
                sparse: target.traits.has("smithy.api#sparse"),
            }
        }
        other => {
            return Err(Error::model(
                &member.id,
                format!("targets `{}`, a {}, which cannot be a member", target.id, other.type_name()),
            ))
        }
    })
}

/// The member's `@timestampFormat`, else the target's, else epoch seconds.
fn timestamp_format(member: &Member, target: &Shape) -> Result<TimestampFormat> {
    let format = member
        .traits
        .string("smithy.api#timestampFormat")
        .or_else(|| target.traits.string("smithy.api#timestampFormat"));
    match format {
        None | Some("epoch-seconds") => Ok(TimestampFormat::EpochSeconds),
        Some("date-time") => Ok(TimestampFormat::DateTime),
        Some("http-date") => Ok(TimestampFormat::HttpDate),
        Some(other) => Err(Error::model(&member.id, format!("unknown timestamp format {other:?}"))),
    }
}

/// Whether `from` reaches `goal` through members that are not inside a list or map, which
/// would give the Rust types infinite size unless a member is boxed.
fn reaches_directly(model: &Model, from: &ShapeId, goal: &ShapeId, seen: &mut BTreeSet<ShapeId>) -> bool {
    let Some(shape) = model.shape(from) else {
        return false;
    };
    if !matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Union(_)) {
        return false;
    }
    shape.kind.members().iter().any(|member| {
        &member.target == goal
            || (seen.insert(member.target.clone()) && reaches_directly(model, &member.target, goal, seen))
    })
}

/// The member's `@default`, when Rust can hold it; `null` means explicitly none.
fn default_value(model: &Model, member: &Member, ty: &RustType) -> Result<Option<DefaultValue>> {
    let target = lookup(model, &member.target)?;
    let value = member
        .traits
        .get(traits::DEFAULT)
        .or_else(|| target.id.is_prelude().then(|| target.traits.get(traits::DEFAULT)).flatten());
    let Some(value) = value else {
        return Ok(None);
    };
    let invalid = || Error::model(&member.id, format!("`@default` {value} does not fit a {}", target.kind.type_name()));
    Ok(match (ty, value) {
        (_, Value::Null) => None,
        (RustType::Bool, Value::Bool(b)) => Some(DefaultValue::Bool(*b)),
        (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n)) => {
            Some(DefaultValue::Integer(n.as_i64().ok_or_else(invalid)?))
        }
        (RustType::F32 | RustType::F64, Value::Number(n)) => Some(DefaultValue::Float(n.as_f64().ok_or_else(invalid)?)),
        (RustType::String, Value::String(s)) => Some(DefaultValue::String(s.clone())),
        (RustType::Enum(_), Value::String(s)) => Some(DefaultValue::Enum(s.clone())),
        (RustType::List { .. }, Value::Array(items)) if items.is_empty() => Some(DefaultValue::EmptyList),
        (RustType::Map { .. }, Value::Object(entries)) if entries.is_empty() => Some(DefaultValue::EmptyMap),
        (RustType::Timestamp(_), Value::Number(n)) => {
            let (secs, nanos) = epoch_seconds(&n.to_string()).ok_or_else(invalid)?;
            Some(DefaultValue::Timestamp { secs, nanos })
        }
        (RustType::Blob, Value::String(text)) => {
            Some(DefaultValue::Blob(crate::inlineable::base64::decode(text).ok_or_else(invalid)?))
        }
        (RustType::Document, value) => Some(DefaultValue::Document(value.clone())),
        _ => return Err(invalid()),
    })
}

/// Decimal epoch seconds (`946845296.123`, `-1.5`, `1e9`) as whole seconds and nanoseconds,
/// exactly, without going through a float's binary fraction.
pub(crate) fn epoch_seconds(text: &str) -> Option<(i64, u32)> {
    if text.contains(['e', 'E']) {
        // Exponent forms only come from whole numbers too large for plain digits.
        let value: f64 = text.parse().ok()?;
        return (value.fract() == 0.0 && value.abs() < 9.2e18).then_some((value as i64, 0));
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let nanos: u32 = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<9}").parse().ok()?
    };
    Some(match (negative, nanos) {
        (false, _) => (whole, nanos),
        (true, 0) => (-whole, 0),
        // -1.5 is 2 seconds before the epoch plus half a second.
        (true, _) => (-whole - 1, 1_000_000_000 - nanos),
    })
}

/// A member is sensitive when its target, or anything a collection target holds, is.
fn is_sensitive(model: &Model, id: &ShapeId, seen: &mut Vec<ShapeId>) -> bool {
    let Some(shape) = model.shape(id) else {
        return false;
    };
    if shape.traits.has(traits::SENSITIVE) {
        return true;
    }
    if seen.contains(id) {
        return false;
    }
    seen.push(id.clone());
    match &shape.kind {
        ShapeKind::List(element) => is_sensitive(model, &element.target, seen),
        ShapeKind::Map { key, value } => {
            is_sensitive(model, &key.target, seen) || is_sensitive(model, &value.target, seen)
        }
        _ => false,
    }
}

fn resolve_enum(shape: &Shape) -> Result<EnumIr> {
    let ShapeKind::Enum(members) = &shape.kind else {
        return Err(Error::model(&shape.id, "expected an enum"));
    };
    let rust_name = type_ident(shape.id.name());
    let mut variants: Vec<VariantIr> = members
        .iter()
        .map(|member| VariantIr {
            name: variant_name(&member.name),
            doc: doc_of(&member.traits),
            value: member.value.clone(),
            deprecated: deprecation(&member.traits),
        })
        .collect();
    // aws-sdk-rust orders variants by wire value, which fixes `values()` and the derived
    // `Ord`; following it keeps sorting and matching code that ports from the SDK the same.
    variants.sort_by(|a, b| a.value.cmp(&b.value));
    let mut seen = BTreeMap::new();
    for variant in &variants {
        if let Some(previous) = seen.insert(variant.name.clone(), variant.value.clone()) {
            return Err(Error::unsupported(
                &shape.id,
                format!("values {previous:?} and {:?} both become the variant `{}`", variant.value, variant.name),
            ));
        }
    }
    Ok(EnumIr {
        shape_id: shape.id.to_string(),
        module: format!("_{}", snake_case(&rust_name)),
        doc: doc_of(&shape.traits),
        variants,
        sensitive: shape.traits.has(traits::SENSITIVE),
        deprecated: deprecation(&shape.traits),
        rust_name,
    })
}

/// Variant names, with `Unknown` kept for the catch-all variant (as smithy-rs does).
pub(crate) fn variant_name(name: &str) -> String {
    match type_ident(name).as_str() {
        "Unknown" => "UnknownValue".to_owned(),
        other => other.to_owned(),
    }
}

fn resolve_union(model: &Model, shape: &Shape) -> Result<UnionIr> {
    let ShapeKind::Union(members) = &shape.kind else {
        return Err(Error::model(&shape.id, "expected a union"));
    };
    if members.is_empty() {
        return Err(Error::model(&shape.id, "a union needs at least one member"));
    }
    let rust_name = type_ident(shape.id.name());
    let variants = members
        .iter()
        .map(|member| {
            let target = lookup(model, &member.target)?;
            let unit = target.id == ShapeId::prelude("Unit") || target.traits.has("smithy.api#unitType");
            let snake = snake_case(member.name());
            Ok(UnionVariantIr {
                wire_name: member.name().to_owned(),
                name: variant_name(member.name()),
                ty: if unit { None } else { Some(member_type(model, &shape.id, member)?) },
                doc: member_doc(member, target),
                as_fn: escape_keyword(format!("as_{snake}")),
                is_fn: escape_keyword(format!("is_{snake}")),
                sensitive: is_sensitive(model, &member.target, &mut Vec::new()),
                deprecated: deprecation(&member.traits),
                constraints: constraints(model, member)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut seen = BTreeMap::new();
    for variant in &variants {
        let clash = variant.is_fn == "is_unknown";
        if let Some(previous) = seen.insert(variant.name.clone(), variant.wire_name.clone()) {
            return Err(Error::unsupported(
                &shape.id,
                format!("members `{previous}` and `{}` both become the variant `{}`", variant.wire_name, variant.name),
            ));
        }
        if clash {
            return Err(Error::unsupported(
                &shape.id,
                format!("member `{}` would clash with the `Unknown` variant's `is_unknown()`", variant.wire_name),
            ));
        }
    }
    Ok(UnionIr {
        shape_id: shape.id.to_string(),
        module: format!("_{}", snake_case(&rust_name)),
        serializer_fn: serializer_fn(&rust_name),
        deserializer_fn: deserializer_fn(&rust_name),
        validator_fn: validator_fn(&rust_name),
        serialized: false,
        deserialized: false,
        doc: doc_of(&shape.traits),
        variants,
        deprecated: deprecation(&shape.traits),
        rust_name,
    })
}

/// Members whose field name would be taken by a generated method get a stable `_value`
/// suffix, as smithy-rs does: `builder()` on every structure, `build()` on builders, and
/// the error metadata accessors on errors.
fn rename_reserved_members(members: &mut [MemberIr], role: StructureRole) {
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
fn check_member_names(id: &ShapeId, members: &[MemberIr]) -> Result<()> {
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
fn check_generated_names(krate: &CrateIr) -> Result<()> {
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

/// Marks which shared structures and unions appear in requests (they need serializers) and
/// which in responses (they need deserializers), so that no unused code is generated.
fn mark_directions(krate: &mut CrateIr) {
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

fn collect_aggregates(krate: &CrateIr, types: Vec<&RustType>, found: &mut BTreeSet<String>) {
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
fn innermost(ty: &RustType) -> &RustType {
    match ty {
        RustType::List { element: inner, .. } | RustType::Map { value: inner, .. } | RustType::Boxed(inner) => {
            innermost(inner)
        }
        other => other,
    }
}

fn lookup<'m>(model: &'m Model, id: &ShapeId) -> Result<&'m Shape> {
    model
        .shape(id)
        .ok_or_else(|| Error::model(id, "shape does not exist"))
}

fn doc_of(traits: &Traits) -> String {
    traits
        .string(traits::DOCUMENTATION)
        .map(html_to_markdown)
        .unwrap_or_default()
}

/// The `@deprecated` trait as a note for Rust's `#[deprecated]`.
fn deprecation(traits: &Traits) -> Option<String> {
    let value = traits.get(traits::DEPRECATED)?;
    let message = value.get("message").and_then(Value::as_str);
    let since = value.get("since").and_then(Value::as_str);
    Some(match (message, since) {
        (Some(message), Some(since)) => format!("{message} (deprecated since {since})"),
        (Some(message), None) => message.to_owned(),
        (None, Some(since)) => format!("deprecated since {since}"),
        (None, None) => "deprecated in the service model".to_owned(),
    })
}

/// Members without documentation borrow their target's, as rustdoc readers expect.
fn member_doc(member: &Member, target: &Shape) -> String {
    let own = doc_of(&member.traits);
    if own.is_empty() {
        doc_of(&target.traits)
    } else {
        own
    }
}
