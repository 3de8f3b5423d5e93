//! The Smithy semantic model: shapes with resolved ids, 1.0 forms normalised to 2.0,
//! `apply` statements and mixins already folded in.

mod idl;
mod load;
mod prelude;
mod rename;
mod shape_id;

use std::collections::BTreeMap;

pub use idl::{is_idl, load_idl, load_idl_files, load_model_files, read_model_text};
pub use load::{load_json_ast, load_json_value, load_json_values};
pub use shape_id::{ShapeId, PRELUDE_NAMESPACE};

use serde_json::Value;

/// Every shape of a model, the prelude included, keyed by absolute id.
#[derive(Clone, Debug, Default)]
pub struct Model {
    shapes: BTreeMap<ShapeId, Shape>,
}

impl Model {
    pub fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.shapes.get(id)
    }

    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.values()
    }

    pub(crate) fn insert(&mut self, shape: Shape) {
        self.shapes.insert(shape.id.clone(), shape);
    }

    pub(crate) fn shape_mut(&mut self, id: &ShapeId) -> Option<&mut Shape> {
        self.shapes.get_mut(id)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub id: ShapeId,
    pub kind: ShapeKind,
    pub traits: Traits,
}

/// The kinds of Smithy shapes. `set` is read as a list with `@uniqueItems`, and a string
/// with the 1.0 `@enum` trait as an enum, so later stages see only the 2.0 forms.
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeKind {
    Simple(SimpleType),
    Enum(Vec<EnumMember>),
    IntEnum(Vec<IntEnumMember>),
    List(Member),
    Map { key: Member, value: Member },
    Structure(Vec<Member>),
    Union(Vec<Member>),
    Operation(Operation),
    Service(Service),
    Resource(Resource),
}

impl ShapeKind {
    /// The type name as the JSON AST spells it, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Simple(simple) => simple.type_name(),
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Service(_) => "service",
            ShapeKind::Resource(_) => "resource",
        }
    }

    /// Members of aggregate shapes, in model order.
    pub fn members(&self) -> Vec<&Member> {
        match self {
            ShapeKind::List(member) => vec![member],
            ShapeKind::Map { key, value } => vec![key, value],
            ShapeKind::Structure(members) | ShapeKind::Union(members) => members.iter().collect(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn members_mut(&mut self) -> Vec<&mut Member> {
        match self {
            ShapeKind::List(member) => vec![member],
            ShapeKind::Map { key, value } => vec![key, value],
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                members.iter_mut().collect()
            }
            _ => Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SimpleType {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
}

impl SimpleType {
    pub fn from_type_name(name: &str) -> Option<Self> {
        Some(match name {
            "blob" => Self::Blob,
            "boolean" => Self::Boolean,
            "string" => Self::String,
            "byte" => Self::Byte,
            "short" => Self::Short,
            "integer" => Self::Integer,
            "long" => Self::Long,
            "float" => Self::Float,
            "double" => Self::Double,
            "bigInteger" => Self::BigInteger,
            "bigDecimal" => Self::BigDecimal,
            "timestamp" => Self::Timestamp,
            "document" => Self::Document,
            _ => return None,
        })
    }

    pub fn type_name(self) -> &'static str {
        match self {
            Self::Blob => "blob",
            Self::Boolean => "boolean",
            Self::String => "string",
            Self::Byte => "byte",
            Self::Short => "short",
            Self::Integer => "integer",
            Self::Long => "long",
            Self::Float => "float",
            Self::Double => "double",
            Self::BigInteger => "bigInteger",
            Self::BigDecimal => "bigDecimal",
            Self::Timestamp => "timestamp",
            Self::Document => "document",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub id: ShapeId,
    pub target: ShapeId,
    pub traits: Traits,
}

impl Member {
    pub fn name(&self) -> &str {
        self.id.member().unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumMember {
    pub name: String,
    pub value: String,
    pub traits: Traits,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IntEnumMember {
    pub name: String,
    pub value: i64,
    pub traits: Traits,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Operation {
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ShapeId>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    pub version: Option<String>,
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    pub errors: Vec<ShapeId>,
    /// `rename`: the names shapes of other namespaces take inside the service.
    pub rename: BTreeMap<ShapeId, String>,
}

/// A resource's operations and child resources; lifecycle operations are listed with the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resource {
    pub operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
}

/// Trait values keyed by absolute trait id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traits(BTreeMap<ShapeId, Value>);

impl Traits {
    pub fn get(&self, id: &str) -> Option<&Value> {
        let id = ShapeId::parse(id).ok()?;
        self.0.get(&id)
    }

    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The value of a trait whose value is a string, such as `smithy.api#documentation`.
    pub fn string(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(Value::as_str)
    }

    pub fn insert(&mut self, id: ShapeId, value: Value) {
        self.0.insert(id, value);
    }

    pub fn remove(&mut self, id: &str) -> Option<Value> {
        let id = ShapeId::parse(id).ok()?;
        self.0.remove(&id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&ShapeId, &Value)> {
        self.0.iter()
    }
}

/// Trait ids this generator interprets.
pub mod traits {
    pub const DOCUMENTATION: &str = "smithy.api#documentation";
    pub const REQUIRED: &str = "smithy.api#required";
    pub const SENSITIVE: &str = "smithy.api#sensitive";
    pub const ERROR: &str = "smithy.api#error";
    pub const INPUT: &str = "smithy.api#input";
    pub const ENUM_VALUE: &str = "smithy.api#enumValue";
    pub const ENUM: &str = "smithy.api#enum";
    pub const UNIQUE_ITEMS: &str = "smithy.api#uniqueItems";
    pub const MIXIN: &str = "smithy.api#mixin";
    pub const DEFAULT: &str = "smithy.api#default";
    pub const CLIENT_OPTIONAL: &str = "smithy.api#clientOptional";
    pub const DEPRECATED: &str = "smithy.api#deprecated";
    pub const AWS_JSON_1_0: &str = "aws.protocols#awsJson1_0";
    pub const AWS_JSON_1_1: &str = "aws.protocols#awsJson1_1";
    pub const RPC_V2_CBOR: &str = "smithy.protocols#rpcv2Cbor";
    pub const REST_JSON_1: &str = "aws.protocols#restJson1";
    pub const HTTP: &str = "smithy.api#http";
    pub const HTTP_LABEL: &str = "smithy.api#httpLabel";
    pub const HTTP_QUERY: &str = "smithy.api#httpQuery";
    pub const HTTP_QUERY_PARAMS: &str = "smithy.api#httpQueryParams";
    pub const HTTP_HEADER: &str = "smithy.api#httpHeader";
    pub const HTTP_PREFIX_HEADERS: &str = "smithy.api#httpPrefixHeaders";
    pub const HTTP_PAYLOAD: &str = "smithy.api#httpPayload";
    pub const HTTP_RESPONSE_CODE: &str = "smithy.api#httpResponseCode";
    pub const JSON_NAME: &str = "smithy.api#jsonName";
    pub const MEDIA_TYPE: &str = "smithy.api#mediaType";
}
