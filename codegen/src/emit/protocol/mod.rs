//! The protocol seam. What depends on how an operation travels (the request line and headers,
//! the body encoding, how responses and errors are read, which support files a crate
//! copies) lives in one module per protocol; the emitters of structures, builders, enums,
//! unions, errors and validation know nothing of it.

mod aws_json;
mod reading;
mod rest_json;
mod rpcv2_cbor;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::ident;
use crate::error::Result;
use crate::inlineable::Needs;
use crate::ir::{CrateIr, HostPrefixPart, OperationIr, Protocol, ServiceIr};

/// The contents of the crate's `protocol_serde` module: the body writers and
/// readers of every input, output and error.
pub(crate) fn protocol_serde(krate: &CrateIr) -> TokenStream {
    match krate.service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json::protocol_serde(krate),
        Protocol::Rpcv2Cbor => rpcv2_cbor::protocol_serde(krate),
        Protocol::RestJson1 => rest_json::protocol_serde(krate),
    }
}

/// The doc comment of the `protocol_serde` module.
pub(crate) fn protocol_serde_doc(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json::PROTOCOL_SERDE_DOC,
        Protocol::Rpcv2Cbor => rpcv2_cbor::PROTOCOL_SERDE_DOC,
        Protocol::RestJson1 => rest_json::PROTOCOL_SERDE_DOC,
    }
}

/// The `serialize_request` and `parse_response` methods of an operation type.
pub(crate) fn operation_methods(service: &ServiceIr, operation: &OperationIr) -> TokenStream {
    match service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json::operation_methods(service, operation),
        Protocol::Rpcv2Cbor => rpcv2_cbor::operation_methods(service, operation),
        Protocol::RestJson1 => rest_json::operation_methods(service, operation),
    }
}

/// Refuses a crate whose shapes the protocol cannot carry, naming the first such member.
pub(crate) fn check(krate: &CrateIr) -> Result<()> {
    match krate.service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => Ok(()),
        Protocol::Rpcv2Cbor => rpcv2_cbor::check(krate),
        Protocol::RestJson1 => rest_json::check(krate),
    }
}

/// Which protocol-specific support files a crate of `protocol` copies.
pub(crate) fn support_files(protocol: Protocol) -> &'static [Needs] {
    match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => &[Needs::Json],
        Protocol::Rpcv2Cbor => &[Needs::Rpcv2Cbor],
        Protocol::RestJson1 => &[Needs::Json, Needs::HttpBindings],
    }
}

/// What a `serialize_request` doc adds for operations that compress or have a host prefix.
fn request_doc_extras(operation: &OperationIr) -> String {
    let mut doc = String::new();
    if operation.gzip_requests {
        doc.push_str(" A body of 10 KiB or more is gzip-compressed and sent with `Content-Encoding: gzip`, as the operation's `@requestCompression` trait allows.");
    }
    if !operation.host_prefix.is_empty() {
        doc.push_str(" The operation's endpoint host prefix is in [`HttpRequest::host_prefix`](crate::http::HttpRequest::host_prefix); [`HttpRequest::url_for`](crate::http::HttpRequest::url_for) applies it.");
    }
    doc
}

/// How the crate docs name the wire format.
pub(crate) fn wire_name(protocol: Protocol) -> &'static str {
    match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => "awsJson",
        Protocol::Rpcv2Cbor => "Smithy RPC v2 CBOR",
        Protocol::RestJson1 => "restJson1",
    }
}

/// The `HttpRequest` a `serialize_request` returns, around a serialized `body` (a `Vec<u8>`,
/// or a `String` when `body_is_text`): `POST` to `path` with the protocol's `headers`, then
/// what every protocol adds for operations that ask for it: gzip compression of a large
/// body, `Content-Length`, and the endpoint host prefix.
fn http_request(operation: &OperationIr, path: &str, headers: &[TokenStream], body_is_text: bool) -> TokenStream {
    let request = if operation.gzip_requests {
        // Room for Content-Encoding and Content-Length, so the pushes never reallocate.
        let capacity = headers.len() + 2;
        let to_bytes = body_is_text.then(|| quote!(let body = body.into_bytes();));
        quote! {
            #to_bytes
            let compressed = body.len() >= crate::gzip::MIN_COMPRESSION_SIZE;
            let body = if compressed { crate::gzip::gzip(&body) } else { body };
            let mut headers = ::std::vec::Vec::with_capacity(#capacity);
            headers.extend([#(#headers,)*]);
            if compressed {
                headers.push(("Content-Encoding", crate::http::HeaderValue::Static("gzip")));
            }
            headers.push(("Content-Length", crate::http::HeaderValue::length(body.len())));
            crate::http::HttpRequest::new("POST", ::std::borrow::Cow::Borrowed(#path), headers, body)
        }
    } else {
        let body = if body_is_text { quote!(body.into_bytes()) } else { quote!(body) };
        quote! {
            crate::http::HttpRequest::new(
                "POST",
                ::std::borrow::Cow::Borrowed(#path),
                ::std::vec::Vec::from([
                    #(#headers,)*
                    ("Content-Length", crate::http::HeaderValue::length(body.len())),
                ]),
                #body,
            )
        }
    };
    with_host_prefix(operation, request)
}

/// `request` with the operation's `@endpoint` host prefix, its labels filled from the input.
fn with_host_prefix(operation: &OperationIr, request: TokenStream) -> TokenStream {
    if operation.host_prefix.is_empty() {
        return request;
    }
    let mut template = String::new();
    let mut labels = Vec::new();
    for part in &operation.host_prefix {
        match part {
            HostPrefixPart::Literal(text) => template.push_str(&text.replace('{', "{{").replace('}', "}}")),
            HostPrefixPart::Label(field) => {
                template.push_str(&format!("{{label_{}}}", labels.len()));
                let member = operation.input.members.iter().find(|m| &m.field == field);
                let field = ident(field);
                labels.push(if member.is_some_and(|m| m.optional) {
                    quote!(input.#field.as_deref().unwrap_or_default())
                } else {
                    quote!(input.#field.as_str())
                });
            }
        }
    }
    if labels.is_empty() {
        let text = template.replace("{{", "{").replace("}}", "}");
        return quote! {
            let request = { #request };
            request.with_host_prefix(::std::string::String::from(#text), &[])
        };
    }
    let names: Vec<_> = (0..labels.len()).map(|i| format_ident!("label_{}", i)).collect();
    quote! {
        let request = { #request };
        #(let #names: &str = #labels;)*
        request.with_host_prefix(::std::format!(#template), &[#(#names),*])
    }
}

/// The `x-amzn-query-mode: true` header an `@awsQueryCompatible` service's requests carry.
fn query_mode_header(service: &ServiceIr) -> Option<TokenStream> {
    service
        .query_compatible
        .then(|| quote!(("x-amzn-query-mode", crate::http::HeaderValue::Static("true"))))
}
