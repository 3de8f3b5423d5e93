//! Errors: those raised before a request is made, and what every error response carries.

use std::fmt;

// The client's errors live with the client's runtime; users find them here, where
// aws-sdk-rust keeps `SdkError`.
#[cfg(feature = "client")]
pub use super::runtime::{
    ConstructionFailure, CreateUnhandledError, DispatchFailure, ResponseError, SdkError, ServiceError, TimeoutError,
    TimeoutKind,
};

/// A value could not be built: required members were unset (every one is named, not only
/// the first, so one fix makes the next `build()` succeed), or a field was invalid.
#[derive(Clone, Debug)]
pub struct BuildError {
    kind: BuildErrorKind,
}

#[derive(Clone, Debug)]
enum BuildErrorKind {
    MissingMembers { type_name: &'static str, missing: Vec<&'static str> },
    MissingField { field: &'static str, details: &'static str },
    InvalidField { field: &'static str, details: String },
    Other(std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>),
}

impl BuildError {
    // Unused in crates where no structure has a required member.
    #[allow(dead_code)]
    pub(crate) fn missing_members(type_name: &'static str, missing: Vec<&'static str>) -> Self {
        Self { kind: BuildErrorKind::MissingMembers { type_name, missing } }
    }

    /// A required field was not set, as aws-sdk-rust's `BuildError::missing_field`.
    pub fn missing_field(field: &'static str, details: &'static str) -> Self {
        Self { kind: BuildErrorKind::MissingField { field, details } }
    }

    /// A field was set to a value that cannot be used.
    pub fn invalid_field(field: &'static str, details: impl Into<String>) -> Self {
        Self { kind: BuildErrorKind::InvalidField { field, details: details.into() } }
    }

    /// Any other reason, kept as the error's `source()`.
    pub fn other(source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        Self { kind: BuildErrorKind::Other(std::sync::Arc::from(source.into())) }
    }

    /// The type that could not be built, such as `Tag`, when required members were unset.
    pub fn type_name(&self) -> Option<&str> {
        match &self.kind {
            BuildErrorKind::MissingMembers { type_name, .. } => Some(type_name),
            _ => None,
        }
    }

    /// The Rust names of the unset required members, in declaration order.
    pub fn missing(&self) -> &[&'static str] {
        match &self.kind {
            BuildErrorKind::MissingMembers { missing, .. } => missing,
            BuildErrorKind::MissingField { field, .. } => std::slice::from_ref(field),
            _ => &[],
        }
    }
}

impl PartialEq for BuildError {
    fn eq(&self, other: &Self) -> bool {
        use BuildErrorKind::{InvalidField, MissingField, MissingMembers, Other};
        match (&self.kind, &other.kind) {
            (MissingMembers { type_name: a, missing: x }, MissingMembers { type_name: b, missing: y }) => a == b && x == y,
            (MissingField { field: a, details: x }, MissingField { field: b, details: y }) => a == b && x == y,
            (InvalidField { field: a, details: x }, InvalidField { field: b, details: y }) => a == b && x == y,
            // A boxed cause has no equality of its own; the same text counts as the same cause.
            (Other(a), Other(b)) => std::sync::Arc::ptr_eq(a, b) || a.to_string() == b.to_string(),
            _ => false,
        }
    }
}

impl Eq for BuildError {}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            BuildErrorKind::MissingMembers { type_name, missing } => {
                write!(f, "cannot build `{type_name}`: required member")?;
                if missing.len() > 1 {
                    f.write_str("s")?;
                }
                for (index, member) in missing.iter().enumerate() {
                    let separator = if index == 0 { " " } else { ", " };
                    write!(f, "{separator}`{member}`")?;
                }
                f.write_str(if missing.len() > 1 { " are not set" } else { " is not set" })
            }
            BuildErrorKind::MissingField { field, details } => write!(f, "{field} was missing: {details}"),
            BuildErrorKind::InvalidField { field, details } => {
                write!(f, "invalid field in input: {field} (details: {details})")
            }
            // The cause is the source, so error-chain printers do not show it twice.
            BuildErrorKind::Other(_) => f.write_str("error during request construction"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            BuildErrorKind::Other(source) => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// The extra under which the request id is kept, as aws-sdk-rust keeps it.
const REQUEST_ID_EXTRA: &str = "aws_request_id";

/// What every error response carries, modeled or not: the error code (sanitized as the
/// awsJson protocols specify), the message, the request id and the HTTP status, plus any
/// extras a caller or mock adds.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ErrorMetadata {
    /// Borrowed when the code is one the model names, which saves an allocation per error.
    code: Option<std::borrow::Cow<'static, str>>,
    /// The request id followed by the message. Nearly every error response carries both,
    /// and one allocation for the two costs about half of two; the whole value stays at
    /// 64 bytes, smaller than aws-sdk-rust's, so it is not boxed either.
    text: Box<str>,
    /// Where the request id ends in `text` (0 when there is none).
    request_id_len: usize,
    has_request_id: bool,
    has_message: bool,
    status: u16,
    /// Sorted by key, so `Display` is the same on every run; boxed, as errors read from a
    /// response have none.
    #[allow(clippy::box_collection, reason = "a pointer, not a 24-byte map, in every error")]
    extras: Option<Box<std::collections::BTreeMap<&'static str, String>>>,
}

impl ErrorMetadata {
    pub(crate) fn new(status: u16, request_id: Option<&str>) -> Self {
        Self::from_response(status, request_id, None)
    }

    /// The metadata of a response, its two strings in one allocation.
    pub(crate) fn from_response(status: u16, request_id: Option<&str>, message: Option<&str>) -> Self {
        let mut meta = Self { status, ..Self::default() };
        meta.set_text(request_id, message);
        meta
    }

    fn set_text(&mut self, request_id: Option<&str>, message: Option<&str>) {
        let id = request_id.unwrap_or_default();
        let message_text = message.unwrap_or_default();
        let mut text = String::with_capacity(id.len() + message_text.len());
        text.push_str(id);
        text.push_str(message_text);
        self.text = text.into_boxed_str();
        self.request_id_len = id.len();
        self.has_request_id = request_id.is_some();
        self.has_message = message.is_some();
    }

    /// A builder, for errors made by hand (in mocks and tests).
    pub fn builder() -> ErrorMetadataBuilder {
        ErrorMetadataBuilder::default()
    }

    /// A builder that starts from this metadata.
    pub fn into_builder(self) -> ErrorMetadataBuilder {
        ErrorMetadataBuilder { inner: self }
    }

    pub(crate) fn set_code(&mut self, code: Option<impl Into<std::borrow::Cow<'static, str>>>) {
        self.code = code.map(Into::into);
    }

    pub(crate) fn set_message(&mut self, message: Option<&str>) {
        let request_id = self.request_id().map(str::to_owned);
        self.set_text(request_id.as_deref(), message);
    }

    fn set_request_id(&mut self, request_id: Option<&str>) {
        let message = self.message().map(str::to_owned);
        self.set_text(request_id, message.as_deref());
    }

    /// The error code, such as `ResourceNotFoundException`.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The human-readable message, from the body's `message`, `Message` or `errorMessage`.
    pub fn message(&self) -> Option<&str> {
        // `get` rather than indexing: the boundary is one `set_text` put there, and a
        // mistake there should read as no message, not a panic.
        self.has_message.then(|| self.text.get(self.request_id_len..)).flatten()
    }

    /// The request id from the `x-amzn-RequestId` header, for AWS support.
    pub fn request_id(&self) -> Option<&str> {
        self.has_request_id.then(|| self.text.get(..self.request_id_len)).flatten()
    }

    /// The HTTP status code of the response; 0 for metadata not read from a response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// An extra value by key, such as `aws_request_id`.
    pub fn extra(&self, key: &'static str) -> Option<&str> {
        if key == REQUEST_ID_EXTRA {
            return self.request_id();
        }
        self.extras.as_ref()?.get(key).map(String::as_str)
    }

    fn extras(&self) -> impl Iterator<Item = (&&'static str, &String)> {
        self.extras.iter().flat_map(|extras| extras.iter())
    }
}

#[allow(clippy::missing_fields_in_debug, reason = "shows the packed strings unpacked")]
impl fmt::Debug for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorMetadata")
            .field("code", &self.code())
            .field("message", &self.message())
            .field("request_id", &self.request_id())
            .field("status", &self.status)
            .field("extras", &self.extras().collect::<Vec<_>>())
            .finish()
    }
}

/// Prints as aws-sdk-rust's does: `Error { code: "X", message: "m", aws_request_id: "r" }`.
impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut fields = f.debug_struct("Error");
        if let Some(code) = self.code() {
            fields.field("code", &code);
        }
        if let Some(message) = self.message() {
            fields.field("message", &message);
        }
        // The request id stands among the extras in key order, as if it were one of them.
        let mut request_id = self.request_id();
        for (key, value) in self.extras() {
            if *key > REQUEST_ID_EXTRA {
                if let Some(id) = request_id.take() {
                    fields.field(REQUEST_ID_EXTRA, &id);
                }
            }
            fields.field(key, value);
        }
        if let Some(id) = request_id {
            fields.field(REQUEST_ID_EXTRA, &id);
        }
        fields.finish()
    }
}

impl std::error::Error for ErrorMetadata {}

/// Builds [`ErrorMetadata`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorMetadataBuilder {
    inner: ErrorMetadata,
}

impl ErrorMetadataBuilder {
    /// Sets the error code.
    #[must_use]
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.inner.code = Some(std::borrow::Cow::Owned(code.into()));
        self
    }

    /// Sets the message.
    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> Self {
        let message: String = message.into();
        self.inner.set_message(Some(&message));
        self
    }

    /// Sets an extra value; `aws_request_id` is the request id.
    #[must_use]
    pub fn custom(mut self, key: &'static str, value: impl Into<String>) -> Self {
        if key == REQUEST_ID_EXTRA {
            let request_id: String = value.into();
            self.inner.set_request_id(Some(&request_id));
        } else {
            self.inner.extras.get_or_insert_default().insert(key, value.into());
        }
        self
    }

    /// Sets the HTTP status.
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.inner.status = status;
        self
    }

    /// The metadata.
    pub fn build(self) -> ErrorMetadata {
        self.inner
    }
}

/// Code, message and the rest of an error's metadata, at the path aws-sdk-rust has it
/// (`error::ProvideErrorMetadata`), so code written against the SDK ports.
pub trait ProvideErrorMetadata {
    /// All of the metadata.
    fn meta(&self) -> &ErrorMetadata;

    /// The error code, such as `ThrottlingException`.
    fn code(&self) -> Option<&str> {
        self.meta().code()
    }

    /// The error message, if any.
    fn message(&self) -> Option<&str> {
        self.meta().message()
    }
}

impl ProvideErrorMetadata for ErrorMetadata {
    fn meta(&self) -> &ErrorMetadata {
        self
    }
}

/// The request id of a response, output or error (re-exported as `operation::RequestId`).
pub trait RequestId {
    /// The `x-amzn-RequestId` the service sent, for AWS support.
    fn request_id(&self) -> Option<&str>;
}

impl RequestId for ErrorMetadata {
    fn request_id(&self) -> Option<&str> {
        ErrorMetadata::request_id(self)
    }
}

impl<O: RequestId, E: RequestId> RequestId for Result<O, E> {
    fn request_id(&self) -> Option<&str> {
        match self {
            Ok(output) => output.request_id(),
            Err(error) => error.request_id(),
        }
    }
}

/// A string that names no value of an enum, from `try_parse`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVariantError {
    value: String,
}

impl UnknownVariantError {
    #[allow(dead_code, reason = "unused in crates without enums")]
    pub(crate) fn new(value: impl Into<String>) -> Self {
        Self { value: value.into() }
    }

    /// The string that was not recognized.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownVariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown enum variant: '{}'", self.value)
    }
}

impl std::error::Error for UnknownVariantError {}

/// An error response the model does not describe, a response that could not be read, or
/// an error made by hand with an operation error's `unhandled` or `generic`. Nothing is
/// dropped: the code, message and status are kept, and for unreadable responses what was
/// wrong and the start of the body.
#[derive(Clone, Debug)]
pub struct Unhandled {
    meta: ErrorMetadata,
    // Boxed strings, not `String`s, keep every `Result<_, Unhandled>` under 128 bytes.
    problem: Option<Box<str>>,
    body_excerpt: Box<str>,
    source: Option<std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Unhandled {
    pub(crate) fn new(meta: ErrorMetadata, problem: Option<String>, body_excerpt: String) -> Self {
        Self {
            meta,
            problem: problem.map(String::into_boxed_str),
            body_excerpt: body_excerpt.into_boxed_str(),
            source: None,
        }
    }

    /// An unhandled error caused by `source`, with no response behind it.
    pub(crate) fn from_source(source: Box<dyn std::error::Error + Send + Sync + 'static>) -> Self {
        Self {
            source: Some(std::sync::Arc::from(source)),
            ..Self::new(ErrorMetadata::default(), None, String::new())
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

    /// The error this one wraps, for those made with `unhandled(error)`.
    pub fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|source| source as &(dyn std::error::Error + 'static))
    }
}

impl PartialEq for Unhandled {
    fn eq(&self, other: &Self) -> bool {
        let same_source = match (&self.source, &other.source) {
            (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b) || a.to_string() == b.to_string(),
            (a, b) => a.is_none() && b.is_none(),
        };
        same_source && self.meta == other.meta && self.problem == other.problem && self.body_excerpt == other.body_excerpt
    }
}

impl Eq for Unhandled {}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.problem, self.meta.code()) {
            (Some(problem), _) => write!(f, "unreadable response: {problem}")?,
            (None, Some(code)) => write!(f, "unmodeled error {code}")?,
            // The wrapped error is the source; printing it here too would show it twice.
            (None, None) if self.source.is_some() => f.write_str("unhandled error")?,
            (None, None) => f.write_str("unmodeled error")?,
        }
        let status = self.meta.status();
        match (status, self.meta.request_id()) {
            (0, None) => {}
            (0, Some(request_id)) => write!(f, " (request id {request_id})")?,
            (status, None) => write!(f, " (HTTP status {status})")?,
            (status, Some(request_id)) => write!(f, " (HTTP status {status}, request id {request_id})")?,
        }
        if let Some(message) = self.meta.message() {
            write!(f, ": {message}")?;
        } else if self.problem.is_some() {
            write!(f, "; body starts {:?}", self.body_excerpt)?;
        }
        Ok(())
    }
}

impl std::error::Error for Unhandled {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source_error()
    }
}

impl ProvideErrorMetadata for Unhandled {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

impl RequestId for Unhandled {
    fn request_id(&self) -> Option<&str> {
        self.meta.request_id()
    }
}

#[cfg(test)]
mod tests {
    use super::{BuildError, ErrorMetadata, Unhandled};
    use std::error::Error as _;

    #[test]
    fn unhandled_says_what_it_knows() {
        let mut meta = ErrorMetadata::new(400, Some("req-1"));
        meta.set_code(Some("ThrottlingException"));
        meta.set_message(Some("Rate exceeded"));
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
        assert_eq!(two.type_name(), Some("Config"));
    }

    #[test]
    fn build_errors_made_by_hand_read_as_the_sdk_s() {
        let missing = BuildError::missing_field("key", "key is required");
        assert_eq!(missing.to_string(), "key was missing: key is required");
        assert_eq!(missing.missing(), ["key"]);
        let invalid = BuildError::invalid_field("port", "must be below 65536");
        assert_eq!(invalid.to_string(), "invalid field in input: port (details: must be below 65536)");
        let other = BuildError::other("disk full");
        assert_eq!(other.to_string(), "error during request construction");
        assert_eq!(other.source().map(ToString::to_string).as_deref(), Some("disk full"));
        assert_eq!(other.clone(), other);
    }

    #[test]
    fn metadata_built_by_hand_prints_its_fields_in_order() {
        let meta = ErrorMetadata::builder()
            .code("ThrottlingException")
            .message("slow down")
            .custom("retry_after", "5")
            .custom("aws_request_id", "req-9")
            .custom("attempt", "2")
            .build();
        assert_eq!(
            meta.to_string(),
            r#"Error { code: "ThrottlingException", message: "slow down", attempt: "2", aws_request_id: "req-9", retry_after: "5" }"#
        );
        assert_eq!(meta.request_id(), Some("req-9"));
        assert_eq!(meta.extra("retry_after"), Some("5"));
        assert_eq!(ErrorMetadata::default().to_string(), "Error");
        let rebuilt = meta.clone().into_builder().message("later").build();
        assert_eq!((rebuilt.code(), rebuilt.message()), (Some("ThrottlingException"), Some("later")));
    }

    #[test]
    fn request_id_and_message_read_back_whichever_is_set_and_in_any_order() {
        let both = ErrorMetadata::from_response(400, Some("req-é"), Some("ünknown"));
        assert_eq!((both.request_id(), both.message(), both.status()), (Some("req-é"), Some("ünknown"), 400));
        let empty_strings = ErrorMetadata::from_response(500, Some(""), Some(""));
        assert_eq!((empty_strings.request_id(), empty_strings.message()), (Some(""), Some("")));
        let neither = ErrorMetadata::new(503, None);
        assert_eq!((neither.request_id(), neither.message()), (None, None));
        let mut message_later = ErrorMetadata::new(400, Some("req-1"));
        message_later.set_message(Some("m"));
        assert_eq!((message_later.request_id(), message_later.message()), (Some("req-1"), Some("m")));
        let id_later = ErrorMetadata::builder().message("m").custom("aws_request_id", "req-2").build();
        assert_eq!((id_later.request_id(), id_later.message()), (Some("req-2"), Some("m")));
        assert_eq!(message_later, ErrorMetadata::from_response(400, Some("req-1"), Some("m")));
        assert_eq!(
            format!("{both:?}"),
            r#"ErrorMetadata { code: None, message: Some("ünknown"), request_id: Some("req-é"), status: 400, extras: [] }"#
        );
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn metadata_stays_at_64_bytes_unboxed() {
        assert_eq!(std::mem::size_of::<ErrorMetadata>(), 64);
    }

    #[test]
    fn an_unhandled_error_keeps_its_cause_as_the_source_only() {
        let unhandled = Unhandled::from_source("connection reset".into());
        assert_eq!(unhandled.to_string(), "unhandled error");
        assert_eq!(unhandled.source().map(ToString::to_string).as_deref(), Some("connection reset"));
        let generic = Unhandled::new(ErrorMetadata::builder().code("Teapot").build(), None, String::new());
        assert_eq!(generic.to_string(), "unmodeled error Teapot");
        assert!(generic.source().is_none());
    }
}
