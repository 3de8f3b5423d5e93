//! Error types: one structure per modeled error under `types::error`, carrying its members
//! and the response's error metadata, and one enum per operation over the errors it can
//! return plus `Unhandled`.

use proc_macro2::TokenStream;
use quote::quote;

use super::builders::emit_builder;
use super::structs::{emit_getter, emit_redacting_debug, field_type, member_doc};
use super::{doc_attrs, ident, struct_link};
use crate::ir::{CrateIr, OperationIr, StructureIr};

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
    let debug = sensitive.then(|| emit_redacting_debug(type_name, &error.members, &[], true, |m| m.sensitive));
    let code_doc = format!(" The error code: `{}` for errors the service sent.", error.shape_id.rsplit('#').next().unwrap_or(type_name));
    let builder = ident(&error.builder_name);
    let builder_doc = format!(" Creates a new builder for {}, for errors made by hand (in mocks and tests).", struct_link(type_name));
    let builder_tokens = emit_builder(error);
    let (serde_derive, serde_skip) = (super::serde::derive_attr(), super::serde::skipped_field_attr());
    quote! {
        #builder_tokens

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

            #[doc = #code_doc]
            pub fn code(&self) -> ::std::option::Option<&str> {
                self.meta.code()
            }

            /// The request id from the `x-amzn-RequestId` header.
            pub fn request_id(&self) -> ::std::option::Option<&str> {
                self.meta.request_id()
            }

            #[doc = #builder_doc]
            pub fn builder() -> crate::types::error::builders::#builder {
                <crate::types::error::builders::#builder as ::std::default::Default>::default()
            }
        }

        impl crate::error::ProvideErrorMetadata for #name {
            fn meta(&self) -> &crate::error::ErrorMetadata {
                &self.meta
            }
        }

        impl crate::error::RequestId for #name {
            fn request_id(&self) -> ::std::option::Option<&str> {
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
            /// An unhandled error wrapping `source`, for errors made by hand (in mocks and
            /// tests) or raised outside the response, as aws-sdk-rust's `unhandled`.
            pub fn unhandled(source: impl ::std::convert::Into<::std::boxed::Box<dyn ::std::error::Error + ::std::marker::Send + ::std::marker::Sync + 'static>>) -> Self {
                #name::Unhandled(crate::error::Unhandled::from_source(source.into()))
            }

            /// An unhandled error with only metadata: an error code this model does not know.
            pub fn generic(meta: crate::error::ErrorMetadata) -> Self {
                #name::Unhandled(crate::error::Unhandled::new(meta, ::std::option::Option::None, ::std::string::String::new()))
            }

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
                    // The unhandled error's own text is this error's; only its cause is a source.
                    #name::Unhandled(error) => error.source_error(),
                }
            }
        }

        impl crate::error::ProvideErrorMetadata for #name {
            fn meta(&self) -> &crate::error::ErrorMetadata {
                #name::meta(self)
            }
        }

        impl crate::error::RequestId for #name {
            fn request_id(&self) -> ::std::option::Option<&str> {
                self.meta().request_id()
            }
        }
    }
}

/// `error_meta.rs`: the crate-level `Error` (aws-sdk-rust's `crate::Error`), one variant per
/// modeled error of any chosen operation plus `Unhandled`, which every operation error and
/// `BuildError` convert into, so one `?` type serves a program that calls several operations.
pub(crate) fn emit_crate_error(krate: &CrateIr) -> TokenStream {
    let mut names: Vec<&str> = krate.errors.iter().map(|error| error.rust_name.as_str()).collect();
    names.sort_unstable();
    let variants: Vec<_> = names.iter().map(|name| ident(name)).collect();
    let docs = names.iter().map(|name| format!(" The [`{name}`](crate::types::error::{name}) error."));
    let conversions = krate.operations.iter().map(|operation| {
        let error_enum = ident(&operation.error_enum);
        let module = ident(&operation.module);
        let arms = operation.errors.iter().map(|error| {
            let variant = ident(&error.type_name);
            quote!(crate::operation::#module::#error_enum::#variant(inner) => Error::#variant(inner),)
        });
        quote! {
            impl ::std::convert::From<crate::operation::#module::#error_enum> for Error {
                fn from(error: crate::operation::#module::#error_enum) -> Self {
                    match error {
                        #(#arms)*
                        crate::operation::#module::#error_enum::Unhandled(inner) => Error::Unhandled(inner),
                    }
                }
            }
        }
    });
    quote! {
        /// Every error the chosen operations can return, for programs that call several of
        /// them and want one error type.
        #[non_exhaustive]
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::fmt::Debug)]
        #[allow(clippy::large_enum_variant, reason = "variants hold the error types unboxed, as in aws-sdk-rust")]
        pub enum Error {
            #( #[doc = #docs] #variants(crate::types::error::#variants), )*
            /// An error the model does not describe, a response that could not be read, or a
            /// value that could not be built.
            Unhandled(crate::error::Unhandled),
        }

        #(#conversions)*

        impl ::std::convert::From<crate::error::BuildError> for Error {
            fn from(error: crate::error::BuildError) -> Self {
                Error::Unhandled(crate::error::Unhandled::from_source(::std::boxed::Box::new(error)))
            }
        }

        impl ::std::fmt::Display for Error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #( Error::#variants(error) => ::std::fmt::Display::fmt(error, f), )*
                    Error::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        impl ::std::error::Error for Error {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    // Display is the inner error's, so its source is the inner error's source.
                    #( Error::#variants(error) => ::std::error::Error::source(error), )*
                    Error::Unhandled(error) => error.source_error(),
                }
            }
        }

        impl crate::error::ProvideErrorMetadata for Error {
            fn meta(&self) -> &crate::error::ErrorMetadata {
                match self {
                    #( Error::#variants(error) => &error.meta, )*
                    Error::Unhandled(error) => error.meta(),
                }
            }
        }

        impl crate::error::RequestId for Error {
            fn request_id(&self) -> ::std::option::Option<&str> {
                crate::error::ProvideErrorMetadata::meta(self).request_id()
            }
        }
    }
}
