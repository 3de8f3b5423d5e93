//! Smithy RPC v2 CBOR: `POST /service/<Service>/operation/<Operation>` with
//! `smithy-protocol: rpc-v2-cbor`, members as a CBOR map of definite length in model order,
//! responses that must name the protocol, and errors named by the body's `__type`.

mod deserializer;
mod serializer;

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::ident;
use crate::error::{Error, Result};
use crate::ir::{CrateIr, OperationIr, RustType, ServiceIr, StructureIr};

pub(crate) const PROTOCOL_SERDE_DOC: &str = "Smithy RPC v2 CBOR serializers for requests and deserializers for responses.";

/// The `protocol_serde` module: a writer for every input and a reader for every output and
/// error, and the structures they reach.
pub(crate) fn protocol_serde(krate: &CrateIr) -> TokenStream {
    let serializers = serializer::emit_serializers(krate);
    let deserializers = deserializer::emit_deserializers(krate);
    quote!(#serializers #deserializers)
}

/// The protocol has no form for documents, and the generated types hold arbitrary-precision
/// numbers as text that this crate does not convert to CBOR bignums: a crate that would need
/// either is refused here rather than sending what the service cannot read.
pub(crate) fn check(krate: &CrateIr) -> Result<()> {
    let structures = krate
        .operations
        .iter()
        .flat_map(|operation| [&operation.input, &operation.output])
        .chain(&krate.structures)
        .chain(&krate.errors);
    for structure in structures {
        check_members(structure)?;
    }
    for union in &krate.unions {
        for variant in &union.variants {
            if let Some(problem) = variant.ty.as_ref().and_then(unsupported) {
                return Err(Error::unsupported(format!("{}${}", union.shape_id, variant.wire_name), problem));
            }
        }
    }
    Ok(())
}

fn check_members(structure: &StructureIr) -> Result<()> {
    for member in &structure.members {
        if let Some(problem) = unsupported(&member.ty) {
            return Err(Error::unsupported(format!("{}${}", structure.shape_id, member.wire_name), problem));
        }
    }
    Ok(())
}

fn unsupported(ty: &RustType) -> Option<String> {
    match ty {
        RustType::Document => Some("is a document, which Smithy RPC v2 CBOR does not support".to_owned()),
        RustType::BigInteger | RustType::BigDecimal => Some(
            "is a bigInteger or bigDecimal, which smithy-bind cannot yet send or read as Smithy RPC v2 CBOR \
             (tags 2, 3 and 4); generate the service with --protocol for one of its JSON protocols"
                .to_owned(),
        ),
        RustType::Boxed(inner) => unsupported(inner),
        RustType::List { element, .. } => unsupported(element),
        RustType::Map { value, .. } => unsupported(value),
        _ => None,
    }
}

/// `serialize_request` and `parse_response` of an operation type.
pub(crate) fn operation_methods(service: &ServiceIr, operation: &OperationIr) -> TokenStream {
    let input = ident(&operation.input.rust_name);
    let output = ident(&operation.output.rust_name);
    let deserializer = ident(&operation.output.deserializer_fn);
    let error_enum = ident(&operation.error_enum);
    let error_parser = ident(&operation.error_parser_fn);
    let path = format!("/service/{}/operation/{}", service.shape_name, operation.name);
    let serialize = serialize_request(service, operation, &input, &path);
    quote! {
        #serialize

        /// Reads a response to this operation: the output for a 2xx status, otherwise
        /// the modeled error the response names, or `Unhandled` with what was wrong.
        /// A response without `smithy-protocol: rpc-v2-cbor` is `Unhandled` whatever its
        /// status, as is a 2xx response whose body is not the output's CBOR map.
        #[allow(clippy::result_large_err, reason = "the error enum holds modeled errors unboxed, as in aws-sdk-rust")]
        pub fn parse_response(
            response: &crate::http::HttpResponse<'_>,
        ) -> ::std::result::Result<#output, #error_enum> {
            crate::rpcv2_cbor::check_protocol(response).map_err(#error_enum::Unhandled)?;
            if !crate::responses::is_success(response.status()) {
                return ::std::result::Result::Err(crate::protocol_serde::#error_parser(response));
            }
            let mut output = crate::rpcv2_cbor::read_whole_body(response.body(), crate::protocol_serde::#deserializer)
                .map_err(|problem| #error_enum::Unhandled(crate::responses::unreadable_output(response, &problem)))?;
            output._request_id = crate::responses::request_id(response);
            ::std::result::Result::Ok(output)
        }
    }
}

fn serialize_request(service: &ServiceIr, operation: &OperationIr, input: &proc_macro2::Ident, path: &str) -> TokenStream {
    let mut headers = vec![
        quote!(("smithy-protocol", crate::http::HeaderValue::Static("rpc-v2-cbor"))),
        quote!(("Accept", crate::http::HeaderValue::Static("application/cbor"))),
    ];
    if !operation.unit_input {
        headers.push(quote!(("Content-Type", crate::http::HeaderValue::Static("application/cbor"))));
    }
    headers.extend(super::query_mode_header(service));
    let request = super::http_request(operation, path, &headers, false);
    let mut doc = format!(" Serializes `input` as a Smithy RPC v2 CBOR request: `POST {path}` with `smithy-protocol: rpc-v2-cbor` and `Accept: application/cbor`, ");
    if operation.unit_input {
        doc.push_str("and no body, since the operation has no input.");
        return quote! {
            #[doc = #doc]
            pub fn serialize_request(_input: &#input) -> crate::http::HttpRequest {
                let body = ::std::vec::Vec::new();
                #request
            }
        };
    }
    doc.push_str("`Content-Type: application/cbor`, `Content-Length`, and the members that are set as a CBOR map of definite length.");
    doc.push_str(&super::request_doc_extras(operation));
    let serializer = ident(&operation.input.serializer_fn);
    quote! {
        #[doc = #doc]
        pub fn serialize_request(input: &#input) -> crate::http::HttpRequest {
            let mut writer = crate::cbor_writer::CborWriter::new();
            crate::protocol_serde::#serializer(&mut writer, input);
            let body = writer.into_bytes();
            #request
        }
    }
}
