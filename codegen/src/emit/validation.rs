//! Client-side validation: `validate()` on every operation input, and one checker per
//! structure or union a request can hold, testing every constraint and collecting every
//! violation with its path.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ident;
use crate::ir::{validator_fn, Constraints, CrateIr, MapKey, MemberIr, RustType, StructureIr, UnionIr};

/// Structures and unions with a constraint somewhere inside them; the others need no
/// checking, and their checkers are not called.
fn needing_checks(krate: &CrateIr) -> BTreeSet<String> {
    let mut needing = BTreeSet::new();
    loop {
        let before = needing.len();
        for structure in krate.structures.iter().chain(krate.operations.iter().map(|op| &op.input)) {
            if structure.members.iter().any(|m| type_needs_check(&m.ty, &m.constraints, &needing)) {
                needing.insert(structure.rust_name.clone());
            }
        }
        for union in &krate.unions {
            let any = union.variants.iter().any(|v| v.ty.as_ref().is_some_and(|ty| type_needs_check(ty, &v.constraints, &needing)));
            if any {
                needing.insert(union.rust_name.clone());
            }
        }
        if needing.len() == before {
            return needing;
        }
    }
}

fn type_needs_check(ty: &RustType, constraints: &Constraints, needing: &BTreeSet<String>) -> bool {
    if !constraints.is_empty() {
        return true;
    }
    match ty {
        RustType::Structure(name) | RustType::Union(name) => needing.contains(name),
        RustType::Boxed(inner) | RustType::List { element: inner, .. } | RustType::Map { value: inner, .. } => {
            type_needs_check(inner, &Constraints::default(), needing)
        }
        _ => false,
    }
}

/// The `constraints` module.
pub(crate) fn emit_validation(krate: &CrateIr) -> TokenStream {
    let needing = needing_checks(krate);
    let entry_points = krate.operations.iter().map(|operation| {
        let module = ident(&operation.module);
        let input = ident(&operation.input.rust_name);
        let operation_type = ident(&operation.name);
        let checker = ident(&operation.input.validator_fn);
        quote! {
            impl crate::operation::#module::#input {
                /// Checks every constraint the model states (required members, lengths,
                /// patterns, ranges, unique items), here and in every nested value, and
                /// reports all violations at once with their paths.
                pub fn validate(&self) -> ::std::result::Result<(), crate::validation::ValidationError> {
                    let mut validator = Validator::default();
                    #checker(self, "", &mut validator);
                    validator.finish()
                }
            }

            impl crate::operation::#module::#operation_type {
                /// Validates `input` and, only if it breaks no constraint, serializes it as
                /// [`serialize_request`](Self::serialize_request) does.
                pub fn serialize_validated_request(
                    input: &crate::operation::#module::#input,
                ) -> ::std::result::Result<crate::http::HttpRequest, crate::validation::ValidationError> {
                    input.validate()?;
                    ::std::result::Result::Ok(Self::serialize_request(input))
                }
            }
        }
    });
    let inputs = krate.operations.iter().map(|operation| {
        let module = ident(&operation.module);
        let name = ident(&operation.input.rust_name);
        emit_structure_checker(&operation.input, quote!(crate::operation::#module::#name), &needing)
    });
    let structures = krate.structures.iter().filter(|s| s.serialized && needing.contains(&s.rust_name)).map(|structure| {
        let name = ident(&structure.rust_name);
        emit_structure_checker(structure, quote!(crate::types::#name), &needing)
    });
    let unions = krate
        .unions
        .iter()
        .filter(|u| u.serialized && needing.contains(&u.rust_name))
        .map(|union| emit_union_checker(union, &needing));
    quote! {
        //! Constraint checks generated from the model.

        use crate::validation::Validator;

        #(#entry_points)*
        #(#inputs)*
        #(#structures)*
        #(#unions)*
    }
}

fn checker_signature(function: &str, path: TokenStream, body: &[TokenStream]) -> TokenStream {
    let function = ident(function);
    if body.is_empty() {
        quote! {
            pub(crate) fn #function(_value: &#path, _path: &str, _validator: &mut Validator) {}
        }
    } else {
        quote! {
            pub(crate) fn #function(value: &#path, path: &str, validator: &mut Validator) {
                #(#body)*
            }
        }
    }
}

fn emit_structure_checker(structure: &StructureIr, path: TokenStream, needing: &BTreeSet<String>) -> TokenStream {
    let body: Vec<TokenStream> = structure.members.iter().filter_map(|m| emit_member_check(m, needing)).collect();
    checker_signature(&structure.validator_fn, path, &body)
}

fn emit_union_checker(union: &UnionIr, needing: &BTreeSet<String>) -> TokenStream {
    let name = ident(&union.rust_name);
    let arms: Vec<TokenStream> = union
        .variants
        .iter()
        .filter_map(|variant| {
            let ty = variant.ty.as_ref()?;
            let wire = &variant.wire_name;
            let path = quote!(crate::validation::member_path(path, #wire));
            let checks = emit_value_check(quote!(inner), ty, &variant.constraints, path, variant.sensitive, 0, needing)?;
            let variant_name = ident(&variant.name);
            Some(quote!(crate::types::#name::#variant_name(inner) => { #checks }))
        })
        .collect();
    let body = if arms.is_empty() {
        Vec::new()
    } else {
        vec![quote! {
            #[allow(clippy::single_match, unreachable_patterns)]
            match value {
                #(#arms)*
                _ => {}
            }
        }]
    };
    checker_signature(&union.validator_fn, quote!(crate::types::#name), &body)
}

/// The checks for one member, or `None` when it has nothing to check.
fn emit_member_check(member: &MemberIr, needing: &BTreeSet<String>) -> Option<TokenStream> {
    let field = ident(&member.field);
    let wire = &member.wire_name;
    let path = quote!(crate::validation::member_path(path, #wire));
    let checks = emit_value_check(quote!(inner), &member.ty, &member.constraints, path.clone(), member.sensitive, 0, needing);
    if member.optional {
        let missing = member.constraints.required.then(|| quote!(validator.missing(|| #path);));
        if checks.is_none() && missing.is_none() {
            return None;
        }
        Some(match (checks, missing) {
            (None, Some(absent)) => quote! {
                if value.#field.is_none() { #absent }
            },
            (Some(present), Some(absent)) => quote! {
                if let ::std::option::Option::Some(inner) = &value.#field { #present } else { #absent }
            },
            (Some(present), None) => quote! {
                if let ::std::option::Option::Some(inner) = &value.#field { #present }
            },
            (None, None) => return None,
        })
    } else {
        let checks = checks?;
        Some(quote! {
            {
                let inner = &value.#field;
                #checks
            }
        })
    }
}

/// Checks on `value` (a reference to a `ty`) at the path `path` (a `String` expression);
/// `None` when nothing applies.
fn emit_value_check(
    value: TokenStream,
    ty: &RustType,
    constraints: &Constraints,
    path: TokenStream,
    sensitive: bool,
    depth: usize,
    needing: &BTreeSet<String>,
) -> Option<TokenStream> {
    let mut checks = Vec::new();
    if let Some((min, max)) = constraints.length {
        let count = match ty {
            RustType::String => Some(quote!(#value.chars().count())),
            RustType::Blob => Some(quote!(::std::convert::AsRef::<[u8]>::as_ref(#value).len())),
            RustType::List { .. } | RustType::Map { .. } => Some(quote!(#value.len())),
            _ => None,
        };
        if let Some(count) = count {
            let (min, max) = (option_tokens(min), option_tokens(max));
            checks.push(quote!(validator.length(|| #path, #count, #min, #max, #value, #sensitive);));
        }
    }
    if let (Some(pattern), RustType::String) = (&constraints.pattern, ty) {
        // A block of its own, so that each pattern has its own compiled-once static.
        checks.push(quote! {
            {
                static PATTERN: crate::validation::Pattern = ::std::sync::OnceLock::new();
                validator.pattern(|| #path, #value, &PATTERN, #pattern, #sensitive);
            }
        });
    }
    if let Some((min, max)) = constraints.range {
        let integer = |bound: Option<f64>, up: bool| {
            option_tokens(bound.map(|b| if up { b.ceil() } else { b.floor() } as i64))
        };
        match ty {
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
                let (min, max) = (integer(min, true), integer(max, false));
                checks.push(quote!(validator.range_integer(|| #path, ::std::convert::Into::<i64>::into(*#value), #min, #max, #sensitive);));
            }
            RustType::F32 | RustType::F64 => {
                let (min, max) = (option_tokens(min), option_tokens(max));
                checks.push(quote!(validator.range_float(|| #path, ::std::convert::Into::<f64>::into(*#value), #min, #max, #sensitive);));
            }
            RustType::BigInteger | RustType::BigDecimal => {
                let (min, max) = (option_tokens(min), option_tokens(max));
                checks.push(quote! {
                    validator.range_float(|| #path, #value.as_str().parse::<f64>().unwrap_or(f64::NAN), #min, #max, #sensitive);
                });
            }
            _ => {}
        }
    }
    if constraints.unique_items {
        if let RustType::List { .. } = ty {
            checks.push(quote!(validator.unique(|| #path, #value, #sensitive);));
        }
    }
    match ty {
        RustType::Structure(name) | RustType::Union(name) if needing.contains(name) => {
            let checker = ident(&validator_fn(name));
            checks.push(quote!(#checker(#value, &#path, validator);));
        }
        RustType::Boxed(inner) => {
            if let Some(check) =
                emit_value_check(quote!(::std::convert::AsRef::as_ref(#value)), inner, constraints, path.clone(), sensitive, depth, needing)
            {
                checks.push(check);
            }
        }
        RustType::List { element, sparse } => {
            let item = format_ident!("item_{}", depth);
            let index = format_ident!("index_{}", depth);
            let element_constraints = constraints.element.as_deref().cloned().unwrap_or_default();
            let item_path = quote!(crate::validation::index_path(&#path, #index));
            if let Some(check) = emit_value_check(quote!(#item), element, &element_constraints, item_path, sensitive, depth + 1, needing) {
                let body = if *sparse {
                    quote!(if let ::std::option::Option::Some(#item) = #item { #check })
                } else {
                    check
                };
                checks.push(quote! {
                    for (#index, #item) in #value.iter().enumerate() {
                        #body
                    }
                });
            }
        }
        RustType::Map { key, value: value_ty, sparse } => {
            let key_binding = format_ident!("key_{}", depth);
            let entry = format_ident!("value_{}", depth);
            let key_text = quote!(#key_binding.as_str());
            let entry_path = quote!(crate::validation::key_path(&#path, #key_text));
            let key_constraints = constraints.key.as_deref().cloned().unwrap_or_default();
            let key_check = match key {
                MapKey::String => emit_value_check(quote!(#key_binding), &RustType::String, &key_constraints, entry_path.clone(), sensitive, depth + 1, needing),
                MapKey::Enum(_) => None,
            };
            let value_constraints = constraints.element.as_deref().cloned().unwrap_or_default();
            let value_check = emit_value_check(quote!(#entry), value_ty, &value_constraints, entry_path, sensitive, depth + 1, needing)
                .map(|check| if *sparse { quote!(if let ::std::option::Option::Some(#entry) = #entry { #check }) } else { check });
            // Every check names the entry's key in its path, so the key is always bound.
            if key_check.is_some() || value_check.is_some() {
                let entries = if value_check.is_some() {
                    quote!((#key_binding, #entry) in #value)
                } else {
                    quote!(#key_binding in #value.keys())
                };
                let (key_check, value_check) = (key_check.unwrap_or_default(), value_check.unwrap_or_default());
                checks.push(quote! {
                    for #entries {
                        #key_check
                        #value_check
                    }
                });
            }
        }
        _ => {}
    }
    (!checks.is_empty()).then(|| quote!(#(#checks)*))
}

fn option_tokens<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote!(::std::option::Option::Some(#value)),
        None => quote!(::std::option::Option::None),
    }
}
