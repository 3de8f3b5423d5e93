//! The restJson1 request: the `@http` method, the URI built from the pattern, labels and
//! query members, the header members, and a body that is the payload member, the JSON
//! object of the unbound members, or nothing.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::{ident, timestamp_format_tokens};
use crate::ir::{HttpBindingIr, HttpLocation, MemberIr, OperationIr, PathPart, RustType, ServiceIr, StructureIr};

use super::super::aws_json::serializer::body_members;
use super::unboxed;

/// The body of `serialize_request`: statements ending in the `HttpRequest`.
pub(super) fn request_tokens(service: &ServiceIr, operation: &OperationIr, http: &HttpBindingIr) -> TokenStream {
    let input = &operation.input;
    let method = &http.method;
    let uri = uri_tokens(input, http);
    let headers = header_tokens(service, input);
    let (body, default_content_type) = body_tokens(operation);
    let content_type = default_content_type.map(|(content_type, only_if)| {
        // A `Content-Type` header member the user set wins over the protocol's.
        let set_by_member = input.members.iter().find_map(|m| match &m.location {
            HttpLocation::Header(name) if name.eq_ignore_ascii_case("content-type") => Some(ident(&m.field)),
            _ => None,
        });
        let push = quote!(headers.push(("Content-Type", crate::http::HeaderValue::Static(#content_type))););
        let unset_by_member = set_by_member.map(|field| quote!(input.#field.is_none()));
        match (unset_by_member, only_if) {
            (Some(a), Some(b)) => quote!(if #a && #b { #push }),
            (Some(condition), None) | (None, Some(condition)) => quote!(if #condition { #push }),
            (None, None) => push,
        }
    });
    let named = prefix_header_tokens(input);
    let compress = operation.gzip_requests.then(|| {
        // A Content-Encoding the user set comes first, gzip after it.
        quote! {
            let compressed = body.len() >= crate::gzip::MIN_COMPRESSION_SIZE;
            let body = if compressed { crate::gzip::gzip(&body) } else { body };
            if compressed {
                match headers.iter_mut().find(|(name, _)| name.eq_ignore_ascii_case("content-encoding")) {
                    ::std::option::Option::Some((_, value)) => {
                        *value = crate::http::HeaderValue::Owned(::std::format!("{}, gzip", value.as_str()));
                    }
                    ::std::option::Option::None => {
                        headers.push(("Content-Encoding", crate::http::HeaderValue::Static("gzip")));
                    }
                }
            }
        }
    });
    let tree_hash = operation.tree_hash_checksums.then(|| tree_hash_tokens(input));
    let checksum = operation.checksum_required.then(|| {
        quote! {
            headers.push(("Content-MD5", crate::http::HeaderValue::Owned(crate::base64::encode(&crate::md5::digest(&body)))));
        }
    });
    let request = quote! {
        #uri
        #headers
        #body
        #compress
        #tree_hash
        #checksum
        #content_type
        if !body.is_empty() {
            headers.push(("Content-Length", crate::http::HeaderValue::length(body.len())));
        }
        #named
        crate::http::HttpRequest::new(#method, ::std::borrow::Cow::Owned(uri), headers, body)
            .with_bindings(named_headers, bad_label)
    };
    super::super::with_host_prefix(operation, request)
}

/// Statements binding `uri` (the request target) and `bad_label`.
fn uri_tokens(input: &StructureIr, http: &HttpBindingIr) -> TokenStream {
    let capacity = http.path.iter().map(|part| match part {
        PathPart::Literal(text) => text.len(),
        PathPart::Label { .. } => 16,
    }).sum::<usize>() + 16;
    let path = http.path.iter().map(|part| match part {
        PathPart::Literal(text) => quote!(uri.literal(#text);),
        PathPart::Label { field, greedy } => {
            let member = member(input, field);
            let name = &member.wire_name;
            let field = ident(field);
            let text = scalar_text(quote!(value), &member.ty, member.media_type.is_some());
            let arg = text_arg(&member.ty, member.media_type.is_some());
            if let Some(fallback) = &member.empty_label {
                return quote! {
                    match input.#field.as_deref() {
                        ::std::option::Option::Some(value) if !value.is_empty() => {
                            uri.label(#name, value, #greedy);
                        }
                        _ => {
                            uri.label(#name, #fallback, #greedy);
                        }
                    }
                };
            }
            // An unset label is an empty one, which the writer records as unsendable.
            quote! {
                match &input.#field {
                    ::std::option::Option::Some(value) => {
                        let text = #text;
                        uri.label(#name, #arg, #greedy);
                    }
                    ::std::option::Option::None => {
                        uri.label(#name, "", #greedy);
                    }
                }
            }
        }
    });
    let literals = http.query.iter().map(|(name, value)| {
        let pair = match value {
            Some(value) => format!("{name}={value}"),
            None => name.clone(),
        };
        quote!(uri.query_literal(#pair);)
    });
    let query_names: Vec<&String> = input
        .members
        .iter()
        .filter_map(|m| match &m.location {
            HttpLocation::Query(name) => Some(name),
            _ => None,
        })
        .collect();
    let queries = input.members.iter().filter_map(|member| match &member.location {
        HttpLocation::Query(name) => Some(query_member(member, name)),
        HttpLocation::QueryParams => Some(query_params(member, &query_names)),
        _ => None,
    });
    quote! {
        let mut uri = crate::http_bindings::UriWriter::new(#capacity);
        #(#path)*
        #(#literals)*
        #(#queries)*
        let (uri, bad_label) = uri.finish();
    }
}

fn member<'a>(input: &'a StructureIr, field: &str) -> &'a MemberIr {
    input
        .members
        .iter()
        .find(|m| m.field == field)
        .expect("the resolver checked that every label names an input member")
}

/// An `@httpQuery` member: one parameter, or one per list item; an unset idempotency token
/// gets a fresh one.
fn query_member(member: &MemberIr, name: &str) -> TokenStream {
    let field = ident(&member.field);
    let write = match unboxed(&member.ty) {
        RustType::List { element, sparse } => {
            let text = scalar_text(quote!(item), element, false);
            let arg = text_arg(element, false);
            let item = if *sparse {
                quote!(let ::std::option::Option::Some(item) = item else { continue };)
            } else {
                TokenStream::new()
            };
            quote! {
                for item in value {
                    #item
                    let text = #text;
                    uri.query(#name, #arg);
                }
            }
        }
        ty => {
            let text = scalar_text(quote!(value), ty, false);
            let arg = text_arg(ty, false);
            quote! {
                let text = #text;
                uri.query(#name, #arg);
            }
        }
    };
    let unset = if member.idempotency_token {
        quote!(uri.query(#name, &crate::idempotency_token::new_token());)
    } else {
        TokenStream::new()
    };
    if member.idempotency_token {
        return quote! {
            match &input.#field {
                ::std::option::Option::Some(value) => { #write }
                ::std::option::Option::None => { #unset }
            }
        };
    }
    quote! {
        if let ::std::option::Option::Some(value) = &input.#field {
            #write
        }
    }
}

/// An `@httpQueryParams` map: every entry whose key no `@httpQuery` member claims, in key
/// order so that the target is the same on every run.
fn query_params(member: &MemberIr, claimed: &[&String]) -> TokenStream {
    let field = ident(&member.field);
    let RustType::Map { value, sparse, .. } = unboxed(&member.ty) else {
        return TokenStream::new();
    };
    let unwrap = if *sparse {
        quote!(let ::std::option::Option::Some(value) = value else { continue };)
    } else {
        TokenStream::new()
    };
    let write = match unboxed(value) {
        RustType::List { element, sparse } => {
            let text = scalar_text(quote!(item), element, false);
            let arg = text_arg(element, false);
            let item = sparse.then(|| quote!(let ::std::option::Option::Some(item) = item else { continue };));
            quote! {
                for item in value {
                    #item
                    let text = #text;
                    uri.query(key, #arg);
                }
            }
        }
        ty => {
            let text = scalar_text(quote!(value), ty, false);
            let arg = text_arg(ty, false);
            quote! {
                let text = #text;
                uri.query(key, #arg);
            }
        }
    };
    quote! {
        if let ::std::option::Option::Some(map) = &input.#field {
            let mut entries: ::std::vec::Vec<_> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            for (key, value) in entries {
                let key: &str = key.as_ref();
                if [#(#claimed),*].contains(&key) {
                    continue;
                }
                #unwrap
                #write
            }
        }
    }
}

/// Statements binding `headers`: the service's own, then every set `@httpHeader` member.
fn header_tokens(service: &ServiceIr, input: &StructureIr) -> TokenStream {
    let fixed = service.request_headers.iter().map(|(name, value)| {
        quote!(headers.push((#name, crate::http::HeaderValue::Static(#value)));)
    });
    let members: Vec<(&MemberIr, &String)> = input
        .members
        .iter()
        .filter_map(|m| match &m.location {
            HttpLocation::Header(name) => Some((m, name)),
            _ => None,
        })
        .collect();
    // Room for the header members, Content-Type and Content-Length.
    let capacity = service.request_headers.len() + members.len() + 2;
    let pushes = members.iter().map(|(member, name)| {
        let field = ident(&member.field);
        let value = header_value(member);
        let unset = if member.idempotency_token {
            quote!(headers.push((#name, crate::http::HeaderValue::Owned(crate::idempotency_token::new_token())));)
        } else {
            TokenStream::new()
        };
        if !member.idempotency_token {
            return quote! {
                if let ::std::option::Option::Some(value) = &input.#field {
                    headers.push((#name, crate::http::HeaderValue::Owned(#value)));
                }
            };
        }
        quote! {
            match &input.#field {
                ::std::option::Option::Some(value) => {
                    headers.push((#name, crate::http::HeaderValue::Owned(#value)));
                }
                ::std::option::Option::None => { #unset }
            }
        }
    });
    quote! {
        let mut headers: ::std::vec::Vec<(&'static str, crate::http::HeaderValue)> = ::std::vec::Vec::with_capacity(#capacity);
        #(#fixed)*
        #(#pushes)*
    }
}

/// A `String` holding a header member's value: a scalar's text, or a list's items joined.
fn header_value(member: &MemberIr) -> TokenStream {
    match unboxed(&member.ty) {
        RustType::List { element, sparse } => {
            let text = scalar_text(quote!(item), element, member.media_type.is_some());
            let arg = text_arg(element, member.media_type.is_some());
            let quote_items = matches!(unboxed(element), RustType::String | RustType::Enum(_));
            let item = sparse.then(|| quote!(let ::std::option::Option::Some(item) = item else { continue };));
            quote!({
                let mut list = ::std::string::String::new();
                for item in value {
                    #item
                    let text = #text;
                    crate::http_bindings::push_list_item(&mut list, #arg, #quote_items);
                }
                list
            })
        }
        ty => {
            let text = scalar_text(quote!(value), ty, member.media_type.is_some());
            quote!(::std::string::ToString::to_string(&#text))
        }
    }
}

/// Statements binding `named_headers`: each `@httpPrefixHeaders` entry as a header named by
/// the prefix and the key, in key order.
fn prefix_header_tokens(input: &StructureIr) -> TokenStream {
    // A header member names its header alone: a map entry of the same name gives way.
    let claimed: Vec<String> = input
        .members
        .iter()
        .filter_map(|m| match &m.location {
            HttpLocation::Header(name) => Some(name.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    let maps = input.members.iter().filter_map(|member| {
        let HttpLocation::PrefixHeaders(prefix) = &member.location else {
            return None;
        };
        let field = ident(&member.field);
        let unwrap = matches!(unboxed(&member.ty), RustType::Map { sparse: true, .. })
            .then(|| quote!(let ::std::option::Option::Some(value) = value else { continue };));
        Some(quote! {
            if let ::std::option::Option::Some(map) = &input.#field {
                let mut entries: ::std::vec::Vec<_> = map.iter().collect();
                entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
                for (key, value) in entries {
                    #unwrap
                    let name = ::std::format!("{}{}", #prefix, key);
                    if [#(#claimed),*].iter().any(|claimed: &&str| claimed.eq_ignore_ascii_case(&name)) {
                        continue;
                    }
                    named_headers.push((name, ::std::string::ToString::to_string(value)));
                }
            }
        })
    });
    quote! {
        #[allow(unused_mut, reason = "only inputs with @httpPrefixHeaders add to it")]
        let mut named_headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)> = ::std::vec::Vec::new();
        #(#maps)*
    }
}

/// An expression for the text of a scalar `value` (a reference) in the URI, query or a
/// header; `base64` for `@mediaType` strings in headers.
fn scalar_text(value: TokenStream, ty: &RustType, base64: bool) -> TokenStream {
    match ty {
        RustType::String if base64 => quote!(crate::base64::encode(#value.as_bytes())),
        RustType::String => quote!(#value.as_str()),
        RustType::Enum(_) | RustType::BigInteger | RustType::BigDecimal => quote!(#value.as_str()),
        RustType::Bool => quote!(if *#value { "true" } else { "false" }),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => quote!(#value.to_string()),
        RustType::F32 | RustType::F64 => quote!(crate::http_bindings::float_text(*#value)),
        RustType::Timestamp(format) => {
            let format = timestamp_format_tokens(*format);
            quote!(#value.format_text(#format))
        }
        RustType::Blob => quote!(crate::base64::encode(#value.as_ref())),
        RustType::Boxed(inner) => scalar_text(quote!((**#value)), inner, base64),
        // The resolver and `check` keep other types out of these locations.
        _ => quote!(""),
    }
}

/// Glacier's checksums of an upload: the body's SHA-256, and its tree hash unless the input
/// set one through its own header member.
fn tree_hash_tokens(input: &StructureIr) -> TokenStream {
    let push_tree = quote! {
        headers.push(("X-Amz-Sha256-Tree-Hash", crate::http::HeaderValue::Owned(crate::sha256::hex(&crate::sha256::tree_hash(&body)))));
    };
    let modeled = input
        .members
        .iter()
        .any(|m| matches!(&m.location, HttpLocation::Header(name) if name.eq_ignore_ascii_case("x-amz-sha256-tree-hash")));
    let tree = if modeled {
        quote! {
            if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("x-amz-sha256-tree-hash")) {
                #push_tree
            }
        }
    } else {
        push_tree
    };
    quote! {
        headers.push(("X-Amz-Content-Sha256", crate::http::HeaderValue::Owned(crate::sha256::hex(&crate::sha256::digest(&body)))));
        #tree
    }
}

/// How to pass the `text` [`scalar_text`] bound as a `&str`: as it is when it already is one.
fn text_arg(ty: &RustType, base64: bool) -> TokenStream {
    match unboxed(ty) {
        RustType::String if !base64 => quote!(text),
        RustType::Enum(_) | RustType::BigInteger | RustType::BigDecimal | RustType::Bool => quote!(text),
        _ => quote!(&text),
    }
}


/// The `Content-Type` a body is sent with, and the condition under which it is sent, if any.
type ContentType = Option<(String, Option<TokenStream>)>;

/// Statements binding `body` (a `Vec<u8>`), and the `Content-Type` it is sent with.
fn body_tokens(operation: &OperationIr) -> (TokenStream, ContentType) {
    let input = &operation.input;
    if let Some(payload) = input.members.iter().find(|m| m.location == HttpLocation::Payload) {
        return payload_tokens(payload);
    }
    if body_members(input).next().is_none() {
        return (quote!(let body: ::std::vec::Vec<u8> = ::std::vec::Vec::new();), None);
    }
    let serializer = ident(&input.serializer_fn);
    let body = quote! {
        let mut text = ::std::string::String::with_capacity(256);
        let mut object = crate::json_writer::JsonObjectWriter::new(&mut text);
        crate::protocol_serde::#serializer(&mut object, input);
        object.finish();
        let body = text.into_bytes();
    };
    (body, Some(("application/json".to_owned(), None)))
}

/// The body of an `@httpPayload` member. An unset structure is sent as `{}`; any other
/// unset payload as no body, with no `Content-Type`.
fn payload_tokens(payload: &MemberIr) -> (TokenStream, ContentType) {
    let field = ident(&payload.field);
    let json = |write: TokenStream| {
        quote! {
            let mut text = ::std::string::String::with_capacity(256);
            #write
            text.into_bytes()
        }
    };
    let (some, none, content_type) = match unboxed(&payload.ty) {
        RustType::Structure(name) | RustType::Union(name) => {
            let serializer = ident(&crate::ir::serializer_fn(name));
            let write = json(quote! {
                let mut object = crate::json_writer::JsonObjectWriter::new(&mut text);
                crate::protocol_serde::#serializer(&mut object, value);
                object.finish();
            });
            let none = if matches!(unboxed(&payload.ty), RustType::Structure(_)) {
                quote!(b"{}".to_vec())
            } else {
                quote!(::std::vec::Vec::new())
            };
            (write, none, "application/json".to_owned())
        }
        RustType::Document => {
            let write = json(quote!(crate::json_writer::JsonValueWriter::new(&mut text).document(value);));
            (write, quote!(::std::vec::Vec::new()), "application/json".to_owned())
        }
        RustType::Blob => (
            quote!(value.as_ref().to_vec()),
            quote!(::std::vec::Vec::new()),
            payload.media_type.clone().unwrap_or_else(|| "application/octet-stream".to_owned()),
        ),
        RustType::String => (
            quote!(value.as_bytes().to_vec()),
            quote!(::std::vec::Vec::new()),
            payload.media_type.clone().unwrap_or_else(|| "text/plain".to_owned()),
        ),
        RustType::Enum(_) => (
            quote!(value.as_str().as_bytes().to_vec()),
            quote!(::std::vec::Vec::new()),
            payload.media_type.clone().unwrap_or_else(|| "text/plain".to_owned()),
        ),
        // `check` refuses other payload types.
        _ => (quote!(::std::vec::Vec::new()), quote!(::std::vec::Vec::new()), String::new()),
    };
    let body = quote! {
        let body: ::std::vec::Vec<u8> = match &input.#field {
            ::std::option::Option::Some(value) => { #some }
            ::std::option::Option::None => #none,
        };
    };
    // An unset payload other than a structure sends no body and so no content type.
    let only_if = (!matches!(unboxed(&payload.ty), RustType::Structure(_))).then(|| quote!(input.#field.is_some()));
    (body, Some((content_type, only_if)))
}
