//! The service: its names, its signing name, and the protocol its crate speaks.

use super::{doc_of, lookup};
use crate::error::{Error, Result};
use crate::ir::{Protocol, ServiceIr};
use crate::model::{Model, Shape, ShapeId, ShapeKind};

pub(super) fn resolve_service(model: &Model, id: &ShapeId, wanted: Option<Protocol>) -> Result<ServiceIr> {
    let shape = lookup(model, id)?;
    let protocol = protocol(id, shape, wanted)?;
    let title = shape
        .traits
        .string("smithy.api#title")
        .map(str::to_owned)
        .unwrap_or_else(|| id.name().to_owned());
    let ShapeKind::Service(service) = &shape.kind else {
        return Err(Error::model(id, "is not a service"));
    };
    Ok(ServiceIr {
        shape_name: id.name().to_owned(),
        title,
        sdk_id: shape
            .traits
            .get("aws.api#service")
            .and_then(|service| service.get("sdkId"))
            .and_then(|sdk_id| sdk_id.as_str())
            .map(str::to_owned),
        signing_name: shape
            .traits
            .get("aws.auth#sigv4")
            .and_then(|sigv4| sigv4.get("name"))
            .and_then(|name| name.as_str())
            .map(str::to_owned),
        version: service.version.clone(),
        protocol,
        doc: doc_of(&shape.traits),
        query_compatible: shape.traits.has("aws.protocols#awsQueryCompatible"),
        request_headers: Vec::new(),
    })
}

/// The protocol the crate speaks: `wanted` if given (and the service declares it), else the
/// first of [`Protocol::PREFERENCE`] the service declares.
fn protocol(id: &ShapeId, shape: &Shape, wanted: Option<Protocol>) -> Result<Protocol> {
    let declared: Vec<Protocol> = Protocol::PREFERENCE.into_iter().filter(|p| shape.traits.has(p.trait_id())).collect();
    let other_protocols = || -> Vec<String> {
        shape
            .traits
            .iter()
            .map(|(id, _)| id.to_string())
            .filter(|id| id.starts_with("aws.protocols#") || id.starts_with("smithy.protocols#"))
            .filter(|id| Protocol::from_name(id).is_none() && id != "aws.protocols#awsQueryCompatible")
            .collect()
    };
    let supported = || Protocol::PREFERENCE.map(Protocol::name).join(", ");
    match (wanted, declared.first()) {
        (Some(wanted), _) if declared.contains(&wanted) => Ok(wanted),
        (Some(wanted), _) => {
            let names: Vec<String> = declared.iter().map(|p| p.name().to_owned()).chain(other_protocols()).collect();
            Err(Error::model(
                id,
                format!(
                    "does not speak {} (asked for with --protocol); it declares {}",
                    wanted.name(),
                    if names.is_empty() { "no protocol".to_owned() } else { names.join(", ") }
                ),
            ))
        }
        (None, Some(first)) => Ok(*first),
        (None, None) => {
            let found = other_protocols();
            Err(Error::unsupported(
                id,
                if found.is_empty() {
                    format!("has no protocol trait; smithy-bind speaks {}", supported())
                } else {
                    format!("speaks {}, but smithy-bind speaks only {}", found.join(", "), supported())
                },
            ))
        }
    }
}
