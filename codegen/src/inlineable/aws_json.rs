//! What the awsJson1_0 and awsJson1_1 protocols say about responses: an empty body is an
//! empty object, and an error's code and message are found in a header or the body.

// A crate uses only the helpers its operations need.
#![allow(dead_code)]

use std::borrow::Cow;

use super::error::{ErrorMetadata, Unhandled};
use super::http::HttpResponse;
use super::json_reader::{JsonError, JsonReader};
use super::responses::{request_id, sanitize_error_code, unhandled};

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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
