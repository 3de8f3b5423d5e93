//! What the official SDKs add for particular services, beyond their models: headers every
//! request of the service carries and checksums some uploads need. Smithy's protocol tests
//! hold the services to them (API Gateway's and Glacier's cases), as do the services.

use crate::ir::{CrateIr, HttpLocation};

/// Applies the customizations of the service whose shape id is `service`.
pub(super) fn apply(service: &str, krate: &mut CrateIr) {
    match service {
        "com.amazonaws.apigateway#BackplaneControlService" => api_gateway(krate),
        "com.amazonaws.glacier#Glacier" => glacier(krate),
        _ => {}
    }
}

/// API Gateway answers in JSON only when asked to.
fn api_gateway(krate: &mut CrateIr) {
    krate.service.request_headers.push(("Accept".to_owned(), "application/json".to_owned()));
}

/// Glacier wants its API version in a header, `-` for "the account signing" when the account
/// id is left empty, and the SHA-256 and tree hash of an upload's body.
fn glacier(krate: &mut CrateIr) {
    if let Some(version) = krate.service.version.clone() {
        krate.service.request_headers.push(("X-Amz-Glacier-Version".to_owned(), version));
    }
    for operation in &mut krate.operations {
        for member in &mut operation.input.members {
            if member.name == "accountId" && member.location == HttpLocation::Label {
                member.empty_label = Some("-".to_owned());
            }
        }
        if matches!(operation.name.as_str(), "UploadArchive" | "UploadMultipartPart") {
            operation.tree_hash_checksums = true;
        }
    }
}
