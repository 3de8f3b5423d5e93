//! What every protocol's responses share: which statuses succeed, the request id, how an
//! error code is sanitized, the code an `@awsQueryCompatible` service sends in a header, and
//! the [`Unhandled`] error that keeps the start of a body nothing could read.

// A crate uses only the helpers its operations need.
#![allow(dead_code)]

use std::fmt;

use super::error::{ErrorMetadata, Unhandled};
use super::http::HttpResponse;

/// How much of an unreadable body an [`Unhandled`] error keeps.
const EXCERPT_BYTES: usize = 200;

pub(crate) fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

pub(crate) fn request_id(response: &HttpResponse<'_>) -> Option<String> {
    response.header("x-amzn-requestid").map(str::to_owned)
}

/// The error code an `@awsQueryCompatible` service puts in `x-amzn-query-error`
/// (`Code;Sender`), which is what the service's awsQuery clients knew the error as.
pub(crate) fn query_error_code<'a>(response: &HttpResponse<'a>) -> Option<&'a str> {
    let header = response.header("x-amzn-query-error")?;
    let code = header.split(';').next().unwrap_or(header).trim();
    (!code.is_empty()).then_some(code)
}

/// Keeps what stands before the first `:`, then what stands after the first `#`:
/// `aws.example#FooError:http://internal.amazon.com/coral/...` becomes `FooError`.
pub(crate) fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    let after_hash = before_colon.split_once('#').map_or(before_colon, |(_, name)| name);
    after_hash.trim()
}

/// An [`Unhandled`] error for `response`, keeping the start of its body.
pub(crate) fn unhandled(response: &HttpResponse<'_>, meta: ErrorMetadata, problem: Option<String>) -> Unhandled {
    Unhandled::new(meta, problem, excerpt(response.body()))
}

/// The error for a successful status whose body cannot be read as the output.
pub(crate) fn unreadable_output(response: &HttpResponse<'_>, problem: &dyn fmt::Display) -> Unhandled {
    let meta = ErrorMetadata::new(response.status(), request_id(response));
    unhandled(response, meta, Some(format!("response body is not the expected output: {problem}")))
}

/// The error for a modeled error code whose body does not match the error's shape.
pub(crate) fn unreadable_error(response: &HttpResponse<'_>, meta: ErrorMetadata, problem: &dyn fmt::Display) -> Unhandled {
    let code = meta.code().unwrap_or_default().to_owned();
    unhandled(response, meta, Some(format!("cannot read the {code} error body: {problem}")))
}

/// The first bytes of a body, lossily decoded, marked when cut short.
fn excerpt(body: &[u8]) -> String {
    if body.len() <= EXCERPT_BYTES {
        return String::from_utf8_lossy(body).into_owned();
    }
    let mut text = String::from_utf8_lossy(&body[..EXCERPT_BYTES]).into_owned();
    text.push('…');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_codes_as_the_specification_shows() {
        assert_eq!(sanitize_error_code("FooError"), "FooError");
        assert_eq!(sanitize_error_code("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"), "FooError");
        assert_eq!(sanitize_error_code("aws.protocoltests.restjson#FooError"), "FooError");
        assert_eq!(
            sanitize_error_code("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
            "FooError"
        );
    }

    #[test]
    fn query_error_codes_come_before_the_semicolon() {
        let response = HttpResponse::new(400, b"{}").with_header("x-amzn-query-error", "Customized;Sender");
        assert_eq!(query_error_code(&response), Some("Customized"));
        assert_eq!(query_error_code(&HttpResponse::new(400, b"{}").with_header("x-amzn-query-error", ";Sender")), None);
        assert_eq!(query_error_code(&HttpResponse::new(400, b"{}")), None);
    }

    #[test]
    fn long_bodies_are_cut_to_an_excerpt() {
        let long = vec![b'x'; 300];
        assert_eq!(excerpt(&long).chars().count(), 201);
        assert_eq!(excerpt(b"short"), "short");
    }
}
