//! Error types: one structure per modeled error under `types::error`, carrying its members
//! and the response's error metadata, and one enum per operation over the errors it can
//! return plus `Unhandled`.

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::{emit_getter, emit_redacting_debug, field_type, member_doc};
use super::{doc_attrs, ident};
use crate::ir::{OperationIr, StructureIr};

/// `types/error/_<name>.rs`.
pub(crate) fn emit_error_structure(error: &StructureIr) -> TokenStream {
    let name = ident(&error.rust_name);
    let type_name = &error.rust_name;
    let doc = doc_attrs(&error.doc, &format!("The `{type_name}` error."));
    let fields = error.members.iter().map(|member| {
        let field = ident(&member.field);
        let ty = field_type(member);
        let doc = member_doc(member);
        let serde = super::serde::field_attrs(member);
        quote! { #doc #serde pub #field: #ty, }
    });
    let getters = error.members.iter().map(emit_getter);
    let message_from_meta = (!error.has_member_named_message()).then(|| {
        quote! {
            /// The error message the service sent, if any.
            pub fn message(&self) -> ::std::option::Option<&str> {
                self.meta.message()
            }
        }
    });
    let display_message = match &error.message_member {
        Some(field) => {
            let field = ident(field);
            quote!(self.#field.as_deref())
        }
        None => quote!(self.meta.message()),
    };
    let sensitive = error.has_sensitive_members();
    let derives = if sensitive {
        quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq)])
    } else {
        quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::fmt::Debug)])
    };
    let debug = sensitive.then(|| emit_redacting_debug(type_name, &error.members, |m| m.sensitive));
    let (serde_derive, serde_skip) = (super::serde::derive_attr(), super::serde::skipped_field_attr());
    quote! {
        #doc
        #[non_exhaustive]
        #derives
        #serde_derive
        pub struct #name {
            #(#fields)*
            #serde_skip
            pub(crate) meta: crate::error::ErrorMetadata,
        }

        impl #name {
            #(#getters)*
            #message_from_meta

            /// Code, message, request id and HTTP status of the response.
            pub fn meta(&self) -> &crate::error::ErrorMetadata {
                &self.meta
            }

            /// The error code, `#type_name`.
            pub fn code(&self) -> ::std::option::Option<&str> {
                self.meta.code()
            }

            /// The request id from the `x-amzn-RequestId` header.
            pub fn request_id(&self) -> ::std::option::Option<&str> {
                self.meta.request_id()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#type_name)?;
                if let ::std::option::Option::Some(message) = #display_message {
                    ::std::write!(f, ": {message}")?;
                }
                ::std::result::Result::Ok(())
            }
        }

        impl ::std::error::Error for #name {}

        #debug
    }
}

/// `operation/<name>/_<name>_error.rs`: the operation's error enum.
pub(crate) fn emit_operation_error(operation: &OperationIr) -> TokenStream {
    let name = ident(&operation.error_enum);
    let doc = format!(" The errors `{}` can return.", operation.name);
    let variants: Vec<_> = operation.errors.iter().map(|e| ident(&e.type_name)).collect();
    let variant_docs = operation
        .errors
        .iter()
        .map(|e| doc_attrs(&e.doc, &format!("The `{}` error.", e.type_name)));
    let predicates = operation.errors.iter().map(|error| {
        let function = ident(&error.is_fn);
        let variant = ident(&error.type_name);
        let doc = format!(" Whether this is [`{0}`](Self::{0}).", error.type_name);
        quote! {
            #[doc = #doc]
            pub fn #function(&self) -> bool {
                ::std::matches!(self, #name::#variant(_))
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::fmt::Debug)]
        #[allow(clippy::large_enum_variant, reason = "variants hold the error types unboxed, as in aws-sdk-rust, so match patterns port unchanged")]
        pub enum #name {
            #( #variant_docs #variants(crate::types::error::#variants), )*
            /// An error the model does not describe, or a response that could not be read.
            Unhandled(crate::error::Unhandled),
        }

        impl #name {
            #(#predicates)*

            /// Code, message, request id and HTTP status of the response.
            pub fn meta(&self) -> &crate::error::ErrorMetadata {
                match self {
                    #( #name::#variants(error) => error.meta(), )*
                    #name::Unhandled(error) => error.meta(),
                }
            }

            /// The error code, such as `ThrottlingException`.
            pub fn code(&self) -> ::std::option::Option<&str> {
                self.meta().code()
            }

            /// The error message the service sent, if any.
            pub fn message(&self) -> ::std::option::Option<&str> {
                self.meta().message()
            }

            /// The request id from the `x-amzn-RequestId` header, for AWS support.
            pub fn request_id(&self) -> ::std::option::Option<&str> {
                self.meta().request_id()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #( #name::#variants(error) => ::std::fmt::Display::fmt(error, f), )*
                    #name::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        impl ::std::error::Error for #name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #( #name::#variants(error) => ::std::option::Option::Some(error), )*
                    #name::Unhandled(error) => ::std::option::Option::Some(error),
                }
            }
        }
    }
}
