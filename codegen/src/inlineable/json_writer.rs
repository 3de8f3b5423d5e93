//! A compact JSON writer producing the same bytes as aws-smithy-json: no whitespace, keys
//! in the order written, and only `"`, `\` and control characters escaped.

// A crate uses only the value kinds its operations' members have.
#![allow(dead_code)]

/// Writes the members of one JSON object.
pub(crate) struct JsonObjectWriter<'a> {
    out: &'a mut String,
    started: bool,
}

impl<'a> JsonObjectWriter<'a> {
    /// Opens an object at the end of `out`.
    pub(crate) fn new(out: &'a mut String) -> Self {
        out.push('{');
        Self { out, started: false }
    }

    /// Writes `"key":` and returns the writer for its value.
    pub(crate) fn key(&mut self, key: &str) -> JsonValueWriter<'_> {
        if self.started {
            self.out.push(',');
        }
        self.started = true;
        push_escaped(self.out, key);
        self.out.push(':');
        JsonValueWriter { out: self.out }
    }

    /// Closes the object.
    pub(crate) fn finish(self) {
        self.out.push('}');
    }
}

/// Writes the elements of one JSON array.
pub(crate) struct JsonArrayWriter<'a> {
    out: &'a mut String,
    started: bool,
}

impl<'a> JsonArrayWriter<'a> {
    /// Returns the writer for the next element.
    pub(crate) fn value(&mut self) -> JsonValueWriter<'_> {
        if self.started {
            self.out.push(',');
        }
        self.started = true;
        JsonValueWriter { out: self.out }
    }

    /// Closes the array.
    pub(crate) fn finish(self) {
        self.out.push(']');
    }
}

/// Writes exactly one JSON value.
pub(crate) struct JsonValueWriter<'a> {
    out: &'a mut String,
}

impl<'a> JsonValueWriter<'a> {
    pub(crate) fn string(self, value: &str) {
        push_escaped(self.out, value);
    }

    pub(crate) fn boolean(self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub(crate) fn integer(self, value: i64) {
        use std::fmt::Write;
        // Writing into a String cannot fail.
        let _ = write!(self.out, "{value}");
    }

    /// Finite numbers as JSON numbers; NaN and the infinities as the strings Smithy's
    /// JSON protocols use for them, since JSON has no literal for them.
    pub(crate) fn float(self, value: f64) {
        use std::fmt::Write;
        if value.is_nan() {
            self.out.push_str("\"NaN\"");
        } else if value.is_infinite() {
            self.out.push_str(if value > 0.0 { "\"Infinity\"" } else { "\"-Infinity\"" });
        } else {
            let _ = write!(self.out, "{value}");
        }
    }

    /// A number already in JSON's grammar, written as is (big numbers, epoch seconds).
    pub(crate) fn raw_number(self, text: &str) {
        self.out.push_str(text);
    }

    pub(crate) fn null(self) {
        self.out.push_str("null");
    }

    pub(crate) fn blob(self, value: &super::primitives::Blob) {
        self.string(&super::base64::encode(value.as_ref()));
    }

    pub(crate) fn date_time(self, value: &super::primitives::DateTime, format: super::primitives::Format) {
        let text = value.fmt(format);
        match format {
            super::primitives::Format::EpochSeconds => self.raw_number(&text),
            _ => self.string(&text),
        }
    }

    pub(crate) fn document(self, value: &super::primitives::Document) {
        use super::primitives::{Document, Number};
        match value {
            Document::Object(members) => {
                let mut object = self.start_object();
                let mut keys: Vec<&String> = members.keys().collect();
                // Sorted, so that one document always serializes to the same bytes.
                keys.sort();
                for key in keys {
                    object.key(key).document(&members[key]);
                }
                object.finish();
            }
            Document::Array(items) => {
                let mut array = self.start_array();
                for item in items {
                    array.value().document(item);
                }
                array.finish();
            }
            Document::Number(Number::PosInt(n)) => self.raw_number(&n.to_string()),
            Document::Number(Number::NegInt(n)) => self.integer(*n),
            Document::Number(Number::Float(n)) => self.float(*n),
            Document::String(text) => self.string(text),
            Document::Bool(value) => self.boolean(*value),
            Document::Null => self.null(),
        }
    }

    pub(crate) fn start_object(self) -> JsonObjectWriter<'a> {
        JsonObjectWriter::new(self.out)
    }

    pub(crate) fn start_array(self) -> JsonArrayWriter<'a> {
        self.out.push('[');
        JsonArrayWriter {
            out: self.out,
            started: false,
        }
    }
}

/// Appends `value` as a quoted JSON string. Runs of characters that need no escape are
/// copied in one piece; everything outside `"`, `\` and U+0000–U+001F is written as is.
fn push_escaped(out: &mut String, value: &str) {
    out.push('"');
    let mut clean_from = 0;
    for (index, byte) in value.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(&value[clean_from..index]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        } else {
            out.push_str(escape);
        }
        clean_from = index + 1;
    }
    out.push_str(&value[clean_from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(value: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, value);
        out
    }

    #[test]
    fn escapes_quotes_backslashes_and_control_characters_only() {
        assert_eq!(escaped("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(escaped("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(escaped("\u{0}\u{1}\u{1f}"), r#""\u0000\u0001\u001f""#);
        assert_eq!(escaped("/é😀\u{2028}\u{7f}"), "\"/é😀\u{2028}\u{7f}\"");
    }

    #[test]
    fn writes_compact_nested_values() {
        let mut out = String::new();
        let mut object = JsonObjectWriter::new(&mut out);
        object.key("s").string("x");
        object.key("b").boolean(false);
        object.key("i").integer(-7);
        let mut array = object.key("a").start_array();
        array.value().float(1.5);
        array.value().float(f64::NAN);
        array.value().float(f64::NEG_INFINITY);
        array.value().start_object().finish();
        array.finish();
        object.key("e").start_array().finish();
        object.finish();
        assert_eq!(out, r#"{"s":"x","b":false,"i":-7,"a":[1.5,"NaN","-Infinity",{}],"e":[]}"#);
    }
}
