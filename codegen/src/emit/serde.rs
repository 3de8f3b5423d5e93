//! serde support behind the generated crate's `serde` feature: derive and field attributes
//! for structures, and hand-written impls for enums and unions, all gated with
//! `#[cfg(feature = "serde")]` or `#[cfg_attr(feature = "serde", ...)]` so that the default
//! build stays free of dependencies.
//!
//! The serde form is the awsJson form: members keep their model names, unset ones are left
//! out, and the values whose Rust type does not say how they are written (floats with NaN,
//! timestamps in a format other than epoch seconds) name an adapter of `serde_support`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ident, type_tokens};
use crate::ir::{EnumIr, MemberIr, RustType, TimestampFormat, UnionIr};

/// The module of the support file with the primitive impls and the adapters.
const SUPPORT: &str = "crate::serde_support";

/// `derive(Serialize, Deserialize)` for a structure, behind the feature.
pub(crate) fn derive_attr() -> TokenStream {
    quote!(#[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))])
}

/// The serde attribute of a structure member: its model name, `default` and
/// `skip_serializing_if` for an `Option`, and the adapter its values need.
pub(crate) fn field_attrs(member: &MemberIr) -> TokenStream {
    // Member names, not wire names: restJson1's `@jsonName`s may repeat a bound member's name.
    let name = &member.name;
    let mut args = vec![quote!(rename = #name)];
    if member.optional {
        args.push(quote!(default));
        args.push(quote!(skip_serializing_if = "::std::option::Option::is_none"));
    }
    let adapter = match adapter(&member.ty) {
        Some(adapter) if member.optional => Some(Adapter::Optional(Box::new(adapter))),
        // A set document may be `null`: only a member left out is `None`.
        None if member.optional && member.ty == RustType::Document => Some(Adapter::SetDocument),
        adapter => adapter,
    };
    if let Some(adapter) = adapter {
        let path = adapter.expression_path();
        args.push(quote!(with = #path));
    }
    quote!(#[cfg_attr(feature = "serde", serde(#(#args),*))])
}

/// For the error metadata of a modeled error, which is the response's and not the error's
/// data: left out, and empty when deserialized.
pub(crate) fn skipped_field_attr() -> TokenStream {
    quote!(#[cfg_attr(feature = "serde", serde(skip))])
}

/// An enum is its wire value; a value the enum does not know reads as `Unknown` and is
/// written back unchanged.
pub(crate) fn enum_impls(en: &EnumIr) -> TokenStream {
    let name = ident(&en.rust_name);
    let support = support_path();
    quote! {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #support::deserialize_enum(deserializer)
            }
        }
    }
}

/// A union is an object with its one member set, `{"Member": value}`; a member targeting
/// `smithy.api#Unit` holds `{}`, and `Unknown` is written as `{}` and read back from it. A
/// `null` member is no member set, as the awsJson reader has it, except for a document
/// member, whose `null` is the document `null`.
pub(crate) fn union_impls(union: &UnionIr) -> TokenStream {
    let name = ident(&union.rust_name);
    let type_name = &union.rust_name;
    let support = support_path();
    let serialize_arms = union.variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let key = &variant.member_name;
        match &variant.ty {
            Some(ty) => {
                let value = match adapter(ty) {
                    Some(adapter) => {
                        let adapter = adapter.tokens();
                        quote!(&#adapter::wrap(value))
                    }
                    None => quote!(value),
                };
                quote!(#name::#variant_name(value) => #support::serialize_union_member(serializer, #key, #value),)
            }
            None => quote!(#name::#variant_name => #support::serialize_union_member(serializer, #key, &#support::EmptyObject),),
        }
    });
    let member_arms = union.variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let key = &variant.member_name;
        match &variant.ty {
            Some(RustType::Document) => {
                let document = type_tokens(&RustType::Document);
                quote! {
                    #key => ::std::option::Option::Some(
                        #name::#variant_name(map.next_value::<#document>()?)
                    ),
                }
            }
            Some(ty) => match adapter(ty) {
                Some(adapter) => {
                    let adapter = Adapter::Optional(Box::new(adapter)).tokens();
                    quote!(#key => map.next_value_seed(#adapter::seed())?.map(#name::#variant_name),)
                }
                None => {
                    let ty = type_tokens(ty);
                    quote!(#key => map.next_value::<::std::option::Option<#ty>>()?.map(#name::#variant_name),)
                }
            },
            None => quote! {
                #key => map.next_value::<::std::option::Option<::serde::de::IgnoredAny>>()?.map(|_| #name::#variant_name),
            },
        }
    });
    quote! {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#serialize_arms)*
                    #name::Unknown => ::serde::Serialize::serialize(&#support::EmptyObject, serializer),
                }
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #support::deserialize_union(deserializer)
            }
        }

        #[cfg(feature = "serde")]
        impl #support::Union for #name {
            const NAME: &'static str = #type_name;

            fn unknown() -> Self {
                #name::Unknown
            }

            fn member<'de, M: ::serde::de::MapAccess<'de>>(
                key: &str,
                map: &mut M,
            ) -> ::std::result::Result<#support::Member<Self>, M::Error> {
                let member = match key {
                    #(#member_arms)*
                    _ => return ::std::result::Result::Ok(#support::Member::Other),
                };
                ::std::result::Result::Ok(#support::Member::Value(member))
            }
        }
    }
}

fn support_path() -> TokenStream {
    SUPPORT.parse().expect("the support module path is a Rust path")
}

/// A `serde_support` adapter: how values of a type are written where serde's own impls for
/// the Rust type would write them differently from awsJson.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Adapter {
    /// An `Option<Document>` whose `null` is `Some(Document::Null)`.
    SetDocument,
    Float,
    Rfc3339,
    HttpDate,
    Optional(Box<Adapter>),
    List(Box<Adapter>),
    Map(Box<Adapter>),
}

/// The adapter values of `ty` need, if any. Epoch-seconds timestamps need none: it is how
/// `DateTime` serializes on its own.
fn adapter(ty: &RustType) -> Option<Adapter> {
    match ty {
        RustType::F32 | RustType::F64 => Some(Adapter::Float),
        RustType::Timestamp(TimestampFormat::DateTime) => Some(Adapter::Rfc3339),
        RustType::Timestamp(TimestampFormat::HttpDate) => Some(Adapter::HttpDate),
        RustType::List { element, sparse } => {
            let element = adapter(element)?;
            let element = if *sparse { Adapter::Optional(Box::new(element)) } else { element };
            Some(Adapter::List(Box::new(element)))
        }
        RustType::Map { value, sparse, .. } => {
            let value = adapter(value)?;
            let value = if *sparse { Adapter::Optional(Box::new(value)) } else { value };
            Some(Adapter::Map(Box::new(value)))
        }
        RustType::String
        | RustType::Bool
        | RustType::I8
        | RustType::I16
        | RustType::I32
        | RustType::I64
        | RustType::Blob
        | RustType::Document
        | RustType::BigInteger
        | RustType::BigDecimal
        | RustType::Timestamp(TimestampFormat::EpochSeconds)
        | RustType::Structure(_)
        | RustType::Union(_)
        | RustType::Enum(_)
        | RustType::Boxed(_) => None,
    }
}

impl Adapter {
    /// As a type: `crate::serde_support::List<crate::serde_support::Float>`.
    fn type_path(&self) -> String {
        let (name, inner) = self.parts();
        match inner {
            Some(inner) => format!("{SUPPORT}::{name}<{}>", inner.type_path()),
            None => format!("{SUPPORT}::{name}"),
        }
    }

    /// As an expression path, with the turbofish `#[serde(with = ...)]` needs.
    fn expression_path(&self) -> String {
        let (name, inner) = self.parts();
        match inner {
            Some(inner) => format!("{SUPPORT}::{name}::<{}>", inner.type_path()),
            None => format!("{SUPPORT}::{name}"),
        }
    }

    fn tokens(&self) -> TokenStream {
        self.expression_path().parse().expect("an adapter path is a Rust path")
    }

    fn parts(&self) -> (&'static str, Option<&Adapter>) {
        match self {
            Adapter::SetDocument => ("SetDocument", None),
            Adapter::Float => ("Float", None),
            Adapter::Rfc3339 => ("Rfc3339", None),
            Adapter::HttpDate => ("HttpDate", None),
            Adapter::Optional(inner) => ("Optional", Some(inner)),
            Adapter::List(inner) => ("List", Some(inner)),
            Adapter::Map(inner) => ("Map", Some(inner)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(element: RustType, sparse: bool) -> RustType {
        RustType::List { element: Box::new(element), sparse }
    }

    #[test]
    fn adapters_follow_the_type_down_to_floats_and_text_timestamps() {
        assert_eq!(adapter(&RustType::String), None);
        assert_eq!(adapter(&RustType::Timestamp(TimestampFormat::EpochSeconds)), None);
        assert_eq!(adapter(&list(RustType::Timestamp(TimestampFormat::EpochSeconds), true)), None);
        assert_eq!(adapter(&RustType::F32).unwrap().expression_path(), "crate::serde_support::Float");
        let nested = list(list(RustType::Timestamp(TimestampFormat::HttpDate), true), false);
        assert_eq!(
            adapter(&nested).unwrap().expression_path(),
            "crate::serde_support::List::<crate::serde_support::List<crate::serde_support::Optional<crate::serde_support::HttpDate>>>"
        );
        let map = RustType::Map {
            key: crate::ir::MapKey::String,
            value: Box::new(RustType::Timestamp(TimestampFormat::DateTime)),
            sparse: false,
        };
        assert_eq!(adapter(&map).unwrap().type_path(), "crate::serde_support::Map<crate::serde_support::Rfc3339>");
    }
}
