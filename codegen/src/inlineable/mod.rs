//! Support code the generated crate needs, kept here as ordinary Rust so that it is
//! compiled and tested with the generator, and copied verbatim into every generated crate.

/// One support file: the module it becomes in the generated crate, and its source.
pub struct Inlineable {
    pub module: &'static str,
    pub public: bool,
    /// The cargo feature the module needs, if any.
    pub feature: Option<&'static str>,
    /// Which crates include it.
    pub needs: Needs,
    pub source: &'static str,
}

/// What makes a crate include a support file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Always,
    /// Only operations with `@requestCompression` need it (and its `miniz_oxide` dependency).
    Compression,
    /// Only operations with `@httpChecksumRequired`.
    Checksums,
    /// Only operations that send Glacier's SHA-256 tree hashes.
    TreeHash,
    /// Only services with an endpoint rule set.
    Endpoints,
    /// Only services that speak a JSON protocol: awsJson1_0, awsJson1_1 or restJson1.
    Json,
    /// Only services whose protocol binds members to the URI, query and headers (restJson1).
    HttpBindings,
    /// Only services that speak Smithy RPC v2 CBOR.
    Rpcv2Cbor,
}

pub const INLINEABLES: &[Inlineable] = &[
    Inlineable {
        module: "aws_json",
        public: false,
        feature: None,
        needs: Needs::Json,
        source: include_str!("aws_json.rs"),
    },
    Inlineable {
        module: "base64",
        public: false,
        feature: None,
        needs: Needs::Always,
        source: include_str!("base64.rs"),
    },
    Inlineable {
        module: "byte_scan",
        public: false,
        feature: None,
        needs: Needs::Always,
        source: include_str!("byte_scan.rs"),
    },
    Inlineable {
        module: "cbor_reader",
        public: false,
        feature: None,
        needs: Needs::Rpcv2Cbor,
        source: include_str!("cbor_reader.rs"),
    },
    Inlineable {
        module: "cbor_writer",
        public: false,
        feature: None,
        needs: Needs::Rpcv2Cbor,
        source: include_str!("cbor_writer.rs"),
    },
    Inlineable {
        module: "decimal",
        public: false,
        feature: None,
        needs: Needs::Always,
        source: include_str!("decimal.rs"),
    },
    Inlineable {
        module: "endpoint_lib",
        public: false,
        feature: None,
        needs: Needs::Endpoints,
        source: include_str!("endpoint_lib.rs"),
    },
    Inlineable {
        module: "error",
        public: true,
        feature: None,
        needs: Needs::Always,
        source: include_str!("error.rs"),
    },
    Inlineable {
        module: "gzip",
        public: false,
        feature: None,
        needs: Needs::Compression,
        source: include_str!("gzip.rs"),
    },
    Inlineable {
        module: "http",
        public: true,
        feature: None,
        needs: Needs::Always,
        source: include_str!("http.rs"),
    },
    Inlineable {
        module: "http_bindings",
        public: false,
        feature: None,
        needs: Needs::HttpBindings,
        source: include_str!("http_bindings.rs"),
    },
    Inlineable {
        module: "idempotency_token",
        public: false,
        feature: None,
        needs: Needs::Always,
        source: include_str!("idempotency_token.rs"),
    },
    Inlineable {
        module: "json_reader",
        public: false,
        feature: None,
        needs: Needs::Json,
        source: include_str!("json_reader.rs"),
    },
    Inlineable {
        module: "json_writer",
        public: false,
        feature: None,
        needs: Needs::Json,
        source: include_str!("json_writer.rs"),
    },
    Inlineable {
        module: "md5",
        public: false,
        feature: None,
        needs: Needs::Checksums,
        source: include_str!("md5.rs"),
    },
    Inlineable {
        module: "primitives",
        public: true,
        feature: None,
        needs: Needs::Always,
        source: include_str!("primitives.rs"),
    },
    Inlineable {
        module: "responses",
        public: false,
        feature: None,
        needs: Needs::Always,
        source: include_str!("responses.rs"),
    },
    Inlineable {
        module: "rpcv2_cbor",
        public: false,
        feature: None,
        needs: Needs::Rpcv2Cbor,
        source: include_str!("rpcv2_cbor.rs"),
    },
    Inlineable {
        module: "serde_support",
        public: false,
        feature: Some("serde"),
        needs: Needs::Always,
        source: include_str!("serde_support.rs"),
    },
    Inlineable {
        module: "validation",
        public: true,
        feature: Some("validation"),
        needs: Needs::Always,
        source: include_str!("validation.rs"),
    },
    Inlineable {
        module: "blocking",
        public: true,
        feature: Some("blocking"),
        needs: Needs::Always,
        source: include_str!("blocking.rs"),
    },
    Inlineable {
        module: "client",
        public: true,
        feature: Some("async"),
        needs: Needs::Always,
        source: include_str!("client.rs"),
    },
    Inlineable {
        module: "config",
        public: true,
        feature: Some("client"),
        needs: Needs::Always,
        source: include_str!("config.rs"),
    },
    Inlineable {
        module: "credentials",
        public: false,
        feature: Some("client"),
        needs: Needs::Always,
        source: include_str!("credentials.rs"),
    },
    Inlineable {
        module: "hyper_client",
        public: false,
        feature: Some("hyper"),
        needs: Needs::Always,
        source: include_str!("hyper_client.rs"),
    },
    Inlineable {
        module: "profile",
        public: false,
        feature: Some("client"),
        needs: Needs::Always,
        source: include_str!("profile.rs"),
    },
    Inlineable {
        module: "retry",
        public: false,
        feature: Some("client"),
        needs: Needs::Always,
        source: include_str!("retry.rs"),
    },
    Inlineable {
        module: "runtime",
        public: false,
        feature: Some("client"),
        needs: Needs::Always,
        source: include_str!("runtime.rs"),
    },
    Inlineable {
        module: "sigv4",
        public: true,
        feature: Some("sigv4"),
        needs: Needs::Always,
        source: include_str!("sigv4.rs"),
    },
    Inlineable {
        module: "sha256",
        public: false,
        feature: None,
        needs: Needs::TreeHash,
        source: include_str!("sha256.rs"),
    },
    Inlineable {
        module: "ureq_client",
        public: false,
        feature: Some("ureq"),
        needs: Needs::Always,
        source: include_str!("ureq_client.rs"),
    },
];

#[cfg(test)]
mod aws_json;
#[cfg(test)]
mod credentials;
#[cfg(test)]
#[allow(dead_code)]
mod profile;
#[cfg(test)]
mod retry;
#[cfg(test)]
#[allow(dead_code)]
mod sigv4;
// The generator decodes `@default` blobs with the same code the generated crate uses.
pub(crate) mod base64;
#[cfg(test)]
mod idempotency_token;
#[cfg(test)]
mod cbor_oracle_tests;
#[cfg(test)]
mod cbor_reader;
#[cfg(test)]
mod cbor_writer;
#[cfg(test)]
mod decimal;
#[cfg(test)]
#[allow(dead_code)]
mod endpoint_lib;
#[cfg(test)]
#[allow(dead_code)]
mod error;
#[cfg(test)]
#[allow(dead_code)]
mod gzip;
#[cfg(test)]
#[allow(dead_code)]
mod http;
#[cfg(test)]
mod http_bindings;
#[cfg(test)]
mod json_reader;
#[cfg(test)]
mod byte_scan;
#[cfg(test)]
mod json_writer;
#[cfg(test)]
mod md5;
#[cfg(test)]
mod sha256;
#[cfg(test)]
#[allow(dead_code)]
mod primitives;
#[cfg(test)]
mod responses;
#[cfg(test)]
mod rpcv2_cbor;
#[cfg(test)]
mod serde_support;
#[cfg(test)]
#[allow(dead_code)]
mod validation;
