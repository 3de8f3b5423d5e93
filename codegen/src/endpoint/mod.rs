//! Endpoint resolution compiled from the model: the service's `smithy.rules#endpointRuleSet`
//! becomes a typed `Params` and a `resolve_endpoint` function of plain Rust, and its
//! `smithy.rules#endpointTests` become one test per case.
//!
//! [`syntax`] reads the trait's JSON, [`typing`] checks it against the rules-engine standard
//! library and lowers it to the [`ir`], [`partitions`] compiles the partition data behind
//! `aws.partition`, and `emit::endpoint` writes the Rust.

pub mod cases;
pub mod ir;
pub mod partitions;
pub mod syntax;
pub mod typing;

use crate::error::{Error, Result};
use crate::model::Traits;
use ir::{EndpointIr, PartitionIr};

pub const RULE_SET_TRAIT: &str = "smithy.rules#endpointRuleSet";
pub const TESTS_TRAIT: &str = "smithy.rules#endpointTests";

/// The endpoint IR of a service, or `None` when it has no rule set; `service` names the
/// service shape in errors.
pub fn resolve_endpoints(service: &str, traits: &Traits, partitions: &[PartitionIr]) -> Result<Option<EndpointIr>> {
    let Some(rule_set) = traits.get(RULE_SET_TRAIT) else {
        return Ok(None);
    };
    let location = |path: &str| format!("{service} {RULE_SET_TRAIT} at {path}");
    let rule_set = syntax::parse_rule_set(rule_set).map_err(|error| Error::model(location(&error.path), error.problem))?;
    let unsupported = |error: typing::TypeError| Error::unsupported(location(&error.path), error.problem);
    let params = typing::lower_parameters(&rule_set.parameters).map_err(unsupported)?;
    let rules = typing::lower_rules(&rule_set, &params).map_err(unsupported)?;
    let cases = match traits.get(TESTS_TRAIT) {
        Some(tests) => cases::lower_cases(tests, &params)
            .map_err(|error| Error::model(format!("{service} {TESTS_TRAIT} at {}", error.path), error.problem))?,
        None => Vec::new(),
    };
    Ok(Some(EndpointIr {
        params,
        rules,
        partitions: partitions.to_vec(),
        cases,
    }))
}
