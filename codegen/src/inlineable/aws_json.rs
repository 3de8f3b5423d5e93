//! What the awsJson1_0 and awsJson1_1 protocols say about responses: which statuses are
//! errors, where an error's code and message are found, and how a code is sanitized.

// A crate uses only the helpers its operations need.
#![allow(dead_code)]

use std::borrow::Cow;

use super::error::{ErrorMetadata, Unhandled};
use super::http::HttpResponse;
use super::json_reader::{JsonError, JsonReader};

/// How much of an unreadable body an [`Unhandled`] error keeps.
const EXCERPT_BYTES: usize = 200;

pub(crate) fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// Reads a whole body with `read`, which must consume all of it but whitespace.
pub(crate) fn read_whole_body<T>(
    body: &[u8],
    read: impl FnOnce(&mut JsonReader<'_>) -> Result<T, JsonError>,
) -> Result<T, JsonError> {
    let mut reader = JsonReader::new(body_or_empty_object(body));
    let value = read(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// A reader over a whole response body.
pub(crate) fn body_reader(body: &[u8]) -> JsonReader<'_> {
    JsonReader::new(body_or_empty_object(body))
}

/// The body to parse: an empty body stands for an empty object, as in aws-sdk-rust.
fn body_or_empty_object(body: &[u8]) -> &[u8] {
    if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    }
}

/// Code, message and request id of an error response.
///
/// The code comes from the `X-Amzn-Errortype` header if present, else the body's `code`,
/// else its `__type`. The message is the last of `message`, `Message` and `errorMessage` the body has.
/// A body that is not a JSON object, or a response with no code, is [`Unhandled`].
pub(crate) fn error_metadata(response: &HttpResponse<'_>) -> Result<ErrorMetadata, Unhandled> {
    let mut meta = ErrorMetadata::new(response.status(), request_id(response));
    let header_code = response.header("x-amzn-errortype");
    meta.set_code(header_code.map(|code| sanitize_error_code(code).to_owned()));
    let fields = match error_body_fields(body_or_empty_object(response.body())) {
        Ok(fields) => fields,
        Err(problem) => {
            let problem = format!("error response body is not a JSON object: {problem}");
            return Err(unhandled(response, meta, Some(problem)));
        }
    };
    if meta.code().is_none() {
        let body_code = fields.code.or(fields.type_name);
        meta.set_code(body_code.as_deref().map(|code| sanitize_error_code(code).to_owned()));
    }
    meta.set_message(fields.message);
    if meta.code().is_none() {
        let problem = "error response names no error code".to_owned();
        return Err(unhandled(response, meta, Some(problem)));
    }
    Ok(meta)
}

/// The error code an `@awsQueryCompatible` service puts in `x-amzn-query-error`
/// (`Code;Sender`), which is what the service's awsQuery clients knew the error as.
#[allow(dead_code, reason = "only services with @awsQueryCompatible call it")]
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
pub(crate) fn unreadable_output(response: &HttpResponse<'_>, problem: &JsonError) -> Unhandled {
    let meta = ErrorMetadata::new(response.status(), request_id(response));
    unhandled(response, meta, Some(format!("response body is not the expected output: {problem}")))
}

/// The error for a modeled error code whose body does not match the error's shape.
pub(crate) fn unreadable_error(response: &HttpResponse<'_>, meta: ErrorMetadata, problem: &JsonError) -> Unhandled {
    let code = meta.code().unwrap_or_default().to_owned();
    unhandled(response, meta, Some(format!("cannot read the {code} error body: {problem}")))
}

pub(crate) fn request_id(response: &HttpResponse<'_>) -> Option<String> {
    response.header("x-amzn-requestid").map(str::to_owned)
}

/// The fields of an error body that name the error; codes stay borrowed from the body
/// until one is chosen and sanitized.
#[derive(Default)]
struct ErrorBodyFields<'a> {
    code: Option<Cow<'a, str>>,
    type_name: Option<Cow<'a, str>>,
    message: Option<String>,
}

fn error_body_fields(body: &[u8]) -> Result<ErrorBodyFields<'_>, JsonError> {
    let mut reader = JsonReader::new(body);
    let mut fields = ErrorBodyFields::default();
    // aws-sdk-rust keeps the last of the three spellings the body has; so do we.
    let mut message: Option<Cow<'_, str>> = None;
    reader.begin_object()?;
    while let Some(key) = reader.next_key()? {
        let slot = match key.as_ref() {
            "code" => &mut fields.code,
            "__type" => &mut fields.type_name,
            "message" | "Message" | "errorMessage" => {
                // A null or a value of another type names no message and must not erase one.
                if let Some(text) = reader.optional_str().or_else(|_| reader.skip_value().map(|()| None))? {
                    message = Some(text);
                }
                continue;
            }
            _ => {
                reader.skip_value()?;
                continue;
            }
        };
        // A field of the wrong type tells us nothing, but must not hide the others.
        *slot = reader.optional_str().or_else(|_| reader.skip_value().map(|()| None))?;
    }
    reader.end()?;
    fields.message = message.map(Cow::into_owned);
    Ok(fields)
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
    fn header_then_code_then_type() {
        let body = br#"{"__type":"ns#TypeError","code":"CodeError","Message":"m"}"#;
        let both = HttpResponse::new(400, body).with_header("X-Amzn-Errortype", "HeaderError:x");
        assert_eq!(error_metadata(&both).unwrap().code(), Some("HeaderError"));
        let meta = error_metadata(&HttpResponse::new(400, body)).unwrap();
        assert_eq!((meta.code(), meta.message()), (Some("CodeError"), Some("m")));
        let only_type = HttpResponse::new(400, br#"{"__type":"ns#TypeError"}"#);
        assert_eq!(error_metadata(&only_type).unwrap().code(), Some("TypeError"));
    }

    #[test]
    fn the_last_message_spelling_in_the_body_wins_and_null_erases_nothing() {
        let message = |body: &'static [u8]| {
            let meta = error_metadata(&HttpResponse::new(400, body)).unwrap();
            meta.message().map(str::to_owned)
        };
        assert_eq!(message(br#"{"__type":"E","message":"a","Message":"b"}"#).as_deref(), Some("b"));
        assert_eq!(message(br#"{"__type":"E","Message":"b","message":"a"}"#).as_deref(), Some("a"));
        assert_eq!(message(br#"{"__type":"E","errorMessage":"c","message":"a","Message":null}"#).as_deref(), Some("a"));
        assert_eq!(message(br#"{"__type":"E","message":7}"#), None);
    }

    #[test]
    fn unreadable_bodies_are_unhandled_with_an_excerpt() {
        let html = HttpResponse::new(500, b"<html><body>Internal Server Error</body></html>");
        let error = error_metadata(&html).unwrap_err();
        assert_eq!(
            error.problem(),
            Some("error response body is not a JSON object: expected an object, found `<` at byte 0")
        );
        assert_eq!(error.body_excerpt(), "<html><body>Internal Server Error</body></html>");
        let empty = error_metadata(&HttpResponse::new(403, b"")).unwrap_err();
        assert_eq!(empty.problem(), Some("error response names no error code"));
        assert_eq!(empty.meta().status(), 403);
        let long = vec![b'x'; 300];
        assert_eq!(excerpt(&long).chars().count(), 201);
    }
}
