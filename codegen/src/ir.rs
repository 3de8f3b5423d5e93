//! The intermediate representation the emitters read. Every Rust name, type and doc string is
//! decided here, so emitters never look at the Smithy model and never invent names.

/// Everything one generated crate contains.
#[derive(Clone, Debug)]
pub struct CrateIr {
    pub service: ServiceIr,
    pub operations: Vec<OperationIr>,
    /// Structures shared between operations, emitted under `types::`.
    pub structures: Vec<StructureIr>,
    pub enums: Vec<EnumIr>,
    pub unions: Vec<UnionIr>,
    /// Modeled errors, emitted under `types::error::`.
    pub errors: Vec<StructureIr>,
    /// What the generator could not do fully, for the user to read (never silently dropped).
    pub warnings: Vec<String>,
    /// Operations of the service not generated, with the reason, listed in the crate docs.
    pub left_out: Vec<LeftOutOperation>,
    /// The service's endpoint rules and their tests, when the model has them.
    pub endpoints: Option<crate::endpoint::ir::EndpointIr>,
}

#[derive(Clone, Debug)]
pub struct LeftOutOperation {
    pub name: String,
    pub reason: String,
}

impl CrateIr {
    /// Whether anything is `#[deprecated]`, so generated code must allow using it.
    pub fn has_deprecated(&self) -> bool {
        let structures = self
            .operations
            .iter()
            .flat_map(|op| [&op.input, &op.output])
            .chain(&self.structures)
            .chain(&self.errors);
        let mut deprecated = false;
        for structure in structures {
            deprecated |= structure.deprecated.is_some();
            deprecated |= structure.members.iter().any(|m| m.deprecated.is_some());
        }
        deprecated
            || self.enums.iter().any(|e| e.deprecated.is_some() || e.variants.iter().any(|v| v.deprecated.is_some()))
            || self.unions.iter().any(|u| u.deprecated.is_some() || u.variants.iter().any(|v| v.deprecated.is_some()))
    }
}

#[derive(Clone, Debug)]
pub struct ServiceIr {
    /// The service shape's name, which prefixes `X-Amz-Target` (`WorkspacesService`).
    pub shape_name: String,
    pub title: String,
    /// `aws.api#service`'s `sdkId` (`WorkSpaces`), which names the crate.
    pub sdk_id: Option<String>,
    /// `aws.auth#sigv4`'s signing name (`workspaces`), which the client signs with.
    pub signing_name: Option<String>,
    pub version: Option<String>,
    pub protocol: Protocol,
    pub doc: String,
    /// `@awsQueryCompatible`: requests say so in a header, and errors may carry the code the
    /// service's former awsQuery protocol used.
    pub query_compatible: bool,
    /// Headers every request carries that the model does not say, as the SDKs add them for
    /// some services (API Gateway's `Accept`, Glacier's version).
    pub request_headers: Vec<(String, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    AwsJson1_0,
    AwsJson1_1,
    /// Smithy RPC v2 CBOR.
    Rpcv2Cbor,
    /// AWS restJson1: members bound to the URI, query, headers and status code by the HTTP
    /// binding traits, the rest in a JSON body.
    RestJson1,
}

impl Protocol {
    /// Every protocol the generator speaks, in the order a service that declares several
    /// gets them by default: aws-sdk-rust's order (smithy-rs `ClientProtocolLoader`), which
    /// puts CBOR before the JSON protocols.
    /// restJson1 comes after the RPC protocols, so that a service declaring both keeps
    /// the awsJson bindings it had.
    pub const PREFERENCE: [Protocol; 4] =
        [Protocol::Rpcv2Cbor, Protocol::AwsJson1_0, Protocol::AwsJson1_1, Protocol::RestJson1];

    pub fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
            Protocol::Rpcv2Cbor => "application/cbor",
            Protocol::RestJson1 => "application/json",
        }
    }

    /// The protocol's name, as its trait's shape name spells it (`awsJson1_0`, `rpcv2Cbor`).
    pub fn name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::Rpcv2Cbor => "rpcv2Cbor",
            Protocol::RestJson1 => "restJson1",
        }
    }

    /// The shape id of the trait by which a service declares the protocol.
    pub fn trait_id(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => crate::model::traits::AWS_JSON_1_0,
            Protocol::AwsJson1_1 => crate::model::traits::AWS_JSON_1_1,
            Protocol::Rpcv2Cbor => crate::model::traits::RPC_V2_CBOR,
            Protocol::RestJson1 => crate::model::traits::REST_JSON_1,
        }
    }

    /// The protocol a name or trait id (`rpcv2Cbor`, `smithy.protocols#rpcv2Cbor`) stands for.
    pub fn from_name(name: &str) -> Option<Protocol> {
        Self::PREFERENCE.into_iter().find(|protocol| name == protocol.name() || name == protocol.trait_id())
    }
}

#[derive(Clone, Debug)]
pub struct OperationIr {
    /// The operation shape's name, also the Rust type of the operation (`RegisterWorkspaceDirectory`).
    pub name: String,
    /// Module under `operation::` (`register_workspace_directory`).
    pub module: String,
    pub doc: String,
    pub input: StructureIr,
    pub output: StructureIr,
    /// The operation's error enum (`RegisterWorkspaceDirectoryError`) and its module file.
    pub error_enum: String,
    pub error_module: String,
    /// Function that turns an error response into the error enum.
    pub error_parser_fn: String,
    /// The errors the operation can return, in model order.
    pub errors: Vec<OperationErrorIr>,
    /// The `@endpoint` host prefix, empty when the operation has none.
    pub host_prefix: Vec<HostPrefixPart>,
    /// The operation's input is `Unit`: protocols that can, send no body at all.
    pub unit_input: bool,
    /// `@requestCompression` lists gzip: large request bodies are sent gzip-compressed.
    pub gzip_requests: bool,
    /// `@httpChecksumRequired`: requests carry a `Content-MD5` of their body.
    pub checksum_required: bool,
    /// Glacier's uploads: requests carry the body's SHA-256 and tree hash.
    pub tree_hash_checksums: bool,
    /// The `@http` binding, for the protocols that read it (restJson1).
    pub http: Option<HttpBindingIr>,
}

/// An operation's `@http` trait: method, URI pattern and success status code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpBindingIr {
    pub method: String,
    /// The path of the URI pattern, in order: literal text and labels.
    pub path: Vec<PathPart>,
    /// The literal query of the pattern (`?foo=bar&hello`): each name with its value, if any.
    pub query: Vec<(String, Option<String>)>,
    /// The status code of a successful response.
    pub code: u16,
}

/// A piece of an `@http` URI path (`/things/{id}/parts/{rest+}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPart {
    Literal(String),
    /// The input field of an `@httpLabel` member; a greedy label (`{rest+}`) keeps its `/`s.
    Label { field: String, greedy: bool },
}

/// Where a top-level input, output or error member travels under an HTTP binding protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpLocation {
    /// A member of the JSON body (every member, under the RPC protocols).
    Body,
    Label,
    /// `@httpQuery`: the query parameter's name.
    Query(String),
    /// `@httpQueryParams`: a map of further query parameters.
    QueryParams,
    /// `@httpHeader`: the header's name.
    Header(String),
    /// `@httpPrefixHeaders`: a map of headers whose names start with the prefix.
    PrefixHeaders(String),
    /// `@httpPayload`: the member is the whole body.
    Payload,
    /// `@httpResponseCode`: the response's status code.
    ResponseCode,
}

/// A piece of an `@endpoint` host prefix template (`foo.{label}.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostPrefixPart {
    Literal(String),
    /// The input field of a `@hostLabel` member.
    Label(String),
}

/// One variant of an operation's error enum.
#[derive(Clone, Debug)]
pub struct OperationErrorIr {
    /// The error code on the wire, which is the error shape's name.
    pub code: String,
    /// Variant name and error type name (`AccessDeniedException`).
    pub type_name: String,
    /// `is_access_denied_exception`.
    pub is_fn: String,
    pub deserializer_fn: String,
    pub doc: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructureRole {
    Input,
    Output,
    Error,
    Data,
}

#[derive(Clone, Debug)]
pub struct StructureIr {
    pub shape_id: String,
    pub rust_name: String,
    /// Private module file that holds the type and its builder (`_tag`).
    pub module: String,
    pub builder_name: String,
    /// Name of the generated JSON serializer function for this structure.
    pub serializer_fn: String,
    /// Name of the generated JSON deserializer function for this structure.
    pub deserializer_fn: String,
    /// Name of the generated constraint checker for this structure.
    pub validator_fn: String,
    /// Appears in a request, so it needs a serializer.
    pub serialized: bool,
    /// Appears in a response, so it needs a deserializer.
    pub deserialized: bool,
    /// For errors: the `String` member that holds the message, filled from the error
    /// metadata when the body spells it differently (`Message`, `errorMessage`).
    pub message_member: Option<String>,
    pub doc: String,
    pub role: StructureRole,
    pub members: Vec<MemberIr>,
    /// The `@deprecated` message, when the shape is deprecated.
    pub deprecated: Option<String>,
}

impl StructureIr {
    /// Whether any member is called `message`, which claims the `message()` getter.
    pub fn has_member_named_message(&self) -> bool {
        self.members.iter().any(|m| m.field == "message")
    }

    /// Whether `build()` can fail: inputs always return `Result` (as in aws-sdk-rust), other
    /// structures only when they have required members.
    pub fn build_is_fallible(&self) -> bool {
        self.role == StructureRole::Input || self.members.iter().any(MemberIr::is_required)
    }

    pub fn has_sensitive_members(&self) -> bool {
        self.members.iter().any(|m| m.sensitive)
    }
}

#[derive(Clone, Debug)]
pub struct MemberIr {
    /// The member's name in the model.
    pub name: String,
    /// The JSON key: the member's name, or its `@jsonName` under restJson1.
    pub wire_name: String,
    /// Field and getter name (`enable_work_docs`, or `r#type`).
    pub field: String,
    /// Builder setter taking `Option<T>` (`set_enable_work_docs`).
    pub setter: String,
    /// Builder getter (`get_enable_work_docs`).
    pub getter: String,
    pub doc: String,
    pub ty: RustType,
    /// The field is `Option<T>`; otherwise `T`, and `build()` uses the default or fails
    /// when it is unset.
    pub optional: bool,
    /// The value a non-optional member takes when unset.
    pub default: Option<DefaultValue>,
    /// `Debug` redacts the value.
    pub sensitive: bool,
    /// The `@deprecated` message, when the member is deprecated.
    pub deprecated: Option<String>,
    /// An unset value is filled with a fresh UUID when serialized.
    pub idempotency_token: bool,
    /// What client-side validation checks.
    pub constraints: Constraints,
    /// Where the member travels; always the body under the RPC protocols.
    pub location: HttpLocation,
    /// The `@mediaType` of the member's target: a payload's `Content-Type`, and a header
    /// string sent base64-encoded.
    pub media_type: Option<String>,
    /// The value an unset or empty label takes instead of making the request unsendable
    /// (Glacier's `-` account id).
    pub empty_label: Option<String>,
}

/// The constraint traits of a member and its target, down through list items and map
/// entries. Structures and unions inside are checked by their own validators.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// `@required` in the model, checked where the Rust field is an `Option`.
    pub required: bool,
    /// `@length` bounds: characters, bytes or entries.
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// `@pattern`, an ECMA-262 regular expression matched anywhere in the value.
    pub pattern: Option<String>,
    /// A `@pattern` regex-lite cannot compile (Unicode classes such as `\p{L}`): not checked
    /// on the client, left to the service, and said so in the member's documentation.
    pub unchecked_pattern: Option<String>,
    /// `@range` bounds.
    pub range: Option<(Option<f64>, Option<f64>)>,
    pub unique_items: bool,
    /// Constraints on each list item or map value.
    pub element: Option<Box<Constraints>>,
    /// Constraints on each map key.
    pub key: Option<Box<Constraints>>,
}

impl Constraints {
    /// Whether there is anything to check at this level or below.
    pub fn is_empty(&self) -> bool {
        !self.required
            && self.length.is_none()
            && self.pattern.is_none()
            && self.range.is_none()
            && !self.unique_items
            && self.element.as_ref().is_none_or(|c| c.is_empty())
            && self.key.as_ref().is_none_or(|c| c.is_empty())
    }
}

impl MemberIr {
    /// `build()` fails when this member is unset.
    pub fn is_required(&self) -> bool {
        !self.optional && self.default.is_none()
    }
}

/// A `@default` value the generator can express in Rust.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    /// An enum's wire value.
    Enum(String),
    EmptyList,
    EmptyMap,
    Timestamp { secs: i64, nanos: u32 },
    /// Decoded bytes (the model holds them as base64).
    Blob(Vec<u8>),
    Document(serde_json::Value),
}

/// The Rust type of a value, before `Option` wrapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RustType {
    String,
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    Blob,
    Document,
    BigInteger,
    BigDecimal,
    Timestamp(TimestampFormat),
    /// A list; sparse lists keep `null` entries as `None`.
    List { element: Box<RustType>, sparse: bool },
    /// A map; sparse maps keep `null` values as `None`.
    Map { key: MapKey, value: Box<RustType>, sparse: bool },
    /// A structure under `types::`, by Rust name.
    Structure(String),
    /// A union under `types::`, by Rust name.
    Union(String),
    /// An enum under `types::`, by Rust name.
    Enum(String),
    /// Heap indirection for a member that leads back to its own shape.
    Boxed(Box<RustType>),
}

/// Map keys are strings on the wire; an enum key shape keeps its Rust enum type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapKey {
    String,
    Enum(String),
}

/// Smithy's `@timestampFormat`, with epoch seconds as the JSON protocols' default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    EpochSeconds,
    DateTime,
    HttpDate,
}

#[derive(Clone, Debug)]
pub struct EnumIr {
    pub shape_id: String,
    pub rust_name: String,
    pub module: String,
    pub doc: String,
    pub variants: Vec<VariantIr>,
    pub sensitive: bool,
    pub deprecated: Option<String>,
}

#[derive(Clone, Debug)]
pub struct VariantIr {
    pub name: String,
    pub value: String,
    pub doc: String,
    pub deprecated: Option<String>,
}

/// A union: exactly one member set, or `Unknown` for a member this version does not know.
#[derive(Clone, Debug)]
pub struct UnionIr {
    pub shape_id: String,
    pub rust_name: String,
    pub module: String,
    pub doc: String,
    pub serializer_fn: String,
    pub deserializer_fn: String,
    pub validator_fn: String,
    pub serialized: bool,
    pub deserialized: bool,
    pub variants: Vec<UnionVariantIr>,
    pub deprecated: Option<String>,
}

#[derive(Clone, Debug)]
pub struct UnionVariantIr {
    /// The member's name in the model.
    pub member_name: String,
    /// The JSON key: the member's name, or its `@jsonName` under restJson1.
    pub wire_name: String,
    pub name: String,
    /// `None` for members targeting `smithy.api#Unit`.
    pub ty: Option<RustType>,
    pub doc: String,
    /// `as_<member>` and `is_<member>`.
    pub as_fn: String,
    pub is_fn: String,
    pub sensitive: bool,
    pub deprecated: Option<String>,
    pub constraints: Constraints,
}

// Helper functions live in flat private modules. Those of `types::` shapes are named after the
// shape (`ser_`, `de_`, `validate_`); those of an operation's own input, output and error enum
// after the operation, with prefixes of their own, so that no shape name (say a structure called
// `TestConnectionInput`, or `UpdateCostAllocationTagsStatusError`) can reach them.

/// The name of the serializer function for the structure called `rust_name`, shared by the
/// function's definition and every call to it.
pub fn serializer_fn(rust_name: &str) -> String {
    format!("ser_{}", crate::naming::snake_case(rust_name))
}

/// The name of the deserializer function for the structure called `rust_name`.
pub fn deserializer_fn(rust_name: &str) -> String {
    format!("de_{}", crate::naming::snake_case(rust_name))
}

/// The name of the constraint checker for the structure or union called `rust_name`.
pub fn validator_fn(rust_name: &str) -> String {
    format!("validate_{}", crate::naming::snake_case(rust_name))
}

/// The serializer of the input of the operation whose module is `operation_module`.
pub fn input_serializer_fn(operation_module: &str) -> String {
    format!("write_{operation_module}_input")
}

/// The deserializer of the output of the operation whose module is `operation_module`.
pub fn output_deserializer_fn(operation_module: &str) -> String {
    format!("read_{operation_module}_output")
}

/// The constraint checker of the input of the operation whose module is `operation_module`.
pub fn input_validator_fn(operation_module: &str) -> String {
    format!("check_{operation_module}_input")
}

/// The function that turns an error response of the operation into its error enum.
pub fn error_parser_fn(operation_module: &str) -> String {
    format!("read_{operation_module}_error")
}
