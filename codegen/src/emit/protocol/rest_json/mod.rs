//! restJson1: the operation's `@http` method and URI, members bound to labels, the query,
//! headers and the status code, the rest as a JSON body (or one member as the whole body),
//! and errors named by `X-Amzn-Errortype` or the body, as under awsJson.

mod request;
mod response;

use proc_macro2::TokenStream;
use quote::quote;

use super::aws_json::{deserializer, serializer};
use super::reading;
use crate::emit::ident;
use crate::error::{Error, Result};
use crate::ir::{CrateIr, HttpLocation, MemberIr, OperationIr, RustType, ServiceIr, StructureIr};

pub(crate) const PROTOCOL_SERDE_DOC: &str =
    "restJson1 body writers for requests, and readers of responses: headers, status code and body.";

/// The `protocol_serde` module: body writers for inputs and the structures they reach, and
/// readers for outputs, errors and the structures they reach.
pub(crate) fn protocol_serde(krate: &CrateIr) -> TokenStream {
    let serializers = serializer::emit_serializers(krate);
    let outputs = krate.operations.iter().map(|operation| {
        let module = ident(&operation.module);
        let name = ident(&operation.output.rust_name);
        response::emit_output_reader(&operation.output, &quote!(crate::operation::#module::#name))
    });
    let errors = krate.errors.iter().map(|error| {
        let name = ident(&error.rust_name);
        response::emit_error_reader(error, &quote!(crate::types::error::#name))
    });
    let shared = deserializer::emit_shared_readers(krate);
    let dispatchers = krate
        .operations
        .iter()
        .map(|operation| reading::emit_error_dispatch(operation, krate.service.query_compatible, &response::error_body()));
    quote! {
        #serializers
        #[allow(unused_imports, reason = "only structures and unions in responses use them")]
        use crate::json_reader::{JsonError, JsonReader};

        #(#outputs)*
        #(#errors)*
        #shared
        #(#dispatchers)*
    }
}

/// `serialize_request` and `parse_response` of an operation type.
pub(crate) fn operation_methods(service: &ServiceIr, operation: &OperationIr) -> TokenStream {
    let input = ident(&operation.input.rust_name);
    let output = ident(&operation.output.rust_name);
    let deserializer = ident(&operation.output.deserializer_fn);
    let error_enum = ident(&operation.error_enum);
    let error_parser = ident(&operation.error_parser_fn);
    let Some(http) = &operation.http else {
        // The resolver gives every restJson1 operation its binding.
        return quote!(compile_error!("a restJson1 operation without an @http binding"););
    };
    let mut serialize_doc = format!(
        " Serializes `input` as a restJson1 request: `{} {}`, with the members bound to the URI, query and headers there, and the rest as the body.",
        http.method,
        pattern_text(http),
    );
    serialize_doc.push_str(&super::request_doc_extras(operation));
    let request = request::request_tokens(service, operation, http);
    let param = if operation.input.members.is_empty() { quote!(_input) } else { quote!(input) };
    quote! {
        #[doc = #serialize_doc]
        #[doc = ""]
        #[doc = " A label that is unset, empty, or `.` or `..` (in any segment, for a greedy label) would change which resource the path names: the request keeps it, and [`HttpRequest::url_for`](crate::http::HttpRequest::url_for) refuses to give it a URL."]
        pub fn serialize_request(#param: &#input) -> crate::http::HttpRequest {
            #request
        }

        /// Reads a response to this operation: the output for a 2xx status, from its
        /// headers, status code and body, otherwise the modeled error the response names,
        /// or `Unhandled` with what was wrong.
        #[allow(clippy::result_large_err, reason = "the error enum holds modeled errors unboxed, as in aws-sdk-rust")]
        pub fn parse_response(
            response: &crate::http::HttpResponse<'_>,
        ) -> ::std::result::Result<#output, #error_enum> {
            if !crate::responses::is_success(response.status()) {
                return ::std::result::Result::Err(crate::protocol_serde::#error_parser(response));
            }
            let mut output = crate::protocol_serde::#deserializer(response)
                .map_err(|problem| #error_enum::Unhandled(crate::responses::unreadable_response(response, &problem)))?;
            output._request_id = crate::responses::request_id(response);
            ::std::result::Result::Ok(output)
        }
    }
}

/// The `@http` URI as the model wrote it, for the docs.
fn pattern_text(http: &crate::ir::HttpBindingIr) -> String {
    let mut text = String::new();
    for part in &http.path {
        match part {
            crate::ir::PathPart::Literal(literal) => text.push_str(literal),
            crate::ir::PathPart::Label { field, greedy } => {
                text.push('{');
                text.push_str(field.trim_start_matches("r#"));
                if *greedy {
                    text.push('+');
                }
                text.push('}');
            }
        }
    }
    for (index, (name, value)) in http.query.iter().enumerate() {
        text.push(if index == 0 { '?' } else { '&' });
        text.push_str(name);
        if let Some(value) = value {
            text.push('=');
            text.push_str(value);
        }
    }
    text
}

/// Refuses members whose binding restJson1 cannot carry, naming the first.
pub(crate) fn check(krate: &CrateIr) -> Result<()> {
    let structures = krate
        .operations
        .iter()
        .flat_map(|operation| [&operation.input, &operation.output])
        .chain(&krate.errors);
    for structure in structures {
        check_structure(structure)?;
    }
    Ok(())
}

fn check_structure(structure: &StructureIr) -> Result<()> {
    let payloads = structure.members.iter().filter(|m| m.location == HttpLocation::Payload).count();
    if payloads > 1 {
        return Err(Error::model(&structure.shape_id, "has more than one @httpPayload member"));
    }
    if payloads == 1 && structure.members.iter().any(|m| m.location == HttpLocation::Body) {
        return Err(Error::model(
            &structure.shape_id,
            "has an @httpPayload member and members with no HTTP binding; the body can hold only one",
        ));
    }
    for member in &structure.members {
        if let Some(problem) = binding_problem(member) {
            return Err(Error::unsupported(format!("{}${}", structure.shape_id, member.name), problem));
        }
    }
    Ok(())
}

fn binding_problem(member: &MemberIr) -> Option<String> {
    let scalar = |ty: &RustType| {
        !matches!(
            unboxed(ty),
            RustType::Structure(_) | RustType::Union(_) | RustType::Document | RustType::List { .. } | RustType::Map { .. }
        )
    };
    let scalar_or_list = |ty: &RustType| match unboxed(ty) {
        RustType::List { element, .. } => scalar(element),
        other => scalar(other),
    };
    let string_map = |ty: &RustType, lists: bool| match unboxed(ty) {
        RustType::Map { value, .. } => match unboxed(value) {
            RustType::String => true,
            RustType::List { element, .. } => lists && matches!(unboxed(element), RustType::String),
            _ => false,
        },
        _ => false,
    };
    let ok = match &member.location {
        HttpLocation::Body | HttpLocation::Label => true,
        HttpLocation::Query(_) | HttpLocation::Header(_) => scalar_or_list(&member.ty),
        HttpLocation::QueryParams => string_map(&member.ty, true),
        HttpLocation::PrefixHeaders(_) => string_map(&member.ty, false),
        HttpLocation::Payload => matches!(
            unboxed(&member.ty),
            RustType::Structure(_) | RustType::Union(_) | RustType::Document | RustType::Blob | RustType::String | RustType::Enum(_)
        ),
        HttpLocation::ResponseCode => matches!(member.ty, RustType::I32),
    };
    (!ok).then(|| format!("a member of type {:?} cannot be bound with {:?}", member.ty, member.location))
}

/// The type behind any `Box`es, which the wire does not see.
fn unboxed(ty: &RustType) -> &RustType {
    match ty {
        RustType::Boxed(inner) => unboxed(inner),
        other => other,
    }
}
