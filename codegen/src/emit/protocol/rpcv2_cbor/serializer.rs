//! The Smithy RPC v2 CBOR serializer: one function per structure or union, each writing one
//! map whose length it counts first (the members that are set), so every container has a
//! definite length; straight-line code over the crate's `CborWriter`.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::emit::ident;
use crate::ir::{serializer_fn, CrateIr, MapKey, MemberIr, RustType, StructureIr, UnionIr};

/// Serializers for every input and every structure or union they reach.
pub(super) fn emit_serializers(krate: &CrateIr) -> TokenStream {
    let inputs = krate.operations.iter().filter(|operation| !operation.unit_input).map(|operation| {
        let module = ident(&operation.module);
        let name = ident(&operation.input.rust_name);
        emit_structure_serializer(&operation.input, quote!(crate::operation::#module::#name))
    });
    let shared = krate.structures.iter().filter(|s| s.serialized).map(|structure| {
        let name = ident(&structure.rust_name);
        emit_structure_serializer(structure, quote!(crate::types::#name))
    });
    let unions = krate.unions.iter().filter(|u| u.serialized).map(emit_union_serializer);
    let serializers: Vec<TokenStream> = inputs.chain(shared).chain(unions).collect();
    // Operations without input send no body, and so write no CBOR at all.
    let import = (!serializers.is_empty()).then(|| quote!(use crate::cbor_writer::CborWriter;));
    quote! {
        #import

        #(#serializers)*
    }
}

fn emit_structure_serializer(structure: &StructureIr, path: TokenStream) -> TokenStream {
    let function = ident(&structure.serializer_fn);
    let input = if structure.members.is_empty() { quote!(_input) } else { quote!(input) };
    // Members always written: required ones, and idempotency tokens (made up when unset).
    let always = structure.members.iter().filter(|m| !m.optional || m.idempotency_token).count();
    let mut terms: Vec<TokenStream> = Vec::new();
    if always > 0 || structure.members.is_empty() {
        let always = Literal::usize_unsuffixed(always);
        terms.push(quote!(#always));
    }
    terms.extend(structure.members.iter().filter(|m| m.optional && !m.idempotency_token).map(|member| {
        let field = ident(&member.field);
        quote!(usize::from(input.#field.is_some()))
    }));
    let writes = structure.members.iter().map(emit_member_write);
    quote! {
        pub(crate) fn #function(writer: &mut CborWriter, #input: &#path) {
            writer.map(#(#terms)+*);
            #(#writes)*
        }
    }
}

/// Writes the one member a union value holds as a map of one entry; `Unknown` (only ever
/// read from a response) writes an empty map, which the service will reject.
fn emit_union_serializer(union: &UnionIr) -> TokenStream {
    let function = ident(&union.serializer_fn);
    let name = ident(&union.rust_name);
    let arms = union.variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let key = &variant.wire_name;
        match &variant.ty {
            Some(ty) => {
                let write = emit_value_write(quote!(value), ty, 0);
                quote!(crate::types::#name::#variant_name(value) => { writer.map(1).str(#key); #write })
            }
            None => quote!(crate::types::#name::#variant_name => { writer.map(1).str(#key).map(0); }),
        }
    });
    quote! {
        pub(crate) fn #function(writer: &mut CborWriter, input: &crate::types::#name) {
            match input {
                #(#arms)*
                crate::types::#name::Unknown => { writer.map(0); }
            }
        }
    }
}

fn emit_member_write(member: &MemberIr) -> TokenStream {
    let field = ident(&member.field);
    let key = &member.wire_name;
    let write = emit_value_write(quote!(value), &member.ty, 0);
    if member.idempotency_token && member.optional {
        return quote! {
            writer.str(#key);
            match &input.#field {
                ::std::option::Option::Some(value) => { #write }
                ::std::option::Option::None => {
                    writer.str(&crate::idempotency_token::new_token());
                }
            }
        };
    }
    if member.optional {
        quote! {
            if let ::std::option::Option::Some(value) = &input.#field {
                writer.str(#key);
                #write
            }
        }
    } else {
        quote! {
            {
                let value = &input.#field;
                writer.str(#key);
                #write
            }
        }
    }
}

/// Code that writes `value` (a reference to a value of type `ty`) with `writer`. `depth`
/// keeps nested bindings distinct.
fn emit_value_write(value: TokenStream, ty: &RustType, depth: usize) -> TokenStream {
    match ty {
        RustType::String => quote!(writer.str(#value);),
        RustType::Bool => quote!(writer.boolean(*#value);),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
            quote!(writer.integer(::std::convert::Into::<i64>::into(*#value));)
        }
        RustType::F32 => quote!(writer.float(*#value);),
        RustType::F64 => quote!(writer.double(*#value);),
        RustType::Blob => quote!(writer.bytes(#value.as_ref());),
        RustType::Timestamp(_) => quote!(crate::rpcv2_cbor::write_timestamp(writer, #value);),
        RustType::Enum(_) => quote!(writer.str(#value.as_str());),
        RustType::Structure(name) | RustType::Union(name) => {
            let function = ident(&serializer_fn(name));
            quote!(crate::protocol_serde::#function(writer, #value);)
        }
        RustType::Boxed(inner) => emit_value_write(quote!(::std::convert::AsRef::as_ref(#value)), inner, depth),
        RustType::List { element, sparse } => {
            let item = format_ident!("item_{}", depth);
            let write = emit_value_write(quote!(#item), element, depth + 1);
            let body = if *sparse {
                quote! {
                    match #item {
                        ::std::option::Option::Some(#item) => { #write }
                        ::std::option::Option::None => { writer.null(); }
                    }
                }
            } else {
                write
            };
            quote! {
                writer.array(#value.len());
                for #item in #value {
                    #body
                }
            }
        }
        RustType::Map { key, value: value_ty, sparse } => {
            let key_binding = format_ident!("key_{}", depth);
            let entry = format_ident!("value_{}", depth);
            let key_text = match key {
                MapKey::String => quote!(#key_binding),
                MapKey::Enum(_) => quote!(#key_binding.as_str()),
            };
            let write = emit_value_write(quote!(#entry), value_ty, depth + 1);
            let body = if *sparse {
                quote! {
                    match #entry {
                        ::std::option::Option::Some(#entry) => { #write }
                        ::std::option::Option::None => { writer.null(); }
                    }
                }
            } else {
                write
            };
            quote! {
                writer.map(#value.len());
                for (#key_binding, #entry) in #value {
                    writer.str(#key_text);
                    #body
                }
            }
        }
        // `check` refuses crates with these before anything is emitted.
        RustType::Document | RustType::BigInteger | RustType::BigDecimal => {
            quote!(::std::compile_error!("Smithy RPC v2 CBOR cannot carry documents or arbitrary-precision numbers");)
        }
    }
}
