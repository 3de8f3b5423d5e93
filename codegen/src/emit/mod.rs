//! IR → Rust source. Each submodule emits one kind of item as tokens; `output` assembles
//! them into files. Emitters read only the IR.

mod builders;
mod deserializer;
mod enums;
mod errors;
mod operation;
pub mod output;
mod serializer;
mod structs;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::RustType;

/// An identifier from an IR name; `r#type` becomes a raw identifier.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
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
        RustType::List(element) => {
            let element = type_tokens(element);
            quote!(::std::vec::Vec<#element>)
        }
        RustType::Map(value) => {
            let value = type_tokens(value);
            quote!(::std::collections::HashMap<::std::string::String, #value>)
        }
        RustType::Structure(name) | RustType::Enum(name) => {
            let name = ident(name);
            quote!(crate::types::#name)
        }
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
