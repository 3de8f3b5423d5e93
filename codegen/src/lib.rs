//! smithy-bind reads an AWS Smithy model and writes small, dependency-free Rust bindings
//! for the awsJson operations a user picks: request and response types with builders, enums
//! that keep unknown values, and a serializer whose bytes match aws-sdk-rust's.
//!
//! The pipeline is one-way: [`model`] loads the JSON AST, [`closure`] finds the shapes the
//! chosen operations reach, [`resolve`] turns them into the [`ir`] with every Rust name
//! decided, [`endpoint`] type checks the service's endpoint rules into their own IR, and
//! [`emit`] writes Rust from the IR alone.

pub mod closure;
pub mod diff;
pub mod docs;
pub mod emit;
pub mod endpoint;
pub mod error;
pub mod extract;
mod generator;
pub mod inlineable;
pub mod ir;
pub mod model;
pub mod naming;
pub mod protocol_tests;
pub mod resolve;
pub mod undocumented;

pub use emit::output::GeneratedFile;
pub use error::Error;
pub use generator::{unified_diff, FileDifference, Generator};
pub use protocol_tests::ProtocolTests;
