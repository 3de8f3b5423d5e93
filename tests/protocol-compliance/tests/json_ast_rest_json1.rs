//! Smithy's restJson1 protocol compliance tests, generated from the JSON AST model by the
//! build script: one test per client case, named after the case id.

include!(concat!(env!("OUT_DIR"), "/json_ast_rest_json1.rs"));
