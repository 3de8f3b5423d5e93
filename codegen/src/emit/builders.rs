//! Builders in aws-sdk-rust's shape: `member(v)` sets (or appends to a list, or inserts into
//! a map), `set_member(Option<T>)` replaces, `get_member()` reads, and `build()` checks
//! that every required member is set, reporting all that are not.

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::{emit_redacting_debug, member_doc};
use super::{deprecated_attr, ident, map_key_tokens, struct_link, type_tokens, unwrap_with_default};
use crate::ir::{MemberIr, RustType, StructureIr, StructureRole};

/// The builder for `structure`.
pub(crate) fn emit_builder(structure: &StructureIr) -> TokenStream {
    let name = ident(&structure.builder_name);
    let doc = format!(" A builder for {}.", struct_link(&structure.rust_name));
    let fields = structure.members.iter().map(|member| {
        let field = ident(&member.field);
        let ty = type_tokens(&member.ty);
        quote!(pub(crate) #field: ::std::option::Option<#ty>,)
    });
    let methods = structure.members.iter().map(emit_member_methods);
    let (hidden_field, hidden_methods) = hidden_builder_state(structure);
    let build = emit_build(structure);
    let sensitive = structure.has_sensitive_members();
    let derives = if sensitive {
        quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default)])
    } else {
        quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default, ::std::fmt::Debug)])
    };
    let debug = sensitive
        .then(|| {
            let extra: &[&str] = if structure.role == StructureRole::Output { &["_request_id"] } else { &[] };
            emit_redacting_debug(&structure.builder_name, &structure.members, extra, false, |m| m.sensitive)
        });
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        #derives
        pub struct #name { #(#fields)* #hidden_field }

        impl #name {
            #(#methods)*
            #hidden_methods
            #build
        }

        #debug
    }
}

fn emit_member_methods(member: &MemberIr) -> TokenStream {
    let field = ident(&member.field);
    let setter = ident(&member.setter);
    let getter = ident(&member.getter);
    let ty = type_tokens(&member.ty);
    let doc = member_doc(member);
    let deprecated = deprecated_attr(&member.deprecated);
    let fluent = match &member.ty {
        RustType::List { element, sparse } => {
            let (param, value) = element_param(element, *sparse);
            let note = collection_note(member, "Appends one item", "list");
            quote! {
                #doc
                #note
                #deprecated
                #[must_use]
                pub fn #field(mut self, input: #param) -> Self {
                    let mut items = self.#field.unwrap_or_default();
                    items.push(#value);
                    self.#field = ::std::option::Option::Some(items);
                    self
                }
            }
        }
        RustType::Map { key, value: value_ty, sparse } => {
            let (key_param, key_value) = match key {
                crate::ir::MapKey::String => (
                    quote!(impl ::std::convert::Into<::std::string::String>),
                    quote!(key.into()),
                ),
                enum_key => (map_key_tokens(enum_key), quote!(key)),
            };
            let (param, value) = element_param(value_ty, *sparse);
            let note = collection_note(member, "Inserts one entry", "map");
            quote! {
                #doc
                #note
                #deprecated
                #[must_use]
                pub fn #field(mut self, key: #key_param, input: #param) -> Self {
                    let mut entries = self.#field.unwrap_or_default();
                    entries.insert(#key_value, #value);
                    self.#field = ::std::option::Option::Some(entries);
                    self
                }
            }
        }
        RustType::Boxed(inner) => {
            let inner = type_tokens(inner);
            quote! {
                #doc
                #deprecated
                #[must_use]
                pub fn #field(mut self, input: #inner) -> Self {
                    self.#field = ::std::option::Option::Some(::std::boxed::Box::new(input));
                    self
                }
            }
        }
        other => {
            let (param, value) = into_param(other);
            quote! {
                #doc
                #deprecated
                #[must_use]
                pub fn #field(mut self, input: #param) -> Self {
                    self.#field = ::std::option::Option::Some(#value);
                    self
                }
            }
        }
    };
    quote! {
        #fluent
        #doc
        #deprecated
        #[must_use]
        pub fn #setter(mut self, input: ::std::option::Option<#ty>) -> Self {
            self.#field = input;
            self
        }
        #doc
        #deprecated
        pub fn #getter(&self) -> &::std::option::Option<#ty> {
            &self.#field
        }
    }
}

/// The doc paragraph that tells a collection's fluent method from its setter.
pub(crate) fn collection_note(member: &MemberIr, action: &str, collection: &str) -> TokenStream {
    let setter = member.setter.trim_start_matches("r#");
    let note = format!(" {action}; use [`{setter}`](Self::{}) to replace the whole {collection}.", member.setter);
    quote!(#[doc = ""] #[doc = #note])
}

/// Strings take `impl Into<String>` as in aws-sdk-rust; other values are taken as they are.
pub(crate) fn into_param(ty: &RustType) -> (TokenStream, TokenStream) {
    match ty {
        RustType::String => (
            quote!(impl ::std::convert::Into<::std::string::String>),
            quote!(input.into()),
        ),
        other => (type_tokens(other), quote!(input)),
    }
}

/// One list item or map value; sparse collections take an `Option`.
pub(crate) fn element_param(ty: &RustType, sparse: bool) -> (TokenStream, TokenStream) {
    if sparse {
        let ty = type_tokens(ty);
        (quote!(::std::option::Option<#ty>), quote!(input))
    } else {
        into_param(ty)
    }
}

/// What a builder holds besides the members: an error's metadata (settable, for mocks, as
/// in aws-sdk-rust), or an output's request id (set only by the response parser).
fn hidden_builder_state(structure: &StructureIr) -> (TokenStream, TokenStream) {
    match structure.role {
        StructureRole::Error => (
            quote!(pub(crate) meta: ::std::option::Option<crate::error::ErrorMetadata>,),
            quote! {
                /// Sets the error metadata: code, message, request id and extras.
                #[must_use]
                pub fn meta(mut self, meta: crate::error::ErrorMetadata) -> Self {
                    self.meta = ::std::option::Option::Some(meta);
                    self
                }

                /// Sets or clears the error metadata.
                pub fn set_meta(&mut self, meta: ::std::option::Option<crate::error::ErrorMetadata>) -> &mut Self {
                    self.meta = meta;
                    self
                }
            },
        ),
        StructureRole::Output => (
            quote!(pub(crate) _request_id: ::std::option::Option<::std::string::String>,),
            TokenStream::new(),
        ),
        _ => (TokenStream::new(), TokenStream::new()),
    }
}

/// The struct-literal field that carries hidden state over from the builder.
fn hidden_assignment(structure: &StructureIr) -> TokenStream {
    match structure.role {
        StructureRole::Error => quote!(meta: self.meta.unwrap_or_default(),),
        StructureRole::Output => quote!(_request_id: self._request_id,),
        _ => TokenStream::new(),
    }
}

fn emit_build(structure: &StructureIr) -> TokenStream {
    let target = ident(&structure.rust_name);
    let type_name = &structure.rust_name;
    let doc = format!(" Builds a {}.", struct_link(type_name));
    let required: Vec<&MemberIr> = structure.members.iter().filter(|m| m.is_required()).collect();
    let assignments = structure.members.iter().map(|member| {
        let field = ident(&member.field);
        match &member.default {
            _ if member.optional => quote!(#field: self.#field,),
            Some(default) => {
                let value = unwrap_with_default(quote!(self.#field), default, &member.ty);
                quote!(#field: #value,)
            }
            None => quote!(#field,),
        }
    });
    let hidden = hidden_assignment(structure);
    let assignments = quote!(#(#assignments)* #hidden);
    if !structure.build_is_fallible() {
        return quote! {
            #[doc = #doc]
            pub fn build(self) -> #target {
                #target { #assignments }
            }
        };
    }
    let path = quote!(crate::error::BuildError);
    let error_doc = " Fails with a [`BuildError`](crate::error::BuildError) naming every required member that is unset.";
    // The builder lives in the same module as the type it builds.
    let target_path = quote!(#target);
    if required.is_empty() {
        return quote! {
            #[doc = #doc]
            #[doc = ""]
            #[doc = " Every member of an operation input is optional, so this never fails today; it returns a `Result` like aws-sdk-rust's builders so that code ports unchanged."]
            pub fn build(self) -> ::std::result::Result<#target_path, #path> {
                ::std::result::Result::Ok(#target_path { #assignments })
            }
        };
    }
    let checks = required.iter().map(|member| {
        let field = ident(&member.field);
        let label = member.field.trim_start_matches("r#");
        quote! {
            if self.#field.is_none() {
                missing.push(#label);
            }
        }
    });
    let names: Vec<_> = required.iter().map(|m| ident(&m.field)).collect();
    let destructure = if names.len() == 1 {
        let name = &names[0];
        quote!(let ::std::option::Option::Some(#name) = self.#name else)
    } else {
        let patterns = names.iter().map(|n| quote!(::std::option::Option::Some(#n)));
        quote!(let (#(#patterns),*) = (#(self.#names),*) else)
    };
    quote! {
        #[doc = #doc]
        #[doc = ""]
        #[doc = #error_doc]
        pub fn build(self) -> ::std::result::Result<#target_path, #path> {
            let mut missing = ::std::vec::Vec::new();
            #(#checks)*
            #destructure {
                return ::std::result::Result::Err(#path::missing_members(#type_name, missing));
            };
            ::std::result::Result::Ok(#target_path { #assignments })
        }
    }
}
