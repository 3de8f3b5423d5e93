//! The protocol seam. What depends on how an operation travels (the request line and headers,
//! the body encoding, how responses and errors are read, which support files a crate
//! copies) lives in one module per protocol; the emitters of structures, builders, enums,
//! unions, errors and validation know nothing of it.

mod aws_json;

use proc_macro2::TokenStream;

use crate::ir::{CrateIr, OperationIr, Protocol, ServiceIr};

/// The contents and doc line of the crate's `protocol_serde` module: the body writers and
/// readers of every input, output and error.
pub(crate) fn protocol_serde(krate: &CrateIr) -> (&'static str, TokenStream) {
    match krate.service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => (aws_json::PROTOCOL_SERDE_DOC, aws_json::protocol_serde(krate)),
    }
}

/// The `serialize_request` and `parse_response` methods of an operation type.
pub(crate) fn operation_methods(service: &ServiceIr, operation: &OperationIr) -> TokenStream {
    match service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json::operation_methods(service, operation),
    }
}

/// Whether a crate of `protocol` copies the awsJson support files (its response rules and
/// the JSON reader and writer).
pub(crate) fn uses_aws_json(protocol: Protocol) -> bool {
    matches!(protocol, Protocol::AwsJson1_0 | Protocol::AwsJson1_1)
}
