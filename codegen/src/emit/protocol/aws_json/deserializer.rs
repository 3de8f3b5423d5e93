//! The awsJson response reader: one function per output, error and response structure,
//! reading members by name, skipping unknown ones, and treating `null` as absent.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::{ident, timestamp_format_tokens, unwrap_with_default};
use crate::ir::{deserializer_fn, CrateIr, MapKey, OperationIr, RustType, StructureIr, StructureRole, UnionIr};

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
    let unions = krate.unions.iter().filter(|u| u.deserialized).map(emit_union_reader);
    let dispatchers = krate.operations.iter().map(|operation| emit_error_dispatch(operation, krate.service.query_compatible));
    quote! {
        use crate::json_reader::{JsonError, JsonReader};

        #(#outputs)*
        #(#errors)*
        #(#shared)*
        #(#unions)*
        #(#dispatchers)*
    }
}

/// A function reading one JSON object as `path`; error structures also take the error
/// metadata already read from the response.
fn emit_body_reader(structure: &StructureIr, path: TokenStream) -> TokenStream {
    let function = ident(&structure.deserializer_fn);
    let body = emit_structure_read(structure, &path);
    if structure.role == StructureRole::Error {
        // The error takes the metadata only once the whole body has been read, so a body
        // that fails to read leaves it to the `Unhandled` error instead.
        return quote! {
            pub(crate) fn #function(
                body: &[u8],
                meta: &mut ::std::option::Option<crate::error::ErrorMetadata>,
            ) -> ::std::result::Result<#path, JsonError> {
                let mut reader = crate::aws_json::body_reader(body);
                let reader = &mut reader;
                #body
            }
        };
    }
    quote! {
        pub(crate) fn #function(reader: &mut JsonReader<'_>) -> ::std::result::Result<#path, JsonError> {
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
                #local = meta.as_ref().and_then(|meta| meta.message()).map(::std::borrow::ToOwned::to_owned);
            }
        }
    });
    let fields = structure.members.iter().zip(&locals).map(|(member, local)| {
        let field = ident(&member.field);
        if member.optional {
            quote!(#field: #local,)
        } else if let Some(default) = &member.default {
            let value = unwrap_with_default(quote!(#local), default, &member.ty);
            quote!(#field: #value,)
        } else if let Some(zero) = zero_value(&member.ty) {
            // Smithy's client error correction: a server that leaves out a required member
            // should not make the whole response unreadable.
            quote!(#field: #local.#zero,)
        } else {
            let problem = format!(
                "required member `{}` of `{}` is missing or null",
                member.wire_name, structure.rust_name
            );
            quote!(#field: #local.ok_or_else(|| reader.error(#problem))?,)
        }
    });
    let is_error = structure.role == StructureRole::Error;
    let meta_field = match structure.role {
        StructureRole::Error => quote!(meta: meta.take().unwrap_or_default(),),
        // The response parser sets the request id from the headers.
        StructureRole::Output => quote!(_request_id: ::std::option::Option::None,),
        _ => TokenStream::new(),
    };
    let end_of_body = is_error.then(|| quote!(reader.end()?;));
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
        #end_of_body
        #message_fill
        ::std::result::Result::Ok(#path { #(#fields)* #meta_field })
    }
}

/// How to fill in the value Smithy's client error correction gives a required member the
/// response left out (false, zero, empty, the epoch, null, or an enum's or union's unknown
/// variant), as a call on the member's `Option`. A structure has no such value, so a
/// missing one stays an error.
fn zero_value(ty: &RustType) -> Option<TokenStream> {
    Some(match ty {
        RustType::String
        | RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::F32
        | RustType::F64
        | RustType::List { .. }
        | RustType::Map { .. } => quote!(unwrap_or_default()),
        RustType::Blob => quote!(unwrap_or_else(|| crate::primitives::Blob::new(::std::vec::Vec::new()))),
        RustType::Document => quote!(unwrap_or(crate::primitives::Document::Null)),
        RustType::BigInteger => quote!(unwrap_or_else(crate::primitives::BigInteger::zero)),
        RustType::BigDecimal => quote!(unwrap_or_else(crate::primitives::BigDecimal::zero)),
        RustType::Timestamp(_) => quote!(unwrap_or_else(|| crate::primitives::DateTime::from_secs(0))),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(unwrap_or_else(|| crate::types::#name::from("")))
        }
        RustType::Union(name) => {
            let name = ident(name);
            quote!(unwrap_or(crate::types::#name::Unknown))
        }
        RustType::Structure(_) | RustType::Boxed(_) => return None,
    })
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

/// The function that turns an error response of `operation` into its error enum.
fn emit_error_dispatch(operation: &OperationIr, query_compatible: bool) -> TokenStream {
    let function = ident(&operation.error_parser_fn);
    let module = ident(&operation.module);
    let error_enum = ident(&operation.error_enum);
    let arms = operation.errors.iter().map(|error| {
        let code = &error.code;
        let variant = ident(&error.type_name);
        let reader = ident(&error.deserializer_fn);
        quote! {
            ::std::option::Option::Some(#code) => |body, meta| #reader(body, meta).map(#error_enum::#variant),
        }
    });
    if operation.errors.is_empty() {
        return quote! {
            pub(crate) fn #function(response: &crate::http::HttpResponse<'_>) -> crate::operation::#module::#error_enum {
                use crate::operation::#module::#error_enum;
                match crate::aws_json::error_metadata(response) {
                    ::std::result::Result::Ok(meta) => {
                        #error_enum::Unhandled(crate::aws_json::unhandled(response, meta, ::std::option::Option::None))
                    }
                    ::std::result::Result::Err(unhandled) => #error_enum::Unhandled(unhandled),
                }
            }
        };
    }
    // The error shape picks the variant; the code callers see is the one the service's
    // former awsQuery protocol used, when the response names it.
    let query_code = query_compatible.then(|| {
        quote! {
            let mut meta = meta;
            if let ::std::option::Option::Some(code) = crate::aws_json::query_error_code(response) {
                meta.set_code(::std::option::Option::Some(code.to_owned()));
            }
        }
    });
    quote! {
        pub(crate) fn #function(response: &crate::http::HttpResponse<'_>) -> crate::operation::#module::#error_enum {
            use crate::operation::#module::#error_enum;
            type ReadError = fn(
                &[u8],
                &mut ::std::option::Option<crate::error::ErrorMetadata>,
            ) -> ::std::result::Result<#error_enum, JsonError>;
            let meta = match crate::aws_json::error_metadata(response) {
                ::std::result::Result::Ok(meta) => meta,
                ::std::result::Result::Err(unhandled) => return #error_enum::Unhandled(unhandled),
            };
            let read: ReadError = match meta.code() {
                #(#arms)*
                _ => return #error_enum::Unhandled(crate::aws_json::unhandled(response, meta, ::std::option::Option::None)),
            };
            #query_code
            let mut meta = ::std::option::Option::Some(meta);
            match read(response.body(), &mut meta) {
                ::std::result::Result::Ok(error) => error,
                ::std::result::Result::Err(problem) => #error_enum::Unhandled(
                    crate::aws_json::unreadable_error(response, meta.unwrap_or_default(), &problem),
                ),
            }
        }
    }
}
