//! The `endpoint` module: `Params`, its builder, the partition table and `resolve_endpoint`,
//! the rule set written out as nested `if`s that return; and its `tests` module, one test per
//! case of the model's endpoint tests.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{doc_attrs, ident};
use crate::endpoint::ir::*;

/// The support module the resolver calls, imported by name into the `endpoint` module.
fn lib() -> TokenStream {
    quote!(endpoint_lib)
}

pub(crate) fn emit_endpoint_module(endpoints: &EndpointIr) -> TokenStream {
    let params = emit_params(&endpoints.params);
    let builder = emit_params_builder(&endpoints.params);
    let partitions = endpoints.uses_partitions().then(|| emit_partitions(&endpoints.partitions));
    let body = emit_rules(&endpoints.rules, true);
    let lib = lib();
    quote! {
        use crate::endpoint_lib;

        pub use #lib::{AuthScheme, Endpoint, ResolveEndpointError};

        #params
        #builder
        #partitions

        /// Resolves the endpoint for `params` by the service's endpoint rules: the URL to
        /// send requests to, with the headers and signing properties the rules give, or the
        /// rules' error for parameters they reject.
        pub fn resolve_endpoint(params: &Params) -> Result<Endpoint, ResolveEndpointError> {
            #body
        }
    }
}

/// The Rust type of a parameter's value.
fn value_type(kind: ParameterKind) -> TokenStream {
    match kind {
        ParameterKind::String => quote!(String),
        ParameterKind::Boolean => quote!(bool),
        ParameterKind::StringArray => quote!(Vec<String>),
    }
}

fn field_type(param: &ParamIr) -> TokenStream {
    let ty = value_type(param.kind);
    if param.is_optional() {
        quote!(Option<#ty>)
    } else {
        ty
    }
}

fn emit_params(params: &[ParamIr]) -> TokenStream {
    let fields = params.iter().map(|param| {
        let field = ident(&param.field);
        let ty = field_type(param);
        quote!(#field: #ty,)
    });
    let getters = params.iter().map(|param| {
        let field = ident(&param.field);
        let doc = doc_attrs(&param.doc, &format!("The `{}` parameter.", param.name));
        let deprecated = param.deprecated.as_ref().map(|note| {
            let note = format!(" Deprecated: {note}");
            quote!(#[doc = ""] #[doc = #note])
        });
        let (ty, body) = match (param.kind, param.is_optional()) {
            (ParameterKind::String, true) => (quote!(Option<&str>), quote!(self.#field.as_deref())),
            (ParameterKind::String, false) => (quote!(&str), quote!(&self.#field)),
            (ParameterKind::Boolean, true) => (quote!(Option<bool>), quote!(self.#field)),
            (ParameterKind::Boolean, false) => (quote!(bool), quote!(self.#field)),
            (ParameterKind::StringArray, true) => (quote!(Option<&[String]>), quote!(self.#field.as_deref())),
            (ParameterKind::StringArray, false) => (quote!(&[String]), quote!(&self.#field)),
        };
        quote! {
            #doc
            #deprecated
            pub fn #field(&self) -> #ty {
                #body
            }
        }
    });
    quote! {
        /// The inputs of endpoint resolution, one per parameter of the service's endpoint
        /// rules. Build one with [`Params::builder`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Params {
            #(#fields)*
        }

        impl Params {
            /// A builder with every parameter unset (defaults apply at `build`).
            pub fn builder() -> ParamsBuilder {
                ParamsBuilder::default()
            }

            #(#getters)*
        }
    }
}

fn emit_params_builder(params: &[ParamIr]) -> TokenStream {
    let fields = params.iter().map(|param| {
        let field = ident(&param.field);
        let ty = value_type(param.kind);
        quote!(#field: Option<#ty>,)
    });
    let setters = params.iter().map(|param| {
        let field = ident(&param.field);
        let setter = ident(&format!("set_{}", param.field.trim_start_matches("r#")));
        let doc = doc_attrs(&param.doc, &format!("Sets the `{}` parameter.", param.name));
        let ty = value_type(param.kind);
        let (arg, value) = match param.kind {
            ParameterKind::String => (quote!(impl Into<String>), quote!(value.into())),
            ParameterKind::Boolean | ParameterKind::StringArray => (ty.clone(), quote!(value)),
        };
        quote! {
            #doc
            #[must_use]
            pub fn #field(mut self, value: #arg) -> Self {
                self.#field = Some(#value);
                self
            }

            #doc
            #[must_use]
            pub fn #setter(mut self, value: Option<#ty>) -> Self {
                self.#field = value;
                self
            }
        }
    });
    let values = params.iter().map(|param| {
        let field = ident(&param.field);
        let value = match (&param.default, param.required) {
            (Some(default), _) => {
                let default = param_value_tokens(default);
                // A literal bool costs nothing to build; strings are built only when unset.
                if param.kind == ParameterKind::Boolean {
                    quote!(self.#field.unwrap_or(#default))
                } else {
                    quote!(self.#field.unwrap_or_else(|| #default))
                }
            }
            (None, true) => {
                let name = &param.field;
                let details = format!("the endpoint parameter `{}` is required", param.name);
                quote!(self.#field.ok_or_else(|| crate::error::BuildError::missing_field(#name, #details))?)
            }
            (None, false) => quote!(self.#field),
        };
        quote!(#field: #value,)
    });
    quote! {
        /// Builds [`Params`].
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct ParamsBuilder {
            #(#fields)*
        }

        impl ParamsBuilder {
            #(#setters)*

            /// The parameters, defaults filled in; fails when a required one is unset.
            pub fn build(self) -> Result<Params, crate::error::BuildError> {
                Ok(Params {
                    #(#values)*
                })
            }
        }
    }
}

pub(crate) fn param_value_tokens(value: &ParamValue) -> TokenStream {
    match value {
        ParamValue::String(text) => quote!(String::from(#text)),
        ParamValue::Bool(value) => quote!(#value),
        ParamValue::StringArray(items) => quote!(vec![#(String::from(#items)),*]),
    }
}

fn emit_partitions(partitions: &[PartitionIr]) -> TokenStream {
    let lib = lib();
    let entries = partitions.iter().map(|partition| {
        let id = &partition.id;
        let outputs = outputs_tokens(&partition.outputs);
        let regions = partition.regions.iter().map(|(region, _)| region);
        let overrides = partition.regions.iter().filter_map(|(region, outputs)| {
            let outputs = outputs_tokens(outputs.as_ref()?);
            Some(quote!((#region, #outputs)))
        });
        let pieces = partition.region_pattern.iter().map(|piece| match piece {
            RegionPatternPiece::Literal(text) => quote!(#lib::RegionPiece::Literal(#text)),
            RegionPatternPiece::OneOf(options) => quote!(#lib::RegionPiece::OneOf(&[#(#options),*])),
            RegionPatternPiece::Word => quote!(#lib::RegionPiece::Word),
            RegionPatternPiece::Digits => quote!(#lib::RegionPiece::Digits),
        });
        quote! {
            #lib::PartitionEntry {
                id: #id,
                outputs: #outputs,
                regions: &[#(#regions),*],
                region_overrides: &[#(#overrides),*],
                region_pattern: &[#(#pieces),*],
            }
        }
    });
    quote! {
        /// The AWS partitions `aws.partition` chooses from (from `partitions.json`).
        static PARTITIONS: &[#lib::PartitionEntry] = &[#(#entries),*];
    }
}

fn outputs_tokens(outputs: &PartitionOutputs) -> TokenStream {
    let lib = lib();
    let PartitionOutputs {
        name,
        dns_suffix,
        dual_stack_dns_suffix,
        implicit_global_region,
        supports_fips,
        supports_dual_stack,
    } = outputs;
    quote! {
        #lib::Partition {
            name: #name,
            dns_suffix: #dns_suffix,
            dual_stack_dns_suffix: #dual_stack_dns_suffix,
            implicit_global_region: #implicit_global_region,
            supports_fips: #supports_fips,
            supports_dual_stack: #supports_dual_stack,
        }
    }
}

/// Rules in order, each returning when it matches. In tail position (the end of the
/// function) the last result is the function's value rather than a `return`.
fn emit_rules(rules: &[RuleIr], tail: bool) -> TokenStream {
    let mut tokens = TokenStream::new();
    for rule in rules {
        if rule.conditions.iter().any(|c| matches!(c, ConditionIr::Holds(ExprIr { kind: ExprKind::Bool(false), .. }))) {
            continue;
        }
        let conditions: Vec<&ConditionIr> = rule
            .conditions
            .iter()
            .filter(|c| !matches!(c, ConditionIr::Holds(ExprIr { kind: ExprKind::Bool(true), .. })))
            .collect();
        if conditions.is_empty() {
            // Later rules cannot be reached.
            tokens.extend(emit_outcome(&rule.outcome, tail));
            return tokens;
        }
        let body = emit_outcome(&rule.outcome, false);
        tokens.extend(guard(&conditions, &rule.outcome, body));
    }
    let lib = lib();
    let exhausted = quote!(Err(#lib::ResolveEndpointError::new(
        "no endpoint rule matched these parameters"
    )));
    if tail {
        tokens.extend(exhausted);
    } else {
        tokens.extend(quote!(return #exhausted;));
    }
    tokens
}

fn emit_outcome(outcome: &OutcomeIr, tail: bool) -> TokenStream {
    let lib = lib();
    let value = match outcome {
        OutcomeIr::Tree(rules) => return emit_rules(rules, tail),
        OutcomeIr::Error(message) => {
            let message = expr_tokens(message);
            quote!(Err(#lib::ResolveEndpointError::new(#message)))
        }
        OutcomeIr::Endpoint { url, headers, properties } => {
            let url = expr_tokens(url);
            let headers = headers.iter().flat_map(|(name, values)| {
                values.iter().map(move |value| {
                    let value = expr_tokens(value);
                    quote!(.with_header(#name, #value))
                })
            });
            let properties = properties.iter().map(|(name, value)| {
                let value = property_tokens(value);
                quote!(.with_property(#name, #value))
            });
            quote!(Ok(#lib::Endpoint::new(#url) #(#headers)* #(#properties)*))
        }
    };
    if tail {
        value
    } else {
        quote!(return #value;)
    }
}

fn property_tokens(property: &PropertyIr) -> TokenStream {
    let document = quote!(crate::primitives::Document);
    match property {
        PropertyIr::Value(value) => {
            let tokens = expr_tokens(value);
            match value.ty {
                Ty::Bool => quote!(#document::Bool(#tokens)),
                Ty::String => quote!(#document::String(#tokens)),
                _ => quote!(#document::String(String::from(#tokens))),
            }
        }
        PropertyIr::Int(value) => {
            if let Ok(positive) = u64::try_from(*value) {
                quote!(#document::Number(crate::primitives::Number::PosInt(#positive)))
            } else {
                quote!(#document::Number(crate::primitives::Number::NegInt(#value)))
            }
        }
        PropertyIr::Array(items) => {
            let items = items.iter().map(property_tokens);
            quote!(#document::Array(vec![#(#items),*]))
        }
        PropertyIr::Object(entries) if entries.is_empty() => quote!(#document::Object(::std::collections::HashMap::new())),
        PropertyIr::Object(entries) => {
            let entries = entries.iter().map(|(key, value)| {
                let value = property_tokens(value);
                quote!((String::from(#key), #value))
            });
            quote!(#document::Object(::std::collections::HashMap::from([#(#entries),*])))
        }
    }
}

/// Wraps `body` in the conditions, innermost last: runs of plain tests join with `&&`,
/// bindings become `if let` or `let`. A binding nothing reads becomes a plain test.
fn guard(conditions: &[&ConditionIr], outcome: &OutcomeIr, body: TokenStream) -> TokenStream {
    let mut tokens = body;
    let mut tests: Vec<TokenStream> = Vec::new();
    let flush = |tests: &mut Vec<TokenStream>, tokens: TokenStream| -> TokenStream {
        if tests.is_empty() {
            return tokens;
        }
        tests.reverse();
        let joined = std::mem::take(tests);
        quote!(if #(#joined)&&* { #tokens })
    };
    for (index, condition) in conditions.iter().enumerate().rev() {
        let later = &conditions[index + 1..];
        match condition {
            ConditionIr::Holds(expr) => tests.push(expr_tokens(expr)),
            ConditionIr::IsSome(expr) => {
                let expr = expr_tokens(expr);
                tests.push(quote!(#expr.is_some()));
            }
            ConditionIr::BindSome { local, expr } => {
                let value = expr_tokens(expr);
                if is_read(local, later, outcome) {
                    tokens = flush(&mut tests, tokens);
                    let local = ident(local);
                    tokens = quote!(if let Some(#local) = #value { #tokens });
                } else {
                    tests.push(quote!(#value.is_some()));
                }
            }
            ConditionIr::Bind { local, expr } => {
                tokens = flush(&mut tests, tokens);
                if is_read(local, later, outcome) {
                    let local = ident(local);
                    let value = expr_tokens(expr);
                    tokens = quote!({ let #local = #value; #tokens });
                }
            }
        }
    }
    flush(&mut tests, tokens)
}

fn is_read(local: &str, conditions: &[&ConditionIr], outcome: &OutcomeIr) -> bool {
    let reads = |expr: &ExprIr| matches!(&expr.kind, ExprKind::Local(name) if name == local);
    conditions.iter().any(|condition| condition.expr().any(&reads)) || outcome.any_expr(&reads)
}

/// The Rust expression of `expr`, of the type its [`Ty`] names.
fn expr_tokens(expr: &ExprIr) -> TokenStream {
    match &expr.kind {
        ExprKind::Str(text) => quote!(#text),
        ExprKind::Bool(value) => quote!(#value),
        ExprKind::Int(value) => {
            let value = Literal::i64_unsuffixed(*value);
            quote!(#value)
        }
        ExprKind::Template(pieces) => template_tokens(pieces),
        ExprKind::Param(field) => {
            let field = ident(field);
            match (expr.ty, expr.optional) {
                (Ty::Bool, _) => quote!(params.#field),
                (_, true) => quote!(params.#field.as_deref()),
                (Ty::StrList, false) => quote!(params.#field.as_slice()),
                (_, false) => quote!(params.#field.as_str()),
            }
        }
        ExprKind::Local(name) => {
            let name = ident(name);
            quote!(#name)
        }
        ExprKind::Not(inner) => match &inner.kind {
            ExprKind::IsSet(value) => {
                let value = expr_tokens(value);
                quote!(#value.is_none())
            }
            ExprKind::StringEquals(a, b) if is_empty_literal(a) || is_empty_literal(b) => {
                let value = expr_tokens(if is_empty_literal(a) { b } else { a });
                quote!(!#value.is_empty())
            }
            ExprKind::BoolEquals(a, b) | ExprKind::StringEquals(a, b) => {
                let (a, b) = (expr_tokens(a), expr_tokens(b));
                quote!(#a != #b)
            }
            _ => {
                let inner = expr_tokens(inner);
                quote!(!#inner)
            }
        },
        ExprKind::StringEquals(a, b) if is_empty_literal(a) || is_empty_literal(b) => {
            let value = expr_tokens(if is_empty_literal(a) { b } else { a });
            quote!(#value.is_empty())
        }
        ExprKind::BoolEquals(a, b) | ExprKind::StringEquals(a, b) => {
            let (a, b) = (expr_tokens(a), expr_tokens(b));
            quote!(#a == #b)
        }
        ExprKind::IsSet(value) => {
            let value = expr_tokens(value);
            quote!(#value.is_some())
        }
        ExprKind::Call(function, args) => {
            let lib = lib();
            let name = ident(function.rust_name());
            let args = args.iter().map(arg_tokens);
            if *function == Function::Partition {
                quote!(#lib::#name(PARTITIONS, #(#args),*))
            } else {
                quote!(#lib::#name(#(#args),*))
            }
        }
        ExprKind::Attr(base, accessor) => {
            let base = expr_tokens(base);
            let accessor = ident(accessor);
            quote!(#base.#accessor())
        }
        ExprKind::Index(base, index) => {
            let base = expr_tokens(base);
            if *index == 0 {
                quote!(#base.first().map(String::as_str))
            } else {
                let index = Literal::usize_unsuffixed(*index);
                quote!(#base.get(#index).map(String::as_str))
            }
        }
    }
}

fn is_empty_literal(expr: &ExprIr) -> bool {
    matches!(&expr.kind, ExprKind::Str(text) if text.is_empty())
}

/// A function argument: strings are passed as `&str`.
fn arg_tokens(arg: &ExprIr) -> TokenStream {
    let tokens = expr_tokens(arg);
    if arg.ty == Ty::String {
        quote!(&#tokens)
    } else {
        tokens
    }
}

/// `format!` of a template; plain locals are inlined into the format string.
fn template_tokens(pieces: &[TemplatePiece]) -> TokenStream {
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in pieces {
        match piece {
            TemplatePiece::Literal(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            TemplatePiece::Value(ExprIr { kind: ExprKind::Local(name), .. }) if !name.starts_with("r#") => {
                format.push('{');
                format.push_str(name);
                format.push('}');
            }
            TemplatePiece::Value(value) => {
                format.push_str("{}");
                args.push(expr_tokens(value));
            }
        }
    }
    quote!(format!(#format #(, #args)*))
}

/// One `#[test]` per endpoint test case of the model, against the crate's public API.
pub(crate) fn emit_endpoint_tests(endpoints: &EndpointIr) -> TokenStream {
    let width = endpoints.cases.len().saturating_sub(1).to_string().len();
    let tests = endpoints.cases.iter().enumerate().map(|(index, case)| {
        let name = ident(&test_name(index, width, &case.doc));
        let doc = doc_attrs(&case.doc, "A case of the model's endpoint tests.");
        let setters = case.params.iter().map(|(param, value)| {
            let field = ident(&param.field);
            let value = match value {
                ParamValue::String(text) => quote!(#text),
                other => param_value_tokens(other),
            };
            quote!(.#field(#value))
        });
        let params = quote!(Params::builder() #(#setters)* .build().expect("the case's parameters are valid"));
        let checks = match &case.expect {
            CaseExpectation::Error(message) => quote! {
                let error = resolve_endpoint(&params).expect_err("the rules reject these parameters");
                assert_eq!(error.message(), #message);
            },
            CaseExpectation::Endpoint { url, headers, properties } => {
                let headers = if headers.is_empty() {
                    quote!(assert!(endpoint.headers().is_empty(), "unexpected headers {:?}", endpoint.headers());)
                } else {
                    let entries = headers.iter().map(|(name, values)| {
                        quote!((String::from(#name), vec![#(String::from(#values)),*]))
                    });
                    quote!(assert_eq!(*endpoint.headers(), ::std::collections::BTreeMap::from([#(#entries),*]));)
                };
                let primitives = quote!(crate::primitives);
                let properties = if properties.is_empty() {
                    quote!(assert!(endpoint.properties().is_empty(), "unexpected properties {:?}", endpoint.properties());)
                } else {
                    let entries = properties.iter().map(|(name, value)| {
                        let value = super::document_tokens(value, &primitives);
                        quote!((String::from(#name), #value))
                    });
                    quote!(assert_eq!(*endpoint.properties(), ::std::collections::BTreeMap::from([#(#entries),*]));)
                };
                quote! {
                    let endpoint = resolve_endpoint(&params).expect("the rules give an endpoint");
                    assert_eq!(endpoint.url(), #url);
                    #headers
                    #properties
                }
            }
        };
        quote! {
            #doc
            #[test]
            fn #name() {
                let params = #params;
                #checks
            }
        }
    });
    quote! {
        use super::{resolve_endpoint, Params};

        #(#tests)*
    }
}

/// `case_07_for_region_us_east_1_with_fips_enabled`: numbered in model order, named by the
/// first words of the case's description.
fn test_name(index: usize, width: usize, doc: &str) -> String {
    let mut name = format!("case_{index:0width$}");
    let words = doc.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    for word in words.take(10) {
        name.push('_');
        name.push_str(&word.to_ascii_lowercase());
    }
    name
}
