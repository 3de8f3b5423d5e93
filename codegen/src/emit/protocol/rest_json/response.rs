//! The restJson1 response: output and error members read from headers, the status code,
//! the payload or the JSON body, as their bindings say.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::super::aws_json::deserializer::{emit_error_members_loop, emit_value_read};
use super::super::reading;
use super::unboxed;
use crate::emit::{ident, timestamp_format_tokens};
use crate::ir::{deserializer_fn, HttpLocation, MemberIr, RustType, StructureIr, TimestampFormat};

/// How a restJson1 error response is read: the body once, as under awsJson, and the
/// error's header members from the response.
pub(super) fn error_body() -> reading::ErrorBodyPlan {
    reading::ErrorBodyPlan {
        prepare: quote!(let mut body = crate::aws_json::ErrorBody::default();),
        read: quote!(crate::aws_json::read_error(response, &mut body, CODES)),
        reader_takes: quote!((&crate::http::HttpResponse<'_>, &crate::aws_json::ErrorBody<'_>)),
        pass: quote!((response, &body)),
        body_error: quote!(crate::http_bindings::BindingError),
    }
}

/// `read_<operation>_output`: the output from a successful response.
pub(super) fn emit_output_reader(output: &StructureIr, path: &TokenStream) -> TokenStream {
    let function = ident(&output.deserializer_fn);
    let locals = reading::member_locals(output);
    let declarations = declarations(output, &locals);
    let bound = bound_reads(output, &locals);
    let body = body_read(output, &locals);
    let build = reading::build_structure(output, path, &locals, |problem| {
        quote!(crate::http_bindings::BindingError::body(#problem))
    });
    let response = if output.members.is_empty() { quote!(_response) } else { quote!(response) };
    quote! {
        #[allow(clippy::unnecessary_wraps, reason = "every output reader has the same signature, whether it can fail or not")]
        pub(crate) fn #function(
            #response: &crate::http::HttpResponse<'_>,
        ) -> ::std::result::Result<#path, crate::http_bindings::BindingError> {
            #(#declarations)*
            #bound
            #body
            #build
        }
    }
}

/// A modeled error's reader: header members from the response, body members from the
/// error body already read once.
pub(super) fn emit_error_reader(error: &StructureIr, path: &TokenStream) -> TokenStream {
    let function = ident(&error.deserializer_fn);
    let locals = reading::member_locals(error);
    let declarations = declarations(error, &locals);
    let bound = bound_reads(error, &locals);
    let members_loop = emit_error_members_loop(error, &locals);
    let build = reading::build_structure(error, path, &locals, |problem| {
        quote!(crate::http_bindings::BindingError::body(#problem))
    });
    let uses_response = error.members.iter().any(|m| m.location != HttpLocation::Body);
    let response = if uses_response { quote!(response) } else { quote!(_response) };
    quote! {
        #[allow(clippy::unnecessary_wraps, reason = "every error reader has the same signature, whether it can fail or not")]
        pub(crate) fn #function(
            (#response, body): (&crate::http::HttpResponse<'_>, &crate::aws_json::ErrorBody<'_>),
            meta: &mut ::std::option::Option<crate::error::ErrorMetadata>,
        ) -> ::std::result::Result<#path, crate::http_bindings::BindingError> {
            #(#declarations)*
            #bound
            #members_loop
            #build
        }
    }
}

/// The member locals: the status code's set at once, the others unset until read.
fn declarations(structure: &StructureIr, locals: &[Ident]) -> Vec<TokenStream> {
    structure
        .members
        .iter()
        .zip(locals)
        .map(|(member, local)| match member.location {
            HttpLocation::ResponseCode => quote!(let #local = crate::http_bindings::status_code(response);),
            _ => quote!(let mut #local = ::std::option::Option::None;),
        })
        .collect()
}

/// Statements reading the members bound to headers.
fn bound_reads(structure: &StructureIr, locals: &[Ident]) -> TokenStream {
    let reads = structure.members.iter().zip(locals).filter_map(|(member, local)| match &member.location {
        HttpLocation::Header(name) => {
            let parse = header_parse(member, name);
            Some(quote! {
                if let ::std::option::Option::Some(text) = response.header(#name) {
                    #local = ::std::option::Option::Some(#parse);
                }
            })
        }
        HttpLocation::PrefixHeaders(prefix) => {
            let prefix = prefix.to_ascii_lowercase();
            let value = if matches!(unboxed(&member.ty), RustType::Map { sparse: true, .. }) {
                quote!(::std::option::Option::Some(value.to_owned()))
            } else {
                quote!(value.to_owned())
            };
            Some(quote! {
                let mut map = ::std::collections::HashMap::new();
                for (name, value) in response.text_headers() {
                    let starts = name.get(..#prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(#prefix));
                    if starts {
                        map.insert(name[#prefix.len()..].to_owned(), #value);
                    }
                }
                if !map.is_empty() {
                    #local = ::std::option::Option::Some(map);
                }
            })
        }
        _ => None,
    });
    quote!(#(#reads)*)
}

/// An expression reading a header member's value from `text`, failing with `?`.
fn header_parse(member: &MemberIr, name: &str) -> TokenStream {
    let bad = quote!(|problem| crate::http_bindings::BindingError::header(#name, problem));
    let base64 = member.media_type.is_some();
    match unboxed(&member.ty) {
        RustType::List { element, sparse } => {
            let item = scalar_parse(quote!(item), element, base64, &bad);
            let push = if *sparse { quote!(items.push(::std::option::Option::Some(#item));) } else { quote!(items.push(#item);) };
            let split = if matches!(unboxed(element), RustType::Timestamp(TimestampFormat::HttpDate)) {
                quote!(crate::http_bindings::split_http_dates(text))
            } else {
                quote!(crate::http_bindings::split_list(text).map_err(#bad)?)
            };
            quote!({
                let mut items = ::std::vec::Vec::new();
                for item in #split {
                    let item: &str = ::std::convert::AsRef::as_ref(&item);
                    #push
                }
                items
            })
        }
        ty => scalar_parse(quote!(text), ty, base64, &bad),
    }
}

/// An expression reading a scalar from `text` (a `&str`).
fn scalar_parse(text: TokenStream, ty: &RustType, base64: bool, bad: &TokenStream) -> TokenStream {
    match ty {
        RustType::String if base64 => quote!(crate::http_bindings::parse_base64_text(#text).map_err(#bad)?),
        RustType::String => quote!(#text.to_owned()),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(crate::types::#name::from(#text.trim()))
        }
        RustType::Bool => quote!(crate::http_bindings::parse_bool(#text).map_err(#bad)?),
        RustType::I8 => quote!(crate::http_bindings::parse_integer::<i8>(#text).map_err(#bad)?),
        RustType::I16 => quote!(crate::http_bindings::parse_integer::<i16>(#text).map_err(#bad)?),
        RustType::I32 => quote!(crate::http_bindings::parse_integer::<i32>(#text).map_err(#bad)?),
        RustType::I64 => quote!(crate::http_bindings::parse_integer::<i64>(#text).map_err(#bad)?),
        RustType::F32 => quote!(crate::http_bindings::parse_float::<f32>(#text).map_err(#bad)?),
        RustType::F64 => quote!(crate::http_bindings::parse_float::<f64>(#text).map_err(#bad)?),
        RustType::Timestamp(format) => {
            let format = timestamp_format_tokens(*format);
            quote!(crate::http_bindings::parse_date_time(#text, #format).map_err(#bad)?)
        }
        RustType::BigInteger => quote!(#text.trim().parse::<crate::primitives::BigInteger>().map_err(#bad)?),
        RustType::BigDecimal => quote!(#text.trim().parse::<crate::primitives::BigDecimal>().map_err(#bad)?),
        RustType::Blob => quote!(crate::primitives::Blob::new(
            crate::base64::decode(#text.trim()).ok_or_else(|| (#bad)("is not base64"))?
        )),
        RustType::Boxed(inner) => {
            let inner = scalar_parse(text, inner, base64, bad);
            quote!(::std::boxed::Box::new(#inner))
        }
        // `check` keeps other types out of headers.
        _ => quote!(::std::unreachable!()),
    }
}

/// Statements reading the payload member, or the JSON body's members.
fn body_read(structure: &StructureIr, locals: &[Ident]) -> TokenStream {
    let members: Vec<(&MemberIr, &Ident)> = structure.members.iter().zip(locals).collect();
    if let Some((payload, local)) = members.iter().find(|(m, _)| m.location == HttpLocation::Payload) {
        return payload_read(payload, local);
    }
    let arms: Vec<TokenStream> = members
        .iter()
        .filter(|(m, _)| m.location == HttpLocation::Body)
        .map(|(member, local)| {
            let key = &member.wire_name;
            let read = emit_value_read(&member.ty, 0);
            quote!(#key => #local = #read,)
        })
        .collect();
    // An output without body members ignores the body, as the SDKs do.
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        crate::aws_json::read_whole_body(response.body(), |reader| {
            reader.begin_object()?;
            while let ::std::option::Option::Some(name) = reader.next_key()? {
                match name.as_ref() {
                    #(#arms)*
                    _ => reader.skip_value()?,
                }
            }
            ::std::result::Result::Ok(())
        })?;
    }
}

/// The payload member from the whole body; an empty body leaves it unset.
fn payload_read(payload: &MemberIr, local: &Ident) -> TokenStream {
    let read = match unboxed(&payload.ty) {
        RustType::Structure(name) | RustType::Union(name) => {
            let function = ident(&deserializer_fn(name));
            quote!(crate::aws_json::read_whole_body(body, crate::protocol_serde::#function)?)
        }
        RustType::Document => quote!(crate::aws_json::read_whole_body(body, |reader| reader.optional_document())?
            .unwrap_or(crate::primitives::Document::Null)),
        RustType::Blob => quote!(crate::primitives::Blob::new(body.to_vec())),
        RustType::String => quote!(::std::string::String::from_utf8(body.to_vec())
            .map_err(|_| crate::http_bindings::BindingError::body("the payload is not UTF-8 text"))?),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(crate::types::#name::from(::std::str::from_utf8(body)
                .map_err(|_| crate::http_bindings::BindingError::body("the payload is not UTF-8 text"))?))
        }
        // `check` refuses other payload types.
        _ => quote!(::std::unreachable!()),
    };
    let read = if matches!(payload.ty, RustType::Boxed(_)) { quote!(::std::boxed::Box::new(#read)) } else { read };
    let empty = if matches!(unboxed(&payload.ty), RustType::Structure(_) | RustType::Union(_) | RustType::Document) {
        quote!(body.iter().all(u8::is_ascii_whitespace))
    } else {
        quote!(body.is_empty())
    };
    quote! {
        let body = response.body();
        if !#empty {
            #local = ::std::option::Option::Some(#read);
        }
    }
}
