//! What the response readers of every protocol share: how the members read from a body
//! become a structure (defaults, client error correction, the error message), and the
//! dispatcher that turns an error response into an operation's error enum.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::emit::{ident, unwrap_with_default};
use crate::ir::{OperationIr, RustType, StructureIr, StructureRole};

/// The local each member's value is read into (`member_name`).
pub(super) fn member_locals(structure: &StructureIr) -> Vec<Ident> {
    structure
        .members
        .iter()
        .map(|m| format_ident!("member_{}", m.field.trim_start_matches("r#")))
        .collect()
}

/// `Ok(path { .. })` from the member locals: optional members as read, defaults filled in,
/// required ones corrected to their zero value or else an error made by `missing` (given
/// the problem text). An error's message member falls back to the error metadata's.
pub(super) fn build_structure(
    structure: &StructureIr,
    path: &TokenStream,
    locals: &[Ident],
    missing: impl Fn(&str) -> TokenStream,
) -> TokenStream {
    let message_fill = structure.message_member.as_ref().map(|field| {
        let local = format_ident!("member_{}", field.trim_start_matches("r#"));
        quote! {
            if #local.is_none() {
                #local = meta.as_ref().and_then(|meta| meta.message()).map(::std::borrow::ToOwned::to_owned);
            }
        }
    });
    let fields = structure.members.iter().zip(locals).map(|(member, local)| {
        let field = ident(&member.field);
        if member.optional {
            quote!(#field: #local,)
        } else if let Some(default) = &member.default {
            let value = unwrap_with_default(quote!(#local), default, &member.ty);
            quote!(#field: #value,)
        } else if let Some(zero) = zero_value(&member.ty) {
            // Smithy's client error correction: a server that leaves out a required member
            // should not make the whole response unreadable.
            quote!(#field: #local.#zero,)
        } else {
            let problem = format!(
                "required member `{}` of `{}` is missing or null",
                member.wire_name, structure.rust_name
            );
            let error = missing(&problem);
            quote!(#field: #local.ok_or_else(|| #error)?,)
        }
    });
    let meta_field = match structure.role {
        StructureRole::Error => quote!(meta: meta.take().unwrap_or_default(),),
        // The response parser sets the request id from the headers.
        StructureRole::Output => quote!(_request_id: ::std::option::Option::None,),
        _ => TokenStream::new(),
    };
    quote! {
        #message_fill
        ::std::result::Result::Ok(#path { #(#fields)* #meta_field })
    }
}

/// How to fill in the value Smithy's client error correction gives a required member the
/// response left out (false, zero, empty, the epoch, null, or an enum's or union's unknown
/// variant), as a call on the member's `Option`. A structure has no such value, so a
/// missing one stays an error.
fn zero_value(ty: &RustType) -> Option<TokenStream> {
    Some(match ty {
        RustType::String
        | RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::F32
        | RustType::F64
        | RustType::List { .. }
        | RustType::Map { .. } => quote!(unwrap_or_default()),
        RustType::Blob => quote!(unwrap_or_else(|| crate::primitives::Blob::new(::std::vec::Vec::new()))),
        RustType::Document => quote!(unwrap_or(crate::primitives::Document::Null)),
        RustType::BigInteger => quote!(unwrap_or_else(crate::primitives::BigInteger::zero)),
        RustType::BigDecimal => quote!(unwrap_or_else(crate::primitives::BigDecimal::zero)),
        RustType::Timestamp(_) => quote!(unwrap_or_else(|| crate::primitives::DateTime::from_secs(0))),
        RustType::Enum(name) => {
            let name = ident(name);
            quote!(unwrap_or_else(|| crate::types::#name::from("")))
        }
        RustType::Union(name) => {
            let name = ident(name);
            quote!(unwrap_or(crate::types::#name::Unknown))
        }
        RustType::Structure(_) | RustType::Boxed(_) => return None,
    })
}

/// How a protocol reads an error response for [`emit_error_dispatch`].
pub(super) struct ErrorBodyPlan {
    /// Statements to run first, such as binding what the modeled error's reader will take.
    pub(super) prepare: TokenStream,
    /// An expression of type `Result<ErrorMetadata, Unhandled>` over `response` (and
    /// `body`): the metadata that names the error. `CODES` holds the modeled codes.
    pub(super) read: TokenStream,
    /// The type of the body argument of each modeled error's reader.
    pub(super) reader_takes: TokenStream,
    /// The argument passed for it.
    pub(super) pass: TokenStream,
    /// The type the readers fail with.
    pub(super) body_error: TokenStream,
}

/// The function that turns an error response of `operation` into its error enum, reading
/// the response as `plan` says.
pub(super) fn emit_error_dispatch(operation: &OperationIr, query_compatible: bool, plan: &ErrorBodyPlan) -> TokenStream {
    let function = ident(&operation.error_parser_fn);
    let module = ident(&operation.module);
    let error_enum = ident(&operation.error_enum);
    let ErrorBodyPlan { prepare, read, reader_takes, pass, body_error } = plan;
    let codes = operation.errors.iter().map(|error| &error.code);
    // Each modeled error's code, and the reader of its body into the error enum.
    let readers: Vec<(&String, TokenStream)> = operation
        .errors
        .iter()
        .map(|error| {
            let variant = ident(&error.type_name);
            let reader = ident(&error.deserializer_fn);
            (&error.code, quote!(|body, meta| #reader(body, meta).map(#error_enum::#variant)))
        })
        .collect();
    // A query-compatible service reports every error, modeled or not, by the code its former
    // awsQuery protocol used when the response names one (as botocore and aws-sdk-rust do);
    // the error shape, from the body, still picks the variant.
    let query_code = query_compatible.then(|| {
        quote! {
            let mut meta = meta;
            if let ::std::option::Option::Some(code) = crate::responses::query_error_code(response) {
                meta.set_code(::std::option::Option::Some(code.to_owned()));
            }
        }
    });
    if operation.errors.is_empty() {
        return quote! {
            pub(crate) fn #function(response: &crate::http::HttpResponse<'_>) -> crate::operation::#module::#error_enum {
                use crate::operation::#module::#error_enum;
                const CODES: &[&str] = &[];
                #prepare
                match #read {
                    ::std::result::Result::Ok(meta) => {
                        #query_code
                        #error_enum::Unhandled(crate::responses::unhandled(response, meta, ::std::option::Option::None))
                    }
                    ::std::result::Result::Err(unhandled) => #error_enum::Unhandled(unhandled),
                }
            }
        };
    }
    let choose = if query_compatible {
        let arms = readers.iter().map(|(code, reader)| {
            quote!(::std::option::Option::Some(#code) => ::std::option::Option::Some(#reader),)
        });
        quote! {
            let read: ::std::option::Option<ReadError> = match meta.code() {
                #(#arms)*
                _ => ::std::option::Option::None,
            };
            #query_code
            let ::std::option::Option::Some(read) = read else {
                return #error_enum::Unhandled(crate::responses::unhandled(response, meta, ::std::option::Option::None));
            };
        }
    } else {
        let arms = readers.iter().map(|(code, reader)| quote!(::std::option::Option::Some(#code) => #reader,));
        quote! {
            let read: ReadError = match meta.code() {
                #(#arms)*
                _ => return #error_enum::Unhandled(crate::responses::unhandled(response, meta, ::std::option::Option::None)),
            };
        }
    };
    quote! {
        pub(crate) fn #function(response: &crate::http::HttpResponse<'_>) -> crate::operation::#module::#error_enum {
            use crate::operation::#module::#error_enum;
            type ReadError = fn(
                #reader_takes,
                &mut ::std::option::Option<crate::error::ErrorMetadata>,
            ) -> ::std::result::Result<#error_enum, #body_error>;
            const CODES: &[&str] = &[#(#codes),*];
            #prepare
            let meta = match #read {
                ::std::result::Result::Ok(meta) => meta,
                ::std::result::Result::Err(unhandled) => return #error_enum::Unhandled(unhandled),
            };
            #choose
            let mut meta = ::std::option::Option::Some(meta);
            match read(#pass, &mut meta) {
                ::std::result::Result::Ok(error) => error,
                ::std::result::Result::Err(problem) => #error_enum::Unhandled(
                    crate::responses::unreadable_error(response, meta.unwrap_or_default(), &problem),
                ),
            }
        }
    }
}
