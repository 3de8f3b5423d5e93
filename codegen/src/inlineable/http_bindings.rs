//! What Smithy's HTTP binding traits say about values outside the body: labels and query
//! parameters percent-encoded into the request target, header values and lists in their
//! text forms, and the same read back from a response.

// A crate uses only the bindings its operations have.
#![allow(dead_code)]

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Builds a request target: the path's literals and percent-encoded labels, then the query.
pub(crate) struct UriWriter {
    text: String,
    has_query: bool,
    /// The first label value that would change the path's structure, with the label's name.
    bad_label: Option<String>,
}

impl UriWriter {
    pub(crate) fn new(capacity: usize) -> Self {
        Self { text: String::with_capacity(capacity), has_query: false, bad_label: None }
    }

    /// Path text from the `@http` pattern, written as is.
    pub(crate) fn literal(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// A label's value, percent-encoded so that it stays one path segment (a greedy label
    /// keeps its `/`s, so it may span several). An empty value, or a segment that is `.` or
    /// `..`, would change which resource the path names: it is recorded, and makes the
    /// request unsendable.
    pub(crate) fn label(&mut self, name: &str, value: &str, greedy: bool) {
        let dot_segment = |segment: &str| segment == "." || segment == "..";
        let bad = value.is_empty() || if greedy { value.split('/').any(dot_segment) } else { dot_segment(value) };
        if bad && self.bad_label.is_none() {
            self.bad_label = Some(format!("{name} = {value:?}"));
        }
        percent_encode(&mut self.text, value, greedy);
    }

    /// A literal query parameter of the `@http` pattern (`foo=bar`, or a bare `hello`).
    pub(crate) fn query_literal(&mut self, pair: &str) {
        self.start_parameter();
        self.text.push_str(pair);
    }

    /// A query parameter, name and value percent-encoded.
    pub(crate) fn query(&mut self, name: &str, value: &str) {
        self.start_parameter();
        percent_encode(&mut self.text, name, false);
        self.text.push('=');
        percent_encode(&mut self.text, value, false);
    }

    fn start_parameter(&mut self) {
        self.text.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
    }

    /// The target, and the label that makes it unsendable, if any.
    pub(crate) fn finish(self) -> (String, Option<String>) {
        (self.text, self.bad_label)
    }
}

/// Appends `value` with every byte but RFC 3986's unreserved characters percent-encoded
/// (and `/` when `keep_slashes`), as Smithy's `@httpLabel` and `@httpQuery` ask.
fn percent_encode(out: &mut String, value: &str, keep_slashes: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in value.as_bytes() {
        let unreserved = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~');
        if unreserved || (keep_slashes && byte == b'/') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

/// A float as the URI, query and headers write it: `NaN`, `Infinity` and `-Infinity` by
/// name, finite values in their shortest form (`1.1`, not `1.100000023841858` for an f32).
pub(crate) fn float_text<T: Copy + Into<f64> + fmt::Display>(value: T) -> String {
    let wide: f64 = value.into();
    if wide.is_nan() {
        "NaN".to_owned()
    } else if wide.is_infinite() {
        if wide > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        value.to_string()
    }
}

/// Appends one item to a header list: `, ` between items, and a string item quoted (with
/// `"` and `\` escaped) when it holds a comma or a quote, so the list splits back the same.
pub(crate) fn push_list_item(list: &mut String, item: &str, quote_if_needed: bool) {
    if !list.is_empty() {
        list.push_str(", ");
    }
    if quote_if_needed && item.contains([',', '"']) {
        list.push('"');
        for ch in item.chars() {
            if ch == '"' || ch == '\\' {
                list.push('\\');
            }
            list.push(ch);
        }
        list.push('"');
    } else {
        list.push_str(item);
    }
}

/// A response value outside the body that is not what the model says it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindingError(String);

impl BindingError {
    pub(crate) fn header(name: &str, problem: impl fmt::Display) -> Self {
        BindingError(format!("header `{name}`: {problem}"))
    }

    pub(crate) fn body(problem: impl fmt::Display) -> Self {
        BindingError(format!("body: {problem}"))
    }
}

impl fmt::Display for BindingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BindingError {}

impl From<super::json_reader::JsonError> for BindingError {
    fn from(problem: super::json_reader::JsonError) -> Self {
        BindingError::body(problem)
    }
}

/// The items of a header list: split at commas outside double quotes, trimmed, and quoted
/// items unquoted.
pub(crate) fn split_list(value: &str) -> Result<Vec<Cow<'_, str>>, String> {
    let mut items = Vec::new();
    let mut rest = value.trim_start();
    if rest.is_empty() {
        return Ok(items);
    }
    loop {
        let (item, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let (item, after) = unquote(quoted).ok_or_else(|| format!("{value:?} has an unterminated quoted item"))?;
            let after = after.trim_start();
            if !after.is_empty() && !after.starts_with(',') {
                return Err(format!("{value:?} has text after a quoted item"));
            }
            (Cow::Owned(item), after)
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (Cow::Borrowed(rest[..end].trim_end()), &rest[end..])
        };
        items.push(item);
        match after.strip_prefix(',') {
            Some(next) => rest = next.trim_start(),
            None => return Ok(items),
        }
    }
}

/// The text of a quoted item up to its closing quote, unescaped, and what follows it.
fn unquote(text: &str) -> Option<(String, &str)> {
    let mut item = String::new();
    let mut chars = text.char_indices();
    while let Some((at, ch)) = chars.next() {
        match ch {
            '"' => return Some((item, &text[at + 1..])),
            '\\' => item.push(chars.next()?.1),
            other => item.push(other),
        }
    }
    None
}

/// The HTTP dates of a header list: each date holds a comma of its own, so the list splits
/// at every second comma.
pub(crate) fn split_http_dates(value: &str) -> Vec<&str> {
    let mut dates = Vec::new();
    let mut start = 0;
    let mut commas = 0;
    for (at, byte) in value.bytes().enumerate() {
        if byte == b',' {
            commas += 1;
            if commas % 2 == 0 {
                dates.push(value[start..at].trim());
                start = at + 1;
            }
        }
    }
    if !value[start..].trim().is_empty() {
        dates.push(value[start..].trim());
    }
    dates
}

/// An `@httpResponseCode` member's value: the status, which every response has (an
/// `Option` only so that it reads like every other member).
#[allow(clippy::unnecessary_wraps, reason = "members are read as options")]
pub(crate) fn status_code(response: &super::http::HttpResponse<'_>) -> Option<i32> {
    Some(i32::from(response.status()))
}

pub(crate) fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(format!("{other:?} is not a boolean")),
    }
}

pub(crate) fn parse_integer<T: FromStr>(text: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text:?} is not an integer of the member's size"))
}

pub(crate) fn parse_float<T: FromStr>(text: &str) -> Result<T, String> {
    let text = text.trim();
    let spelled = match text {
        "NaN" => "NaN",
        "Infinity" => "inf",
        "-Infinity" => "-inf",
        // Rust reads `inf` and `nan` too, which Smithy does not write.
        other if other.bytes().any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E') => {
            return Err(format!("{text:?} is not a number"))
        }
        other => other,
    };
    spelled.parse().map_err(|_| format!("{text:?} is not a number"))
}

pub(crate) fn parse_date_time(text: &str, format: super::primitives::Format) -> Result<super::primitives::DateTime, String> {
    super::primitives::DateTime::from_str(text.trim(), format).map_err(|problem| problem.to_string())
}

/// A header string the model marks with `@mediaType`: base64 on the wire.
pub(crate) fn parse_base64_text(text: &str) -> Result<String, String> {
    let bytes = super::base64::decode(text.trim()).ok_or_else(|| format!("{text:?} is not base64"))?;
    String::from_utf8(bytes).map_err(|_| format!("{text:?} is not base64 of UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_percent_encoded_but_for_unreserved_bytes() {
        let mut uri = UriWriter::new(0);
        uri.literal("/a/");
        uri.label("x", " %:/?#[]@!$&'()*+,;=😹", false);
        uri.literal("/b/");
        uri.label("y", "there/guy", true);
        assert_eq!(
            uri.finish(),
            ("/a/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/b/there/guy".to_owned(), None)
        );
    }

    #[test]
    fn labels_that_would_change_the_path_make_it_unsendable() {
        for (value, greedy) in [("", false), ("..", false), (".", false), ("a/../b", true), ("..", true), ("", true)] {
            let mut uri = UriWriter::new(0);
            uri.label("key", value, greedy);
            assert_eq!(uri.finish().1, Some(format!("key = {value:?}")), "{value:?}");
        }
        // Escaped, these stay inside one segment and name nothing else.
        for value in ["../", "%2F", "?", "#", "a..b"] {
            let mut uri = UriWriter::new(0);
            uri.label("key", value, false);
            let (text, bad) = uri.finish();
            assert_eq!(bad, None);
            assert!(!text.contains(['/', '?', '#']), "{text}");
        }
    }

    #[test]
    fn query_parameters_follow_the_literal_ones() {
        let mut uri = UriWriter::new(0);
        uri.literal("/q");
        uri.query_literal("foo=bar");
        uri.query("a b", "c&d");
        assert_eq!(uri.finish().0, "/q?foo=bar&a%20b=c%26d");
    }

    #[test]
    fn header_lists_quote_items_that_hold_commas_or_quotes_and_split_back() {
        let mut list = String::new();
        for item in ["b,c", "\"def\"", "a"] {
            push_list_item(&mut list, item, true);
        }
        assert_eq!(list, r#""b,c", "\"def\"", a"#);
        assert_eq!(split_list(&list).unwrap(), ["b,c", "\"def\"", "a"]);
        assert_eq!(split_list("a, b,c").unwrap(), ["a", "b", "c"]);
        assert_eq!(split_list("").unwrap(), Vec::<Cow<'_, str>>::new());
        assert!(split_list("\"open").is_err());
    }

    #[test]
    fn http_date_lists_split_at_every_second_comma() {
        assert_eq!(
            split_http_dates("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT"),
            ["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"]
        );
    }

    #[test]
    fn numbers_read_and_write_as_smithy_spells_them() {
        assert_eq!(float_text(1.1f32), "1.1");
        assert_eq!(float_text(f64::NAN), "NaN");
        assert_eq!(float_text(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(parse_float::<f64>("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(parse_float::<f64>("inf").is_err());
        assert_eq!(parse_integer::<i8>("1"), Ok(1));
        assert!(parse_integer::<i8>("300").is_err());
        assert_eq!(parse_bool("false"), Ok(false));
        assert!(parse_bool("yes").is_err());
    }
}
