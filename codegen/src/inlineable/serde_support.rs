//! `serde::Serialize` and `Deserialize` for the primitive types, and the helpers the generated
//! types name in their `#[serde(...)]` attributes. Compiled only with the `serde` feature.
//!
//! The serde form of a value is its awsJson form: blobs as base64 text, timestamps in their
//! member's format (epoch seconds as a number unless `@timestampFormat` says otherwise),
//! floats as numbers with NaN and the infinities as the strings `"NaN"`, `"Infinity"` and
//! `"-Infinity"`, documents as the JSON they hold. Big numbers are numbers when a JSON number
//! holds them exactly, and strings of their digits otherwise, so that no digit is lost.

// A crate uses only the helpers its members need.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use serde::de::{
    DeserializeOwned, DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::ser::{Error as _, SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use super::base64;
use super::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Format, Number};

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::encode(self.as_ref()))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Base64;

        impl Visitor<'_> for Base64 {
            type Value = Blob;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("base64 text")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Blob, E> {
                base64::decode(text).map(Blob::new).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
            }
        }

        deserializer.deserialize_str(Base64)
    }
}

/// A `DateTime` on its own is written as epoch seconds, the awsJson default.
impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        EpochSeconds::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EpochSeconds::deserialize(deserializer)
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Object(members) => {
                // Sorted, so that one document always serializes the same way.
                let mut keys: Vec<&String> = members.keys().collect();
                keys.sort();
                let mut map = serializer.serialize_map(Some(keys.len()))?;
                for key in keys {
                    map.serialize_entry(key, &members[key])?;
                }
                map.end()
            }
            Document::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Document::Number(Number::PosInt(value)) => serializer.serialize_u64(*value),
            Document::Number(Number::NegInt(value)) => serializer.serialize_i64(*value),
            Document::Number(Number::Float(value)) => Float::serialize(value, serializer),
            Document::String(text) => serializer.serialize_str(text),
            Document::Bool(value) => serializer.serialize_bool(*value),
            Document::Null => serializer.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnyValue;

        impl<'de> Visitor<'de> for AnyValue {
            type Value = Document;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_bool<E>(self, value: bool) -> Result<Document, E> {
                Ok(Document::Bool(value))
            }

            fn visit_i64<E>(self, value: i64) -> Result<Document, E> {
                Ok(Document::Number(match u64::try_from(value) {
                    Ok(value) => Number::PosInt(value),
                    Err(_) => Number::NegInt(value),
                }))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Document, E> {
                Ok(Document::Number(Number::PosInt(value)))
            }

            fn visit_f64<E>(self, value: f64) -> Result<Document, E> {
                Ok(Document::Number(Number::Float(value)))
            }

            fn visit_str<E>(self, text: &str) -> Result<Document, E> {
                Ok(Document::String(text.to_owned()))
            }

            fn visit_string<E>(self, text: String) -> Result<Document, E> {
                Ok(Document::String(text))
            }

            fn visit_unit<E>(self) -> Result<Document, E> {
                Ok(Document::Null)
            }

            fn visit_none<E>(self) -> Result<Document, E> {
                Ok(Document::Null)
            }

            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Document, D::Error> {
                Document::deserialize(deserializer)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Document::Array(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
                let mut members = HashMap::new();
                while let Some((key, value)) = map.next_entry()? {
                    members.insert(key, value);
                }
                Ok(Document::Object(members))
            }
        }

        deserializer.deserialize_any(AnyValue)
    }
}

impl Serialize for BigInteger {
    /// A number when it fits an `i64` or `u64`, a string of its digits otherwise.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.as_str();
        match exact_number(text, false) {
            Some(ExactNumber::Signed(value)) => serializer.serialize_i64(value),
            Some(ExactNumber::Unsigned(value)) => serializer.serialize_u64(value),
            Some(ExactNumber::Float(_)) | None => serializer.serialize_str(text),
        }
    }
}

impl Serialize for BigDecimal {
    /// A number when it fits an `i64` or `u64`, or is the shortest form of an `f64`; a string
    /// of its digits otherwise.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.as_str();
        match exact_number(text, true) {
            Some(ExactNumber::Signed(value)) => serializer.serialize_i64(value),
            Some(ExactNumber::Unsigned(value)) => serializer.serialize_u64(value),
            Some(ExactNumber::Float(value)) => serializer.serialize_f64(value),
            None => serializer.serialize_str(text),
        }
    }
}

/// A number whose decimal text a serde number carries without losing a digit.
enum ExactNumber {
    Signed(i64),
    Unsigned(u64),
    Float(f64),
}

/// `text` as a serde number, when reading that number back gives `text` again.
fn exact_number(text: &str, float: bool) -> Option<ExactNumber> {
    if let Ok(value) = text.parse::<i64>() {
        return (value.to_string() == text).then_some(ExactNumber::Signed(value));
    }
    if let Ok(value) = text.parse::<u64>() {
        return (value.to_string() == text).then_some(ExactNumber::Unsigned(value));
    }
    let value = text.parse::<f64>().ok().filter(|value| float && value.is_finite())?;
    (float_text(value) == text).then_some(ExactNumber::Float(value))
}

/// The shortest decimal text that reads back as `value`, in JSON's number grammar.
fn float_text(value: f64) -> String {
    format!("{value:?}")
}

impl<'de> Deserialize<'de> for BigInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BigNumberVisitor::<BigInteger>(PhantomData))
    }
}

impl<'de> Deserialize<'de> for BigDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BigNumberVisitor::<BigDecimal>(PhantomData))
    }
}

/// Reads a big number from an integer, from a string of its digits, and (decimals only)
/// from a float, at the float's shortest decimal form. A float is no `BigInteger`: a number
/// too large for `u64` arrives as one only after its digits were rounded away.
struct BigNumberVisitor<T>(PhantomData<T>);

trait BigNumber: std::str::FromStr<Err = super::primitives::BigNumberError> {
    const WHAT: &'static str;
    const TAKES_FLOATS: bool;
}

impl BigNumber for BigInteger {
    const WHAT: &'static str = "an integer, or a string of its digits";
    const TAKES_FLOATS: bool = false;
}

impl BigNumber for BigDecimal {
    const WHAT: &'static str = "a number, or a string of its digits";
    const TAKES_FLOATS: bool = true;
}

impl<T: BigNumber> Visitor<'_> for BigNumberVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::WHAT)
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<T, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<T, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<T, E> {
        if T::TAKES_FLOATS && value.is_finite() {
            self.visit_str(&float_text(value))
        } else {
            Err(E::invalid_type(Unexpected::Float(value), &self))
        }
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

/// How the values of a member are written where their Rust type alone does not say: floats
/// (NaN and the infinities), timestamps in a format other than epoch seconds, and options,
/// lists and maps of those. The generated types name an adapter in `#[serde(with = ...)]`,
/// as in `Optional::<List<Float>>`.
pub(crate) trait Adapter<T> {
    fn serialize_value<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// Floats as numbers, with NaN and the infinities as the strings the awsJson protocols use.
/// An `f32` is written as the `f64` of the same value, as the awsJson serializer writes it.
pub(crate) struct Float;
/// Timestamps as seconds since the epoch: an integer for whole seconds, a float otherwise.
pub(crate) struct EpochSeconds;
/// Timestamps as RFC 3339 text (`@timestampFormat("date-time")`).
pub(crate) struct Rfc3339;
/// Timestamps as HTTP dates (`@timestampFormat("http-date")`).
pub(crate) struct HttpDate;
/// An `Option` of values written by `A`; `None` is `null` (or a member left out).
pub(crate) struct Optional<A>(PhantomData<A>);
/// A `Vec` of values written by `A`.
pub(crate) struct List<A>(PhantomData<A>);
/// A `HashMap` whose values are written by `A`.
pub(crate) struct Map<A>(PhantomData<A>);

/// A document member that is set, possibly to `null`: only a member left out is `None`.
pub(crate) struct SetDocument;

impl Adapter<Option<Document>> for SetDocument {
    fn serialize_value<S: Serializer>(value: &Option<Document>, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Document>, D::Error> {
        Document::deserialize(deserializer).map(Some)
    }
}

/// The `serialize` and `deserialize` functions `#[serde(with = ...)]` calls, and `wrap` and
/// `seed` for a value inside a hand-written impl.
macro_rules! with_functions {
    ($($adapter:ident $(<$param:ident>)?),*) => {$(
        impl$(<$param>)? $adapter$(<$param>)? {
            pub(crate) fn serialize<T, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
            where
                Self: Adapter<T>,
            {
                <Self as Adapter<T>>::serialize_value(value, serializer)
            }

            pub(crate) fn deserialize<'de, T, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>
            where
                Self: Adapter<T>,
            {
                <Self as Adapter<T>>::deserialize_value(deserializer)
            }

            /// `value`, serialized through this adapter.
            pub(crate) fn wrap<T>(value: &T) -> Wrapped<'_, Self, T>
            where
                Self: Adapter<T>,
            {
                Wrapped(value, PhantomData)
            }

            /// A seed that deserializes through this adapter.
            pub(crate) fn seed<T>() -> Seed<Self, T>
            where
                Self: Adapter<T>,
            {
                Seed(PhantomData)
            }
        }
    )*};
}

with_functions!(SetDocument, Float, EpochSeconds, Rfc3339, HttpDate, Optional<A>, List<A>, Map<A>);

/// A value that serializes through the adapter `A`.
pub(crate) struct Wrapped<'a, A, T>(&'a T, PhantomData<A>);

impl<A: Adapter<T>, T> Serialize for Wrapped<'_, A, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        A::serialize_value(self.0, serializer)
    }
}

/// Deserializes a `T` through the adapter `A`.
pub(crate) struct Seed<A, T>(PhantomData<(A, T)>);

impl<'de, A: Adapter<T>, T> DeserializeSeed<'de> for Seed<A, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        A::deserialize_value(deserializer)
    }
}

/// The strings that stand for the floats JSON has no number for.
fn special_float(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value.is_infinite() {
        Some(if value > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        None
    }
}

fn serialize_float<S: Serializer>(value: f64, serializer: S) -> Result<S::Ok, S::Error> {
    match special_float(value) {
        Some(text) => serializer.serialize_str(text),
        None => serializer.serialize_f64(value),
    }
}

/// Reads a float from any number, or from `"NaN"`, `"Infinity"` or `"-Infinity"`.
struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<f64, E> {
        match text {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(Unexpected::Str(text), &self)),
        }
    }
}

impl Adapter<f64> for Float {
    fn serialize_value<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_float(*value, serializer)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl Adapter<f32> for Float {
    fn serialize_value<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_float(f64::from(*value), serializer)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        let value = deserializer.deserialize_any(FloatVisitor)?;
        Ok(value as f32)
    }
}

impl Adapter<DateTime> for EpochSeconds {
    fn serialize_value<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        if value.subsec_nanos() == 0 {
            return serializer.serialize_i64(value.secs());
        }
        // The number the awsJson body's text reads as.
        let seconds: f64 = value.format_text(Format::EpochSeconds).parse().map_err(S::Error::custom)?;
        serializer.serialize_f64(seconds)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        struct Seconds;

        impl Visitor<'_> for Seconds {
            type Value = DateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("seconds since the epoch")
            }

            fn visit_i64<E>(self, seconds: i64) -> Result<DateTime, E> {
                Ok(DateTime::from_secs(seconds))
            }

            fn visit_u64<E: serde::de::Error>(self, seconds: u64) -> Result<DateTime, E> {
                let seconds =
                    i64::try_from(seconds).map_err(|_| E::invalid_value(Unexpected::Unsigned(seconds), &self))?;
                Ok(DateTime::from_secs(seconds))
            }

            /// At the float's shortest decimal form, so that a timestamp whose epoch-seconds
            /// text has at most 15 significant digits (milliseconds until the year 33658)
            /// reads back exactly.
            fn visit_f64<E: serde::de::Error>(self, seconds: f64) -> Result<DateTime, E> {
                DateTime::from_str(&float_text(seconds), Format::EpochSeconds).map_err(E::custom)
            }
        }

        deserializer.deserialize_any(Seconds)
    }
}

/// Reads a timestamp written as text in `format`.
struct TimestampText(Format);

impl Visitor<'_> for TimestampText {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Format::HttpDate => f.write_str("an HTTP date"),
            _ => f.write_str("an RFC 3339 date-time"),
        }
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
        DateTime::from_str(text, self.0).map_err(E::custom)
    }
}

impl Adapter<DateTime> for Rfc3339 {
    fn serialize_value<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.format_text(Format::DateTime))
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserializer.deserialize_str(TimestampText(Format::DateTime))
    }
}

impl Adapter<DateTime> for HttpDate {
    fn serialize_value<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.format_text(Format::HttpDate))
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserializer.deserialize_str(TimestampText(Format::HttpDate))
    }
}

impl<A: Adapter<T>, T> Adapter<Option<T>> for Optional<A> {
    fn serialize_value<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&Wrapped::<A, T>(value, PhantomData)),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        struct OptionVisitor<A, T>(PhantomData<(A, T)>);

        impl<'de, A: Adapter<T>, T> Visitor<'de> for OptionVisitor<A, T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }

            fn visit_none<E>(self) -> Result<Option<T>, E> {
                Ok(None)
            }

            fn visit_unit<E>(self) -> Result<Option<T>, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
                A::deserialize_value(deserializer).map(Some)
            }
        }

        deserializer.deserialize_option(OptionVisitor::<A, T>(PhantomData))
    }
}

impl<A: Adapter<T>, T> Adapter<Vec<T>> for List<A> {
    fn serialize_value<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for item in value {
            seq.serialize_element(&Wrapped::<A, T>(item, PhantomData))?;
        }
        seq.end()
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        struct ListVisitor<A, T>(PhantomData<(A, T)>);

        impl<'de, A: Adapter<T>, T> Visitor<'de> for ListVisitor<A, T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<T>, S::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element_seed(Seed::<A, T>(PhantomData))? {
                    items.push(item);
                }
                Ok(items)
            }
        }

        deserializer.deserialize_seq(ListVisitor::<A, T>(PhantomData))
    }
}

impl<A, K, T, H> Adapter<HashMap<K, T, H>> for Map<A>
where
    A: Adapter<T>,
    K: Serialize + DeserializeOwned + Eq + Hash,
    H: BuildHasher + Default,
{
    fn serialize_value<S: Serializer>(value: &HashMap<K, T, H>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(value.len()))?;
        for (key, item) in value {
            map.serialize_entry(key, &Wrapped::<A, T>(item, PhantomData))?;
        }
        map.end()
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, T, H>, D::Error> {
        struct MapVisitor<A, K, T, H>(PhantomData<(A, K, T, H)>);

        impl<'de, A, K, T, H> Visitor<'de> for MapVisitor<A, K, T, H>
        where
            A: Adapter<T>,
            K: DeserializeOwned + Eq + Hash,
            H: BuildHasher + Default,
        {
            type Value = HashMap<K, T, H>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<HashMap<K, T, H>, M::Error> {
                let capacity = map.size_hint().unwrap_or(0).min(64);
                let mut entries = HashMap::with_capacity_and_hasher(capacity, H::default());
                while let Some((key, item)) = map.next_entry_seed(PhantomData::<K>, Seed::<A, T>(PhantomData))? {
                    entries.insert(key, item);
                }
                Ok(entries)
            }
        }

        deserializer.deserialize_map(MapVisitor::<A, K, T, H>(PhantomData))
    }
}

/// Reads an enum from its wire value; a value the enum does not know becomes `Unknown`.
pub(crate) fn deserialize_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct WireValue<T>(PhantomData<T>);

    impl<T: for<'a> From<&'a str>> Visitor<'_> for WireValue<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E>(self, text: &str) -> Result<T, E> {
            Ok(T::from(text))
        }
    }

    deserializer.deserialize_str(WireValue(PhantomData))
}

/// The `{}` that stands for a union member targeting `smithy.api#Unit`, and for a union's
/// `Unknown`, which holds no member this version knows.
pub(crate) struct EmptyObject;

impl Serialize for EmptyObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

/// Writes a union value: an object with the one member `key`.
pub(crate) fn serialize_union_member<S: Serializer, T: Serialize + ?Sized>(
    serializer: S,
    key: &str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(key, value)?;
    map.end()
}

/// A generated union, as `deserialize_union` reads it.
pub(crate) trait Union: Sized {
    /// The union's name, for error messages.
    const NAME: &'static str;

    /// The variant for a member this version does not know.
    fn unknown() -> Self;

    /// Reads the value of the member `key` from `map`, if the union has a member of that name.
    fn member<'de, M: MapAccess<'de>>(key: &str, map: &mut M) -> Result<Member<Self>, M::Error>;
}

/// What `Union::member` found under a key.
pub(crate) enum Member<U> {
    /// The key names no member of the union; its value is still to be read.
    Other,
    /// The member's value; `None` for `null`, which sets no member.
    Value(Option<U>),
}

/// Reads a union as the awsJson reader does: `__type` and `null` members are ignored, a
/// member this version does not know reads as `Unknown`, and two members set is an error.
/// An object with no member set also reads as `Unknown`, the value serde writes `{}` for.
pub(crate) fn deserialize_union<'de, D: Deserializer<'de>, U: Union>(deserializer: D) -> Result<U, D::Error> {
    struct UnionVisitor<U>(PhantomData<U>);

    impl<'de, U: Union> Visitor<'de> for UnionVisitor<U> {
        type Value = U;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "the union `{}`, an object with one member set", U::NAME)
        }

        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<U, M::Error> {
            let mut value = None;
            while let Some(key) = map.next_key::<String>()? {
                let member = if key == "__type" {
                    map.next_value::<IgnoredAny>()?;
                    None
                } else {
                    match U::member(&key, &mut map)? {
                        Member::Value(member) => member,
                        Member::Other => map.next_value::<Option<IgnoredAny>>()?.map(|_| U::unknown()),
                    }
                };
                if member.is_some() {
                    if value.is_some() {
                        return Err(M::Error::custom(format_args!("union `{}` has more than one member set", U::NAME)));
                    }
                    value = member;
                }
            }
            Ok(value.unwrap_or_else(U::unknown))
        }
    }

    deserializer.deserialize_map(UnionVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(default, skip_serializing_if = "Option::is_none", with = "Optional::<Float>")]
        ratio: Option<f32>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "Optional::<List<Optional<Rfc3339>>>")]
        moments: Option<Vec<Option<DateTime>>>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "Optional::<Map<HttpDate>>")]
        deadlines: Option<HashMap<String, DateTime>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        epoch: Option<DateTime>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "SetDocument")]
        document: Option<Document>,
    }

    fn round_trip<T: Serialize + DeserializeOwned>(value: &T) -> (Value, T) {
        let json = serde_json::to_value(value).unwrap();
        let back = serde_json::from_value(json.clone()).unwrap();
        (json, back)
    }

    #[test]
    fn adapters_compose_through_options_lists_and_maps() {
        let t = DateTime::from_secs_and_nanos(1_709_209_805, 250_000_000);
        let sample = Sample {
            ratio: Some(0.1),
            moments: Some(vec![Some(t), None]),
            deadlines: Some(HashMap::from([("a".to_owned(), DateTime::from_secs(0))])),
            epoch: Some(t),
            document: Some(Document::Null),
        };
        let (json, back) = round_trip(&sample);
        assert_eq!(
            json,
            json!({
                "ratio": f64::from(0.1f32),
                "moments": ["2024-02-29T12:30:05.25Z", null],
                "deadlines": {"a": "Thu, 01 Jan 1970 00:00:00 GMT"},
                "epoch": 1_709_209_805.25,
                "document": null,
            })
        );
        assert_eq!(back, sample);
        let empty = Sample { ratio: None, moments: None, deadlines: None, epoch: None, document: None };
        assert_eq!(round_trip(&empty), (json!({}), empty));
    }

    #[test]
    fn floats_write_nan_and_infinities_as_strings() {
        for (value, text) in [(f64::NAN, "NaN"), (f64::INFINITY, "Infinity"), (f64::NEG_INFINITY, "-Infinity")] {
            let json = serde_json::to_value(Float::wrap(&value)).unwrap();
            assert_eq!(json, json!(text));
            let back: f64 = Float::deserialize(json).unwrap();
            assert_eq!(back.to_bits(), if value.is_nan() { f64::NAN.to_bits() } else { value.to_bits() });
        }
        assert_eq!(serde_json::to_string(&Float::wrap(&0.1f32)).unwrap(), "0.10000000149011612");
        let back: f32 = Float::deserialize(json!(0.10000000149011612)).unwrap();
        assert_eq!(back, 0.1f32);
        let back: f64 = Float::deserialize(json!(3)).unwrap();
        assert_eq!(back, 3.0);
        assert!(Float::deserialize::<f64, _>(json!("nan")).is_err());
    }

    #[test]
    fn epoch_seconds_are_integers_for_whole_seconds() {
        assert_eq!(serde_json::to_value(DateTime::from_secs(-86_401)).unwrap(), json!(-86_401));
        assert_eq!(serde_json::to_value(DateTime::from_millis(-1500)).unwrap(), json!(-1.5));
        // 999999999999.999 s, in the year 33658: 15 significant digits.
        let far = DateTime::from_millis(999_999_999_999_999);
        assert_eq!(round_trip(&far), (json!(999_999_999_999.999), far));
        let early = DateTime::from_millis(-999_999_999_999_999);
        assert_eq!(round_trip(&early).1, early);
        assert!(serde_json::from_value::<DateTime>(json!(u64::MAX)).is_err());
        assert!(serde_json::from_value::<DateTime>(json!("0")).is_err());
    }

    #[test]
    fn blobs_are_base64_text() {
        let blob = Blob::new(b"hi!?".to_vec());
        assert_eq!(round_trip(&blob), (json!("aGkhPw=="), blob));
        assert!(serde_json::from_value::<Blob>(json!("not base64!")).is_err());
    }

    #[test]
    fn big_numbers_are_numbers_only_when_no_digit_is_lost() {
        let cases = [
            ("12", json!(12)),
            ("-12", json!(-12)),
            ("18446744073709551615", json!(u64::MAX)),
            ("18446744073709551616", json!("18446744073709551616")),
            ("-0", json!("-0")),
        ];
        for (text, expected) in cases {
            let big: BigInteger = text.parse().unwrap();
            assert_eq!(round_trip(&big), (expected, big), "{text}");
        }
        let decimals = [
            ("1.5", json!(1.5)),
            ("100", json!(100)),
            ("1e300", json!(1e300)),
            ("1.50", json!("1.50")),
            ("3.14159265358979323846", json!("3.14159265358979323846")),
        ];
        for (text, expected) in decimals {
            let big: BigDecimal = text.parse().unwrap();
            assert_eq!(round_trip(&big), (expected, big), "{text}");
        }
        assert!(serde_json::from_value::<BigInteger>(json!(1e30)).is_err());
        assert!(serde_json::from_value::<BigInteger>(json!("1.5")).is_err());
    }

    #[test]
    fn documents_are_the_json_they_hold() {
        let value = json!({"b": [1, -2, 2.5, "x", true, null, {}], "a": 18446744073709551615u64});
        let document: Document = serde_json::from_value(value.clone()).unwrap();
        let Document::Object(members) = &document else { panic!("{document:?}") };
        assert_eq!(members["a"], Document::Number(Number::PosInt(u64::MAX)));
        assert_eq!(
            serde_json::to_string(&document).unwrap(),
            r#"{"a":18446744073709551615,"b":[1,-2,2.5,"x",true,null,{}]}"#
        );
        assert_eq!(round_trip(&document), (value, document));
        let nan = Document::Number(Number::Float(f64::NAN));
        assert_eq!(serde_json::to_value(nan).unwrap(), json!("NaN"));
    }
}
