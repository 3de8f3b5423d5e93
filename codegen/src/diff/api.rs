//! The generated Rust API of one side, looked up by shape id, so that a change is judged by
//! what it does to the types a caller writes, not by which trait moved.

use std::collections::BTreeMap;

use crate::ir::{CrateIr, MapKey, MemberIr, RustType, StructureIr, StructureRole, UnionIr};

/// The items of one crate's IR by the shape id they come from.
pub struct RustApi<'a> {
    structures: BTreeMap<&'a str, &'a StructureIr>,
    unions: BTreeMap<&'a str, &'a UnionIr>,
    /// Rust paths of the types under `types::`, by shape id.
    items: BTreeMap<String, String>,
}

impl<'a> RustApi<'a> {
    pub fn new(krate: &'a CrateIr) -> Self {
        let mut structures = BTreeMap::new();
        let mut items = BTreeMap::new();
        for operation in &krate.operations {
            structures.insert(operation.input.shape_id.as_str(), &operation.input);
            structures.insert(operation.output.shape_id.as_str(), &operation.output);
        }
        for structure in &krate.structures {
            structures.insert(structure.shape_id.as_str(), structure);
            items.insert(structure.shape_id.clone(), format!("types::{}", structure.rust_name));
        }
        for error in &krate.errors {
            structures.insert(error.shape_id.as_str(), error);
            items.insert(error.shape_id.clone(), format!("types::error::{}", error.rust_name));
        }
        let mut unions = BTreeMap::new();
        for union in &krate.unions {
            unions.insert(union.shape_id.as_str(), union);
            items.insert(union.shape_id.clone(), format!("types::{}", union.rust_name));
        }
        for enumeration in &krate.enums {
            items.insert(enumeration.shape_id.clone(), format!("types::{}", enumeration.rust_name));
        }
        RustApi { structures, unions, items }
    }

    pub fn structure(&self, shape_id: &str) -> Option<&'a StructureIr> {
        self.structures.get(shape_id).copied()
    }

    pub fn member(&self, shape_id: &str, wire_name: &str) -> Option<&'a MemberIr> {
        self.structure(shape_id)?.members.iter().find(|member| member.wire_name == wire_name)
    }

    pub fn union_variant(&self, shape_id: &str, wire_name: &str) -> Option<String> {
        let union = self.unions.get(shape_id)?;
        let variant = union.variants.iter().find(|variant| variant.wire_name == wire_name)?;
        Some(match &variant.ty {
            Some(ty) => format!("`{}::{}({})`", union.rust_name, variant.name, type_text(ty)),
            None => format!("`{}::{}`", union.rust_name, variant.name),
        })
    }

    /// The `types::` path of the Rust item a shape becomes, if it becomes one.
    pub fn item(&self, shape_id: &str) -> Option<&str> {
        self.items.get(shape_id).map(String::as_str)
    }
}

/// A member as its Rust field reads: `` `enable_work_docs: Option<bool>` ``.
pub fn field_text(member: &MemberIr) -> String {
    let ty = type_text(&member.ty);
    if member.optional {
        format!("`{}: Option<{ty}>`", member.field)
    } else {
        format!("`{}: {ty}`", member.field)
    }
}

/// What a caller sees of a member: its field, its type, and whether `build()` fails
/// without it. Two members with equal signatures are interchangeable in calling code.
pub fn signature(member: &MemberIr, role: StructureRole) -> (String, bool) {
    (field_text(member), member.is_required() && role != StructureRole::Input)
}

/// The Rust type as a caller writes it, without the crate paths.
pub fn type_text(ty: &RustType) -> String {
    match ty {
        RustType::String => "String".into(),
        RustType::Bool => "bool".into(),
        RustType::I8 => "i8".into(),
        RustType::I16 => "i16".into(),
        RustType::I32 => "i32".into(),
        RustType::I64 => "i64".into(),
        RustType::F32 => "f32".into(),
        RustType::F64 => "f64".into(),
        RustType::Blob => "Blob".into(),
        RustType::Document => "Document".into(),
        RustType::BigInteger => "BigInteger".into(),
        RustType::BigDecimal => "BigDecimal".into(),
        RustType::Timestamp(_) => "DateTime".into(),
        RustType::List { element, sparse } => format!("Vec<{}>", optional_text(element, *sparse)),
        RustType::Map { key, value, sparse } => {
            let key = match key {
                MapKey::String => "String",
                MapKey::Enum(name) => name,
            };
            format!("HashMap<{key}, {}>", optional_text(value, *sparse))
        }
        RustType::Structure(name) | RustType::Union(name) | RustType::Enum(name) => name.clone(),
        RustType::Boxed(inner) => format!("Box<{}>", type_text(inner)),
    }
}

fn optional_text(ty: &RustType, optional: bool) -> String {
    if optional {
        format!("Option<{}>", type_text(ty))
    } else {
        type_text(ty)
    }
}
