//! The awsJson response reader: one function per output, error and response structure,
//! reading members by name, skipping unknown ones, and treating `null` as absent.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::super::reading;
use crate::emit::{ident, timestamp_format_tokens};
use crate::ir::{deserializer_fn, CrateIr, HttpLocation, MapKey, RustType, StructureIr, StructureRole, UnionIr};

/// How an awsJson error response is read: once, into an `ErrorBody` the modeled error's
/// reader takes.
fn error_body() -> reading::ErrorBodyPlan {
    reading::ErrorBodyPlan {
        prepare: quote!(let mut body = crate::aws_json::ErrorBody::default();),
        read: quote!(crate::aws_json::read_error(response, &mut body, CODES)),
        reader_takes: quote!(&crate::aws_json::ErrorBody<'_>),
        pass: quote!(&body),
        body_error: quote!(JsonError),
    }
}

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
    let shared = emit_shared_readers(krate);
    let dispatchers = krate.operations.iter().map(|operation| {
        reading::emit_error_dispatch(operation, krate.service.query_compatible, &error_body())
    });
    quote! {
        use crate::json_reader::{JsonError, JsonReader};

        #(#outputs)*
        #(#errors)*
        #shared
        #(#dispatchers)*
    }
}

/// Readers of the `types::` structures and unions responses hold.
pub(in crate::emit::protocol) fn emit_shared_readers(krate: &CrateIr) -> TokenStream {
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
    let unions = krate.unions.iter().filter(|u| u.deserialized).map(emit_union_reader);
    quote! {
        #(#shared)*
        #(#unions)*
    }
}

/// A function reading one JSON object as `path`; error structures also take the error
/// metadata already read from the response.
fn emit_body_reader(structure: &StructureIr, path: TokenStream) -> TokenStream {
    let function = ident(&structure.deserializer_fn);
    let body = emit_structure_read(structure, &path);
    if structure.role == StructureRole::Error {
        return emit_error_reader(structure, &path);
    }
    quote! {
        pub(crate) fn #function(reader: &mut JsonReader<'_>) -> ::std::result::Result<#path, JsonError> {
            #body
        }
    }
}

/// A function building an error structure from an error body already read once: it visits
/// the recorded top-level members, reading the values of its own and ignoring the rest. The
/// error takes the metadata only once every member has been read, so a member that fails to
/// read leaves the metadata to the `Unhandled` error instead.
fn emit_error_reader(structure: &StructureIr, path: &TokenStream) -> TokenStream {
    let function = ident(&structure.deserializer_fn);
    let locals = reading::member_locals(structure);
    let declarations = locals.iter().map(|local| quote!(let mut #local = ::std::option::Option::None;));
    let members_loop = emit_error_members_loop(structure, &locals);
    let build = reading::build_structure(structure, path, &locals, |problem| quote!(body.error(#problem)));
    let never_fails = structure.members.is_empty().then(|| {
        quote!(#[allow(clippy::unnecessary_wraps, reason = "every error reader has the same signature")])
    });
    quote! {
        #never_fails
        pub(crate) fn #function(
            body: &crate::aws_json::ErrorBody<'_>,
            meta: &mut ::std::option::Option<crate::error::ErrorMetadata>,
        ) -> ::std::result::Result<#path, JsonError> {
            #(#declarations)*
            #members_loop
            #build
        }
    }
}

/// Statements visiting the members an `ErrorBody` recorded, each of the structure's body
/// members read into its local.
pub(in crate::emit::protocol) fn emit_error_members_loop(structure: &StructureIr, locals: &[proc_macro2::Ident]) -> TokenStream {
    let reads: Vec<(&String, TokenStream)> = structure
        .members
        .iter()
        .zip(locals)
        .filter(|(member, _)| member.location == HttpLocation::Body)
        .map(|(member, local)| {
            let read = emit_error_member_read(&member.ty);
            (&member.wire_name, quote!(#local = #read))
        })
        .collect();
    match reads.as_slice() {
        // The error has no members of its own to read.
        [] => quote!(let _ = body;),
        [(key, read)] => quote! {
            for member in body.members() {
                if member.name() == #key {
                    #read;
                }
            }
        },
        reads => {
            let arms = reads.iter().map(|(key, read)| quote!(#key => #read,));
            quote! {
                for member in body.members() {
                    match member.name() {
                        #(#arms)*
                        _ => {}
                    }
                }
            }
        }
    }
}

/// An expression of type `Option<T>` reading an error member's value: string values the
/// first pass kept, other values from where they start.
pub(in crate::emit::protocol) fn emit_error_member_read(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(member.optional_string()?),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(member.optional_str()?.map(|value| crate::types::#name::from(value.as_ref())))
        }
        other => {
            let read = emit_value_read(other, 0);
            quote!({
                let reader = &mut member.reader();
                #read
            })
        }
    }
}

/// Statements reading one JSON object into `path`, ending in a `Result` expression.
/// `reader` is a `&mut JsonReader` positioned at the object.
fn emit_structure_read(structure: &StructureIr, path: &TokenStream) -> TokenStream {
    let locals = reading::member_locals(structure);
    let arms = structure.members.iter().zip(&locals).filter(|(member, _)| member.location == HttpLocation::Body).map(|(member, local)| {
        let key = &member.wire_name;
        let read = emit_value_read(&member.ty, 0);
        quote!(#key => #local = #read,)
    });
    let build = reading::build_structure(structure, path, &locals, |problem| quote!(reader.error(#problem)));
    let declarations = locals.iter().map(|local| quote!(let mut #local = ::std::option::Option::None;));
    let members_loop = if structure.members.is_empty() {
        quote! {
            while reader.next_key()?.is_some() {
                reader.skip_value()?;
            }
        }
    } else {
        quote! {
            while let ::std::option::Option::Some(name) = reader.next_key()? {
                match name.as_ref() {
                    #(#arms)*
                    _ => reader.skip_value()?,
                }
            }
        }
    };
    quote! {
        #(#declarations)*
        reader.begin_object()?;
        #members_loop
        #build
    }
}

/// A union read from an object with exactly one member set; `__type` is ignored, and a
/// member this version does not know reads as `Unknown`.
fn emit_union_reader(union: &UnionIr) -> TokenStream {
    let function = ident(&union.deserializer_fn);
    let name = ident(&union.rust_name);
    let arms = union.variants.iter().map(|variant| {
        let key = &variant.wire_name;
        let variant_name = ident(&variant.name);
        match &variant.ty {
            Some(ty) => {
                let read = emit_value_read(ty, 0);
                quote!(#key => #read.map(crate::types::#name::#variant_name),)
            }
            None => quote! {
                #key => {
                    if reader.take_null() {
                        ::std::option::Option::None
                    } else {
                        reader.skip_value()?;
                        ::std::option::Option::Some(crate::types::#name::#variant_name)
                    }
                }
            },
        }
    });
    let several = format!("union `{}` has more than one member set", union.rust_name);
    let none = format!("union `{}` has no member set", union.rust_name);
    quote! {
        pub(crate) fn #function(reader: &mut JsonReader<'_>) -> ::std::result::Result<crate::types::#name, JsonError> {
            let mut value = ::std::option::Option::None;
            reader.begin_object()?;
            while let ::std::option::Option::Some(name) = reader.next_key()? {
                let variant = match name.as_ref() {
                    #(#arms)*
                    "__type" => {
                        reader.skip_value()?;
                        ::std::option::Option::None
                    }
                    _ => {
                        if reader.take_null() {
                            ::std::option::Option::None
                        } else {
                            reader.skip_value()?;
                            ::std::option::Option::Some(crate::types::#name::Unknown)
                        }
                    }
                };
                if variant.is_some() {
                    if value.is_some() {
                        return ::std::result::Result::Err(reader.error(#several));
                    }
                    value = variant;
                }
            }
            value.ok_or_else(|| reader.error(#none))
        }
    }
}

/// An expression of type `Option<T>` reading one value; `null` reads as `None`.
pub(in crate::emit::protocol) fn emit_value_read(ty: &RustType, depth: usize) -> TokenStream {
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
        RustType::Blob => quote!(reader.optional_blob()?),
        RustType::Document => quote!(reader.optional_document()?),
        RustType::BigInteger => quote!(reader.optional_parsed::<crate::primitives::BigInteger>()?),
        RustType::BigDecimal => quote!(reader.optional_parsed::<crate::primitives::BigDecimal>()?),
        RustType::Timestamp(format) => {
            let format = timestamp_format_tokens(*format);
            quote!(reader.optional_date_time(#format)?)
        }
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(reader.optional_str()?.map(|value| crate::types::#name::from(value.as_ref())))
        }
        RustType::Structure(name) | RustType::Union(name) => {
            let function = ident(&deserializer_fn(name));
            quote! {
                if reader.take_null() {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(crate::protocol_serde::#function(reader)?)
                }
            }
        }
        RustType::Boxed(inner) => {
            let read = emit_value_read(inner, depth);
            quote!(#read.map(::std::boxed::Box::new))
        }
        RustType::List { element, sparse } => {
            let items = format_ident!("items_{}", depth);
            let item = format_ident!("item_{}", depth);
            let read = emit_value_read(element, depth + 1);
            let push = if *sparse {
                quote!(#items.push(#read);)
            } else {
                // Dense lists drop nulls, as aws-sdk-rust does.
                quote! {
                    if let ::std::option::Option::Some(#item) = #read {
                        #items.push(#item);
                    }
                }
            };
            quote! {
                if reader.take_null() {
                    ::std::option::Option::None
                } else {
                    reader.begin_array()?;
                    let mut #items = ::std::vec::Vec::new();
                    while reader.has_next_element()? {
                        #push
                    }
                    ::std::option::Option::Some(#items)
                }
            }
        }
        RustType::Map { key, value, sparse } => {
            let entries = format_ident!("entries_{}", depth);
            let key_binding = format_ident!("key_{}", depth);
            let entry = format_ident!("value_{}", depth);
            let read = emit_value_read(value, depth + 1);
            let key_value = match key {
                MapKey::String => quote!(#key_binding.into_owned()),
                MapKey::Enum(name) => {
                    let name = ident(name);
                    quote!(crate::types::#name::from(#key_binding.as_ref()))
                }
            };
            let insert = if *sparse {
                quote!(#entries.insert(#key_value, #read);)
            } else {
                quote! {
                    if let ::std::option::Option::Some(#entry) = #read {
                        #entries.insert(#key_value, #entry);
                    }
                }
            };
            quote! {
                if reader.take_null() {
                    ::std::option::Option::None
                } else {
                    reader.begin_object()?;
                    let mut #entries = ::std::collections::HashMap::new();
                    while let ::std::option::Option::Some(#key_binding) = reader.next_key()? {
                        #insert
                    }
                    ::std::option::Option::Some(#entries)
                }
            }
        }
    }
}
