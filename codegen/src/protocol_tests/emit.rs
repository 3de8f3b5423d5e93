//! Test IR → Rust: one `#[test]` per case, calling the generated bindings under `root` and
//! the checks of the support crate under `support`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::ir::{
    CaseKind, ErrorCase, ExpectedBody, FieldValue, RequestCase, ResponseCase, ResponseFixture, StructureValue,
    TestCase, TestValue,
};
use crate::emit::{doc_attrs, ident};
use crate::ir::{DefaultValue, RustType};

/// Paths the generated tests use: the bindings' root module and the support library.
pub struct Paths {
    pub root: TokenStream,
    pub support: TokenStream,
}

/// The tests in one module per kind (`request`, `response`, `error`), since a request case and
/// a response case often share an id.
pub fn emit_tests(cases: &[TestCase], paths: &Paths) -> TokenStream {
    let modules = ["request", "response", "error"].map(|kind| {
        let tests = cases
            .iter()
            .filter(|case| case.kind.label() == kind)
            .map(|case| emit_case(case, paths))
            .collect::<Vec<_>>();
        if tests.is_empty() {
            return TokenStream::new();
        }
        let module = ident(kind);
        quote!(mod #module { #(#tests)* })
    });
    quote!(#(#modules)*)
}

fn emit_case(case: &TestCase, paths: &Paths) -> TokenStream {
    let name = ident(&case.id);
    let doc = doc_attrs(&case.doc, &format!("Protocol test `{}`.", case.id));
    let location = format!(" From `{}` ({} case).", case.shape, case.kind.label());
    let ignore = case.skip.as_ref().map(|reason| quote!(#[ignore = #reason]));
    let body = match &case.kind {
        CaseKind::Request(request) => emit_request(case, request, paths),
        CaseKind::Response(response) => emit_response(case, response, paths),
        CaseKind::Error(error) => emit_error(case, error, paths),
    };
    quote! {
        #doc
        #[doc = ""]
        #[doc = #location]
        #[test]
        #ignore
        #[allow(non_snake_case, reason = "the test is named after the Smithy case id")]
        fn #name() {
            #body
        }
    }
}

fn operation_path(case: &TestCase, paths: &Paths) -> TokenStream {
    let root = &paths.root;
    let module = ident(&case.operation.module);
    let name = ident(&case.operation.name);
    quote!(#root::operation::#module::#name)
}

fn emit_request(case: &TestCase, request: &RequestCase, paths: &Paths) -> TokenStream {
    let support = &paths.support;
    let operation = operation_path(case, paths);
    let input = value_tokens(&request.input, paths);
    let method = &request.method;
    let uri = &request.uri;
    let headers = pairs(&request.headers);
    let forbid_headers = &request.forbid_headers;
    let require_headers = &request.require_headers;
    let query_params = &request.query_params;
    let forbid_query_params = &request.forbid_query_params;
    let require_query_params = &request.require_query_params;
    let body = match &request.body {
        Some(body) => {
            let body = body_tokens(body, support);
            quote!(::std::option::Option::Some(#body))
        }
        None => quote!(::std::option::Option::None),
    };
    // With a `host`, the case's `uri` is the path on the wire, after the endpoint's own path.
    let (resolve_url, actual_uri) = match &request.host {
        Some(host) => {
            let endpoint = format!("https://{host}");
            // Without `resolvedHost` the request goes to the configured host itself.
            let expected_host = request
                .resolved_host
                .clone()
                .unwrap_or_else(|| host.split('/').next().unwrap_or(host).to_owned());
            let resolve = quote! {
                let url = request.url_for(#endpoint).expect("the request resolves against the case's endpoint");
                let (host, target) = #support::split_url(&url);
                ::std::assert_eq!(host, #expected_host, "the host the request is sent to");
            };
            (resolve, quote!(target))
        }
        None => (TokenStream::new(), quote!(request.uri())),
    };
    quote! {
        let input = #input;
        let request = #operation::serialize_request(&input);
        #resolve_url
        let actual = #support::ActualRequest {
            method: request.method(),
            uri: #actual_uri,
            headers: request.headers().collect(),
            body: request.body(),
        };
        #support::check_request(&actual, &#support::ExpectedRequest {
            method: #method,
            uri: #uri,
            headers: &[#(#headers),*],
            forbid_headers: &[#(#forbid_headers),*],
            require_headers: &[#(#require_headers),*],
            query_params: &[#(#query_params),*],
            forbid_query_params: &[#(#forbid_query_params),*],
            require_query_params: &[#(#require_query_params),*],
            body: #body,
        });
    }
}

fn body_tokens(body: &ExpectedBody, support: &TokenStream) -> TokenStream {
    let text = &body.text;
    match body.media_type.as_deref() {
        Some(media) if media == "application/json" || media.ends_with("+json") => quote!(#support::Body::Json(#text)),
        // An empty CBOR body is no body at all, which byte comparison checks.
        Some("application/cbor") if text.is_empty() => quote!(#support::Body::Bytes("")),
        Some("application/cbor") => quote!(#support::Body::Cbor(#text)),
        Some(media) => quote!(#support::Body::Other { media_type: #media, text: #text }),
        None => quote!(#support::Body::Bytes(#text)),
    }
}

fn pairs(entries: &[(String, String)]) -> Vec<TokenStream> {
    entries.iter().map(|(name, value)| quote!((#name, #value))).collect()
}

fn response_tokens(response: &ResponseFixture, paths: &Paths) -> TokenStream {
    let root = &paths.root;
    let status = response.status;
    let body = Literal::byte_string(&response.body);
    let headers = response.headers.iter().map(|(name, value)| quote!(.with_header(#name, #value)));
    quote!(#root::http::HttpResponse::new(#status, #body) #(#headers)*)
}

fn emit_response(case: &TestCase, response: &ResponseCase, paths: &Paths) -> TokenStream {
    let support = &paths.support;
    let operation = operation_path(case, paths);
    let fixture = response_tokens(&response.response, paths);
    let expected = value_tokens(&response.output, paths);
    let root = &paths.root;
    let request_id = match response.response.headers.iter().find(|(name, _)| name.eq_ignore_ascii_case("x-amzn-requestid")) {
        Some((_, value)) => quote!(::std::option::Option::Some(#value)),
        None => quote!(::std::option::Option::None),
    };
    quote! {
        let response = #fixture;
        let mut output = #operation::parse_response(&response).expect("the response parses as the operation's output");
        // The request id is response metadata, not a member, so params never hold it.
        ::std::assert_eq!(#root::operation::RequestId::request_id(&output), #request_id);
        output._request_id = ::std::option::Option::None;
        let expected = #expected;
        #support::assert_same(&output, &expected);
    }
}

fn emit_error(case: &TestCase, error: &ErrorCase, paths: &Paths) -> TokenStream {
    let support = &paths.support;
    let root = &paths.root;
    let operation = operation_path(case, paths);
    let module = ident(&case.operation.module);
    let error_enum = ident(&case.operation.error_enum);
    let variant = ident(&error.variant);
    let fixture = response_tokens(&error.response, paths);
    let wanted = format!("expected the `{}` error", error.variant);
    let fields = error.fields.iter().map(|expected| {
        let field = ident(&expected.field);
        let value = field_tokens(&expected.value, paths);
        let what = expected.field.trim_start_matches("r#");
        quote!(#support::assert_field(#what, &error.#field, &#value);)
    });
    let code = error.vendor_code.as_ref().map(|code| {
        quote!(::std::assert_eq!(error.code(), ::std::option::Option::Some(#code), "the error code");)
    });
    let binding = if error.fields.is_empty() && error.vendor_code.is_none() {
        quote!(_)
    } else {
        quote!(error)
    };
    quote! {
        let response = #fixture;
        let parsed = #operation::parse_response(&response).expect_err("the response is an error");
        let #root::operation::#module::#error_enum::#variant(#binding) = parsed else {
            ::std::panic!("{}, parsed {:?}", #wanted, parsed);
        };
        #(#fields)*
        #code
    }
}

fn field_tokens(value: &FieldValue, paths: &Paths) -> TokenStream {
    match value {
        FieldValue::Some(value) => {
            let value = value_tokens(value, paths);
            quote!(::std::option::Option::Some(#value))
        }
        FieldValue::Plain(value) => value_tokens(value, paths),
        FieldValue::None => quote!(::std::option::Option::None),
        FieldValue::Default(default, ty) => default_tokens(default, ty, paths),
    }
}

fn default_tokens(default: &DefaultValue, ty: &RustType, paths: &Paths) -> TokenStream {
    let root = &paths.root;
    match (default, ty) {
        (DefaultValue::Enum(value), RustType::Enum(name)) => {
            let name = ident(name);
            quote!(#root::types::#name::from(#value))
        }
        (DefaultValue::Timestamp { secs, nanos }, _) => value_tokens(&TestValue::Timestamp { secs: *secs, nanos: *nanos }, paths),
        (DefaultValue::Blob(bytes), _) => value_tokens(&TestValue::Blob(bytes.clone()), paths),
        (DefaultValue::Document(document), _) => document_tokens(document, paths),
        _ => crate::emit::default_tokens(default, ty),
    }
}

/// A Rust expression that builds `value`.
fn value_tokens(value: &TestValue, paths: &Paths) -> TokenStream {
    let root = &paths.root;
    match value {
        TestValue::String(text) => quote!(::std::string::String::from(#text)),
        TestValue::Bool(value) => quote!(#value),
        TestValue::Integer(value, ty) => integer_literal(*value, ty),
        TestValue::Float { value, single } => float_tokens(*value, *single),
        TestValue::Blob(bytes) => {
            let bytes = Literal::byte_string(bytes);
            quote!(#root::primitives::Blob::new(#bytes.to_vec()))
        }
        TestValue::Timestamp { secs, nanos } => {
            quote!(#root::primitives::DateTime::from_secs_and_nanos(#secs, #nanos))
        }
        TestValue::Document(document) => document_tokens(document, paths),
        TestValue::BigInteger(text) => {
            quote!(#text.parse::<#root::primitives::BigInteger>().expect("an integer"))
        }
        TestValue::BigDecimal(text) => {
            quote!(#text.parse::<#root::primitives::BigDecimal>().expect("a decimal number"))
        }
        TestValue::Enum { type_name, value } => {
            let name = ident(type_name);
            quote!(#root::types::#name::from(#value))
        }
        TestValue::List(items) => {
            let items = items.iter().map(|item| value_tokens(item, paths));
            quote!(::std::vec![#(#items),*])
        }
        TestValue::SparseList(items) => {
            let items = items.iter().map(|item| sparse_item(item, paths));
            quote!(::std::vec![#(#items),*])
        }
        TestValue::Null => quote!(::std::option::Option::None),
        TestValue::Map { entries, sparse } => {
            let entries = entries.iter().map(|(key, value)| {
                let key = value_tokens(key, paths);
                let value = if *sparse {
                    sparse_item(value, paths)
                } else {
                    value_tokens(value, paths)
                };
                quote!((#key, #value))
            });
            quote!(::std::collections::HashMap::from([#(#entries),*]))
        }
        TestValue::Boxed(inner) => {
            let inner = value_tokens(inner, paths);
            quote!(::std::boxed::Box::new(#inner))
        }
        TestValue::Structure(structure) => structure_tokens(structure, paths),
        TestValue::Union { type_name, variant, value } => {
            let name = ident(type_name);
            let variant = ident(variant);
            match value {
                Some(value) => {
                    let value = value_tokens(value, paths);
                    quote!(#root::types::#name::#variant(#value))
                }
                None => quote!(#root::types::#name::#variant),
            }
        }
    }
}

fn sparse_item(item: &TestValue, paths: &Paths) -> TokenStream {
    match item {
        TestValue::Null => quote!(::std::option::Option::None),
        item => {
            let item = value_tokens(item, paths);
            quote!(::std::option::Option::Some(#item))
        }
    }
}

fn structure_tokens(structure: &StructureValue, paths: &Paths) -> TokenStream {
    let root = &paths.root;
    let path = structure.path.iter().map(|segment| ident(segment));
    let setters = structure.setters.iter().map(|(setter, value)| {
        let setter = ident(setter);
        let value = value_tokens(value, paths);
        quote!(.#setter(::std::option::Option::Some(#value)))
    });
    let build = if structure.fallible {
        quote!(.build().expect("the test's params set every required member"))
    } else {
        quote!(.build())
    };
    quote!(#root #(::#path)*::builder() #(#setters)* #build)
}

fn integer_literal(value: i64, ty: &RustType) -> TokenStream {
    // The resolver checked that the value fits the type.
    let literal = match ty {
        RustType::I8 => Literal::i8_suffixed(value as i8),
        RustType::I16 => Literal::i16_suffixed(value as i16),
        RustType::I32 => Literal::i32_suffixed(value as i32),
        _ => Literal::i64_suffixed(value),
    };
    quote!(#literal)
}

fn float_tokens(value: f64, single: bool) -> TokenStream {
    let ty = if single { quote!(f32) } else { quote!(f64) };
    if value.is_nan() {
        quote!(#ty::NAN)
    } else if value == f64::INFINITY {
        quote!(#ty::INFINITY)
    } else if value == f64::NEG_INFINITY {
        quote!(#ty::NEG_INFINITY)
    } else if single {
        let literal = Literal::f32_suffixed(value as f32);
        quote!(#literal)
    } else {
        let literal = Literal::f64_suffixed(value);
        quote!(#literal)
    }
}

fn document_tokens(document: &serde_json::Value, paths: &Paths) -> TokenStream {
    let root = &paths.root;
    crate::emit::document_tokens(document, &quote!(#root::primitives))
}
