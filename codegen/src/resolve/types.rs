//! The Rust type of each member: simple types, aggregates, boxing for recursion, timestamp
//! formats, and the `@default` values a non-optional field takes.

use std::collections::BTreeSet;

use serde_json::Value;

use super::lookup;
use crate::error::{Error, Result};
use crate::ir::{DefaultValue, MapKey, RustType, TimestampFormat};
use crate::model::{traits, Member, Model, Shape, ShapeId, ShapeKind, SimpleType};
use crate::naming::type_ident;

/// The member's type, boxed when its target leads back to the member's own shape.
/// `timestamps` is the format of timestamps that name none, which depends on where the
/// member travels.
pub(super) fn member_type(model: &Model, parent: &ShapeId, member: &Member, timestamps: TimestampFormat) -> Result<RustType> {
    let ty = rust_type(model, member, timestamps)?;
    let target = lookup(model, &member.target)?;
    let aggregate = matches!(target.kind, ShapeKind::Structure(_) | ShapeKind::Union(_));
    if aggregate && (&target.id == parent || reaches_directly(model, &target.id, parent, &mut BTreeSet::new())) {
        return Ok(RustType::Boxed(Box::new(ty)));
    }
    Ok(ty)
}

pub(super) fn rust_type(model: &Model, member: &Member, timestamps: TimestampFormat) -> Result<RustType> {
    let target = lookup(model, &member.target)?;
    Ok(match &target.kind {
        ShapeKind::Simple(simple) => match simple {
            SimpleType::String => RustType::String,
            SimpleType::Boolean => RustType::Bool,
            SimpleType::Byte => RustType::I8,
            SimpleType::Short => RustType::I16,
            SimpleType::Integer => RustType::I32,
            SimpleType::Long => RustType::I64,
            SimpleType::Float => RustType::F32,
            SimpleType::Double => RustType::F64,
            SimpleType::Blob => RustType::Blob,
            SimpleType::Document => RustType::Document,
            SimpleType::BigInteger => RustType::BigInteger,
            SimpleType::BigDecimal => RustType::BigDecimal,
            SimpleType::Timestamp => RustType::Timestamp(timestamp_format(member, target, timestamps)?),
        },
        ShapeKind::IntEnum(_) => RustType::I32,
        ShapeKind::Enum(_) => RustType::Enum(type_ident(target.id.name())),
        ShapeKind::Structure(_) => RustType::Structure(type_ident(target.id.name())),
        ShapeKind::Union(_) => RustType::Union(type_ident(target.id.name())),
        ShapeKind::List(element) => RustType::List {
            element: Box::new(rust_type(model, element, timestamps)?),
            sparse: target.traits.has("smithy.api#sparse"),
        },
        ShapeKind::Map { key, value } => {
            let key_shape = lookup(model, &key.target)?;
            let key = match key_shape.kind {
                ShapeKind::Simple(SimpleType::String) => MapKey::String,
                ShapeKind::Enum(_) => MapKey::Enum(type_ident(key_shape.id.name())),
                _ => {
                    return Err(Error::model(
                        &target.id,
                        format!("map keys must be strings, but `{}` is of type {}", key_shape.id, key_shape.kind.type_name()),
                    ))
                }
            };
            RustType::Map {
                key,
                value: Box::new(rust_type(model, value, timestamps)?),
                sparse: target.traits.has("smithy.api#sparse"),
            }
        }
        other => {
            return Err(Error::model(
                &member.id,
                format!("targets `{}`, a {}, which cannot be a member", target.id, other.type_name()),
            ))
        }
    })
}

/// The member's `@timestampFormat`, else the target's, else `default`.
pub(super) fn timestamp_format(member: &Member, target: &Shape, default: TimestampFormat) -> Result<TimestampFormat> {
    let format = member
        .traits
        .string("smithy.api#timestampFormat")
        .or_else(|| target.traits.string("smithy.api#timestampFormat"));
    match format {
        None => Ok(default),
        Some("epoch-seconds") => Ok(TimestampFormat::EpochSeconds),
        Some("date-time") => Ok(TimestampFormat::DateTime),
        Some("http-date") => Ok(TimestampFormat::HttpDate),
        Some(other) => Err(Error::model(&member.id, format!("unknown timestamp format {other:?}"))),
    }
}

/// Whether `from` reaches `goal` through members that are not inside a list or map, which
/// would give the Rust types infinite size unless a member is boxed.
pub(super) fn reaches_directly(model: &Model, from: &ShapeId, goal: &ShapeId, seen: &mut BTreeSet<ShapeId>) -> bool {
    let Some(shape) = model.shape(from) else {
        return false;
    };
    if !matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Union(_)) {
        return false;
    }
    shape.kind.members().iter().any(|member| {
        &member.target == goal
            || (seen.insert(member.target.clone()) && reaches_directly(model, &member.target, goal, seen))
    })
}

/// The member's `@default`, when Rust can hold it; `null` means explicitly none.
pub(super) fn default_value(model: &Model, member: &Member, ty: &RustType) -> Result<Option<DefaultValue>> {
    let target = lookup(model, &member.target)?;
    let value = member
        .traits
        .get(traits::DEFAULT)
        .or_else(|| target.id.is_prelude().then(|| target.traits.get(traits::DEFAULT)).flatten());
    let Some(value) = value else {
        return Ok(None);
    };
    let invalid = || Error::model(&member.id, format!("`@default` {value} does not fit a {}", target.kind.type_name()));
    Ok(match (ty, value) {
        (_, Value::Null) => None,
        (RustType::Bool, Value::Bool(b)) => Some(DefaultValue::Bool(*b)),
        (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n)) => {
            Some(DefaultValue::Integer(n.as_i64().ok_or_else(invalid)?))
        }
        (RustType::F32 | RustType::F64, Value::Number(n)) => Some(DefaultValue::Float(n.as_f64().ok_or_else(invalid)?)),
        (RustType::String, Value::String(s)) => Some(DefaultValue::String(s.clone())),
        (RustType::Enum(_), Value::String(s)) => Some(DefaultValue::Enum(s.clone())),
        (RustType::List { .. }, Value::Array(items)) if items.is_empty() => Some(DefaultValue::EmptyList),
        (RustType::Map { .. }, Value::Object(entries)) if entries.is_empty() => Some(DefaultValue::EmptyMap),
        (RustType::Timestamp(_), Value::Number(n)) => {
            let (secs, nanos) = epoch_seconds(&n.to_string()).ok_or_else(invalid)?;
            Some(DefaultValue::Timestamp { secs, nanos })
        }
        (RustType::Blob, Value::String(text)) => {
            Some(DefaultValue::Blob(crate::inlineable::base64::decode(text).ok_or_else(invalid)?))
        }
        (RustType::Document, value) => Some(DefaultValue::Document(value.clone())),
        _ => return Err(invalid()),
    })
}

/// Decimal epoch seconds (`946845296.123`, `-1.5`, `1e9`) as whole seconds and nanoseconds,
/// exactly, without going through a float's binary fraction.
pub(crate) fn epoch_seconds(text: &str) -> Option<(i64, u32)> {
    if text.contains(['e', 'E']) {
        // Exponent forms only come from whole numbers too large for plain digits.
        let value: f64 = text.parse().ok()?;
        return (value.fract() == 0.0 && value.abs() < 9.2e18).then_some((value as i64, 0));
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let nanos: u32 = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<9}").parse().ok()?
    };
    Some(match (negative, nanos) {
        (false, _) => (whole, nanos),
        (true, 0) => (-whole, 0),
        // -1.5 is 2 seconds before the epoch plus half a second.
        (true, _) => (-whole - 1, 1_000_000_000 - nanos),
    })
}
