//! String enums: one variant per modeled value plus `Unknown`, which keeps any other value
//! so that a newer service never breaks parsing and the value round-trips unchanged.

use proc_macro2::TokenStream;
use quote::quote;

use super::{deprecated_attr, doc_attrs, ident, REDACTED};
use crate::ir::EnumIr;

pub(crate) fn emit_enum(en: &EnumIr) -> TokenStream {
    let name = ident(&en.rust_name);
    let doc = doc_attrs(&en.doc, &format!("The `{}` enum.", en.rust_name));
    let variants: Vec<_> = en.variants.iter().map(|v| ident(&v.name)).collect();
    let values: Vec<&str> = en.variants.iter().map(|v| v.value.as_str()).collect();
    let variant_docs = en.variants.iter().map(|v| {
        let doc = doc_attrs(&v.doc, &format!("`{}`", v.value));
        let deprecated = deprecated_attr(&v.deprecated);
        quote!(#doc #deprecated)
    });
    let type_deprecated = deprecated_attr(&en.deprecated);
    let debug_derive = (!en.sensitive).then(|| quote!(::std::fmt::Debug,));
    let redacted_debug = en.sensitive.then(|| {
        quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(#REDACTED)
                }
            }
        }
    });
    let serde = super::serde::enum_impls(en);
    let example = en.variants.first().map(|v| v.value.as_str()).unwrap_or_default();
    let usage_doc = format!(
        " Build one from its wire value with `{}::from(\"{example}\")`; [`as_str`](Self::as_str) gives the wire value back.",
        en.rust_name
    );
    quote! {
        #doc
        #[doc = ""]
        #[doc = #usage_doc]
        #type_deprecated
        #[non_exhaustive]
        #[derive(::std::clone::Clone, #debug_derive ::std::cmp::Eq, ::std::hash::Hash, ::std::cmp::Ord, ::std::cmp::PartialEq, ::std::cmp::PartialOrd)]
        pub enum #name {
            #( #variant_docs #variants, )*
            /// A value this version of the bindings does not know, kept exactly as received.
            Unknown(crate::primitives::UnknownVariantValue),
        }

        impl #name {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( #name::#variants => #values, )*
                    #name::Unknown(value) => value.as_str(),
                }
            }

            /// Every value the model defines, sorted (as aws-sdk-rust lists them).
            pub const fn values() -> &'static [&'static str] {
                &[#(#values),*]
            }

            /// The variant for a value the model defines, or an error naming the value;
            /// `From<&str>` keeps unknown values instead.
            pub fn try_parse(value: &str) -> ::std::result::Result<Self, crate::error::UnknownVariantError> {
                match #name::from(value) {
                    #name::Unknown(_) => ::std::result::Result::Err(crate::error::UnknownVariantError::new(value)),
                    known => ::std::result::Result::Ok(known),
                }
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => #name::#variants, )*
                    other => #name::Unknown(crate::primitives::UnknownVariantValue(other.to_owned())),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(#name::from(value))
            }
        }

        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #redacted_debug
        #serde
    }
}
