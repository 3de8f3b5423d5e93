//! IR → Rust source. Each submodule emits one kind of item as tokens; `output` assembles
//! them into files. Emitters read only the IR.

mod builders;
mod client;
pub(crate) mod endpoint;
mod enums;
mod errors;
pub mod manifest;
mod operation;
pub mod output;
mod protocol;
mod serde;
mod structs;
mod unions;
mod validation;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::{DefaultValue, MapKey, RustType, TimestampFormat};

/// An identifier from an IR name; `r#type` becomes a raw identifier.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// An intra-doc link to the struct `name`. A struct named like one of the prelude's derive
/// macros (cleanrooms' `Hash`) needs `struct@`, or rustdoc finds the link ambiguous.
pub(crate) fn struct_link(name: &str) -> String {
    const DERIVE_MACROS: [&str; 9] = ["Clone", "Copy", "Debug", "Default", "Eq", "Hash", "Ord", "PartialEq", "PartialOrd"];
    if DERIVE_MACROS.contains(&name) {
        format!("[`{name}`](struct@{name})")
    } else {
        format!("[`{name}`]")
    }
}

/// `#[doc = ...]` lines for a Markdown doc string, or `fallback` when the model has none.
pub(crate) fn doc_attrs(doc: &str, fallback: &str) -> TokenStream {
    let text = if doc.is_empty() { fallback } else { doc };
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// The Rust type of a value, with absolute paths so that model shapes named `Option`,
/// `String` or `Vec` cannot shadow the standard types.
pub(crate) fn type_tokens(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(::std::string::String),
        RustType::Bool => quote!(bool),
        RustType::I8 => quote!(i8),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::Blob => quote!(crate::primitives::Blob),
        RustType::Document => quote!(crate::primitives::Document),
        RustType::BigInteger => quote!(crate::primitives::BigInteger),
        RustType::BigDecimal => quote!(crate::primitives::BigDecimal),
        RustType::Timestamp(_) => quote!(crate::primitives::DateTime),
        RustType::List { element, sparse } => {
            let element = maybe_optional(type_tokens(element), *sparse);
            quote!(::std::vec::Vec<#element>)
        }
        RustType::Map { key, value, sparse } => {
            let key = map_key_tokens(key);
            let value = maybe_optional(type_tokens(value), *sparse);
            quote!(::std::collections::HashMap<#key, #value>)
        }
        RustType::Structure(name) | RustType::Union(name) | RustType::Enum(name) => {
            let name = ident(name);
            quote!(crate::types::#name)
        }
        RustType::Boxed(inner) => {
            let inner = type_tokens(inner);
            quote!(::std::boxed::Box<#inner>)
        }
    }
}

pub(crate) fn map_key_tokens(key: &MapKey) -> TokenStream {
    match key {
        MapKey::String => quote!(::std::string::String),
        MapKey::Enum(name) => {
            let name = ident(name);
            quote!(crate::types::#name)
        }
    }
}

fn maybe_optional(ty: TokenStream, optional: bool) -> TokenStream {
    if optional {
        quote!(::std::option::Option<#ty>)
    } else {
        ty
    }
}

/// `#[deprecated(note = ...)]` for items the model marks `@deprecated`.
pub(crate) fn deprecated_attr(note: &Option<String>) -> TokenStream {
    match note {
        Some(note) => quote!(#[deprecated(note = #note)]),
        None => TokenStream::new(),
    }
}

/// The `primitives::Format` of a timestamp format.
pub(crate) fn timestamp_format_tokens(format: TimestampFormat) -> TokenStream {
    match format {
        TimestampFormat::EpochSeconds => quote!(crate::primitives::Format::EpochSeconds),
        TimestampFormat::DateTime => quote!(crate::primitives::Format::DateTime),
        TimestampFormat::HttpDate => quote!(crate::primitives::Format::HttpDate),
    }
}

/// Whether values of this type are `Copy`, so getters return them by value.
pub(crate) fn is_copy(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
    )
}

/// What `Debug` prints in place of a `@sensitive` value, as aws-sdk-rust does.
pub(crate) const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// A `@default` value as a Rust expression of the member's type.
pub(crate) fn default_tokens(default: &DefaultValue, ty: &RustType) -> TokenStream {
    match (default, ty) {
        (DefaultValue::Bool(value), _) => quote!(#value),
        (DefaultValue::Integer(value), RustType::I8) => {
            let value = *value as i8;
            quote!(#value)
        }
        (DefaultValue::Integer(value), RustType::I16) => {
            let value = *value as i16;
            quote!(#value)
        }
        (DefaultValue::Integer(value), RustType::I32) => {
            let value = *value as i32;
            quote!(#value)
        }
        (DefaultValue::Integer(value), _) => quote!(#value),
        (DefaultValue::Float(value), RustType::F32) => {
            let value = *value as f32;
            quote!(#value)
        }
        (DefaultValue::Float(value), _) => quote!(#value),
        (DefaultValue::String(value), _) => quote!(::std::string::String::from(#value)),
        (DefaultValue::Enum(value), _) => {
            let ty = type_tokens(ty);
            quote!(<#ty>::from(#value))
        }
        (DefaultValue::EmptyList, _) => quote!(::std::vec::Vec::new()),
        (DefaultValue::EmptyMap, _) => quote!(::std::collections::HashMap::new()),
        (DefaultValue::Timestamp { secs, nanos }, _) => {
            quote!(crate::primitives::DateTime::from_secs_and_nanos(#secs, #nanos))
        }
        (DefaultValue::Blob(bytes), _) => {
            let bytes = proc_macro2::Literal::byte_string(bytes);
            quote!(crate::primitives::Blob::new(#bytes.to_vec()))
        }
        (DefaultValue::Document(value), _) => document_tokens(value, &quote!(crate::primitives)),
    }
}

/// A `Document` expression for a JSON value; `primitives` is the path of the module that
/// defines `Document` and `Number`.
pub(crate) fn document_tokens(value: &serde_json::Value, primitives: &TokenStream) -> TokenStream {
    let document = quote!(#primitives::Document);
    match value {
        serde_json::Value::Null => quote!(#document::Null),
        serde_json::Value::Bool(value) => quote!(#document::Bool(#value)),
        serde_json::Value::String(text) => quote!(#document::String(::std::string::String::from(#text))),
        serde_json::Value::Number(number) => {
            let number_type = quote!(#primitives::Number);
            if let Some(value) = number.as_u64() {
                quote!(#document::Number(#number_type::PosInt(#value)))
            } else if let Some(value) = number.as_i64() {
                quote!(#document::Number(#number_type::NegInt(#value)))
            } else {
                let value = proc_macro2::Literal::f64_suffixed(number.as_f64().unwrap_or_default());
                quote!(#document::Number(#number_type::Float(#value)))
            }
        }
        serde_json::Value::Array(items) => {
            let items = items.iter().map(|item| document_tokens(item, primitives));
            quote!(#document::Array(::std::vec![#(#items),*]))
        }
        serde_json::Value::Object(entries) => {
            let entries = entries.iter().map(|(key, value)| {
                let value = document_tokens(value, primitives);
                quote!((::std::string::String::from(#key), #value))
            });
            quote!(#document::Object(::std::collections::HashMap::from([#(#entries),*])))
        }
    }
}

/// `value` (an `Option`) with the default filled in: literals eagerly, empty collections
/// by `Default`, strings and enums lazily.
pub(crate) fn unwrap_with_default(value: TokenStream, default: &DefaultValue, ty: &RustType) -> TokenStream {
    match default {
        DefaultValue::EmptyList | DefaultValue::EmptyMap => quote!(#value.unwrap_or_default()),
        // Documents that allocate nothing are cheap enough to build eagerly.
        DefaultValue::Document(serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_)) => {
            let default = default_tokens(default, ty);
            quote!(#value.unwrap_or(#default))
        }
        DefaultValue::Bool(_) | DefaultValue::Integer(_) | DefaultValue::Float(_) => {
            let default = default_tokens(default, ty);
            quote!(#value.unwrap_or(#default))
        }
        DefaultValue::String(_)
        | DefaultValue::Enum(_)
        | DefaultValue::Timestamp { .. }
        | DefaultValue::Blob(_)
        | DefaultValue::Document(_) => {
            let default = default_tokens(default, ty);
            quote!(#value.unwrap_or_else(|| #default))
        }
    }
}
