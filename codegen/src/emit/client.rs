//! The service-specific half of the opt-in client: one fluent builder per operation, the
//! client methods that start them, how each operation plugs into the shared runtime, and
//! what the runtime needs to know of the service (names, signing name, endpoint rules).
//! The runtime itself is the `runtime`, `blocking` and `client` support files.

use proc_macro2::TokenStream;
use quote::quote;

use super::builders::{collection_note, element_param, into_param};
use super::{deprecated_attr, ident, map_key_tokens, type_tokens};
use crate::ir::{CrateIr, MemberIr, OperationIr, RustType};

/// The `service` module: the runtime's view of the service, each operation's runtime
/// binding, and the client methods.
pub(crate) fn emit_service_module(krate: &CrateIr) -> TokenStream {
    let sdk_id = krate.service.sdk_id.clone().unwrap_or_else(|| krate.service.shape_name.clone());
    let env_name: String = sdk_id
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_uppercase() })
        .collect();
    let profile_key = env_name.to_ascii_lowercase();
    let signing_name = krate.service.signing_name.clone().unwrap_or_else(|| profile_key.replace('_', ""));
    let resolve = emit_resolve_endpoint(krate);
    let bindings = krate.operations.iter().map(emit_operation_binding);
    let methods: Vec<TokenStream> = krate.operations.iter().map(emit_client_method).collect();
    quote! {
        pub(crate) static SERVICE: crate::runtime::ServiceInfo = crate::runtime::ServiceInfo {
            env_name: #env_name,
            profile_key: #profile_key,
            signing_name: #signing_name,
            resolve_endpoint,
        };

        #resolve

        #(#bindings)*

        #[cfg(feature = "async")]
        impl crate::client::Client {
            #(#methods)*
        }

        #[cfg(feature = "blocking")]
        impl crate::blocking::Client {
            #(#methods)*
        }
    }
}

/// The endpoint from the rule set, its parameters filled from the configuration's
/// built-ins; or, for a model without rules, the configured URL.
fn emit_resolve_endpoint(krate: &CrateIr) -> TokenStream {
    let Some(endpoints) = &krate.endpoints else {
        return quote! {
            fn resolve_endpoint(config: &crate::config::Config) -> ::std::result::Result<crate::runtime::ResolvedEndpoint, ::std::string::String> {
                let url = config.endpoint_url.clone().ok_or_else(|| {
                    "the service model has no endpoint rules: set the endpoint with Config::builder().endpoint_url(..)".to_owned()
                })?;
                ::std::result::Result::Ok(crate::runtime::ResolvedEndpoint {
                    url,
                    headers: ::std::vec::Vec::new(),
                    signing_name: ::std::option::Option::None,
                    signing_region: ::std::option::Option::None,
                })
            }
        };
    };
    let settings = endpoints.params.iter().filter_map(|param| {
        let setter = ident(&format!("set_{}", param.field.trim_start_matches("r#")));
        let value = match param.built_in.as_deref()? {
            "AWS::Region" => quote!(config.region.clone()),
            "AWS::UseFIPS" => quote!(::std::option::Option::Some(config.use_fips)),
            "AWS::UseDualStack" => quote!(::std::option::Option::Some(config.use_dual_stack)),
            "SDK::Endpoint" => quote!(config.endpoint_url.clone()),
            _ => return None,
        };
        Some(quote!(.#setter(#value)))
    });
    quote! {
        fn resolve_endpoint(config: &crate::config::Config) -> ::std::result::Result<crate::runtime::ResolvedEndpoint, ::std::string::String> {
            let params = crate::endpoint::Params::builder()
                #(#settings)*
                .build()
                .map_err(|error| ::std::format!("the endpoint parameters are incomplete: {error}"))?;
            let endpoint = crate::endpoint::resolve_endpoint(&params)
                .map_err(|error| ::std::format!("no endpoint for {params:?}: {error}"))?;
            let sigv4 = endpoint.auth_schemes().into_iter().find(|scheme| scheme.name() == ::std::option::Option::Some("sigv4"));
            let headers = endpoint
                .headers()
                .iter()
                .flat_map(|(name, values)| values.iter().map(move |value| (name.clone(), value.clone())))
                .collect();
            ::std::result::Result::Ok(crate::runtime::ResolvedEndpoint {
                url: endpoint.url().to_owned(),
                headers,
                signing_name: sigv4.and_then(crate::endpoint_lib::AuthScheme::signing_name).map(str::to_owned),
                signing_region: sigv4.and_then(crate::endpoint_lib::AuthScheme::signing_region).map(str::to_owned),
            })
        }
    }
}

/// How one operation plugs into the runtime.
fn emit_operation_binding(operation: &OperationIr) -> TokenStream {
    let module = ident(&operation.module);
    let name = ident(&operation.name);
    let wire_name = &operation.name;
    let input = ident(&operation.input.rust_name);
    let output = ident(&operation.output.rust_name);
    let error = ident(&operation.error_enum);
    quote! {
        impl crate::runtime::Operation for crate::operation::#module::#name {
            type Input = crate::operation::#module::#input;
            type Output = crate::operation::#module::#output;
            type Error = crate::operation::#module::#error;
            const NAME: &'static str = #wire_name;

            #[cfg(feature = "validation")]
            fn check(input: &Self::Input) -> ::std::result::Result<(), crate::runtime::BoxError> {
                input.validate().map_err(::std::convert::Into::into)
            }

            #[cfg(not(feature = "validation"))]
            fn check(_input: &Self::Input) -> ::std::result::Result<(), crate::runtime::BoxError> {
                ::std::result::Result::Ok(())
            }

            fn serialize(input: &Self::Input) -> crate::http::HttpRequest {
                Self::serialize_request(input)
            }

            fn parse(response: &crate::http::HttpResponse<'_>) -> ::std::result::Result<Self::Output, Self::Error> {
                Self::parse_response(response)
            }
        }

        impl crate::runtime::CreateUnhandledError for crate::operation::#module::#error {
            fn create_unhandled_error(source: crate::runtime::BoxError) -> Self {
                Self::unhandled(source)
            }
        }
    }
}

fn fluent_builder_path(operation: &OperationIr) -> TokenStream {
    let module = ident(&operation.module);
    let builder = ident(&format!("{}FluentBuilder", operation.name));
    quote!(crate::operation::#module::builders::#builder)
}

/// `client.operation()`, on either client.
fn emit_client_method(operation: &OperationIr) -> TokenStream {
    let method = ident(&operation.module);
    let builder = fluent_builder_path(operation);
    let summary = operation.doc.lines().next().unwrap_or_default();
    let doc = format!(" Starts a `{}` request: set its members on the builder, then `send()` it.", operation.name);
    let summary = (!summary.is_empty()).then(|| {
        let line = format!(" {summary}");
        quote!(#[doc = ""] #[doc = #line])
    });
    quote! {
        #[doc = #doc]
        #summary
        pub fn #method(&self) -> #builder<Self> {
            #builder::new(::std::clone::Clone::clone(self))
        }
    }
}

/// The fluent builder of `operation`, generic over the client that sends it.
pub(crate) fn emit_fluent_builder(operation: &OperationIr) -> TokenStream {
    let builder = ident(&format!("{}FluentBuilder", operation.name));
    let name = ident(&operation.name);
    let input_builder = ident(&operation.input.builder_name);
    let output = ident(&operation.output.rust_name);
    let error = ident(&operation.error_enum);
    let wire_name = &operation.name;
    let doc = format!(
        " A `{}` request being built on a client, as aws-sdk-rust's fluent builders are: set the \
         members, then `send()`.",
        operation.name
    );
    let methods = operation.input.members.iter().map(emit_delegating_methods);
    quote! {
        #[doc = #doc]
        #[cfg(feature = "client")]
        #[cfg_attr(not(any(feature = "blocking", feature = "async")), allow(dead_code, reason = "sent only by a client"))]
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct #builder<C> {
            client: C,
            inner: #input_builder,
        }

        #[cfg(feature = "client")]
        impl<C> #builder<C> {
            #[cfg_attr(not(any(feature = "blocking", feature = "async")), allow(dead_code, reason = "called only by a client"))]
            pub(crate) fn new(client: C) -> Self {
                Self { client, inner: <#input_builder as ::std::default::Default>::default() }
            }

            /// The input as built so far.
            pub fn as_input(&self) -> &#input_builder {
                &self.inner
            }

            #(#methods)*
        }

        #[cfg(feature = "async")]
        impl #builder<crate::client::Client> {
            /// Builds the input and sends it, with retries, as the client is configured.
            #[allow(clippy::result_large_err, reason = "the error enum holds modeled errors unboxed, as in aws-sdk-rust")]
            pub async fn send(self) -> ::std::result::Result<super::#output, crate::error::SdkError<super::#error>> {
                let input = self.inner.build().map_err(|error| crate::runtime::construction_failure(#wire_name, error))?;
                self.client.call::<super::#name>(&input).await
            }
        }

        #[cfg(feature = "blocking")]
        impl #builder<crate::blocking::Client> {
            /// Builds the input and sends it, with retries, as the client is configured,
            /// blocking the thread until it is done.
            #[allow(clippy::result_large_err, reason = "the error enum holds modeled errors unboxed, as in aws-sdk-rust")]
            pub fn send(self) -> ::std::result::Result<super::#output, crate::error::SdkError<super::#error>> {
                let input = self.inner.build().map_err(|error| crate::runtime::construction_failure(#wire_name, error))?;
                self.client.call::<super::#name>(&input)
            }
        }
    }
}

/// The member's three builder methods, passed through to the input builder.
fn emit_delegating_methods(member: &MemberIr) -> TokenStream {
    let field = ident(&member.field);
    let setter = ident(&member.setter);
    let getter = ident(&member.getter);
    let ty = type_tokens(&member.ty);
    let doc = super::structs::member_doc(member);
    let deprecated = deprecated_attr(&member.deprecated);
    let fluent = match &member.ty {
        RustType::List { element, sparse } => {
            let (param, _) = element_param(element, *sparse);
            let note = collection_note(member, "Appends one item", "list");
            quote! {
                #doc #note #deprecated
                #[must_use]
                pub fn #field(mut self, input: #param) -> Self {
                    self.inner = self.inner.#field(input);
                    self
                }
            }
        }
        RustType::Map { key, value, sparse } => {
            let key_param = match key {
                crate::ir::MapKey::String => quote!(impl ::std::convert::Into<::std::string::String>),
                enum_key => map_key_tokens(enum_key),
            };
            let (param, _) = element_param(value, *sparse);
            let note = collection_note(member, "Inserts one entry", "map");
            quote! {
                #doc #note #deprecated
                #[must_use]
                pub fn #field(mut self, key: #key_param, input: #param) -> Self {
                    self.inner = self.inner.#field(key, input);
                    self
                }
            }
        }
        RustType::Boxed(inner) => {
            let inner = type_tokens(inner);
            quote! {
                #doc #deprecated
                #[must_use]
                pub fn #field(mut self, input: #inner) -> Self {
                    self.inner = self.inner.#field(input);
                    self
                }
            }
        }
        other => {
            let (param, _) = into_param(other);
            quote! {
                #doc #deprecated
                #[must_use]
                pub fn #field(mut self, input: #param) -> Self {
                    self.inner = self.inner.#field(input);
                    self
                }
            }
        }
    };
    quote! {
        #fluent
        #doc #deprecated
        #[must_use]
        pub fn #setter(mut self, input: ::std::option::Option<#ty>) -> Self {
            self.inner = self.inner.#setter(input);
            self
        }
        #doc #deprecated
        pub fn #getter(&self) -> &::std::option::Option<#ty> {
            self.inner.#getter()
        }
    }
}
