//! Structures: the type, its getters, `builder()`, and a redacting `Debug` where needed.

use proc_macro2::TokenStream;
use quote::quote;

use super::{deprecated_attr, doc_attrs, ident, is_copy, struct_link, type_tokens, REDACTED};
use crate::ir::{MemberIr, RustType, StructureIr};

/// The structure, with `builder_path` naming its builder type.
pub(crate) fn emit_structure(structure: &StructureIr, builder_path: &TokenStream) -> TokenStream {
    let name = ident(&structure.rust_name);
    let doc = doc_attrs(&structure.doc, &format!("The `{}` structure.", structure.rust_name));
    let fields = structure.members.iter().map(|member| {
        let field = ident(&member.field);
        let ty = field_type(member);
        let doc = member_doc(member);
        let deprecated = deprecated_attr(&member.deprecated);
        let serde = super::serde::field_attrs(member);
        quote! { #doc #serde #deprecated pub #field: #ty, }
    });
    let type_deprecated = deprecated_attr(&structure.deprecated);
    let getters = structure.members.iter().map(emit_getter);
    let derives = if structure.has_sensitive_members() {
        quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq)])
    } else {
        quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::fmt::Debug)])
    };
    let is_output = structure.role == crate::ir::StructureRole::Output;
    let debug = structure
        .has_sensitive_members()
        .then(|| {
            let extra: &[&str] = if is_output { &["_request_id"] } else { &[] };
            emit_redacting_debug(&structure.rust_name, &structure.members, extra, false, |m| m.sensitive)
        });
    let serde_derive = super::serde::derive_attr();
    let builder_doc = format!(" Creates a new builder for {}.", struct_link(&structure.rust_name));
    let serde_skip = super::serde::skipped_field_attr();
    let request_id_field = is_output.then(|| quote!(#serde_skip pub(crate) _request_id: ::std::option::Option<::std::string::String>,));
    let request_id_impl = is_output.then(|| {
        quote! {
            impl crate::error::RequestId for #name {
                fn request_id(&self) -> ::std::option::Option<&str> {
                    self._request_id.as_deref()
                }
            }
        }
    });
    quote! {
        #doc
        #type_deprecated
        #[non_exhaustive]
        #derives
        #serde_derive
        pub struct #name { #(#fields)* #request_id_field }

        #request_id_impl

        impl #name {
            #(#getters)*
        }

        impl #name {
            #[doc = #builder_doc]
            pub fn builder() -> #builder_path {
                <#builder_path as ::std::default::Default>::default()
            }
        }

        #debug
    }
}

/// The field type: `T` for members `build()` guarantees, `Option<T>` for the rest.
pub(crate) fn field_type(member: &MemberIr) -> TokenStream {
    let ty = type_tokens(&member.ty);
    if member.optional {
        quote!(::std::option::Option<#ty>)
    } else {
        ty
    }
}

pub(crate) fn member_doc(member: &MemberIr) -> TokenStream {
    doc_attrs(&member.doc, &format!("The `{}` member.", member.wire_name))
}

/// Getters borrow as aws-sdk-rust's do: `Option<&str>` for strings, `&[T]` for lists
/// (empty when unset), values for `Copy` types, `Option<&T>` for the rest.
pub(crate) fn emit_getter(member: &MemberIr) -> TokenStream {
    let field = ident(&member.field);
    let doc = member_doc(member);
    let deprecated = deprecated_attr(&member.deprecated);
    let (ty, body) = getter_signature(&member.ty, member.optional, &field);
    let list_note = matches!((&member.ty, member.optional), (RustType::List { .. }, true)).then(|| {
        let note = format!(
            " An unset list reads as empty here; `.{}.is_none()` tells the two apart.",
            member.field
        );
        quote!(#[doc = ""] #[doc = #note])
    });
    quote! {
        #doc
        #list_note
        #deprecated
        pub fn #field(&self) -> #ty { #body }
    }
}

/// The getter's return type and body for a field of type `ty` (wrapped in `Option` when
/// `optional`).
fn getter_signature(ty: &RustType, optional: bool, field: &proc_macro2::Ident) -> (TokenStream, TokenStream) {
    match (ty, optional) {
        (RustType::String, true) => (quote!(::std::option::Option<&str>), quote!(self.#field.as_deref())),
        (RustType::String, false) => (quote!(&str), quote!(self.#field.as_str())),
        (RustType::List { .. }, true) => {
            let element = list_element(ty);
            (quote!(&[#element]), quote!(self.#field.as_deref().unwrap_or_default()))
        }
        (RustType::List { .. }, false) => {
            let element = list_element(ty);
            (quote!(&[#element]), quote!(self.#field.as_slice()))
        }
        (RustType::Boxed(inner), true) => {
            let inner = type_tokens(inner);
            (quote!(::std::option::Option<&#inner>), quote!(self.#field.as_deref()))
        }
        (RustType::Boxed(inner), false) => {
            let inner = type_tokens(inner);
            (quote!(&#inner), quote!(&self.#field))
        }
        (ty, true) if is_copy(ty) => {
            let ty = type_tokens(ty);
            (quote!(::std::option::Option<#ty>), quote!(self.#field))
        }
        (ty, false) if is_copy(ty) => (type_tokens(ty), quote!(self.#field)),
        (ty, true) => {
            let ty = type_tokens(ty);
            (quote!(::std::option::Option<&#ty>), quote!(self.#field.as_ref()))
        }
        (ty, false) => {
            let ty = type_tokens(ty);
            (quote!(&#ty), quote!(&self.#field))
        }
    }
}

/// The element type of a list type, `Option`-wrapped for sparse lists.
fn list_element(ty: &RustType) -> TokenStream {
    match ty {
        RustType::List { element, sparse: true } => {
            let element = type_tokens(element);
            quote!(::std::option::Option<#element>)
        }
        RustType::List { element, sparse: false } => type_tokens(element),
        other => type_tokens(other),
    }
}

/// A `Debug` impl that prints `*** Sensitive Data Redacted ***` for sensitive members.
/// `extra_fields` are the fields the type has beside its members (an output's `_request_id`),
/// printed after them as a derived `Debug` would; with `hides_more`, the type has fields it
/// must not print (an error's metadata may repeat a sensitive message), shown as `..`.
pub(crate) fn emit_redacting_debug(
    type_name: &str,
    members: &[MemberIr],
    extra_fields: &[&str],
    hides_more: bool,
    is_redacted: impl Fn(&MemberIr) -> bool,
) -> TokenStream {
    let name = ident(type_name);
    let fields = members.iter().map(|member| {
        let field = ident(&member.field);
        let label = member.field.trim_start_matches("r#");
        if is_redacted(member) {
            quote!(formatter.field(#label, &#REDACTED);)
        } else {
            quote!(formatter.field(#label, &self.#field);)
        }
    });
    let finish = if hides_more { quote!(formatter.finish_non_exhaustive()) } else { quote!(formatter.finish()) };
    let extra = extra_fields.iter().map(|label| {
        let field = ident(label);
        quote!(formatter.field(#label, &self.#field);)
    });
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut formatter = f.debug_struct(#type_name);
                #(#fields)*
                #(#extra)*
                #finish
            }
        }
    }
}
