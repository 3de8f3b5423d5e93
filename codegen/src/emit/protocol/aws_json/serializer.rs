//! The awsJson serializer: one function per structure or union, writing members in model
//! order, skipping unset ones, as straight-line code with no reflection or serde.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::{ident, timestamp_format_tokens};
use crate::ir::{serializer_fn, CrateIr, HttpLocation, MapKey, MemberIr, Protocol, RustType, StructureIr, UnionIr};

/// Serializers for every input and every structure or union they reach.
pub(crate) fn emit_serializers(krate: &CrateIr) -> TokenStream {
    // A restJson1 input with no body members sends no body, so it has no writer.
    let has_writer = |structure: &StructureIr| {
        krate.service.protocol != Protocol::RestJson1 || body_members(structure).next().is_some()
    };
    let inputs = krate.operations.iter().filter(|operation| has_writer(&operation.input)).map(|operation| {
        let module = ident(&operation.module);
        let name = ident(&operation.input.rust_name);
        emit_structure_serializer(&operation.input, quote!(crate::operation::#module::#name))
    });
    let shared = krate.structures.iter().filter(|s| s.serialized).map(|structure| {
        let name = ident(&structure.rust_name);
        emit_structure_serializer(structure, quote!(crate::types::#name))
    });
    let unions = krate.unions.iter().filter(|u| u.serialized).map(emit_union_serializer);
    // restJson1 crates whose requests carry no JSON body have no writer to use it.
    let allow = (krate.service.protocol == Protocol::RestJson1)
        .then(|| quote!(#[allow(unused_imports, reason = "only JSON request bodies use it")]));
    quote! {
        #allow
        use crate::json_writer::JsonObjectWriter;

        #(#inputs)*
        #(#shared)*
        #(#unions)*
    }
}

/// The members a JSON body holds: all of them under awsJson, the unbound ones under restJson1.
pub(in crate::emit::protocol) fn body_members(structure: &StructureIr) -> impl Iterator<Item = &MemberIr> {
    structure.members.iter().filter(|m| m.location == HttpLocation::Body)
}

fn emit_structure_serializer(structure: &StructureIr, path: TokenStream) -> TokenStream {
    let function = ident(&structure.serializer_fn);
    let writes: Vec<TokenStream> = body_members(structure).map(emit_member_write).collect();
    let (object, input) = if writes.is_empty() {
        (quote!(_object), quote!(_input))
    } else {
        (quote!(object), quote!(input))
    };
    quote! {
        pub(crate) fn #function(#object: &mut JsonObjectWriter<'_>, #input: &#path) {
            #(#writes)*
        }
    }
}

/// Writes the one member a union value holds; `Unknown` (only ever read from a response)
/// writes nothing, which the service will reject as an empty union.
fn emit_union_serializer(union: &UnionIr) -> TokenStream {
    let function = ident(&union.serializer_fn);
    let name = ident(&union.rust_name);
    let arms = union.variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let key = quoted_key(&variant.wire_name);
        match &variant.ty {
            Some(ty) => {
                let write = emit_value_write(quote!(object.quoted_key(#key)), quote!(value), ty, 0);
                quote!(crate::types::#name::#variant_name(value) => { #write })
            }
            None => quote!(crate::types::#name::#variant_name => { object.quoted_key(#key).start_object().finish(); }),
        }
    });
    quote! {
        pub(crate) fn #function(object: &mut JsonObjectWriter<'_>, input: &crate::types::#name) {
            match input {
                #(#arms)*
                crate::types::#name::Unknown => {}
            }
        }
    }
}

/// A member name as it goes on the wire, quoted, escaped and followed by `:`, so that the
/// writer copies it whole instead of escaping the same constant on every request.
fn quoted_key(name: &str) -> String {
    let mut quoted = String::with_capacity(name.len() + 3);
    quoted.push('"');
    for ch in name.chars() {
        match ch {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\u{8}' => quoted.push_str("\\b"),
            '\u{9}' => quoted.push_str("\\t"),
            '\n' => quoted.push_str("\\n"),
            '\u{c}' => quoted.push_str("\\f"),
            '\r' => quoted.push_str("\\r"),
            control if control < ' ' => quoted.push_str(&format!("\\u{:04x}", u32::from(control))),
            other => quoted.push(other),
        }
    }
    quoted.push_str("\":");
    quoted
}

fn emit_member_write(member: &MemberIr) -> TokenStream {
    let field = ident(&member.field);
    let key = quoted_key(&member.wire_name);
    let write = emit_value_write(quote!(object.quoted_key(#key)), quote!(value), &member.ty, 0);
    if member.idempotency_token && member.optional {
        return quote! {
            match &input.#field {
                ::std::option::Option::Some(value) => { #write }
                ::std::option::Option::None => {
                    object.quoted_key(#key).string(&crate::idempotency_token::new_token());
                }
            }
        };
    }
    if member.optional {
        quote! {
            if let ::std::option::Option::Some(value) = &input.#field {
                #write
            }
        }
    } else {
        quote! {
            {
                let value = &input.#field;
                #write
            }
        }
    }
}

/// Code that writes `value` (a reference to a value of type `ty`) with `writer`, an
/// expression yielding a `JsonValueWriter`. `depth` keeps nested bindings distinct.
pub(in crate::emit::protocol) fn emit_value_write(writer: TokenStream, value: TokenStream, ty: &RustType, depth: usize) -> TokenStream {
    match ty {
        RustType::String => quote!(#writer.string(#value);),
        RustType::Bool => quote!(#writer.boolean(*#value);),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
            quote!(#writer.integer(::std::convert::Into::<i64>::into(*#value));)
        }
        RustType::F32 => quote!(#writer.float(::std::convert::Into::<f64>::into(*#value));),
        RustType::F64 => quote!(#writer.float(*#value);),
        RustType::Blob => quote!(#writer.blob(#value);),
        RustType::Document => quote!(#writer.document(#value);),
        RustType::BigInteger | RustType::BigDecimal => quote!(#writer.raw_number(#value.as_str());),
        RustType::Timestamp(format) => {
            let format = timestamp_format_tokens(*format);
            quote!(#writer.date_time(#value, #format);)
        }
        RustType::Enum(_) => quote!(#writer.string(#value.as_str());),
        RustType::Structure(name) | RustType::Union(name) => {
            let function = ident(&serializer_fn(name));
            let object = format_ident!("object_{}", depth);
            quote! {
                let mut #object = #writer.start_object();
                crate::protocol_serde::#function(&mut #object, #value);
                #object.finish();
            }
        }
        RustType::Boxed(inner) => emit_value_write(writer, quote!(::std::convert::AsRef::as_ref(#value)), inner, depth),
        RustType::List { element, sparse } => {
            let array = format_ident!("array_{}", depth);
            let item = format_ident!("item_{}", depth);
            let write = emit_value_write(quote!(#array.value()), quote!(#item), element, depth + 1);
            let body = if *sparse {
                quote! {
                    match #item {
                        ::std::option::Option::Some(#item) => { #write }
                        ::std::option::Option::None => #array.value().null(),
                    }
                }
            } else {
                write
            };
            quote! {
                let mut #array = #writer.start_array();
                for #item in #value {
                    #body
                }
                #array.finish();
            }
        }
        RustType::Map { key, value: value_ty, sparse } => {
            let object = format_ident!("map_{}", depth);
            let key_binding = format_ident!("key_{}", depth);
            let entry = format_ident!("value_{}", depth);
            let key_text = match key {
                MapKey::String => quote!(#key_binding),
                MapKey::Enum(_) => quote!(#key_binding.as_str()),
            };
            let write = emit_value_write(quote!(#object.key(#key_text)), quote!(#entry), value_ty, depth + 1);
            let body = if *sparse {
                quote! {
                    match #entry {
                        ::std::option::Option::Some(#entry) => { #write }
                        ::std::option::Option::None => #object.key(#key_text).null(),
                    }
                }
            } else {
                write
            };
            quote! {
                let mut #object = #writer.start_object();
                for (#key_binding, #entry) in #value {
                    #body
                }
                #object.finish();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::quoted_key;

    #[test]
    fn member_names_are_quoted_as_the_writer_would_escape_them() {
        assert_eq!(quoted_key("DirectoryId"), r#""DirectoryId":"#);
        assert_eq!(quoted_key("a\"b\\c\n\u{1}"), r#""a\"b\\c\n\u0001":"#);
    }
}
