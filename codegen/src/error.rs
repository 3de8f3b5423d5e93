//! Errors the generator reports. Each names where the problem is (a file, a shape id, a JSON
//! path) and what is wrong, so a user can fix the model without reading our source.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    /// A Smithy IDL file that does not follow the IDL grammar, or names shapes wrongly.
    #[error("{file}:{line}:{column}: {problem}")]
    Idl {
        file: String,
        line: usize,
        column: usize,
        problem: String,
    },
    /// The model is well-formed JSON but not a valid Smithy model.
    #[error("{location}: {problem}")]
    Model { location: String, problem: String },
    /// The model is valid Smithy, but asks for something this generator cannot produce.
    #[error("{location}: {problem}")]
    Unsupported { location: String, problem: String },
    #[error("generated code for {file} does not parse as Rust ({source}); this is a smithy-bind bug")]
    Emit { file: String, source: syn::Error },
}

impl Error {
    pub(crate) fn model(location: impl ToString, problem: impl Into<String>) -> Self {
        Error::Model {
            location: location.to_string(),
            problem: problem.into(),
        }
    }

    pub(crate) fn unsupported(location: impl ToString, problem: impl Into<String>) -> Self {
        Error::Unsupported {
            location: location.to_string(),
            problem: problem.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
