//! The awsJson response reader: one function per output, error and response structure,
//! reading members by name, skipping unknown ones, and treating `null` as absent.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{deserializer_fn, CrateIr, OperationIr, RustType, StructureIr, StructureRole};

/// Deserializers for outputs, errors and the structures they reach, plus one error
/// dispatcher per operation (part of `protocol_serde`).
pub(crate) fn emit_deserializers(krate: &CrateIr) -> TokenStream {
    let outputs = krate.operations.iter().map(|operation| {
        let module = ident(&operation.module);
        let name = ident(&operation.output.rust_name);
        emit_body_reader(&operation.output, quote!(crate::operation::#module::#name))
    });
    let errors = krate.errors.iter().map(|error| {
        let name = ident(&error.rust_name);
        emit_body_reader(error, quote!(crate::types::error::#name))
    });
    let shared = krate.structures.iter().filter(|s| s.deserialized).map(|structure| {
        let function = ident(&structure.deserializer_fn);
        let name = ident(&structure.rust_name);
        let path = quote!(crate::types::#name);
        let body = emit_structure_read(structure, &path);
        quote! {
            pub(crate) fn #function(reader: &mut JsonReader<'_>) -> ::std::result::Result<#path, JsonError> {
                #body
            }
        }
    });
    let dispatchers = krate.operations.iter().map(emit_error_dispatch);
    quote! {
        use crate::json_reader::{JsonError, JsonReader};

        #(#outputs)*
        #(#errors)*
        #(#shared)*
        #(#dispatchers)*
    }
}

/// A function reading one JSON object as `path`; error structures also take the error
/// metadata already read from the response.
fn emit_body_reader(structure: &StructureIr, path: TokenStream) -> TokenStream {
    let function = ident(&structure.deserializer_fn);
    let body = emit_structure_read(structure, &path);
    let meta_param = (structure.role == StructureRole::Error)
        .then(|| quote!(, meta: &crate::error::ErrorMetadata));
    quote! {
        pub(crate) fn #function(reader: &mut JsonReader<'_> #meta_param) -> ::std::result::Result<#path, JsonError> {
            #body
        }
    }
}

/// Statements reading one JSON object into `path`, ending in a `Result` expression.
/// `reader` is a `&mut JsonReader` positioned at the object.
fn emit_structure_read(structure: &StructureIr, path: &TokenStream) -> TokenStream {
    let locals: Vec<_> = structure
        .members
        .iter()
        .map(|m| format_ident!("member_{}", m.field.trim_start_matches("r#")))
        .collect();
    let arms = structure.members.iter().zip(&locals).map(|(member, local)| {
        let key = &member.wire_name;
        let read = emit_value_read(&member.ty, 0);
        quote!(#key => #local = #read,)
    });
    let message_fill = structure.message_member.as_ref().map(|field| {
        let local = format_ident!("member_{}", field.trim_start_matches("r#"));
        quote! {
            if #local.is_none() {
                #local = meta.message().map(::std::borrow::ToOwned::to_owned);
            }
        }
    });
    let fields = structure.members.iter().zip(&locals).map(|(member, local)| {
        let field = ident(&member.field);
        if member.optional {
            quote!(#field: #local,)
        } else {
            let problem = format!(
                "required member `{}` of `{}` is missing or null",
                member.wire_name, structure.rust_name
            );
            quote!(#field: #local.ok_or_else(|| reader.error(#problem))?,)
        }
    });
    let meta_field = (structure.role == StructureRole::Error).then(|| quote!(meta: meta.clone(),));
    let declarations = locals.iter().map(|local| quote!(let mut #local = ::std::option::Option::None;));
    quote! {
        #(#declarations)*
        reader.begin_object()?;
        while let ::std::option::Option::Some(name) = reader.next_key()? {
            match name.as_ref() {
                #(#arms)*
                _ => reader.skip_value()?,
            }
        }
        #message_fill
        ::std::result::Result::Ok(#path { #(#fields)* #meta_field })
    }
}

/// An expression of type `Option<T>` reading one value; `null` reads as `None`.
fn emit_value_read(ty: &RustType, depth: usize) -> TokenStream {
    match ty {
        RustType::String => quote!(reader.optional_string()?),
        RustType::Bool => quote!(reader.optional_bool()?),
        RustType::I8 => quote!(reader.optional_integer::<i8>()?),
        RustType::I16 => quote!(reader.optional_integer::<i16>()?),
        RustType::I32 => quote!(reader.optional_integer::<i32>()?),
        RustType::I64 => quote!(reader.optional_integer::<i64>()?),
        // The model says the value is a float; JSON numbers are read as f64 first.
        RustType::F32 => quote!(reader.optional_float()?.map(|value| value as f32)),
        RustType::F64 => quote!(reader.optional_float()?),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(reader.optional_string()?.map(|value| crate::types::#name::from(value.as_str())))
        }
        RustType::Structure(name) => {
            let function = ident(&deserializer_fn(name));
            quote! {
                if reader.take_null()? {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(crate::protocol_serde::#function(reader)?)
                }
            }
        }
        RustType::List(element) => {
            let items = format_ident!("items_{}", depth);
            let item = format_ident!("item_{}", depth);
            let read = emit_value_read(element, depth + 1);
            quote! {
                if reader.take_null()? {
                    ::std::option::Option::None
                } else {
                    reader.begin_array()?;
                    let mut #items = ::std::vec::Vec::new();
                    while reader.has_next_element()? {
                        // Dense lists drop nulls, as aws-sdk-rust does.
                        if let ::std::option::Option::Some(#item) = #read {
                            #items.push(#item);
                        }
                    }
                    ::std::option::Option::Some(#items)
                }
            }
        }
        RustType::Map(value) => {
            let entries = format_ident!("entries_{}", depth);
            let key = format_ident!("key_{}", depth);
            let entry = format_ident!("value_{}", depth);
            let read = emit_value_read(value, depth + 1);
            quote! {
                if reader.take_null()? {
                    ::std::option::Option::None
                } else {
                    reader.begin_object()?;
                    let mut #entries = ::std::collections::HashMap::new();
                    while let ::std::option::Option::Some(#key) = reader.next_key()? {
                        if let ::std::option::Option::Some(#entry) = #read {
                            #entries.insert(#key.into_owned(), #entry);
                        }
                    }
                    ::std::option::Option::Some(#entries)
                }
            }
        }
    }
}

/// The function that turns an error response of `operation` into its error enum.
fn emit_error_dispatch(operation: &OperationIr) -> TokenStream {
    let function = ident(&operation.error_parser_fn);
    let module = ident(&operation.module);
    let error_enum = ident(&operation.error_enum);
    let arms = operation.errors.iter().map(|error| {
        let code = &error.code;
        let variant = ident(&error.type_name);
        let reader = ident(&error.deserializer_fn);
        quote! {
            ::std::option::Option::Some(#code) => {
                crate::aws_json::read_whole_body(response.body(), |reader| #reader(reader, &meta))
                    .map(#error_enum::#variant)
            }
        }
    });
    quote! {
        pub(crate) fn #function(response: &crate::http::HttpResponse<'_>) -> crate::operation::#module::#error_enum {
            use crate::operation::#module::#error_enum;
            let meta = match crate::aws_json::error_metadata(response) {
                ::std::result::Result::Ok(meta) => meta,
                ::std::result::Result::Err(unhandled) => return #error_enum::Unhandled(unhandled),
            };
            let parsed = match meta.code() {
                #(#arms)*
                _ => return #error_enum::Unhandled(crate::aws_json::unhandled(response, meta, ::std::option::Option::None)),
            };
            parsed.unwrap_or_else(|problem| {
                #error_enum::Unhandled(crate::aws_json::unreadable_error(response, meta, &problem))
            })
        }
    }
}
