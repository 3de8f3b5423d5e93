//! The service: its names, its signing name, and the protocol its crate speaks.

use super::{doc_of, lookup};
use crate::error::{Error, Result};
use crate::ir::{Protocol, ServiceIr};
use crate::model::{traits, Model, Shape, ShapeId, ShapeKind};

pub(super) fn resolve_service(model: &Model, id: &ShapeId) -> Result<ServiceIr> {
    let shape = lookup(model, id)?;
    let protocol = protocol(id, shape)?;
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
    })
}

/// The protocol the crate speaks, of those the service's traits declare.
fn protocol(id: &ShapeId, shape: &Shape) -> Result<Protocol> {
    if shape.traits.has(traits::AWS_JSON_1_1) {
        Ok(Protocol::AwsJson1_1)
    } else if shape.traits.has(traits::AWS_JSON_1_0) {
        Ok(Protocol::AwsJson1_0)
    } else {
        let found: Vec<String> = shape
            .traits
            .iter()
            .map(|(id, _)| id.to_string())
            .filter(|id| id.starts_with("aws.protocols#") || id.starts_with("smithy.protocols#"))
            .collect();
        Err(Error::unsupported(
            id,
            if found.is_empty() {
                "has no protocol trait; smithy-bind needs `aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1`".to_owned()
            } else {
                format!("speaks {}, but smithy-bind supports only awsJson1_0 and awsJson1_1", found.join(", "))
            },
        ))
    }
}
