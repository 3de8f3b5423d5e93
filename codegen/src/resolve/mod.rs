//! Model → IR: turns the shapes of an [`OperationClosure`] into Rust types with decided names.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::closure::OperationClosure;
use crate::docs::html_to_markdown;
use crate::error::{Error, Result};
use crate::ir::{
    deserializer_fn, error_parser_fn, input_serializer_fn, input_validator_fn, output_deserializer_fn, serializer_fn,
    validator_fn, CrateIr, EnumIr, HostPrefixPart, HttpLocation, LeftOutOperation, MemberIr, OperationErrorIr, OperationIr,
    Protocol, RustType, StructureIr, StructureRole, TimestampFormat, UnionIr, UnionVariantIr, VariantIr,
};
use crate::model::{traits, Member, Model, Shape, ShapeId, ShapeKind, Traits};
use crate::naming::{escape_keyword, field_ident, snake_case, type_ident};

mod checks;
mod constraints;
mod customizations;
mod http;
mod service;
mod types;

pub(crate) use types::epoch_seconds;

use checks::{check_generated_names, check_member_names, check_recursion, mark_directions, rename_reserved_members};
use constraints::{constraints, pattern_warnings, unchecked_patterns};
use service::resolve_service;
use types::{default_value, member_type};

pub fn resolve(model: &Model, closure: &OperationClosure, protocol: Option<Protocol>) -> Result<CrateIr> {
    check_recursion(model, closure)?;
    let service = resolve_service(model, &closure.service, protocol)?;
    let service_errors = match &lookup(model, &closure.service)?.kind {
        ShapeKind::Service(service) => service.errors.clone(),
        _ => Vec::new(),
    };
    let mut operations = Vec::new();
    let mut io_shapes = BTreeSet::new();
    for operation_id in &closure.operations {
        let operation = resolve_operation(model, service.protocol, operation_id, &service_errors)?;
        io_shapes.insert(operation.input.shape_id.clone());
        io_shapes.insert(operation.output.shape_id.clone());
        operations.push(operation);
    }
    let protocol = service.protocol;
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
                .push(resolve_structure(model, protocol, shape, shape.id.name(), StructureRole::Error)?),
            ShapeKind::Structure(_) => krate
                .structures
                .push(resolve_structure(model, protocol, shape, shape.id.name(), StructureRole::Data)?),
            ShapeKind::Union(_) => krate.unions.push(resolve_union(model, protocol, shape)?),
            ShapeKind::Enum(_) => krate.enums.push(resolve_enum(shape)?),
            _ => {}
        }
    }
    customizations::apply(&closure.service.to_string(), &mut krate);
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

/// `service_errors` are the service's common errors, which every operation can return: they
/// join each operation's error enum, as in aws-sdk-rust.
pub(super) fn resolve_operation(
    model: &Model,
    protocol: Protocol,
    id: &ShapeId,
    service_errors: &[ShapeId],
) -> Result<OperationIr> {
    let shape = lookup(model, id)?;
    let ShapeKind::Operation(operation) = &shape.kind else {
        return Err(Error::model(id, "is not an operation"));
    };
    let name = type_ident(id.name());
    let module = snake_case(id.name());
    let io = |target: &Option<ShapeId>, suffix: &str, role| -> Result<StructureIr> {
        let rust_name = format!("{name}{suffix}");
        let mut structure = match target {
            Some(target) => resolve_structure(model, protocol, lookup(model, target)?, &rust_name, role)?,
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
    let unit_input = operation.input.as_ref().is_none_or(|input| input == &ShapeId::prelude("Unit"));
    let http = match protocol {
        Protocol::RestJson1 => Some(http::http_binding(shape, &input)?),
        _ => None,
    };
    Ok(OperationIr {
        http,
        checksum_required: shape.traits.has("smithy.api#httpChecksumRequired"),
        tree_hash_checksums: false,
        host_prefix,
        unit_input,
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
pub(super) fn host_prefix(model: &Model, operation: &Shape, input_id: Option<&ShapeId>, input: &StructureIr) -> Result<Vec<HostPrefixPart>> {
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
pub(super) fn gzip_requests(operation: &Shape) -> Result<bool> {
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
pub(super) fn empty_structure(operation: &ShapeId, rust_name: &str, role: StructureRole) -> StructureIr {
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

pub(super) fn resolve_structure(
    model: &Model,
    protocol: Protocol,
    shape: &Shape,
    name: &str,
    role: StructureRole,
) -> Result<StructureIr> {
    let ShapeKind::Structure(members) = &shape.kind else {
        return Err(Error::model(&shape.id, "expected a structure"));
    };
    let rust_name = type_ident(name);
    let mut members = members
        .iter()
        .map(|member| resolve_member(model, protocol, &shape.id, member, role))
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

pub(super) fn resolve_member(
    model: &Model,
    protocol: Protocol,
    parent: &ShapeId,
    member: &Member,
    role: StructureRole,
) -> Result<MemberIr> {
    let snake = snake_case(member.name());
    let target = lookup(model, &member.target)?;
    // Binding traits place the members of inputs, outputs and errors only; elsewhere they
    // mean nothing.
    let location = if protocol == Protocol::RestJson1 && role != StructureRole::Data {
        http::member_location(member, role)?
    } else {
        HttpLocation::Body
    };
    let ty = member_type(model, parent, member, http::default_timestamp_format(&location))?;
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
    if target.traits.has("smithy.api#streaming") {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str("The model streams this body; these bindings hold all of it in memory.");
    }
    let client_optional = member.traits.has(traits::CLIENT_OPTIONAL);
    // Inputs keep every member optional, as aws-sdk-rust does: the service, not the type
    // system, decides what a request may omit. Error bodies are read leniently: a missing
    // member must not hide which error the service reported.
    let lenient = matches!(role, StructureRole::Input | StructureRole::Error) || client_optional;
    let default = if lenient { None } else { default_value(model, member, &ty)? };
    let required = member.traits.has(traits::REQUIRED) && !lenient;
    Ok(MemberIr {
        name: member.name().to_owned(),
        wire_name: wire_name(protocol, member, &location),
        media_type: target.traits.string(traits::MEDIA_TYPE).map(str::to_owned),
        empty_label: None,
        location,
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

/// The member's name in a JSON body: restJson1 honours `@jsonName`, the RPC protocols do not.
fn wire_name(protocol: Protocol, member: &Member, location: &HttpLocation) -> String {
    let renamed = (protocol == Protocol::RestJson1 && *location == HttpLocation::Body)
        .then(|| member.traits.string(traits::JSON_NAME))
        .flatten();
    renamed.unwrap_or(member.name()).to_owned()
}

/// A member is sensitive when its target, or anything a collection target holds, is.
pub(super) fn is_sensitive(model: &Model, id: &ShapeId, seen: &mut Vec<ShapeId>) -> bool {
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

pub(super) fn resolve_enum(shape: &Shape) -> Result<EnumIr> {
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

pub(super) fn resolve_union(model: &Model, protocol: Protocol, shape: &Shape) -> Result<UnionIr> {
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
                member_name: member.name().to_owned(),
                wire_name: wire_name(protocol, member, &HttpLocation::Body),
                name: variant_name(member.name()),
                ty: if unit { None } else { Some(member_type(model, &shape.id, member, TimestampFormat::EpochSeconds)?) },
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

pub(super) fn lookup<'m>(model: &'m Model, id: &ShapeId) -> Result<&'m Shape> {
    model
        .shape(id)
        .ok_or_else(|| Error::model(id, "shape does not exist"))
}

pub(super) fn doc_of(traits: &Traits) -> String {
    traits
        .string(traits::DOCUMENTATION)
        .map(html_to_markdown)
        .unwrap_or_default()
}

/// The `@deprecated` trait as a note for Rust's `#[deprecated]`.
pub(super) fn deprecation(traits: &Traits) -> Option<String> {
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
pub(super) fn member_doc(member: &Member, target: &Shape) -> String {
    let own = doc_of(&member.traits);
    if own.is_empty() {
        doc_of(&target.traits)
    } else {
        own
    }
}
