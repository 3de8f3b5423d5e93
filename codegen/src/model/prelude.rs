//! The shapes of the `smithy.api` prelude that members may target without defining them.

use serde_json::{json, Value};

use super::{Model, Shape, ShapeId, ShapeKind, SimpleType, Traits};

/// Adds every prelude shape that models target (`smithy.api#String`, `PrimitiveInteger`,
/// `Unit`, ...). The `Primitive*` shapes carry the zero `@default` the prelude gives them.
pub(crate) fn add_prelude(model: &mut Model) {
    let boxed = [
        ("Blob", SimpleType::Blob),
        ("Boolean", SimpleType::Boolean),
        ("String", SimpleType::String),
        ("Byte", SimpleType::Byte),
        ("Short", SimpleType::Short),
        ("Integer", SimpleType::Integer),
        ("Long", SimpleType::Long),
        ("Float", SimpleType::Float),
        ("Double", SimpleType::Double),
        ("BigInteger", SimpleType::BigInteger),
        ("BigDecimal", SimpleType::BigDecimal),
        ("Timestamp", SimpleType::Timestamp),
        ("Document", SimpleType::Document),
    ];
    for (name, simple) in boxed {
        model.insert(simple_shape(name, simple, None));
    }
    let primitive = [
        ("PrimitiveBoolean", SimpleType::Boolean, json!(false)),
        ("PrimitiveByte", SimpleType::Byte, json!(0)),
        ("PrimitiveShort", SimpleType::Short, json!(0)),
        ("PrimitiveInteger", SimpleType::Integer, json!(0)),
        ("PrimitiveLong", SimpleType::Long, json!(0)),
        ("PrimitiveFloat", SimpleType::Float, json!(0)),
        ("PrimitiveDouble", SimpleType::Double, json!(0)),
    ];
    for (name, simple, default) in primitive {
        model.insert(simple_shape(name, simple, Some(default)));
    }
    let mut unit_traits = Traits::default();
    unit_traits.insert(ShapeId::prelude("unitType"), json!({}));
    model.insert(Shape {
        id: ShapeId::prelude("Unit"),
        kind: ShapeKind::Structure(Vec::new()),
        traits: unit_traits,
    });
}

fn simple_shape(name: &str, simple: SimpleType, default: Option<Value>) -> Shape {
    let mut traits = Traits::default();
    if let Some(default) = default {
        traits.insert(ShapeId::prelude("default"), default);
    }
    Shape {
        id: ShapeId::prelude(name),
        kind: ShapeKind::Simple(simple),
        traits,
    }
}
