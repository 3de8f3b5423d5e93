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
    load_json_values(&to_ast::to_json_ast(&files)?)
}

/// Loads one model from files of either form: `.smithy` files are read as IDL, all others as
/// JSON AST. Together they make one model, as Smithy assembles a model from many files.
pub fn load_model_files<P: AsRef<Path>>(paths: &[P]) -> Result<Model> {
    let mut idl = Vec::new();
    let mut documents = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path.display().to_string();
        if path.extension().is_some_and(|ext| ext == "smithy") {
            idl.push(parser::parse_file(&name, &text)?);
        } else {
            documents.push(serde_json::from_str(&text).map_err(|source| Error::Json { path: name, source })?);
        }
    }
    if !idl.is_empty() {
        documents.extend(to_ast::to_json_ast(&idl)?);
    }
    load_json_values(&documents)
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
