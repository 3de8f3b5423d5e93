//! The Smithy RPC v2 CBOR response reader: one function per output, error and response
//! structure, reading map entries by key, skipping unknown ones, and treating `null` (and
//! `undefined`) as absent. Definite and indefinite lengths read alike.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::super::reading;
use crate::emit::ident;
use crate::ir::{deserializer_fn, CrateIr, MapKey, RustType, StructureIr, StructureRole, UnionIr};

/// How a CBOR error response is read: its metadata first, then the modeled error's reader
/// reads the body again. (CBOR items carry their lengths, so the second read skips fast.)
fn error_body() -> reading::ErrorBodyPlan {
    reading::ErrorBodyPlan {
        prepare: TokenStream::new(),
        read: quote!(crate::rpcv2_cbor::error_metadata(response, CODES)),
        reader_takes: quote!(&[u8]),
        pass: quote!(response.body()),
        body_error: quote!(CborError),
    }
}

/// Deserializers for outputs, errors and the structures they reach, plus one error
/// dispatcher per operation (part of `protocol_serde`).
pub(super) fn emit_deserializers(krate: &CrateIr) -> TokenStream {
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
        let name = ident(&structure.rust_name);
        emit_body_reader(structure, quote!(crate::types::#name))
    });
    let unions = krate.unions.iter().filter(|u| u.deserialized).map(emit_union_reader);
    let dispatchers = krate.operations.iter().map(|operation| {
        reading::emit_error_dispatch(operation, krate.service.query_compatible, &error_body())
    });
    quote! {
        use crate::cbor_reader::{CborError, CborReader};

        #(#outputs)*
        #(#errors)*
        #(#shared)*
        #(#unions)*
        #(#dispatchers)*
    }
}

/// A function reading one CBOR map as `path`; an error structure reads a whole body and
/// also takes the error metadata already read from the response.
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
            ) -> ::std::result::Result<#path, CborError> {
                let mut reader = crate::rpcv2_cbor::body_reader(body);
                let reader = &mut reader;
                #body
            }
        };
    }
    quote! {
        pub(crate) fn #function(reader: &mut CborReader<'_>) -> ::std::result::Result<#path, CborError> {
            #body
        }
    }
}

/// Statements reading one CBOR map into `path`, ending in a `Result` expression.
fn emit_structure_read(structure: &StructureIr, path: &TokenStream) -> TokenStream {
    let locals = reading::member_locals(structure);
    let arms = structure.members.iter().zip(&locals).map(|(member, local)| {
        let key = &member.wire_name;
        let read = optional_read(&member.ty, 0);
        quote!(#key => #local = #read,)
    });
    let end_of_body = (structure.role == StructureRole::Error).then(|| quote!(reader.end()?;));
    let build = reading::build_structure(structure, path, &locals, |problem| {
        quote!(reader.error_at(reader.position(), #problem))
    });
    let declarations = locals.iter().map(|local| quote!(let mut #local = ::std::option::Option::None;));
    let entry = if structure.members.is_empty() {
        quote! {
            reader.str()?;
            reader.skip()?;
        }
    } else {
        quote! {
            match reader.str()?.as_ref() {
                #(#arms)*
                _ => reader.skip()?,
            }
        }
    };
    quote! {
        #(#declarations)*
        let mut map = reader.start_map()?;
        while reader.has_next(&mut map)? {
            #entry
        }
        #end_of_body
        #build
    }
}

/// A union read from a map with exactly one non-null member; `__type` is ignored, and a
/// member this version does not know reads as `Unknown`.
fn emit_union_reader(union: &UnionIr) -> TokenStream {
    let function = ident(&union.deserializer_fn);
    let name = ident(&union.rust_name);
    let arms = union.variants.iter().map(|variant| {
        let key = &variant.wire_name;
        let variant_name = ident(&variant.name);
        match &variant.ty {
            Some(ty) => {
                let read = value_read(ty, 0);
                quote!(#key => crate::types::#name::#variant_name(#read),)
            }
            None => quote! {
                #key => {
                    reader.skip()?;
                    crate::types::#name::#variant_name
                }
            },
        }
    });
    let several = format!("union `{}` has more than one member set", union.rust_name);
    let none = format!("union `{}` has no member set", union.rust_name);
    quote! {
        pub(crate) fn #function(reader: &mut CborReader<'_>) -> ::std::result::Result<crate::types::#name, CborError> {
            let start = reader.position();
            let mut value = ::std::option::Option::None;
            let mut map = reader.start_map()?;
            while reader.has_next(&mut map)? {
                let name = reader.str()?;
                if reader.null()? {
                    continue;
                }
                let variant = match name.as_ref() {
                    #(#arms)*
                    "__type" => {
                        reader.skip()?;
                        continue;
                    }
                    _ => {
                        reader.skip()?;
                        crate::types::#name::Unknown
                    }
                };
                if value.is_some() {
                    return ::std::result::Result::Err(reader.error_at(start, #several));
                }
                value = ::std::option::Option::Some(variant);
            }
            value.ok_or_else(|| reader.error_at(start, #none))
        }
    }
}

/// An expression of type `Option<T>` reading one value; `null` reads as `None`.
fn optional_read(ty: &RustType, depth: usize) -> TokenStream {
    let read = value_read(ty, depth);
    quote! {
        if reader.null()? {
            ::std::option::Option::None
        } else {
            ::std::option::Option::Some(#read)
        }
    }
}

/// An expression of type `T` reading one value that is not `null`.
fn value_read(ty: &RustType, depth: usize) -> TokenStream {
    match ty {
        RustType::String => quote!(reader.str()?.into_owned()),
        RustType::Bool => quote!(reader.boolean()?),
        RustType::I8 => quote!(reader.integer_as::<i8>()?),
        RustType::I16 => quote!(reader.integer_as::<i16>()?),
        RustType::I32 => quote!(reader.integer_as::<i32>()?),
        RustType::I64 => quote!(reader.integer()?),
        // Any width of float (or an integer) may carry a `float`; it is narrowed as Rust does.
        RustType::F32 => quote!(reader.double()? as f32),
        RustType::F64 => quote!(reader.double()?),
        RustType::Blob => quote!(crate::primitives::Blob::new(reader.bytes()?.into_owned())),
        RustType::Timestamp(_) => quote!(crate::rpcv2_cbor::read_timestamp(reader)?),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(crate::types::#name::from(reader.str()?.as_ref()))
        }
        RustType::Structure(name) | RustType::Union(name) => {
            let function = ident(&deserializer_fn(name));
            quote!(crate::protocol_serde::#function(reader)?)
        }
        RustType::Boxed(inner) => {
            let read = value_read(inner, depth);
            quote!(::std::boxed::Box::new(#read))
        }
        RustType::List { element, sparse } => {
            let items = format_ident!("items_{}", depth);
            let list = format_ident!("list_{}", depth);
            let read = value_read(element, depth + 1);
            let item = if *sparse {
                quote! {
                    if reader.null()? {
                        #items.push(::std::option::Option::None);
                    } else {
                        #items.push(::std::option::Option::Some(#read));
                    }
                }
            } else {
                // Dense lists drop nulls, as aws-sdk-rust does.
                quote! {
                    if !reader.null()? {
                        #items.push(#read);
                    }
                }
            };
            quote! {
                {
                    let mut #items = ::std::vec::Vec::new();
                    let mut #list = reader.start_array()?;
                    while reader.has_next(&mut #list)? {
                        #item
                    }
                    #items
                }
            }
        }
        RustType::Map { key, value, sparse } => {
            let entries = format_ident!("entries_{}", depth);
            let map = format_ident!("map_{}", depth);
            let key_binding = format_ident!("key_{}", depth);
            let read = value_read(value, depth + 1);
            let key_value = match key {
                MapKey::String => quote!(reader.str()?.into_owned()),
                MapKey::Enum(name) => {
                    let name = ident(name);
                    quote!(crate::types::#name::from(reader.str()?.as_ref()))
                }
            };
            let entry = if *sparse {
                quote! {
                    if reader.null()? {
                        #entries.insert(#key_binding, ::std::option::Option::None);
                    } else {
                        #entries.insert(#key_binding, ::std::option::Option::Some(#read));
                    }
                }
            } else {
                quote! {
                    if !reader.null()? {
                        #entries.insert(#key_binding, #read);
                    }
                }
            };
            quote! {
                {
                    let mut #entries = ::std::collections::HashMap::new();
                    let mut #map = reader.start_map()?;
                    while reader.has_next(&mut #map)? {
                        let #key_binding = #key_value;
                        #entry
                    }
                    #entries
                }
            }
        }
        // `check` refuses crates with these before anything is emitted.
        RustType::Document | RustType::BigInteger | RustType::BigDecimal => {
            quote!(::std::compile_error!("Smithy RPC v2 CBOR cannot carry documents or arbitrary-precision numbers"))
        }
    }
}
