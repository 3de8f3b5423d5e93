//! A reader for Smithy IDL 2.0. Files are parsed one by one into their statements
//! ([`syntax`]), then resolved together into JSON AST documents ([`to_ast`]), which the
//! JSON AST loader turns into the same [`Model`] it reads from `.json` files. So both inputs
//! share one set of rules for mixins, `apply`, the prelude and every check on shapes.

mod parser;
mod syntax;
mod to_ast;

use std::path::Path;

use super::load::load_json_values;
use super::Model;
use crate::error::{Error, Result};

/// Loads one model from IDL sources, each a `(name, text)` pair; the name is what errors cite.
pub fn load_idl(sources: &[(String, String)]) -> Result<Model> {
    let files = sources
        .iter()
        .map(|(name, text)| parser::parse_file(name, text))
        .collect::<Result<Vec<_>>>()?;
    load_json_values(&to_ast::to_json_ast(&files, &std::collections::BTreeSet::new())?)
}

/// Loads one model from files of either form: `.smithy` files are read as IDL, all others as
/// JSON AST, and either may be gzip-compressed (`.json.gz`, `.smithy.gz`, as AWS's model
/// archives ship them). Together they make one model, as Smithy assembles one from many files.
pub fn load_model_files<P: AsRef<Path>>(paths: &[P]) -> Result<Model> {
    let mut idl = Vec::new();
    let mut documents = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let text = read_model_text(path)?;
        let name = path.display().to_string();
        if is_idl(path) {
            idl.push(parser::parse_file(&name, &text)?);
        } else {
            documents.push(serde_json::from_str(&text).map_err(|source| Error::Json { path: name, source })?);
        }
    }
    if !idl.is_empty() {
        let json_shapes = documents
            .iter()
            .filter_map(|document: &serde_json::Value| document.get("shapes").and_then(serde_json::Value::as_object))
            .flat_map(|shapes| shapes.keys().cloned())
            .collect();
        documents.extend(to_ast::to_json_ast(&idl, &json_shapes)?);
    }
    load_json_values(&documents)
}

/// Whether a model file is IDL: its name ends in `.smithy` or `.smithy.gz`.
pub fn is_idl(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.ends_with(".smithy") || name.ends_with(".smithy.gz")
}

/// A model file's text, decompressed when its name ends in `.gz`.
pub fn read_model_text(path: &Path) -> Result<String> {
    let read_error = |source| Error::Read { path: path.to_path_buf(), source };
    let bytes = std::fs::read(path).map_err(read_error)?;
    let bytes = if path.extension().is_some_and(|ext| ext == "gz") {
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut text).map_err(read_error)?;
        text
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|problem| {
        read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8 text: {problem}")))
    })
}

/// Loads one model from `.smithy` files.
pub fn load_idl_files<P: AsRef<Path>>(paths: &[P]) -> Result<Model> {
    let sources = paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            std::fs::read_to_string(path)
                .map(|text| (path.display().to_string(), text))
                .map_err(|source| Error::Read {
                    path: path.to_path_buf(),
                    source,
                })
        })
        .collect::<Result<Vec<_>>>()?;
    load_idl(&sources)
}
