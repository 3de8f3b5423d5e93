//! Smithy protocol compliance tests as Rust: every client case of a service's
//! `smithy.test#httpRequestTests` and `httpResponseTests` (on its operations and their errors)
//! becomes one `#[test]` that drives bindings generated from the same model.
//!
//! The tests call a small support library (request and body checks) by the path the caller
//! gives, so the same output works in any test crate:
//!
//! ```no_run
//! # fn main() -> Result<(), smithy_bind::Error> {
//! let text = std::fs::read_to_string("protocol-tests.json").unwrap();
//! let model = smithy_bind::model::load_json_ast(&text, "protocol-tests.json")?;
//! let tests = smithy_bind::ProtocolTests::new("aws.protocoltests.json#JsonProtocol")
//!     .bindings_module("crate::json_protocol")
//!     .support_module("::protocol_compliance")
//!     .skip("SomeCaseId", "why this case does not apply")
//!     .render(&model)?;
//! std::fs::write("json_protocol_tests.rs", &tests.source).unwrap();
//! # Ok(()) }
//! ```

mod cases;
mod emit;
pub mod ir;
mod params;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;

use crate::closure::OperationClosure;
use crate::error::{Error, Result};
use crate::model::{Model, ShapeId};
use crate::resolve::resolve;

/// Configures the tests generated for one service.
#[derive(Clone, Debug)]
pub struct ProtocolTests {
    service: String,
    bindings_module: String,
    support_module: String,
    skips: BTreeMap<String, String>,
    header: String,
}

/// The generated test source and what it holds.
#[derive(Clone, Debug)]
pub struct RenderedTests {
    pub source: String,
    pub cases: Vec<CaseSummary>,
}

/// One generated test: its case id, kind, where the case is defined, and whether it is skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseSummary {
    pub id: String,
    /// `request`, `response` or `error`.
    pub kind: &'static str,
    pub shape: String,
    pub skip: Option<String>,
}

impl ProtocolTests {
    /// Tests for the service with this shape id.
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            bindings_module: "crate".to_owned(),
            support_module: "::protocol_compliance".to_owned(),
            skips: BTreeMap::new(),
            header: String::new(),
        }
    }

    /// The module the service's bindings are generated into (`crate::json_protocol`).
    pub fn bindings_module(mut self, path: impl Into<String>) -> Self {
        self.bindings_module = path.into();
        self
    }

    /// The module that provides `check_request`, `check_url`, `assert_same` and `assert_field`.
    pub fn support_module(mut self, path: impl Into<String>) -> Self {
        self.support_module = path.into();
        self
    }

    /// Marks a case as not run, with the reason the test's `#[ignore]` shows. Skips naming
    /// cases the service does not have are left out; [`RenderedTests::cases`] tells which were
    /// used, so a caller can reject stale ones.
    pub fn skip(mut self, id: impl Into<String>, reason: impl Into<String>) -> Self {
        self.skips.insert(id.into(), reason.into());
        self
    }

    /// Comment lines the generated file starts with.
    pub fn header(mut self, header: impl Into<String>) -> Self {
        self.header = header.into();
        self
    }

    /// Generates the tests for every client case of the service's protocol.
    pub fn render(&self, model: &Model) -> Result<RenderedTests> {
        let service = ShapeId::parse(&self.service).map_err(|problem| Error::model("the protocol tests' service", problem))?;
        let model = &*model.renamed_for(Some(&service))?;
        let closure = OperationClosure::resolve(model, Some(&service), &[])?;
        let krate = resolve(model, &closure, None)?;
        let mut cases = cases::collect_cases(model, &service, &krate)?;
        for case in &mut cases {
            case.skip = self.skips.get(&case.id).cloned();
        }
        let paths = emit::Paths {
            root: parse_path(&self.bindings_module)?,
            support: parse_path(&self.support_module)?,
        };
        let tokens = emit::emit_tests(&cases, &paths);
        let source = crate::emit::output::format_tokens("protocol tests", tokens)?;
        Ok(RenderedTests {
            source: format!("{}{source}", self.header),
            cases: cases
                .iter()
                .map(|case| CaseSummary {
                    id: case.id.clone(),
                    kind: case.kind.label(),
                    shape: case.shape.clone(),
                    skip: case.skip.clone(),
                })
                .collect(),
        })
    }
}

fn parse_path(path: &str) -> Result<TokenStream> {
    path.parse::<TokenStream>()
        .map_err(|problem| Error::model("the protocol tests' module paths", format!("`{path}` is not a Rust path: {problem}")))
}
