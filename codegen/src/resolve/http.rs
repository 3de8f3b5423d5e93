//! The HTTP binding traits, for protocols that read them (restJson1): an operation's `@http`
//! method, URI pattern and code, and where each top-level member travels.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::ir::{HttpBindingIr, HttpLocation, PathPart, RustType, StructureIr, StructureRole, TimestampFormat};
use crate::model::{traits, Member, Shape};

/// Where `member` of an input, output or error structure travels, from its binding trait.
/// Bindings that mean nothing in that direction (a query member of an output, a response
/// code of an input) are ignored, as the spec says, and the member goes in the body.
pub(super) fn member_location(member: &Member, role: StructureRole) -> Result<HttpLocation> {
    let location = bound_location(member)?;
    let request = role == StructureRole::Input;
    let ignored = match location {
        HttpLocation::Label | HttpLocation::Query(_) | HttpLocation::QueryParams => !request,
        HttpLocation::ResponseCode => request,
        _ => false,
    };
    Ok(if ignored { HttpLocation::Body } else { location })
}

fn bound_location(member: &Member) -> Result<HttpLocation> {
    let name = |trait_id: &str| -> Result<String> {
        member
            .traits
            .string(trait_id)
            .map(str::to_owned)
            .ok_or_else(|| Error::model(&member.id, format!("`@{}` needs a string value", short(trait_id))))
    };
    let t = &member.traits;
    let location = if t.has(traits::HTTP_LABEL) {
        HttpLocation::Label
    } else if t.has(traits::HTTP_QUERY) {
        HttpLocation::Query(name(traits::HTTP_QUERY)?)
    } else if t.has(traits::HTTP_QUERY_PARAMS) {
        HttpLocation::QueryParams
    } else if t.has(traits::HTTP_HEADER) {
        HttpLocation::Header(name(traits::HTTP_HEADER)?)
    } else if t.has(traits::HTTP_PREFIX_HEADERS) {
        HttpLocation::PrefixHeaders(name(traits::HTTP_PREFIX_HEADERS)?)
    } else if t.has(traits::HTTP_PAYLOAD) {
        HttpLocation::Payload
    } else if t.has(traits::HTTP_RESPONSE_CODE) {
        HttpLocation::ResponseCode
    } else {
        HttpLocation::Body
    };
    Ok(location)
}

fn short(trait_id: &str) -> &str {
    trait_id.rsplit('#').next().unwrap_or(trait_id)
}

/// The timestamp format a location uses when neither the member nor its target names one:
/// HTTP dates in headers, RFC 3339 in the URI and query, epoch seconds in a JSON body.
pub(super) fn default_timestamp_format(location: &HttpLocation) -> TimestampFormat {
    match location {
        HttpLocation::Header(_) | HttpLocation::PrefixHeaders(_) => TimestampFormat::HttpDate,
        HttpLocation::Label | HttpLocation::Query(_) | HttpLocation::QueryParams => TimestampFormat::DateTime,
        HttpLocation::Body | HttpLocation::Payload | HttpLocation::ResponseCode => TimestampFormat::EpochSeconds,
    }
}

/// The operation's `@http` trait, its labels checked against the input's `@httpLabel`
/// members (each label names one, and each such member is in the pattern once).
pub(super) fn http_binding(operation: &Shape, input: &StructureIr) -> Result<HttpBindingIr> {
    let http = operation
        .traits
        .get(traits::HTTP)
        .ok_or_else(|| Error::model(&operation.id, "has no `@http` trait, which restJson1 needs to send it"))?;
    let method = http
        .get("method")
        .and_then(Value::as_str)
        .filter(|method| !method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase()))
        .ok_or_else(|| Error::model(&operation.id, "`@http` needs an upper-case `method`"))?;
    let uri = http
        .get("uri")
        .and_then(Value::as_str)
        .filter(|uri| uri.starts_with('/'))
        .ok_or_else(|| Error::model(&operation.id, "`@http` needs a `uri` that starts with `/`"))?;
    let code = match http.get("code") {
        None => 200,
        Some(code) => code
            .as_u64()
            .and_then(|code| u16::try_from(code).ok())
            .filter(|code| (100..=599).contains(code))
            .ok_or_else(|| Error::model(&operation.id, format!("`@http` code {code} is not an HTTP status code")))?,
    };
    let (path_pattern, query_pattern) = uri.split_once('?').unwrap_or((uri, ""));
    let path = path_parts(operation, path_pattern, input)?;
    for member in input.members.iter().filter(|m| m.location == HttpLocation::Label) {
        let uses = path.iter().filter(|part| matches!(part, PathPart::Label { field, .. } if field == &member.field)).count();
        if uses != 1 {
            return Err(Error::model(
                &operation.id,
                format!("`@http` uri `{uri}` must name the @httpLabel member `{}` once", member.wire_name),
            ));
        }
    }
    let query = query_pattern
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (pair.to_owned(), None),
        })
        .collect();
    Ok(HttpBindingIr { method: method.to_owned(), path, query, code })
}

/// The path pattern split into literal text and labels. A label is a whole path segment;
/// only the last may be greedy (`{name+}`).
fn path_parts(operation: &Shape, pattern: &str, input: &StructureIr) -> Result<Vec<PathPart>> {
    let bad = |problem: String| Error::model(&operation.id, format!("`@http` uri `{pattern}`: {problem}"));
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut greedy_seen = false;
    for (index, segment) in pattern.split('/').enumerate() {
        if index > 0 {
            literal.push('/');
        }
        let Some(inner) = segment.strip_prefix('{') else {
            if segment.contains(['{', '}']) {
                return Err(bad(format!("`{segment}`: a label must be a whole path segment")));
            }
            literal.push_str(segment);
            continue;
        };
        let name = inner
            .strip_suffix('}')
            .ok_or_else(|| bad(format!("`{segment}`: a label must be a whole path segment")))?;
        let (name, greedy) = match name.strip_suffix('+') {
            Some(name) => (name, true),
            None => (name, false),
        };
        if greedy_seen && greedy {
            return Err(bad("has more than one greedy label".to_owned()));
        }
        greedy_seen |= greedy;
        let member = input
            .members
            .iter()
            .find(|m| m.wire_name == name || m.field == crate::naming::field_ident(name))
            .filter(|m| m.location == HttpLocation::Label)
            .ok_or_else(|| bad(format!("`{{{name}}}` is no @httpLabel member of the input")))?;
        if !label_type_ok(&member.ty) {
            return Err(bad(format!("label `{name}` must target a string, number, boolean, enum or timestamp")));
        }
        if !literal.is_empty() {
            parts.push(PathPart::Literal(std::mem::take(&mut literal)));
        }
        parts.push(PathPart::Label { field: member.field.clone(), greedy });
    }
    if !literal.is_empty() {
        parts.push(PathPart::Literal(literal));
    }
    Ok(parts)
}

fn label_type_ok(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::String
            | RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
            | RustType::BigInteger
            | RustType::BigDecimal
            | RustType::Timestamp(_)
            | RustType::Enum(_)
    )
}
