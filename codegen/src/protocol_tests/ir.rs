//! What a generated compliance test needs to know, decided before any code is written: the
//! operation it drives, the expected wire values, and the test's `params` as typed values.

/// One client test case from `smithy.test#httpRequestTests` or `httpResponseTests`.
#[derive(Clone, Debug)]
pub struct TestCase {
    /// The case id, which names the generated `#[test]`.
    pub id: String,
    /// The shape the trait is on: an operation, or an error structure.
    pub shape: String,
    pub doc: String,
    /// Why the case is not run, when it is out of scope; the test is then `#[ignore]`d.
    pub skip: Option<String>,
    pub operation: OperationRef,
    pub kind: CaseKind,
}

/// Rust names of the operation a case drives, relative to the bindings' root module.
#[derive(Clone, Debug)]
pub struct OperationRef {
    /// The operation type (`JsonEnums`).
    pub name: String,
    /// Its module under `operation::` (`json_enums`).
    pub module: String,
    /// The operation's input structure, built from a request case's `params`.
    pub input: String,
    pub error_enum: String,
}

#[derive(Clone, Debug)]
pub enum CaseKind {
    Request(Box<RequestCase>),
    Response(ResponseCase),
    Error(ErrorCase),
}

impl CaseKind {
    pub fn label(&self) -> &'static str {
        match self {
            CaseKind::Request(_) => "request",
            CaseKind::Response(_) => "response",
            CaseKind::Error(_) => "error",
        }
    }
}

#[derive(Clone, Debug)]
pub struct RequestCase {
    /// The input, as the builder calls `params` asks for.
    pub input: TestValue,
    pub method: String,
    pub uri: String,
    /// The endpoint the client is configured with, and the host the request must go to.
    pub host: Option<String>,
    pub resolved_host: Option<String>,
    pub query_params: Vec<String>,
    pub forbid_query_params: Vec<String>,
    pub require_query_params: Vec<String>,
    pub headers: Vec<(String, String)>,
    pub forbid_headers: Vec<String>,
    pub require_headers: Vec<String>,
    pub body: Option<ExpectedBody>,
}

/// A body to compare: as JSON when the media type says so, byte for byte otherwise.
#[derive(Clone, Debug)]
pub struct ExpectedBody {
    pub text: String,
    pub media_type: Option<String>,
}

/// What the client receives; shared by output and error cases.
#[derive(Clone, Debug)]
pub struct ResponseFixture {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body's bytes (decoded from base64 for a binary media type).
    pub body: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct ResponseCase {
    pub response: ResponseFixture,
    /// The output the parser must produce.
    pub output: TestValue,
}

#[derive(Clone, Debug)]
pub struct ErrorCase {
    pub response: ResponseFixture,
    /// The error enum variant and error type (`FooError`).
    pub variant: String,
    /// Every member of the error with the value it must have: from `params`, or unset.
    pub fields: Vec<ExpectedField>,
    /// The error code a query-compatible service reports (`vendorParams.code`), when given.
    pub vendor_code: Option<String>,
}

#[derive(Clone, Debug)]
pub struct ExpectedField {
    pub field: String,
    pub value: FieldValue,
}

/// The expected contents of a Rust field.
#[derive(Clone, Debug)]
pub enum FieldValue {
    /// An `Option` field that must be `Some`.
    Some(TestValue),
    /// A field that is not an `Option`.
    Plain(TestValue),
    /// An `Option` field that must be `None`.
    None,
    /// A non-optional member absent from `params`: it holds its `@default`.
    Default(crate::ir::DefaultValue, crate::ir::RustType),
}

/// A `params` value with its Rust type decided.
#[derive(Clone, Debug)]
pub enum TestValue {
    String(String),
    Bool(bool),
    /// An integer of the given type (`I8` .. `I64`).
    Integer(i64, crate::ir::RustType),
    /// A float, `f32` when `single`; NaN and infinities come from the strings Smithy uses.
    Float { value: f64, single: bool },
    Blob(Vec<u8>),
    Timestamp { secs: i64, nanos: u32 },
    Document(serde_json::Value),
    BigInteger(String),
    BigDecimal(String),
    Enum { type_name: String, value: String },
    List(Vec<TestValue>),
    /// A `null` item of a sparse list or map, or an explicitly null member.
    Null,
    /// Items of a sparse list or values of a sparse map, each `Some` unless `Null`.
    SparseList(Vec<TestValue>),
    Map { entries: Vec<(TestValue, TestValue)>, sparse: bool },
    Boxed(Box<TestValue>),
    Structure(StructureValue),
    Union { type_name: String, variant: String, value: Option<Box<TestValue>> },
}

/// A structure built through its builder.
#[derive(Clone, Debug)]
pub struct StructureValue {
    /// Path of the type from the bindings root (`types::Foo`, `operation::op::OpInput`).
    pub path: Vec<String>,
    /// `(setter, value)` for every member `params` sets; values are wrapped in `Some`.
    pub setters: Vec<(String, TestValue)>,
    /// Whether `build()` returns a `Result`.
    pub fallible: bool,
}
