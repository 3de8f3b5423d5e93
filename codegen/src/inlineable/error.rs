//! Errors: those raised before a request is made, and what every error response carries.

use std::fmt;

/// A builder was asked to build a value while required members were unset. It names every
/// missing member, not only the first, so one fix makes the next `build()` succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    missing: Vec<&'static str>,
}

impl BuildError {
    // Unused in crates where no structure has a required member.
    #[allow(dead_code)]
    pub(crate) fn missing_members(type_name: &'static str, missing: Vec<&'static str>) -> Self {
        Self { type_name, missing }
    }

    /// The type that could not be built, such as `Tag`.
    pub fn type_name(&self) -> &str {
        self.type_name
    }

    /// The Rust names of the unset required members, in declaration order.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot build `{}`: required member", self.type_name)?;
        if self.missing.len() > 1 {
            f.write_str("s")?;
        }
        for (index, member) in self.missing.iter().enumerate() {
            let separator = if index == 0 { " " } else { ", " };
            write!(f, "{separator}`{member}`")?;
        }
        f.write_str(if self.missing.len() > 1 { " are not set" } else { " is not set" })
    }
}

impl std::error::Error for BuildError {}

/// What every error response carries, modeled or not: the error code (sanitized as the
/// awsJson protocols specify), the message, the request id and the HTTP status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorMetadata {
    // Boxed so that every error type, and every `Result` carrying one, stays small.
    fields: Box<MetadataFields>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct MetadataFields {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    status: u16,
}

impl ErrorMetadata {
    pub(crate) fn new(status: u16, request_id: Option<String>) -> Self {
        Self {
            fields: Box::new(MetadataFields {
                request_id,
                status,
                ..MetadataFields::default()
            }),
        }
    }

    pub(crate) fn set_code(&mut self, code: Option<String>) {
        self.fields.code = code;
    }

    pub(crate) fn set_message(&mut self, message: Option<String>) {
        self.fields.message = message;
    }

    /// The error code, such as `ResourceNotFoundException`.
    pub fn code(&self) -> Option<&str> {
        self.fields.code.as_deref()
    }

    /// The human-readable message, from the body's `message`, `Message` or `errorMessage`.
    pub fn message(&self) -> Option<&str> {
        self.fields.message.as_deref()
    }

    /// The request id from the `x-amzn-RequestId` header, for AWS support.
    pub fn request_id(&self) -> Option<&str> {
        self.fields.request_id.as_deref()
    }

    /// The HTTP status code of the response.
    pub fn status(&self) -> u16 {
        self.fields.status
    }
}

/// An error response the model does not describe, or a response that could not be read.
/// Nothing is dropped: the code, message and status are kept, and for unreadable
/// responses what was wrong and the start of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unhandled {
    meta: ErrorMetadata,
    problem: Option<String>,
    body_excerpt: String,
}

impl Unhandled {
    pub(crate) fn new(meta: ErrorMetadata, problem: Option<String>, body_excerpt: String) -> Self {
        Self {
            meta,
            problem,
            body_excerpt,
        }
    }

    /// Code, message, request id and status, as far as the response gave them.
    pub fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }

    /// Why the response could not be read, when that is the reason it is unhandled.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The start of the response body, lossily decoded, at most 200 bytes of it.
    pub fn body_excerpt(&self) -> &str {
        &self.body_excerpt
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.problem, self.meta.code()) {
            (Some(problem), _) => write!(f, "unreadable response: {problem}")?,
            (None, Some(code)) => write!(f, "unmodeled error {code}")?,
            (None, None) => f.write_str("unmodeled error")?,
        }
        write!(f, " (HTTP status {}", self.meta.status())?;
        if let Some(request_id) = self.meta.request_id() {
            write!(f, ", request id {request_id}")?;
        }
        f.write_str(")")?;
        if let Some(message) = self.meta.message() {
            write!(f, ": {message}")?;
        } else if self.problem.is_some() {
            write!(f, "; body starts {:?}", self.body_excerpt)?;
        }
        Ok(())
    }
}

impl std::error::Error for Unhandled {}

#[cfg(test)]
mod tests {
    use super::{BuildError, ErrorMetadata, Unhandled};

    #[test]
    fn unhandled_says_what_it_knows() {
        let mut meta = ErrorMetadata::new(400, Some("req-1".into()));
        meta.set_code(Some("ThrottlingException".into()));
        meta.set_message(Some("Rate exceeded".into()));
        let unmodeled = Unhandled::new(meta, None, String::new());
        assert_eq!(
            unmodeled.to_string(),
            "unmodeled error ThrottlingException (HTTP status 400, request id req-1): Rate exceeded"
        );
        let meta = ErrorMetadata::new(500, None);
        let unreadable = Unhandled::new(meta, Some("body is not JSON".into()), "<html>".into());
        assert_eq!(
            unreadable.to_string(),
            "unreadable response: body is not JSON (HTTP status 500); body starts \"<html>\""
        );
    }

    #[test]
    fn names_every_missing_member() {
        let one = BuildError::missing_members("Tag", vec!["key"]);
        assert_eq!(one.to_string(), "cannot build `Tag`: required member `key` is not set");
        let two = BuildError::missing_members("Config", vec!["domain_name", "secret_arn"]);
        assert_eq!(
            two.to_string(),
            "cannot build `Config`: required members `domain_name`, `secret_arn` are not set"
        );
        assert_eq!(two.missing(), ["domain_name", "secret_arn"]);
    }
}
