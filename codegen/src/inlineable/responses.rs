//! What every protocol's responses share: which statuses succeed, the request id, how an
//! error code is sanitized, the code an `@awsQueryCompatible` service sends in a header, and
//! the [`Unhandled`] error that keeps the start of a body nothing could read.

// A crate uses only the helpers its operations need.
#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt;

use super::byte_scan::{first_byte, first_of_two};
use super::error::{ErrorMetadata, Unhandled};
use super::http::HttpResponse;

/// How much of an unreadable body an [`Unhandled`] error keeps.
const EXCERPT_BYTES: usize = 200;

pub(crate) fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

pub(crate) fn request_id(response: &HttpResponse<'_>) -> Option<String> {
    request_id_header(response).map(str::to_owned)
}

/// The header that carries the request id, lowercase.
pub(crate) const REQUEST_ID_HEADER: &str = "x-amzn-requestid";

/// The `x-amzn-RequestId` header, for metadata that stores it with the message.
pub(crate) fn request_id_header<'a>(response: &HttpResponse<'a>) -> Option<&'a str> {
    response.header(REQUEST_ID_HEADER)
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
    // Word-at-a-time searches: a namespaced code is some fifty bytes, and a byte loop over
    // it cost as much as reading the rest of the error's metadata.
    let bytes = raw.as_bytes();
    let first_mark = first_of_two(bytes, b'#', b':').unwrap_or(bytes.len());
    let (start, end) = if bytes.get(first_mark) == Some(&b'#') {
        let after_hash = first_mark + 1;
        let rest = bytes.get(after_hash..).unwrap_or_default();
        let colon = first_byte(rest, b':').map_or(bytes.len(), |at| after_hash + at);
        (after_hash, colon)
    } else {
        (0, first_mark)
    };
    // ':' and '#' are ASCII, so both positions are character boundaries.
    raw.get(start..end).unwrap_or_default().trim()
}

/// `code` as stored in error metadata: the model's own spelling when it is one of `known`
/// (the operation's modeled codes), so the common case allocates nothing.
pub(crate) fn modeled_code(code: &str, known: &[&'static str]) -> Cow<'static, str> {
    match known.iter().find(|name| **name == code) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(code.to_owned()),
    }
}

/// An [`Unhandled`] error for `response`, keeping the start of its body.
pub(crate) fn unhandled(response: &HttpResponse<'_>, meta: ErrorMetadata, problem: Option<String>) -> Unhandled {
    Unhandled::new(meta, problem, excerpt(response.body()))
}

/// The error for a successful status whose body cannot be read as the output.
pub(crate) fn unreadable_output(response: &HttpResponse<'_>, problem: &dyn fmt::Display) -> Unhandled {
    not_the_output(response, "response body", problem)
}

/// The error for a successful status whose headers or body cannot be read as the output,
/// `problem` saying which (HTTP binding protocols read both).
#[allow(dead_code, reason = "only HTTP binding protocols read outputs from headers")]
pub(crate) fn unreadable_response(response: &HttpResponse<'_>, problem: &dyn fmt::Display) -> Unhandled {
    not_the_output(response, "response", problem)
}

fn not_the_output(response: &HttpResponse<'_>, what: &str, problem: &dyn fmt::Display) -> Unhandled {
    let meta = ErrorMetadata::new(response.status(), request_id_header(response));
    unhandled(response, meta, Some(format!("{what} is not the expected output: {problem}")))
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
        // Only the first `#` counts, and only before the `:`.
        assert_eq!(sanitize_error_code("a#b#FooError"), "b#FooError");
        assert_eq!(sanitize_error_code("FooError:http://example.com/#frag"), "FooError");
        assert_eq!(sanitize_error_code(" ns#FooError "), "FooError");
        assert_eq!(sanitize_error_code("ns#"), "");
        assert_eq!(modeled_code("FooError", &["BarError", "FooError"]), Cow::<str>::Borrowed("FooError"));
        assert!(matches!(modeled_code("Other", &["FooError"]), Cow::Owned(code) if code == "Other"));
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
