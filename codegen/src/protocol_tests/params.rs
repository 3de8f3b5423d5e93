//! A test case's `params` (Smithy node values keyed by member name) read against the
//! bindings' IR, which says what Rust type each value becomes.

use serde_json::{Map, Value};

use super::ir::{FieldValue, StructureValue, TestValue};
use crate::error::{Error, Result};
use crate::ir::{CrateIr, MapKey, RustType, StructureIr};
use crate::resolve::epoch_seconds;

pub struct ParamResolver<'k> {
    krate: &'k CrateIr,
}

impl<'k> ParamResolver<'k> {
    pub fn new(krate: &'k CrateIr) -> Self {
        Self { krate }
    }

    /// The structure built through its builder with the members `params` sets. `module` is
    /// where the type lives (`["operation", "op"]`, or `["types"]`).
    pub fn structure_value(
        &self,
        location: &str,
        structure: &StructureIr,
        module: &[&str],
        params: &Map<String, Value>,
    ) -> Result<TestValue> {
        let mut setters = Vec::new();
        for (name, value) in params {
            let member = structure
                .members
                .iter()
                .find(|m| &m.name == name)
                .ok_or_else(|| Error::model(location, format!("`{}` has no member `{name}`", structure.shape_id)))?;
            // A `null` member is the same as an absent one outside sparse collections.
            if value.is_null() {
                continue;
            }
            let value = self.value(&format!("{location}.{name}"), &member.ty, value)?;
            setters.push((member.setter.clone(), value));
        }
        let mut path: Vec<String> = module.iter().map(|s| (*s).to_owned()).collect();
        path.push(structure.rust_name.clone());
        Ok(TestValue::Structure(StructureValue {
            path,
            setters,
            fallible: structure.build_is_fallible(),
        }))
    }

    /// Every field of `structure` with the value `params` gives it, or the unset value.
    pub fn expected_fields(
        &self,
        location: &str,
        structure: &StructureIr,
        params: &Map<String, Value>,
    ) -> Result<Vec<(String, FieldValue)>> {
        if let Some(unknown) = params.keys().find(|name| !structure.members.iter().any(|m| &m.name == *name)) {
            return Err(Error::model(location, format!("`{}` has no member `{unknown}`", structure.shape_id)));
        }
        let mut fields = Vec::new();
        for member in &structure.members {
            let value = match params.get(&member.name).filter(|v| !v.is_null()) {
                Some(value) => {
                    let value = self.value(&format!("{location}.{}", member.name), &member.ty, value)?;
                    if member.optional {
                        FieldValue::Some(value)
                    } else {
                        FieldValue::Plain(value)
                    }
                }
                None if member.optional => FieldValue::None,
                None => match &member.default {
                    Some(default) => FieldValue::Default(default.clone(), member.ty.clone()),
                    None => {
                        return Err(Error::model(
                            location,
                            format!("`params` lacks `{}`, which the error always has", member.wire_name),
                        ))
                    }
                },
            };
            fields.push((member.field.clone(), value));
        }
        Ok(fields)
    }

    fn value(&self, location: &str, ty: &RustType, value: &Value) -> Result<TestValue> {
        let wrong = |what: &str| Error::model(location, format!("expected {what}, found `{value}`"));
        Ok(match ty {
            RustType::String => TestValue::String(value.as_str().ok_or_else(|| wrong("a string"))?.to_owned()),
            RustType::Bool => TestValue::Bool(value.as_bool().ok_or_else(|| wrong("a boolean"))?),
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
                let number = value.as_i64().ok_or_else(|| wrong("an integer"))?;
                let fits = match ty {
                    RustType::I8 => i8::try_from(number).is_ok(),
                    RustType::I16 => i16::try_from(number).is_ok(),
                    RustType::I32 => i32::try_from(number).is_ok(),
                    _ => true,
                };
                if !fits {
                    return Err(wrong("an integer in the member's range"));
                }
                TestValue::Integer(number, ty.clone())
            }
            RustType::F32 | RustType::F64 => TestValue::Float {
                value: float(value).ok_or_else(|| wrong("a number, \"NaN\", \"Infinity\" or \"-Infinity\""))?,
                single: *ty == RustType::F32,
            },
            // Blob params hold the bytes as text, not base64.
            RustType::Blob => TestValue::Blob(value.as_str().ok_or_else(|| wrong("a string"))?.as_bytes().to_vec()),
            RustType::Document => TestValue::Document(value.clone()),
            RustType::BigInteger => TestValue::BigInteger(number_text(value).ok_or_else(|| wrong("a number"))?),
            RustType::BigDecimal => TestValue::BigDecimal(number_text(value).ok_or_else(|| wrong("a number"))?),
            RustType::Timestamp(_) => {
                let text = number_text(value).ok_or_else(|| wrong("epoch seconds"))?;
                let (secs, nanos) = epoch_seconds(&text).ok_or_else(|| wrong("epoch seconds"))?;
                TestValue::Timestamp { secs, nanos }
            }
            RustType::Enum(name) => TestValue::Enum {
                type_name: name.clone(),
                value: value.as_str().ok_or_else(|| wrong("an enum value"))?.to_owned(),
            },
            RustType::List { element, sparse } => {
                let items = value.as_array().ok_or_else(|| wrong("a list"))?;
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| self.item(&format!("{location}[{index}]"), element, item, *sparse))
                    .collect::<Result<Vec<_>>>()?;
                if *sparse {
                    TestValue::SparseList(items)
                } else {
                    TestValue::List(items)
                }
            }
            RustType::Map { key, value: element, sparse } => {
                let entries = value.as_object().ok_or_else(|| wrong("a map"))?;
                let entries = entries
                    .iter()
                    .map(|(name, item)| {
                        let key = match key {
                            MapKey::String => TestValue::String(name.clone()),
                            MapKey::Enum(type_name) => TestValue::Enum {
                                type_name: type_name.clone(),
                                value: name.clone(),
                            },
                        };
                        Ok((key, self.item(&format!("{location}.{name}"), element, item, *sparse)?))
                    })
                    .collect::<Result<Vec<_>>>()?;
                TestValue::Map { entries, sparse: *sparse }
            }
            RustType::Structure(name) => {
                let structure = self
                    .krate
                    .structures
                    .iter()
                    .find(|s| &s.rust_name == name)
                    .ok_or_else(|| Error::model(location, format!("no structure `{name}` in the bindings")))?;
                let params = value.as_object().ok_or_else(|| wrong("a structure"))?;
                self.structure_value(location, structure, &["types"], params)?
            }
            RustType::Union(name) => self.union_value(location, name, value)?,
            RustType::Boxed(inner) => TestValue::Boxed(Box::new(self.value(location, inner, value)?)),
        })
    }

    fn item(&self, location: &str, ty: &RustType, value: &Value, sparse: bool) -> Result<TestValue> {
        if value.is_null() {
            if sparse {
                return Ok(TestValue::Null);
            }
            return Err(Error::model(location, "`null` in a collection that is not @sparse"));
        }
        self.value(location, ty, value)
    }

    fn union_value(&self, location: &str, name: &str, value: &Value) -> Result<TestValue> {
        let union = self
            .krate
            .unions
            .iter()
            .find(|u| u.rust_name == name)
            .ok_or_else(|| Error::model(location, format!("no union `{name}` in the bindings")))?;
        let object = value.as_object().ok_or_else(|| Error::model(location, "a union value must be an object"))?;
        let [(member, inner)] = object.iter().collect::<Vec<_>>()[..] else {
            return Err(Error::model(location, "a union value must set exactly one member"));
        };
        let variant = union
            .variants
            .iter()
            .find(|v| &v.member_name == member)
            .ok_or_else(|| Error::model(location, format!("union `{name}` has no member `{member}`")))?;
        let value = match &variant.ty {
            Some(ty) => Some(Box::new(self.value(&format!("{location}.{member}"), ty, inner)?)),
            None => None,
        };
        Ok(TestValue::Union {
            type_name: name.to_owned(),
            variant: variant.name.clone(),
            value,
        })
    }
}

/// A float from a JSON number or one of the strings Smithy uses for non-finite values.
fn float(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => match text.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

/// A JSON number as the shortest decimal text that reads back as the same value.
fn number_text(value: &Value) -> Option<String> {
    value.as_number().map(ToString::to_string)
}

#[cfg(test)]
mod tests {
    use crate::resolve::epoch_seconds;

    #[test]
    fn epoch_seconds_keep_their_decimal_fraction_exactly() {
        assert_eq!(epoch_seconds("946845296.123"), Some((946_845_296, 123_000_000)));
        assert_eq!(epoch_seconds("1398796238"), Some((1_398_796_238, 0)));
        assert_eq!(epoch_seconds("-1.5"), Some((-2, 500_000_000)));
        assert_eq!(epoch_seconds("-2"), Some((-2, 0)));
        assert_eq!(epoch_seconds("1e9"), Some((1_000_000_000, 0)));
        assert_eq!(epoch_seconds("0.1234567891"), None);
        assert_eq!(epoch_seconds("1.x"), None);
    }
}
