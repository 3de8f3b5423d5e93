//! What the awsJson1_0 and awsJson1_1 protocols say about responses: an empty body is an
//! empty object, and an error's code and message are found in a header or the body.

// A crate uses only the helpers its operations need.
#![allow(dead_code)]

use std::borrow::Cow;

use super::error::{ErrorMetadata, Unhandled};
use super::http::HttpResponse;
use super::json_reader::{JsonError, JsonReader};
use super::responses::{modeled_code, sanitize_error_code, unhandled, REQUEST_ID_HEADER};

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

/// Reads an error response in one pass over its body: returns the metadata that names the
/// error (code, message, request id, status), and fills `members` for the modeled error's
/// reader. (Filled in place, not returned: it is large enough that moving it shows.)
///
/// The code comes from the `X-Amzn-Errortype` header if present, else the body's `code`,
/// else its `__type`. The message is the last of `message`, `Message` and `errorMessage` the body has.
/// A body that is not a JSON object, or a response with no code, is [`Unhandled`].
/// `known_codes` are the operation's modeled error codes.
#[allow(clippy::result_large_err, reason = "the error path; what it returns is moved once, into the error")]
pub(crate) fn read_error<'a>(
    response: &HttpResponse<'a>,
    members: &mut ErrorBody<'a>,
    known_codes: &[&'static str],
) -> Result<ErrorMetadata, Unhandled> {
    let [request_id, error_type] = response.headers_named([REQUEST_ID_HEADER, "x-amzn-errortype"]);
    let fields = match members.read(body_or_empty_object(response.body())) {
        Ok(fields) => fields,
        Err(problem) => {
            let problem = format!("error response body is not a JSON object: {problem}");
            return Err(unhandled(response, ErrorMetadata::new(response.status(), request_id), Some(problem)));
        }
    };
    let mut meta = ErrorMetadata::from_response(response.status(), request_id, fields.message.as_deref());
    let code = error_type.map(Cow::Borrowed).or(fields.code).or(fields.type_name);
    meta.set_code(code.as_deref().map(|code| modeled_code(sanitize_error_code(code), known_codes)));
    if meta.code().is_none() {
        let problem = "error response names no error code".to_owned();
        return Err(unhandled(response, meta, Some(problem)));
    }
    Ok(meta)
}

/// The code and message an error body names; codes stay borrowed until one is chosen.
#[derive(Default)]
struct ErrorFields<'a> {
    code: Option<Cow<'a, str>>,
    type_name: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
}

/// How many top-level members an error body records without allocating; AWS error bodies
/// have two to five.
const INLINE_MEMBERS: usize = 6;

/// An error body already read once: where each top-level member's value starts, so that the
/// modeled error's reader, chosen only once the code is known (it may come last), reads
/// just its members' values and never scans the body again.
pub(crate) struct ErrorBody<'a> {
    /// The reader that read the body, from which the members' readers start.
    reader: JsonReader<'a>,
    inline: [Member<'a>; INLINE_MEMBERS],
    inline_len: usize,
    overflow: Vec<Member<'a>>,
    /// Names and string values that had escapes, which [`Text::Unescaped`] points into.
    unescaped: Vec<String>,
}

/// One top-level member of an error body. It owns nothing, so that the inline array
/// costs nothing to drop.
#[derive(Clone, Copy)]
struct Member<'a> {
    name: Text<'a>,
    value_at: usize,
    /// The value, when it is a string: the first pass read it already.
    text: Option<Text<'a>>,
}

/// A name or string value: borrowed from the body, or unescaped into the body's list.
#[derive(Clone, Copy)]
enum Text<'a> {
    Borrowed(&'a str),
    Unescaped(usize),
}

impl Member<'_> {
    const UNSET: Self = Member { name: Text::Borrowed(""), value_at: 0, text: None };
}

/// A member of an [`ErrorBody`], as its modeled error's reader sees it.
#[derive(Clone, Copy)]
pub(crate) struct MemberRef<'b, 'a> {
    body: &'b ErrorBody<'a>,
    member: &'b Member<'a>,
}

impl<'b, 'a> MemberRef<'b, 'a> {
    pub(crate) fn name(&self) -> &'b str {
        self.body.text(self.member.name)
    }

    /// A string value, as [`JsonReader::optional_string`] reads it.
    pub(crate) fn optional_string(&self) -> Result<Option<String>, JsonError> {
        match self.member.text {
            Some(text) => Ok(Some(self.body.text(text).to_owned())),
            None => self.reader().optional_string(),
        }
    }

    /// A string value, borrowed where it can be, as [`JsonReader::optional_str`] reads it.
    pub(crate) fn optional_str(&self) -> Result<Option<Cow<'b, str>>, JsonError> {
        match self.member.text {
            Some(text) => Ok(Some(Cow::Borrowed(self.body.text(text)))),
            None => self.reader().optional_str(),
        }
    }

    /// A reader at the value, for values of other types.
    pub(crate) fn reader(&self) -> JsonReader<'a> {
        self.body.reader.at(self.member.value_at)
    }
}

impl Default for ErrorBody<'_> {
    fn default() -> Self {
        ErrorBody {
            reader: JsonReader::empty(),
            inline: [Member::UNSET; INLINE_MEMBERS],
            inline_len: 0,
            overflow: Vec::new(),
            unescaped: Vec::new(),
        }
    }
}

impl<'a> ErrorBody<'a> {
    fn read(&mut self, body: &'a [u8]) -> Result<ErrorFields<'a>, JsonError> {
        let mut reader = JsonReader::new(body);
        self.reader = reader.clone();
        let mut fields = ErrorFields::default();
        reader.begin_object()?;
        while let Some(name) = reader.next_key()? {
            let value_at = reader.value_start();
            // aws-sdk-rust keeps the last of the three message spellings; so do we.
            let slot = match name.as_ref() {
                "code" => Some(&mut fields.code),
                "__type" => Some(&mut fields.type_name),
                "message" | "Message" | "errorMessage" => Some(&mut fields.message),
                _ => None,
            };
            let text = reader.string_or_skip()?;
            // A null or a field of the wrong type names nothing and must not erase or hide
            // what another field named.
            if let (Some(slot), Some(text)) = (slot, &text) {
                *slot = Some(text.clone());
            }
            let member = Member { name: self.keep(name), value_at, text: text.map(|text| self.keep(text)) };
            self.push(member);
        }
        reader.end()?;
        Ok(fields)
    }

    fn keep(&mut self, text: Cow<'a, str>) -> Text<'a> {
        match text {
            Cow::Borrowed(text) => Text::Borrowed(text),
            Cow::Owned(text) => {
                self.unescaped.push(text);
                Text::Unescaped(self.unescaped.len() - 1)
            }
        }
    }

    fn text(&self, text: Text<'a>) -> &str {
        match text {
            Text::Borrowed(text) => text,
            Text::Unescaped(index) => self.unescaped.get(index).map_or("", String::as_str),
        }
    }

    fn push(&mut self, member: Member<'a>) {
        if self.inline_len < INLINE_MEMBERS {
            self.inline[self.inline_len] = member;
            self.inline_len += 1;
        } else {
            self.overflow.push(member);
        }
    }

    /// Each top-level member in body order.
    pub(crate) fn members(&self) -> impl Iterator<Item = MemberRef<'_, 'a>> + '_ {
        self.inline[..self.inline_len].iter().chain(&self.overflow).map(|member| MemberRef { body: self, member })
    }

    /// An error about the body as a whole, such as a required member it lacks.
    pub(crate) fn error(&self, message: &str) -> JsonError {
        self.reader.end_error(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(response: &HttpResponse<'_>) -> Result<ErrorMetadata, Unhandled> {
        read_error(response, &mut ErrorBody::default(), &[])
    }

    #[test]
    fn records_every_member_in_order_past_the_inline_ones() {
        let body = br#"{"m0":0,"m1":1,"m2":2,"m3":3,"m4":4,"m5":5,"m6":6,"m7":7,"__type":"E","m9":[9]}"#;
        let response = HttpResponse::new(400, body);
        let mut members = ErrorBody::default();
        assert_eq!(read_error(&response, &mut members, &["E"]).unwrap().code(), Some("E"));
        let values: Vec<(String, String)> = members
            .members()
            .map(|member| {
                let mut reader = member.reader();
                let start = reader.value_start();
                reader.skip_value().unwrap();
                (member.name().to_owned(), String::from_utf8_lossy(&body[start..reader.value_start()]).into_owned())
            })
            .collect();
        let expected: Vec<(String, String)> = (0..8)
            .map(|i| (format!("m{i}"), i.to_string()))
            .chain([("__type".into(), "\"E\"".into()), ("m9".into(), "[9]".into())])
            .collect();
        assert_eq!(values, expected);
        assert_eq!(members.error("missing").to_string(), format!("missing at byte {}", body.len()));
    }

    #[test]
    fn escaped_names_and_values_read_back_unescaped() {
        let body = br#"{"__type":"E","mess\u0061ge":"say \"hi\"","Plain":"p","k\u00e9y":[1]}"#;
        let response = HttpResponse::new(400, body);
        let mut members = ErrorBody::default();
        let meta = read_error(&response, &mut members, &["E"]).unwrap();
        assert_eq!(meta.message(), Some("say \"hi\""));
        let read: Vec<(&str, Option<Cow<'_, str>>)> =
            members.members().map(|member| (member.name(), member.optional_str().unwrap_or(None))).collect();
        assert_eq!(
            read,
            [
                ("__type", Some("E".into())),
                ("message", Some("say \"hi\"".into())),
                ("Plain", Some("p".into())),
                ("kéy", None),
            ]
        );
        let message = members.members().nth(1).map(|member| member.optional_string());
        assert_eq!(message, Some(Ok(Some("say \"hi\"".to_owned()))));
    }

    #[test]
    fn header_then_code_then_type() {
        let body = br#"{"__type":"ns#TypeError","code":"CodeError","Message":"m"}"#;
        let both = HttpResponse::new(400, body).with_header("X-Amzn-Errortype", "HeaderError:x");
        assert_eq!(metadata(&both).unwrap().code(), Some("HeaderError"));
        let meta = metadata(&HttpResponse::new(400, body)).unwrap();
        assert_eq!((meta.code(), meta.message()), (Some("CodeError"), Some("m")));
        let only_type = HttpResponse::new(400, br#"{"__type":"ns#TypeError"}"#);
        assert_eq!(metadata(&only_type).unwrap().code(), Some("TypeError"));
    }

    #[test]
    fn the_last_message_spelling_in_the_body_wins_and_null_erases_nothing() {
        let message = |body: &'static [u8]| {
            let meta = metadata(&HttpResponse::new(400, body)).unwrap();
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
        let error = metadata(&html).unwrap_err();
        assert_eq!(
            error.problem(),
            Some("error response body is not a JSON object: expected an object, found `<` at byte 0")
        );
        assert_eq!(error.body_excerpt(), "<html><body>Internal Server Error</body></html>");
        let empty = metadata(&HttpResponse::new(403, b"")).unwrap_err();
        assert_eq!(empty.problem(), Some("error response names no error code"));
        assert_eq!(empty.meta().status(), 403);
    }
}
