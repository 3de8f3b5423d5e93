//! Support code the generated crate needs, kept here as ordinary Rust so that it is
//! compiled and tested with the generator, and copied verbatim into every generated crate.

/// One support file: its path in the generated crate and its source.
pub struct Inlineable {
    pub path: &'static str,
    pub source: &'static str,
}

pub const INLINEABLES: &[Inlineable] = &[
    Inlineable {
        path: "src/aws_json.rs",
        source: include_str!("aws_json.rs"),
    },
    Inlineable {
        path: "src/error.rs",
        source: include_str!("error.rs"),
    },
    Inlineable {
        path: "src/http.rs",
        source: include_str!("http.rs"),
    },
    Inlineable {
        path: "src/json_reader.rs",
        source: include_str!("json_reader.rs"),
    },
    Inlineable {
        path: "src/json_writer.rs",
        source: include_str!("json_writer.rs"),
    },
    Inlineable {
        path: "src/primitives.rs",
        source: include_str!("primitives.rs"),
    },
];

#[cfg(test)]
mod aws_json;
#[cfg(test)]
#[allow(dead_code)]
mod error;
#[cfg(test)]
#[allow(dead_code)]
mod http;
#[cfg(test)]
mod json_reader;
#[cfg(test)]
mod json_writer;
#[cfg(test)]
#[allow(dead_code)]
mod primitives;
