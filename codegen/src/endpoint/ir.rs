//! The endpoint rule set after type checking: every reference resolved to a parameter field
//! or a Rust local, every expression typed, every literal comparison folded. The emitter
//! writes Rust from this alone.

pub use super::syntax::ParameterKind;

#[derive(Clone, Debug)]
pub struct EndpointIr {
    pub params: Vec<ParamIr>,
    pub rules: Vec<RuleIr>,
    pub partitions: Vec<PartitionIr>,
    pub cases: Vec<EndpointCaseIr>,
}

impl EndpointIr {
    /// Whether any rule calls `aws.partition`, so the crate needs the partition table.
    pub fn uses_partitions(&self) -> bool {
        let is_partition = |expr: &ExprIr| matches!(expr.kind, ExprKind::Call(Function::Partition, _));
        self.rules.iter().any(|rule| rule.any_expr(&is_partition))
    }
}

/// One endpoint parameter, a field of the generated `Params`.
#[derive(Clone, Debug)]
pub struct ParamIr {
    /// The rule set's name (`UseFIPS`).
    pub name: String,
    /// The Rust field and builder method (`use_fips`).
    pub field: String,
    pub kind: ParameterKind,
    pub built_in: Option<String>,
    pub required: bool,
    pub default: Option<ParamValue>,
    pub doc: String,
    pub deprecated: Option<String>,
}

impl ParamIr {
    /// Whether `Params` holds an `Option`: neither required nor defaulted.
    pub fn is_optional(&self) -> bool {
        !self.required && self.default.is_none()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    String(String),
    Bool(bool),
    StringArray(Vec<String>),
}

#[derive(Clone, Debug)]
pub struct RuleIr {
    pub conditions: Vec<ConditionIr>,
    pub outcome: OutcomeIr,
}

impl RuleIr {
    /// Whether `found` holds for an expression anywhere in the rule, nested rules included.
    pub fn any_expr(&self, found: &dyn Fn(&ExprIr) -> bool) -> bool {
        self.conditions.iter().any(|condition| condition.expr().any(found)) || self.outcome.any_expr(found)
    }
}

#[derive(Clone, Debug)]
pub enum OutcomeIr {
    Endpoint {
        url: ExprIr,
        headers: Vec<(String, Vec<ExprIr>)>,
        properties: Vec<(String, PropertyIr)>,
    },
    Error(ExprIr),
    Tree(Vec<RuleIr>),
}

impl OutcomeIr {
    /// Whether `found` holds for an expression anywhere in the outcome.
    pub fn any_expr(&self, found: &dyn Fn(&ExprIr) -> bool) -> bool {
        match self {
            OutcomeIr::Error(message) => message.any(found),
            OutcomeIr::Endpoint { url, headers, properties } => {
                url.any(found)
                    || headers.iter().any(|(_, values)| values.iter().any(|value| value.any(found)))
                    || properties.iter().any(|(_, value)| value.any_expr(found))
            }
            OutcomeIr::Tree(rules) => rules.iter().any(|rule| rule.any_expr(found)),
        }
    }
}

/// How one condition guards what follows it.
#[derive(Clone, Debug)]
pub enum ConditionIr {
    /// A `bool` that must be true.
    Holds(ExprIr),
    /// An `Option` that must be `Some`.
    IsSome(ExprIr),
    /// An `Option` that must be `Some`, its value bound to `local`.
    BindSome { local: String, expr: ExprIr },
    /// A value that is always present, bound to `local`.
    Bind { local: String, expr: ExprIr },
}

impl ConditionIr {
    pub fn expr(&self) -> &ExprIr {
        match self {
            ConditionIr::Holds(expr) | ConditionIr::IsSome(expr) => expr,
            ConditionIr::BindSome { expr, .. } | ConditionIr::Bind { expr, .. } => expr,
        }
    }
}

/// An endpoint property value: a JSON-like tree whose leaves are expressions.
#[derive(Clone, Debug)]
pub enum PropertyIr {
    /// A string or boolean expression.
    Value(ExprIr),
    Int(i64),
    Array(Vec<PropertyIr>),
    Object(Vec<(String, PropertyIr)>),
}

impl PropertyIr {
    fn any_expr(&self, found: &dyn Fn(&ExprIr) -> bool) -> bool {
        match self {
            PropertyIr::Value(value) => value.any(found),
            PropertyIr::Int(_) => false,
            PropertyIr::Array(items) => items.iter().any(|item| item.any_expr(found)),
            PropertyIr::Object(entries) => entries.iter().any(|(_, value)| value.any_expr(found)),
        }
    }
}

#[derive(Clone, Debug)]
pub struct ExprIr {
    pub kind: ExprKind,
    pub ty: Ty,
    /// The expression is an `Option` of `ty`.
    pub optional: bool,
}

impl ExprIr {
    /// Whether `found` holds for this expression or one inside it.
    pub fn any(&self, found: &dyn Fn(&ExprIr) -> bool) -> bool {
        found(self)
            || match &self.kind {
                ExprKind::Not(inner) | ExprKind::IsSet(inner) | ExprKind::Attr(inner, _) | ExprKind::Index(inner, _) => {
                    inner.any(found)
                }
                ExprKind::BoolEquals(a, b) | ExprKind::StringEquals(a, b) => a.any(found) || b.any(found),
                ExprKind::Call(_, args) => args.iter().any(|arg| arg.any(found)),
                ExprKind::Template(pieces) => pieces
                    .iter()
                    .any(|piece| matches!(piece, TemplatePiece::Value(value) if value.any(found))),
                ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::Int(_) | ExprKind::Param(_) | ExprKind::Local(_) => false,
            }
    }
}

/// The Rust type an expression evaluates to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// `&str`.
    Str,
    /// `String`, built by a template or `uriEncode`.
    String,
    Bool,
    Int,
    /// `&[String]`.
    StrList,
    /// `&'static Partition`.
    Partition,
    /// `Arn` (owned).
    Arn,
    /// `Url` (owned).
    Url,
}

impl Ty {
    pub fn is_string(self) -> bool {
        matches!(self, Ty::Str | Ty::String)
    }

    /// The rules engine's name for the type, for error messages.
    pub fn rules_name(self) -> &'static str {
        match self {
            Ty::Str | Ty::String => "string",
            Ty::Bool => "bool",
            Ty::Int => "integer",
            Ty::StrList => "stringArray",
            Ty::Partition => "partition",
            Ty::Arn => "ARN",
            Ty::Url => "URL",
        }
    }
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Str(String),
    Bool(bool),
    Int(i64),
    Template(Vec<TemplatePiece>),
    /// `params.<field>`.
    Param(String),
    /// A Rust local: a narrowed parameter or an `assign`ed value.
    Local(String),
    Not(Box<ExprIr>),
    BoolEquals(Box<ExprIr>, Box<ExprIr>),
    StringEquals(Box<ExprIr>, Box<ExprIr>),
    IsSet(Box<ExprIr>),
    Call(Function, Vec<ExprIr>),
    /// An accessor of a partition, ARN or URL (`dns_suffix`).
    Attr(Box<ExprIr>, &'static str),
    /// Element of a string list, which may be absent.
    Index(Box<ExprIr>, usize),
}

#[derive(Clone, Debug)]
pub enum TemplatePiece {
    Literal(String),
    /// A string expression, never optional.
    Value(ExprIr),
}

/// The rules-engine functions that become calls into the generated `endpoint_lib`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Substring,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Partition,
    ParseArn,
}

impl Function {
    /// The function in the generated crate's `endpoint_lib`.
    pub fn rust_name(self) -> &'static str {
        match self {
            Function::Substring => "substring",
            Function::UriEncode => "uri_encode",
            Function::ParseUrl => "parse_url",
            Function::IsValidHostLabel => "is_valid_host_label",
            Function::Partition => "partition",
            Function::ParseArn => "parse_arn",
        }
    }
}

/// One partition of `partitions.json`: what `aws.partition` returns for its regions.
#[derive(Clone, Debug, PartialEq)]
pub struct PartitionIr {
    pub id: String,
    pub outputs: PartitionOutputs,
    /// The regions listed by name, with outputs where a region overrides the partition's.
    pub regions: Vec<(String, Option<PartitionOutputs>)>,
    /// The compiled `regionRegex`.
    pub region_pattern: Vec<RegionPatternPiece>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartitionOutputs {
    pub name: String,
    pub dns_suffix: String,
    pub dual_stack_dns_suffix: String,
    pub implicit_global_region: String,
    pub supports_fips: bool,
    pub supports_dual_stack: bool,
}

/// A piece of an anchored region regex: the partitions use literals, alternations of
/// literals, `\w+` and `\d+` only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionPatternPiece {
    Literal(String),
    OneOf(Vec<String>),
    Word,
    Digits,
}

/// One case of `smithy.rules#endpointTests`.
#[derive(Clone, Debug)]
pub struct EndpointCaseIr {
    pub doc: String,
    /// Builder calls: the parameter and its value.
    pub params: Vec<(ParamIr, ParamValue)>,
    pub expect: CaseExpectation,
}

#[derive(Clone, Debug)]
pub enum CaseExpectation {
    Endpoint {
        url: String,
        headers: Vec<(String, Vec<String>)>,
        properties: serde_json::Map<String, serde_json::Value>,
    },
    Error(String),
}
