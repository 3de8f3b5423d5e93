//! Smithy's awsJson1_1 protocol compliance tests, generated from the JSON AST model
//! by the build script: one test per client case, named after the case id.

include!(concat!(env!("OUT_DIR"), "/json_ast_aws_json1_1.rs"));

