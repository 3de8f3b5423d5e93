//! The awsJson serializer: one function per structure, writing members in model order,
//! skipping unset ones, as straight-line code with no reflection or serde.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{serializer_fn, CrateIr, MemberIr, RustType, StructureIr};

/// Serializers for every input and every structure they reach (part of `protocol_serde`).
pub(crate) fn emit_serializers(krate: &CrateIr) -> TokenStream {
    let inputs = krate.operations.iter().map(|operation| {
        let module = ident(&operation.module);
        let name = ident(&operation.input.rust_name);
        emit_structure_serializer(&operation.input, quote!(crate::operation::#module::#name))
    });
    let shared = krate.structures.iter().filter(|s| s.serialized).map(|structure| {
        let name = ident(&structure.rust_name);
        emit_structure_serializer(structure, quote!(crate::types::#name))
    });
    quote! {
        use crate::json_writer::JsonObjectWriter;

        #(#inputs)*
        #(#shared)*
    }
}

fn emit_structure_serializer(structure: &StructureIr, path: TokenStream) -> TokenStream {
    let function = ident(&structure.serializer_fn);
    let writes = structure.members.iter().map(emit_member_write);
    let input = if structure.members.is_empty() {
        quote!(_input)
    } else {
        quote!(input)
    };
    quote! {
        pub(crate) fn #function(object: &mut JsonObjectWriter<'_>, #input: &#path) {
            #(#writes)*
        }
    }
}

fn emit_member_write(member: &MemberIr) -> TokenStream {
    let field = ident(&member.field);
    let key = &member.wire_name;
    let write = emit_value_write(quote!(object.key(#key)), quote!(value), &member.ty, 0);
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
fn emit_value_write(writer: TokenStream, value: TokenStream, ty: &RustType, depth: usize) -> TokenStream {
    match ty {
        RustType::String => quote!(#writer.string(#value);),
        RustType::Bool => quote!(#writer.boolean(*#value);),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
            quote!(#writer.integer(::std::convert::Into::<i64>::into(*#value));)
        }
        RustType::F32 => quote!(#writer.float(::std::convert::Into::<f64>::into(*#value));),
        RustType::F64 => quote!(#writer.float(*#value);),
        RustType::Enum(_) => quote!(#writer.string(#value.as_str());),
        RustType::Structure(name) => {
            let function = ident(&serializer_fn(name));
            let object = format_ident!("object_{}", depth);
            quote! {
                let mut #object = #writer.start_object();
                crate::protocol_serde::#function(&mut #object, #value);
                #object.finish();
            }
        }
        RustType::List(element) => {
            let array = format_ident!("array_{}", depth);
            let item = format_ident!("item_{}", depth);
            let write = emit_value_write(quote!(#array.value()), quote!(#item), element, depth + 1);
            quote! {
                let mut #array = #writer.start_array();
                for #item in #value {
                    #write
                }
                #array.finish();
            }
        }
        RustType::Map(value_ty) => {
            let object = format_ident!("map_{}", depth);
            let key = format_ident!("key_{}", depth);
            let entry = format_ident!("value_{}", depth);
            let write = emit_value_write(quote!(#object.key(#key)), quote!(#entry), value_ty, depth + 1);
            quote! {
                let mut #object = #writer.start_object();
                for (#key, #entry) in #value {
                    #write
                }
                #object.finish();
            }
        }
    }
}
