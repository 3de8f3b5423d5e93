//! One module per operation under `operation::`: the operation type, whose request
//! serializer and response parser come from the service's protocol, and the input and output
//! structures with their builders.

use proc_macro2::TokenStream;
use quote::quote;

use super::builders::emit_builder;
use super::protocol;
use super::structs::emit_structure;
use super::{doc_attrs, ident};
use crate::ir::{OperationIr, ServiceIr};

/// `operation/<name>/mod.rs`.
pub(crate) fn emit_operation_module(service: &ServiceIr, operation: &OperationIr) -> TokenStream {
    let name = ident(&operation.name);
    let input = ident(&operation.input.rust_name);
    let output = ident(&operation.output.rust_name);
    let input_module = ident(&operation.input.module);
    let output_module = ident(&operation.output.module);
    let error_enum = ident(&operation.error_enum);
    let error_module = ident(&operation.error_module);
    let doc = doc_attrs(&operation.doc, &format!("The `{}` operation.", operation.name));
    let methods = protocol::operation_methods(service, operation);
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::marker::Copy, ::std::fmt::Debug, ::std::default::Default, ::std::cmp::PartialEq, ::std::cmp::Eq)]
        pub struct #name;

        impl #name {
            /// The operation, as aws-sdk-rust's operation types are made.
            pub fn new() -> Self {
                Self
            }

            #methods
        }

        pub use self::#error_module::#error_enum;
        pub use self::#input_module::#input;
        pub use self::#output_module::#output;
    }
}

/// `operation/<name>/_<name>_input.rs` or `_output.rs`: the structure and its builder.
pub(crate) fn emit_io_structure(structure: &crate::ir::StructureIr, operation: &OperationIr) -> TokenStream {
    let module = ident(&operation.module);
    let builder = ident(&structure.builder_name);
    let structure_tokens = emit_structure(
        structure,
        &quote!(crate::operation::#module::builders::#builder),
    );
    let builder_tokens = emit_builder(structure);
    quote! {
        #structure_tokens
        #builder_tokens
    }
}
