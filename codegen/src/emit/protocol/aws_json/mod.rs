//! awsJson1_0 and awsJson1_1: `POST /` with the operation in `X-Amz-Target`, members as a
//! JSON object in model order, errors named by `__type`, `code` or the error header.

// restJson1 writes and reads its JSON bodies with the same code.
pub(super) mod deserializer;
pub(super) mod serializer;

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::ident;
use crate::ir::{CrateIr, OperationIr, ServiceIr};

pub(crate) const PROTOCOL_SERDE_DOC: &str = "awsJson serializers for requests and deserializers for responses.";

/// The `protocol_serde` module: a writer for every input and a reader for every output and
/// error, and the structures they reach.
pub(crate) fn protocol_serde(krate: &CrateIr) -> TokenStream {
    let serializers = serializer::emit_serializers(krate);
    let deserializers = deserializer::emit_deserializers(krate);
    quote!(#serializers #deserializers)
}

/// `serialize_request` and `parse_response` of an operation type.
pub(crate) fn operation_methods(service: &ServiceIr, operation: &OperationIr) -> TokenStream {
    let input = ident(&operation.input.rust_name);
    let output = ident(&operation.output.rust_name);
    let serializer = ident(&operation.input.serializer_fn);
    let deserializer = ident(&operation.output.deserializer_fn);
    let error_enum = ident(&operation.error_enum);
    let error_parser = ident(&operation.error_parser_fn);
    let content_type = service.protocol.content_type();
    let target = format!("{}.{}", service.shape_name, operation.name);
    let mut serialize_doc = format!(
        " Serializes `input` as an awsJson request: `POST /` with `Content-Type: {content_type}`, `X-Amz-Target: {target}`, `Content-Length`, and the members that are set as a compact JSON object."
    );
    serialize_doc.push_str(&super::request_doc_extras(operation));
    let request = request_tokens(service, operation, content_type, &target);
    quote! {
        #[doc = #serialize_doc]
        pub fn serialize_request(input: &#input) -> crate::http::HttpRequest {
            // Most request bodies fit in 1 KiB; a bigger one grows the buffer as usual.
            let mut body = ::std::string::String::with_capacity(1024);
            let mut object = crate::json_writer::JsonObjectWriter::new(&mut body);
            crate::protocol_serde::#serializer(&mut object, input);
            object.finish();
            #request
        }

        /// Reads a response to this operation: the output for a 2xx status, otherwise
        /// the modeled error the response names, or `Unhandled` with what was wrong.
        /// A 2xx response whose body is not the output's JSON object is an error too.
        #[allow(clippy::result_large_err, reason = "the error enum holds modeled errors unboxed, as in aws-sdk-rust")]
        pub fn parse_response(
            response: &crate::http::HttpResponse<'_>,
        ) -> ::std::result::Result<#output, #error_enum> {
            if !crate::responses::is_success(response.status()) {
                return ::std::result::Result::Err(crate::protocol_serde::#error_parser(response));
            }
            let mut output = crate::aws_json::read_whole_body(response.body(), crate::protocol_serde::#deserializer)
                .map_err(|problem| #error_enum::Unhandled(crate::responses::unreadable_output(response, &problem)))?;
            output._request_id = crate::responses::request_id(response);
            ::std::result::Result::Ok(output)
        }
    }
}

/// The `HttpRequest` around the serialized `body`, with the awsJson headers.
fn request_tokens(service: &ServiceIr, operation: &OperationIr, content_type: &str, target: &str) -> TokenStream {
    let mut headers = vec![
        quote!(("Content-Type", crate::http::HeaderValue::Static(#content_type))),
        quote!(("X-Amz-Target", crate::http::HeaderValue::Static(#target))),
    ];
    headers.extend(super::query_mode_header(service));
    super::http_request(operation, "/", &headers, true)
}
