//! What Smithy RPC v2 CBOR says about responses and timestamps: a response must name the
//! protocol in `smithy-protocol`, an empty body is an empty map, an error is named by the
//! body's `__type` alone, and a timestamp is tag 1 over epoch seconds.

// A crate uses only the helpers its operations need.
#![allow(dead_code)]

use std::borrow::Cow;

use super::cbor_reader::{CborError, CborKind, CborReader};
use super::cbor_writer::CborWriter;
use super::error::{ErrorMetadata, Unhandled};
use super::http::HttpResponse;
use super::primitives::DateTime;
use super::responses::{modeled_code, request_id_header, sanitize_error_code, unhandled};

pub(crate) const PROTOCOL_HEADER: &str = "smithy-protocol";
pub(crate) const PROTOCOL: &str = "rpc-v2-cbor";

/// An empty map, which an empty body stands for.
const EMPTY_MAP: &[u8] = &[0xa0];

/// A response that does not answer in this protocol is malformed: the specification has the
/// client report it by its status alone, without reading the body or other headers.
pub(crate) fn check_protocol(response: &HttpResponse<'_>) -> Result<(), Unhandled> {
    match response.header(PROTOCOL_HEADER) {
        Some(value) if value.trim() == PROTOCOL => Ok(()),
        found => {
            let found = found.map_or_else(|| "no such header".to_owned(), |value| format!("`{value}`"));
            let problem = format!(
                "the response is not Smithy RPC v2 CBOR: `{PROTOCOL_HEADER}` should be `{PROTOCOL}`, found {found}; \
                 only its status was read"
            );
            Err(unhandled(response, ErrorMetadata::new(response.status(), request_id_header(response)), Some(problem)))
        }
    }
}

/// A reader over a whole response body.
pub(crate) fn body_reader(body: &[u8]) -> CborReader<'_> {
    CborReader::new(if body.is_empty() { EMPTY_MAP } else { body })
}

/// Reads a whole body with `read`, which must consume all of it.
pub(crate) fn read_whole_body<T>(
    body: &[u8],
    read: impl FnOnce(&mut CborReader<'_>) -> Result<T, CborError>,
) -> Result<T, CborError> {
    let mut reader = body_reader(body);
    let value = read(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// Writes a timestamp as tag 1 over epoch seconds: an integer when it has no fraction of a
/// second, as botocore writes it, else a double.
pub(crate) fn write_timestamp(writer: &mut CborWriter, value: &DateTime) {
    writer.tag(1);
    if value.has_subsec_nanos() {
        writer.double(epoch_seconds(value));
    } else {
        writer.integer(value.secs());
    }
}

/// Epoch seconds as the double nearest the exact value when the fraction is whole
/// milliseconds or microseconds (one correctly rounded division of exact integers, which
/// is also what botocore computes), else to within a rounding or two.
fn epoch_seconds(value: &DateTime) -> f64 {
    let (seconds, nanos) = (value.secs(), value.subsec_nanos());
    for (nanos_per_tick, ticks_per_second) in [(1_000_000, 1_000), (1_000, 1_000_000)] {
        if nanos % nanos_per_tick != 0 {
            continue;
        }
        let ticks = seconds
            .checked_mul(ticks_per_second)
            .and_then(|ticks| ticks.checked_add(i64::from(nanos / nanos_per_tick)));
        if let Some(ticks) = ticks.filter(|ticks| ticks.unsigned_abs() < 1 << 53) {
            return ticks as f64 / ticks_per_second as f64;
        }
    }
    value.as_secs_f64()
}

/// Reads a timestamp: epoch seconds under tag 1 (or untagged), as an integer or a float,
/// to the millisecond, the protocol's resolution (so `…56.123` is 123 ms, not the
/// 122.999… ms the nearest double holds).
pub(crate) fn read_timestamp(reader: &mut CborReader<'_>) -> Result<DateTime, CborError> {
    let start = reader.position();
    let seconds = reader.epoch_seconds()?;
    // Beyond this the milliseconds overflow an i64 (and no date needs it).
    if !seconds.is_finite() || seconds.abs() >= 9.0e15 {
        return Err(reader.error_at(start, format!("{seconds} seconds is no timestamp")));
    }
    Ok(DateTime::from_millis((seconds * 1000.0).round() as i64))
}

/// Code, message and request id of an error response.
///
/// The code is the body's `__type`, sanitized; the `X-Amzn-Errortype` header and `code`
/// fields are ignored, as the protocol requires. The message is the last of `message` and
/// `Message` the body has. A body that is not a CBOR map, or one with no `__type`, is
/// [`Unhandled`].
#[allow(clippy::result_large_err, reason = "the error path; what it returns is moved once, into the error")]
pub(crate) fn error_metadata(response: &HttpResponse<'_>, known_codes: &[&'static str]) -> Result<ErrorMetadata, Unhandled> {
    let request_id = request_id_header(response);
    let (type_name, message) = match error_body_fields(response.body()) {
        Ok(fields) => fields,
        Err(problem) => {
            let problem = format!("error response body is not a CBOR map: {problem}");
            return Err(unhandled(response, ErrorMetadata::new(response.status(), request_id), Some(problem)));
        }
    };
    let mut meta = ErrorMetadata::from_response(response.status(), request_id, message.as_deref());
    meta.set_code(type_name.as_deref().map(|code| modeled_code(sanitize_error_code(code), known_codes)));
    if meta.code().is_none() {
        let problem = "error response names no error code (`__type`)".to_owned();
        return Err(unhandled(response, meta, Some(problem)));
    }
    Ok(meta)
}

type ErrorFields<'a> = (Option<Cow<'a, str>>, Option<Cow<'a, str>>);

fn error_body_fields(body: &[u8]) -> Result<ErrorFields<'_>, CborError> {
    let mut reader = body_reader(body);
    let (mut type_name, mut message) = (None, None);
    let mut map = reader.start_map()?;
    while reader.has_next(&mut map)? {
        let slot = match reader.str()?.as_ref() {
            "__type" => &mut type_name,
            "message" | "Message" => &mut message,
            _ => {
                reader.skip()?;
                continue;
            }
        };
        // A field of another type names nothing, but must not hide the others.
        if reader.peek_kind()? == CborKind::Text {
            *slot = Some(reader.str()?);
        } else {
            reader.skip()?;
        }
    }
    reader.end()?;
    Ok((type_name, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cbor_error(body: &'static [u8]) -> HttpResponse<'static> {
        HttpResponse::new(400, body).with_header("smithy-protocol", "rpc-v2-cbor")
    }

    #[test]
    fn the_code_is_the_sanitized_type_and_headers_do_not_count() {
        // {"__type": "ns#Oops", "Message": "m", "code": "NotThis"}
        let body = b"\xa3\x66__type\x67ns#Oops\x67Message\x61m\x64code\x67NotThis";
        let response = cbor_error(body).with_header("X-Amzn-Errortype", "HeaderError");
        let meta = error_metadata(&response, &[]).unwrap();
        assert_eq!((meta.code(), meta.message()), (Some("Oops"), Some("m")));
    }

    #[test]
    fn a_body_without_a_type_or_not_a_map_is_unhandled() {
        let no_type = error_metadata(&cbor_error(b"\xa1\x67message\x61m"), &[]).unwrap_err();
        assert_eq!(no_type.problem(), Some("error response names no error code (`__type`)"));
        let not_a_map = error_metadata(&cbor_error(b"\x83\x01\x02\x03"), &[]).unwrap_err();
        assert_eq!(not_a_map.problem(), Some("error response body is not a CBOR map: expected a map, found an array at byte 0"));
        let trailing = error_metadata(&cbor_error(b"\xa0\x00"), &[]).unwrap_err();
        assert_eq!(trailing.problem(), Some("error response body is not a CBOR map: 1 byte after the body's item at byte 1"));
    }

    #[test]
    fn a_response_must_name_the_protocol() {
        assert!(check_protocol(&cbor_error(b"")).is_ok());
        let json = HttpResponse::new(200, b"{}").with_header("smithy-protocol", "rpc-v2-json");
        let problem = check_protocol(&json).unwrap_err();
        assert_eq!(
            problem.problem(),
            Some("the response is not Smithy RPC v2 CBOR: `smithy-protocol` should be `rpc-v2-cbor`, found `rpc-v2-json`; only its status was read")
        );
        assert_eq!(problem.meta().status(), 200);
        assert!(check_protocol(&HttpResponse::new(503, b"<html>")).unwrap_err().problem().unwrap().contains("found no such header"));
    }

    #[test]
    fn timestamps_are_tag_one_over_an_integer_or_a_double() {
        let mut writer = CborWriter::new();
        write_timestamp(&mut writer, &DateTime::from_secs(1_000_000));
        write_timestamp(&mut writer, &DateTime::from_millis(1_500));
        let bytes = writer.into_bytes();
        assert_eq!(bytes, [0xc1, 0x1a, 0x00, 0x0f, 0x42, 0x40, 0xc1, 0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]);
        let mut reader = CborReader::new(&bytes);
        assert_eq!(read_timestamp(&mut reader).unwrap(), DateTime::from_secs(1_000_000));
        assert_eq!(read_timestamp(&mut reader).unwrap(), DateTime::from_millis(1_500));
        // 946845296.123 as the nearest double is a little below .123.
        let fractional = [0xc1, 0xfb, 0x41, 0xcc, 0x37, 0xdb, 0x38, 0x0f, 0xbe, 0x77];
        assert_eq!(read_timestamp(&mut CborReader::new(&fractional)).unwrap(), DateTime::from_millis(946_845_296_123));
        // Whole milliseconds and microseconds are the nearest double, negative ones too.
        assert_eq!(epoch_seconds(&DateTime::from_millis(1_700_000_000_123)), 1_700_000_000.123);
        assert_eq!(epoch_seconds(&DateTime::from_millis(-1_500)), -1.5);
        assert_eq!(epoch_seconds(&DateTime::from_secs_and_nanos(1_003, 691_000)), 1_003.000_691);
        let infinite = read_timestamp(&mut CborReader::new(&[0xc1, 0xf9, 0x7c, 0x00])).unwrap_err();
        assert_eq!(infinite.to_string(), "inf seconds is no timestamp at byte 0");
    }

    #[test]
    fn an_empty_body_is_an_empty_map() {
        let entries = read_whole_body(b"", |reader| {
            let mut map = reader.start_map()?;
            let mut count = 0;
            while reader.has_next(&mut map)? {
                count += 1;
            }
            Ok(count)
        });
        assert_eq!(entries, Ok(0));
    }
}
