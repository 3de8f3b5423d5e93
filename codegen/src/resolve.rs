//! Model → IR: turns the shapes of an [`OperationClosure`] into Rust types with decided names.

use std::collections::{BTreeMap, BTreeSet};

use crate::closure::OperationClosure;
use crate::docs::html_to_markdown;
use crate::error::{Error, Result};
use crate::ir::{
    deserializer_fn, serializer_fn, OperationErrorIr, CrateIr, EnumIr, MemberIr, OperationIr, Protocol, RustType, ServiceIr, StructureIr,
    StructureRole, VariantIr,
};
use crate::model::{traits, Member, Model, Shape, ShapeId, ShapeKind, SimpleType};
use crate::naming::{escape_keyword, field_ident, snake_case, type_ident};

pub fn resolve(model: &Model, closure: &OperationClosure) -> Result<CrateIr> {
    let service = resolve_service(model, &closure.service)?;
    let mut operations = Vec::new();
    let mut io_shapes = BTreeSet::new();
    for operation_id in &closure.operations {
        let operation = resolve_operation(model, operation_id)?;
        io_shapes.insert(operation.input.shape_id.clone());
        io_shapes.insert(operation.output.shape_id.clone());
        operations.push(operation);
    }
    let mut structures = Vec::new();
    let mut enums = Vec::new();
    let mut errors = Vec::new();
    for id in &closure.shapes {
        if io_shapes.contains(&id.to_string()) {
            continue;
        }
        let shape = lookup(model, id)?;
        match &shape.kind {
            ShapeKind::Structure(_) if shape.traits.has(traits::ERROR) => {
                errors.push(resolve_structure(model, shape, shape.id.name(), StructureRole::Error)?)
            }
            ShapeKind::Structure(_) => {
                structures.push(resolve_structure(model, shape, shape.id.name(), StructureRole::Data)?)
            }
            ShapeKind::Enum(_) => enums.push(resolve_enum(shape)),
            _ => {}
        }
    }
    let mut krate = CrateIr {
        service,
        operations,
        structures,
        enums,
        errors,
    };
    check_type_names(&krate)?;
    mark_directions(&mut krate);
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
                "has no protocol trait; smithy-bindgen needs `aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1`".to_owned()
            } else {
                format!("speaks {}, but smithy-bindgen supports only awsJson1_0 and awsJson1_1", found.join(", "))
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
        version: service.version.clone(),
        protocol,
        doc: doc_of(&shape.traits),
    })
}

fn resolve_operation(model: &Model, id: &ShapeId) -> Result<OperationIr> {
    let shape = lookup(model, id)?;
    let ShapeKind::Operation(operation) = &shape.kind else {
        return Err(Error::model(id, "is not an operation"));
    };
    let name = type_ident(id.name());
    let io = |target: &Option<ShapeId>, suffix: &str, role| -> Result<StructureIr> {
        let rust_name = format!("{name}{suffix}");
        match target {
            Some(target) => resolve_structure(model, lookup(model, target)?, &rust_name, role),
            None => Ok(empty_structure(id, &rust_name, role)),
        }
    };
    let errors = operation
        .errors
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
    Ok(OperationIr {
        module: snake_case(id.name()),
        doc: doc_of(&shape.traits),
        input: io(&operation.input, "Input", StructureRole::Input)?,
        output: io(&operation.output, "Output", StructureRole::Output)?,
        error_module: format!("_{}", snake_case(&error_enum)),
        error_parser_fn: deserializer_fn(&error_enum),
        error_enum,
        errors,
        name,
    })
}

/// Operations without input or output behave as if they had an empty structure.
fn empty_structure(operation: &ShapeId, rust_name: &str, role: StructureRole) -> StructureIr {
    StructureIr {
        shape_id: format!("{operation}${rust_name}"),
        module: format!("_{}", snake_case(rust_name)),
        builder_name: format!("{rust_name}Builder"),
        serializer_fn: serializer_fn(rust_name),
        deserializer_fn: deserializer_fn(rust_name),
        serialized: role == StructureRole::Input,
        deserialized: role != StructureRole::Input,
        message_member: None,
        rust_name: rust_name.to_owned(),
        doc: String::new(),
        role,
        members: Vec::new(),
    }
}

fn resolve_structure(model: &Model, shape: &Shape, name: &str, role: StructureRole) -> Result<StructureIr> {
    let ShapeKind::Structure(members) = &shape.kind else {
        return Err(Error::model(&shape.id, "expected a structure"));
    };
    let rust_name = type_ident(name);
    let members = members
        .iter()
        .map(|member| resolve_member(model, member, role))
        .collect::<Result<Vec<_>>>()?;
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
        serialized: role == StructureRole::Input,
        deserialized: matches!(role, StructureRole::Output | StructureRole::Error),
        message_member,
        rust_name,
        doc: doc_of(&shape.traits),
        role,
        members,
    })
}

fn resolve_member(model: &Model, member: &Member, role: StructureRole) -> Result<MemberIr> {
    let snake = snake_case(member.name());
    let required = member.traits.has(traits::REQUIRED) && !member.traits.has(traits::CLIENT_OPTIONAL);
    let target = lookup(model, &member.target)?;
    Ok(MemberIr {
        wire_name: member.name().to_owned(),
        field: field_ident(member.name()),
        setter: escape_keyword(format!("set_{snake}")),
        getter: escape_keyword(format!("get_{snake}")),
        doc: member_doc(member, target),
        ty: rust_type(model, member)?,
        // Inputs keep every member optional, as aws-sdk-rust does: the service, not the
        // type system, decides what a request may omit. Error bodies are read leniently:
        // a missing member must not hide which error the service reported.
        optional: matches!(role, StructureRole::Input | StructureRole::Error) || !required,
        sensitive: is_sensitive(model, &member.target, &mut Vec::new()),
    })
}

fn rust_type(model: &Model, member: &Member) -> Result<RustType> {
    let target = lookup(model, &member.target)?;
    let unsupported = |what: &str| {
        Error::unsupported(
            &member.id,
            format!("targets `{}`, a {what}, which smithy-bindgen does not generate yet", target.id),
        )
    };
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
            other => return Err(unsupported(other.type_name())),
        },
        ShapeKind::Enum(_) => RustType::Enum(type_ident(target.id.name())),
        ShapeKind::Structure(_) => {
            if reaches(model, &target.id, &target.id, &mut Vec::new()) {
                return Err(unsupported("recursive structure"));
            }
            RustType::Structure(type_ident(target.id.name()))
        }
        ShapeKind::List(element) => RustType::List(Box::new(rust_type(model, element)?)),
        ShapeKind::Map { key, value } => {
            let key_shape = lookup(model, &key.target)?;
            if !matches!(key_shape.kind, ShapeKind::Simple(SimpleType::String)) {
                return Err(unsupported("map whose keys are not plain strings"));
            }
            RustType::Map(Box::new(rust_type(model, value)?))
        }
        other => return Err(unsupported(other.type_name())),
    })
}

/// Whether `from` reaches `goal` through structure members (a cycle Rust cannot size).
fn reaches(model: &Model, from: &ShapeId, goal: &ShapeId, seen: &mut Vec<ShapeId>) -> bool {
    let Some(shape) = model.shape(from) else {
        return false;
    };
    shape.kind.members().iter().any(|member| {
        if &member.target == goal {
            return true;
        }
        if seen.contains(&member.target) {
            return false;
        }
        seen.push(member.target.clone());
        reaches(model, &member.target, goal, seen)
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

fn resolve_enum(shape: &Shape) -> EnumIr {
    let ShapeKind::Enum(members) = &shape.kind else {
        unreachable!("resolve_enum is only called for enums");
    };
    let rust_name = type_ident(shape.id.name());
    EnumIr {
        module: format!("_{}", snake_case(&rust_name)),
        doc: doc_of(&shape.traits),
        variants: members
            .iter()
            .map(|member| VariantIr {
                name: type_ident(&member.name),
                doc: doc_of(&member.traits),
                value: member.value.clone(),
            })
            .collect(),
        sensitive: shape.traits.has(traits::SENSITIVE),
        rust_name,
    }
}

/// Marks which shared structures appear in requests (they need serializers) and which in
/// responses (they need deserializers), so that no unused code is generated.
fn mark_directions(krate: &mut CrateIr) {
    let mut requests = BTreeSet::new();
    let mut responses = BTreeSet::new();
    for operation in &krate.operations {
        collect_structures(krate, &operation.input.members, &mut requests);
        collect_structures(krate, &operation.output.members, &mut responses);
    }
    for error in &krate.errors {
        collect_structures(krate, &error.members, &mut responses);
    }
    for structure in &mut krate.structures {
        structure.serialized = requests.contains(&structure.rust_name);
        structure.deserialized = responses.contains(&structure.rust_name);
    }
}

fn collect_structures(krate: &CrateIr, members: &[MemberIr], found: &mut BTreeSet<String>) {
    for member in members {
        let mut ty = &member.ty;
        while let RustType::List(inner) | RustType::Map(inner) = ty {
            ty = inner;
        }
        if let RustType::Structure(name) = ty {
            if found.insert(name.clone()) {
                if let Some(structure) = krate.structures.iter().find(|s| &s.rust_name == name) {
                    collect_structures(krate, &structure.members, found);
                }
            }
        }
    }
}

/// Two members whose Rust names coincide would not compile; say which ones instead.
fn check_member_names(id: &ShapeId, members: &[MemberIr]) -> Result<()> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for member in members {
        if let Some(previous) = seen.insert(&member.field, &member.wire_name) {
            return Err(Error::unsupported(
                id,
                format!(
                    "members `{previous}` and `{}` both become the Rust field `{}`",
                    member.wire_name, member.field
                ),
            ));
        }
    }
    Ok(())
}

/// Shapes from different namespaces can share a name; Rust types in one module cannot.
fn check_type_names(krate: &CrateIr) -> Result<()> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let named = krate
        .structures
        .iter()
        .chain(&krate.errors)
        .map(|s| (s.rust_name.as_str(), s.shape_id.as_str()))
        .chain(krate.enums.iter().map(|e| (e.rust_name.as_str(), e.rust_name.as_str())));
    for (rust_name, origin) in named {
        if let Some(previous) = seen.insert(rust_name, origin) {
            return Err(Error::unsupported(
                origin,
                format!("its Rust name `{rust_name}` is already taken by `{previous}`"),
            ));
        }
    }
    Ok(())
}

fn lookup<'m>(model: &'m Model, id: &ShapeId) -> Result<&'m Shape> {
    model
        .shape(id)
        .ok_or_else(|| Error::model(id, "shape does not exist"))
}

fn doc_of(traits: &crate::model::Traits) -> String {
    traits
        .string(traits::DOCUMENTATION)
        .map(html_to_markdown)
        .unwrap_or_default()
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
