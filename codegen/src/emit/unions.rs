//! Unions: an enum with one variant per member plus `Unknown`, which stands for a member
//! this version of the bindings does not know (as in aws-sdk-rust, its content is dropped).

use proc_macro2::TokenStream;
use quote::quote;

use super::{deprecated_attr, doc_attrs, ident, type_tokens, REDACTED};
use crate::ir::UnionIr;

pub(crate) fn emit_union(union: &UnionIr) -> TokenStream {
    let name = ident(&union.rust_name);
    let doc = doc_attrs(&union.doc, &format!("The `{}` union.", union.rust_name));
    let type_deprecated = deprecated_attr(&union.deprecated);
    let variants = union.variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let doc = doc_attrs(&variant.doc, &format!("The `{}` member.", variant.wire_name));
        let deprecated = deprecated_attr(&variant.deprecated);
        match &variant.ty {
            Some(ty) => {
                let ty = type_tokens(ty);
                quote!(#doc #deprecated #variant_name(#ty),)
            }
            None => quote!(#doc #deprecated #variant_name,),
        }
    });
    let accessors = union.variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let is_fn = ident(&variant.is_fn);
        let is_doc = format!(" Whether this is the `{}` member.", variant.wire_name);
        let pattern = if variant.ty.is_some() { quote!(#name::#variant_name(_)) } else { quote!(#name::#variant_name) };
        let as_fn = variant.ty.as_ref().map(|ty| {
            let as_fn = ident(&variant.as_fn);
            let ty = type_tokens(ty);
            let doc = format!(" The `{}` member, or `Err(self)` when another member is set.", variant.wire_name);
            quote! {
                #[doc = #doc]
                pub fn #as_fn(&self) -> ::std::result::Result<&#ty, &Self> {
                    if let #name::#variant_name(value) = self {
                        ::std::result::Result::Ok(value)
                    } else {
                        ::std::result::Result::Err(self)
                    }
                }
            }
        });
        quote! {
            #as_fn
            #[doc = #is_doc]
            pub fn #is_fn(&self) -> bool {
                ::std::matches!(self, #pattern)
            }
        }
    });
    let sensitive = union.variants.iter().any(|v| v.sensitive);
    let debug_derive = (!sensitive).then(|| quote!(::std::fmt::Debug,));
    let debug = sensitive.then(|| {
        let arms = union.variants.iter().map(|variant| {
            let variant_name = ident(&variant.name);
            let label = &variant.name;
            match (&variant.ty, variant.sensitive) {
                (Some(_), true) => quote!(#name::#variant_name(_) => f.debug_tuple(#label).field(&#REDACTED).finish(),),
                (Some(_), false) => quote!(#name::#variant_name(value) => f.debug_tuple(#label).field(value).finish(),),
                (None, _) => quote!(#name::#variant_name => f.write_str(#label),),
            }
        });
        quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self {
                        #(#arms)*
                        #name::Unknown => f.write_str("Unknown"),
                    }
                }
            }
        }
    });
    let serde = super::serde::union_impls(union);
    quote! {
        #doc
        #type_deprecated
        #[non_exhaustive]
        #[derive(::std::clone::Clone, #debug_derive ::std::cmp::PartialEq)]
        pub enum #name {
            #(#variants)*
            /// A member this version of the bindings does not know. It can only be read from a
            /// response, never built, and writes nothing when sent back.
            #[non_exhaustive]
            Unknown,
        }

        impl #name {
            #(#accessors)*

            /// Whether this is a member this version of the bindings does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, #name::Unknown)
            }
        }

        #debug
        #serde
    }
}
