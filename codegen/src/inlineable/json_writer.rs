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

    /// Writes a member name already quoted, escaped and followed by `:` (as the generated
    /// serializers have them) and returns the writer for its value.
    pub(crate) fn quoted_key(&mut self, quoted: &str) -> JsonValueWriter<'_> {
        if self.started {
            self.out.push(',');
        }
        self.started = true;
        self.out.push_str(quoted);
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

impl JsonArrayWriter<'_> {
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
    /// Writes one value at the end of `out`: a whole body, as an `@httpPayload` document is.
    pub(crate) fn new(out: &'a mut String) -> Self {
        Self { out }
    }

    pub(crate) fn string(self, value: &str) {
        push_escaped(self.out, value);
    }

    pub(crate) fn boolean(self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub(crate) fn integer(self, value: i64) {
        self.out.push_str(super::decimal::Decimal::signed(value).as_str());
    }

    /// Finite numbers as JSON numbers, laid out as aws-smithy-json (and serde_json) lay
    /// them out; NaN and the infinities as the strings Smithy's JSON protocols use, since
    /// JSON has no literal for them.
    pub(crate) fn float(self, value: f64) {
        if value.is_nan() {
            self.out.push_str("\"NaN\"");
        } else if value.is_infinite() {
            self.out.push_str(if value > 0.0 { "\"Infinity\"" } else { "\"-Infinity\"" });
        } else {
            push_float(self.out, value);
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
        let text = value.format_text(format);
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

/// Appends a finite float as Ryū (used by aws-smithy-json and serde_json) writes it: the
/// fewest digits that read back as the same value, the closest such to the exact value,
/// in positional notation from 1e-5 up to 1e16 with at least one fractional digit, and as
/// `1.5e+300` beyond.
fn push_float(out: &mut String, value: f64) {
    use std::fmt::Write;
    // `{:e}` gives the fewest digits, but where two spellings of that length read back the
    // same it may not pick the closer one; exact formatting at that length does. Both are
    // formatted on the stack: a request with many numbers should not allocate for each.
    let mut shortest = StackText::default();
    let _ = write!(shortest, "{value:e}");
    let shortest = shortest.as_str();
    let length = shortest.split('e').next().unwrap_or_default().bytes().filter(u8::is_ascii_digit).count();
    let mut closest = StackText::default();
    let _ = write!(closest, "{value:.*e}", length.saturating_sub(1));
    let scientific = if closest.as_str().parse::<f64>() == Ok(value) { closest.as_str() } else { shortest };
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(unsigned) => ("-", unsigned),
        None => ("", mantissa),
    };
    // The mantissa without its point: ASCII digits only, so any split of it is a str.
    let mut digit_text = StackText::default();
    for part in mantissa.split('.') {
        let _ = digit_text.write_str(part);
    }
    let digits = digit_text.as_str();
    let length = digits.len() as i32;
    // value = 0.digits × 10^point, so `point` digits stand before the decimal point.
    let point = exponent + 1;
    out.push_str(sign);
    if (0..=16).contains(&point) && point >= length {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - length) as usize));
        out.push_str(".0");
    } else if 0 < point && point <= 16 {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    } else if -5 < point && point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else {
        out.push_str(&digits[..1]);
        if length > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        if exponent >= 0 {
            out.push('+');
        }
        out.push_str(super::decimal::Decimal::signed(i64::from(exponent)).as_str());
    }
}

/// Text formatted into a buffer on the stack. 32 bytes hold any `f64` in `{:e}` form (a
/// sign, 17 digits, a point, `e`, a sign and 3 exponent digits); longer text is cut off,
/// which `{:e}` of an `f64` never produces.
#[derive(Default)]
struct StackText {
    bytes: [u8; 32],
    len: usize,
}

impl StackText {
    fn as_str(&self) -> &str {
        // Only whole `str`s are ever written in.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// How each byte is written inside a JSON string: 0 as is, `u` as `\u00XX`, any other
/// value as a backslash and that character. Only `"`, `\` and U+0000–U+001F are escaped.
const ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `value` as a quoted JSON string. Runs of bytes that need no escape are found a
/// word at a time and copied in one piece.
fn push_escaped(out: &mut String, value: &str) {
    out.push('"');
    let mut rest = value;
    while let Some(index) = super::byte_scan::first_special(rest.as_bytes()) {
        // Special bytes are ASCII, so `index` and `index + 1` are character boundaries.
        let (clean, tail) = rest.split_at(index);
        out.push_str(clean);
        let byte = tail.as_bytes()[0];
        out.push('\\');
        match ESCAPES[usize::from(byte)] {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0F)]));
            }
            escape => out.push(char::from(escape)),
        }
        rest = &tail[1..];
    }
    out.push_str(rest);
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
        object.quoted_key(r#""q":"#).integer(i64::MIN);
        object.finish();
        assert_eq!(out, r#"{"s":"x","b":false,"i":-7,"a":[1.5,"NaN","-Infinity",{}],"e":[],"q":-9223372036854775808}"#);
    }

    #[test]
    fn floats_are_laid_out_as_aws_smithy_json_lays_them_out() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1e10, "10000000000.0"),
            (-1.2, "-1.2"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e300, "1.5e+300"),
            (0.0001, "0.0001"),
            (1e-5, "0.00001"),
            (1e-6, "1e-6"),
            (1.2345e-7, "1.2345e-7"),
            (123456789.125, "123456789.125"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
        ];
        for (value, expected) in cases {
            let mut out = String::new();
            push_float(&mut out, value);
            assert_eq!(out, expected, "{value:e}");
        }
    }
}
