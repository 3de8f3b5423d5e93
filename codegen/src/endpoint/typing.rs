//! Type checks a rule set and lowers it to the [`ir`](super::ir).
//!
//! The rules engine's own type checker is the model: a parameter that may be unset is an
//! `option`, `isSet` as a condition proves it set for the rest of the rule, and a function
//! given a value that may be unset is a type error. Anything this generator does not know —
//! a function, an attribute, a type mismatch — is an error naming where it is, so a rule set
//! is either compiled faithfully or not at all.

use std::collections::BTreeMap;

use super::ir::*;
use super::syntax::{Call, Condition, Expr, Outcome, Parameter, Rule, RuleSet, Template, TemplatePart};
use crate::naming::{escape_keyword, snake_case};

#[derive(Debug)]
pub struct TypeError {
    pub path: String,
    pub problem: String,
}

type Result<T> = std::result::Result<T, TypeError>;

fn fail<T>(path: &str, problem: impl Into<String>) -> Result<T> {
    Err(TypeError {
        path: path.to_owned(),
        problem: problem.into(),
    })
}

/// What a rules-engine name stands for at one point of the rules.
#[derive(Clone, Debug)]
struct Binding {
    kind: ExprKind,
    ty: Ty,
    optional: bool,
}

#[derive(Clone, Debug, Default)]
struct Scope {
    names: BTreeMap<String, Binding>,
}

impl Scope {
    fn lookup(&self, name: &str, path: &str) -> Result<ExprIr> {
        match self.names.get(name) {
            Some(binding) => Ok(ExprIr {
                kind: binding.kind.clone(),
                ty: binding.ty,
                optional: binding.optional,
            }),
            None => fail(path, format!("refers to `{name}`, which is neither a parameter nor assigned before")),
        }
    }

    /// Binds a rules name to a Rust local. Rules names differ in case only (`ResourceArn`,
    /// `resourceArn`) where snake_case would join them, so a taken local gets a number.
    fn bind(&mut self, name: &str, ty: Ty) -> String {
        let base = local_name(name);
        let taken = |local: &str| {
            local == "params"
                || local == "endpoint_lib"
                || self
                    .names
                    .iter()
                    .any(|(other, binding)| other != name && matches!(&binding.kind, ExprKind::Local(l) if l == local))
        };
        let mut local = base.clone();
        let mut number = 2;
        while taken(&local) {
            local = format!("{}_{number}", base.trim_start_matches("r#"));
            number += 1;
        }
        self.names.insert(
            name.to_owned(),
            Binding {
                kind: ExprKind::Local(local.clone()),
                ty,
                optional: false,
            },
        );
        local
    }
}

fn local_name(name: &str) -> String {
    escape_keyword(snake_case(name))
}

pub fn lower_parameters(parameters: &[Parameter]) -> Result<Vec<ParamIr>> {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let lowered = parameters
        .iter()
        .map(|parameter| {
            let path = format!("parameters.{}", parameter.name);
            let field = local_name(&parameter.name);
            if let Some(other) = fields.insert(field.clone(), parameter.name.clone()) {
                return fail(&path, format!("has the Rust name `{field}`, as `{other}` has"));
            }
            let default = parameter
                .default
                .as_ref()
                .map(|value| param_value(parameter.kind, value, &path))
                .transpose()?;
            Ok(ParamIr {
                name: parameter.name.clone(),
                field,
                kind: parameter.kind,
                built_in: parameter.built_in.clone(),
                required: parameter.required,
                default,
                doc: parameter_doc(parameter),
                deprecated: parameter.deprecated.clone(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // `Params::builder`, `ParamsBuilder::build` and the `set_<field>` setters share the
    // parameters' namespace.
    for param in &lowered {
        let field = param.field.as_str();
        let setter_of = field.strip_prefix("set_").and_then(|rest| fields.get(rest));
        if matches!(field, "builder" | "build") || setter_of.is_some() {
            return fail(
                &format!("parameters.{}", param.name),
                format!("has the Rust name `{field}`, which the generated Params or its builder already uses"),
            );
        }
    }
    Ok(lowered)
}

/// A parameter value from JSON (a default or a test case's input).
pub fn param_value(kind: ParameterKind, value: &serde_json::Value, path: &str) -> Result<ParamValue> {
    match (kind, value) {
        (ParameterKind::String, serde_json::Value::String(text)) => Ok(ParamValue::String(text.clone())),
        (ParameterKind::Boolean, serde_json::Value::Bool(value)) => Ok(ParamValue::Bool(*value)),
        (ParameterKind::StringArray, serde_json::Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(ParamValue::StringArray)
            .ok_or_else(|| TypeError {
                path: path.to_owned(),
                problem: "has a stringArray value with an item that is not a string".to_owned(),
            }),
        (kind, value) => fail(path, format!("has the value {value}, which is not a {kind:?}")),
    }
}

/// Our own words for the built-ins every AWS rule set shares; the model's for the rest.
fn parameter_doc(parameter: &Parameter) -> String {
    let built_in = match parameter.built_in.as_deref() {
        Some("AWS::Region") => "The AWS Region the request goes to (`us-east-1`).",
        Some("AWS::UseFIPS") => "Send the request to the service's FIPS 140 validated endpoint; resolution fails where the partition has none.",
        Some("AWS::UseDualStack") => "Send the request to the service's dual-stack (IPv4 and IPv6) endpoint; resolution fails where the partition has none.",
        Some("SDK::Endpoint") => "An endpoint URL that replaces the one the rules would choose (a local emulator, a VPC endpoint).",
        _ => "",
    };
    let mut doc = if built_in.is_empty() {
        parameter.documentation.clone().unwrap_or_default()
    } else {
        built_in.to_owned()
    };
    if let Some(built_in) = &parameter.built_in {
        doc.push_str(&format!("\n\nBuilt-in: `{built_in}`."));
    }
    doc.trim().to_owned()
}

pub fn lower_rules(rule_set: &RuleSet, params: &[ParamIr]) -> Result<Vec<RuleIr>> {
    let mut scope = Scope::default();
    for param in params {
        let ty = match param.kind {
            ParameterKind::String => Ty::Str,
            ParameterKind::Boolean => Ty::Bool,
            ParameterKind::StringArray => Ty::StrList,
        };
        scope.names.insert(
            param.name.clone(),
            Binding {
                kind: ExprKind::Param(param.field.clone()),
                ty,
                optional: param.is_optional(),
            },
        );
    }
    lower_rule_list(&rule_set.rules, &scope)
}

fn lower_rule_list(rules: &[Rule], scope: &Scope) -> Result<Vec<RuleIr>> {
    rules.iter().map(|rule| lower_rule(rule, scope.clone())).collect()
}

fn lower_rule(rule: &Rule, mut scope: Scope) -> Result<RuleIr> {
    let mut conditions = Vec::new();
    for (index, condition) in rule.conditions.iter().enumerate() {
        let path = format!("{}.conditions[{index}]", rule.path);
        conditions.extend(lower_condition(condition, &mut scope, &path)?);
    }
    let outcome = match &rule.outcome {
        Outcome::Endpoint { url, headers, properties } => {
            let path = format!("{}.endpoint", rule.path);
            let url = string_value(url, &scope, &format!("{path}.url"))?;
            let headers = headers
                .iter()
                .map(|(name, values)| {
                    let header_path = format!("{path}.headers.{name}");
                    let values = values.iter().map(|value| string_value(value, &scope, &header_path)).collect::<Result<_>>()?;
                    Ok((name.clone(), values))
                })
                .collect::<Result<_>>()?;
            let properties = properties
                .iter()
                .map(|(name, value)| Ok((name.clone(), lower_property(value, &scope, &format!("{path}.properties.{name}"))?)))
                .collect::<Result<_>>()?;
            OutcomeIr::Endpoint { url, headers, properties }
        }
        Outcome::Error(message) => OutcomeIr::Error(string_value(message, &scope, &format!("{}.error", rule.path))?),
        Outcome::Tree(rules) => OutcomeIr::Tree(lower_rule_list(rules, &scope)?),
    };
    Ok(RuleIr { conditions, outcome })
}

/// A condition becomes zero (it always holds), one or two guards.
fn lower_condition(condition: &Condition, scope: &mut Scope, path: &str) -> Result<Vec<ConditionIr>> {
    let call = &condition.function;
    // `isSet` of a parameter proves it set for the rest of the rule: bind its value.
    if call.name == "isSet" && condition.assign.is_none() {
        if let [Expr::Ref(name)] = call.args.as_slice() {
            let value = scope.lookup(name, path)?;
            if !value.optional {
                return Ok(Vec::new());
            }
            let local = scope.bind(name, value.ty);
            return Ok(vec![ConditionIr::BindSome { local, expr: value }]);
        }
    }
    let expr = lower_call(call, scope, path)?;
    match &condition.assign {
        Some(name) => {
            if scope.names.contains_key(name) {
                return fail(path, format!("assigns `{name}`, which already names a value in scope"));
            }
            let local = scope.bind(name, expr.ty);
            if expr.optional {
                return Ok(vec![ConditionIr::BindSome { local, expr }]);
            }
            let is_bool = expr.ty == Ty::Bool;
            let mut guards = vec![ConditionIr::Bind { local: local.clone(), expr }];
            if is_bool {
                guards.push(ConditionIr::Holds(ExprIr {
                    kind: ExprKind::Local(local),
                    ty: Ty::Bool,
                    optional: false,
                }));
            }
            Ok(guards)
        }
        None if expr.optional && expr.ty == Ty::Bool => {
            fail(path, format!("calls `{}`, whose result may be unset; smithy-bind needs a bool here", call.name))
        }
        None if expr.optional => Ok(vec![ConditionIr::IsSome(expr)]),
        None if expr.ty == Ty::Bool => Ok(vec![ConditionIr::Holds(expr)]),
        // A value that is always present, unassigned, tests nothing.
        None => Ok(Vec::new()),
    }
}

fn lower_expr(expr: &Expr, scope: &Scope, path: &str) -> Result<ExprIr> {
    match expr {
        Expr::Template(template) => lower_template(template, scope, path),
        Expr::Bool(value) => Ok(value_of(ExprKind::Bool(*value), Ty::Bool)),
        Expr::Int(value) => Ok(value_of(ExprKind::Int(*value), Ty::Int)),
        Expr::Ref(name) => scope.lookup(name, path),
        Expr::Call(call) => lower_call(call, scope, path),
        Expr::Array(_) | Expr::Object(_) => fail(path, "uses an array or object where a value is expected"),
    }
}

fn value_of(kind: ExprKind, ty: Ty) -> ExprIr {
    ExprIr {
        kind,
        ty,
        optional: false,
    }
}

fn lower_template(template: &Template, scope: &Scope, path: &str) -> Result<ExprIr> {
    if let Some(literal) = template.as_literal() {
        return Ok(value_of(ExprKind::Str(literal), Ty::Str));
    }
    let mut pieces = Vec::new();
    for part in &template.0 {
        match part {
            TemplatePart::Literal(text) => pieces.push(TemplatePiece::Literal(text.clone())),
            TemplatePart::Ref { name, attr } => {
                let mut value = scope.lookup(name, path)?;
                if let Some(attr) = attr {
                    value = get_attr(value, attr, path)?;
                }
                let shown = match attr {
                    Some(attr) => format!("{{{name}#{attr}}}"),
                    None => format!("{{{name}}}"),
                };
                require(&value, |ty| ty.is_string(), "string", &format!("the template reference {shown}"), path)?;
                pieces.push(TemplatePiece::Value(value));
            }
        }
    }
    // A template that is one reference is that value.
    if let [TemplatePiece::Value(value)] = pieces.as_slice() {
        return Ok(value.clone());
    }
    Ok(value_of(ExprKind::Template(pieces), Ty::String))
}

/// A value that must be a string that is always set (a URL, a header, an error message).
fn string_value(expr: &Expr, scope: &Scope, path: &str) -> Result<ExprIr> {
    let value = lower_expr(expr, scope, path)?;
    require(&value, |ty| ty.is_string(), "string", "the value", path)?;
    Ok(value)
}

fn lower_property(expr: &Expr, scope: &Scope, path: &str) -> Result<PropertyIr> {
    match expr {
        Expr::Int(value) => Ok(PropertyIr::Int(*value)),
        Expr::Array(items) => Ok(PropertyIr::Array(
            items
                .iter()
                .enumerate()
                .map(|(index, item)| lower_property(item, scope, &format!("{path}[{index}]")))
                .collect::<Result<_>>()?,
        )),
        Expr::Object(entries) => Ok(PropertyIr::Object(
            entries
                .iter()
                .map(|(key, value)| Ok((key.clone(), lower_property(value, scope, &format!("{path}.{key}"))?)))
                .collect::<Result<_>>()?,
        )),
        other => {
            let value = lower_expr(other, scope, path)?;
            require(&value, |ty| ty.is_string() || ty == Ty::Bool, "string or bool", "the property", path)?;
            Ok(PropertyIr::Value(value))
        }
    }
}

/// Fails unless `value` is always set and of an accepted type.
fn require(value: &ExprIr, accepts: impl Fn(Ty) -> bool, wanted: &str, what: &str, path: &str) -> Result<()> {
    if !accepts(value.ty) {
        return fail(path, format!("{what} is a {}, where a {wanted} is expected", value.ty.rules_name()));
    }
    if value.optional {
        return fail(path, format!("{what} may be unset, where a {wanted} is expected; the rules guard such values with isSet"));
    }
    Ok(())
}

fn lower_call(call: &Call, scope: &Scope, path: &str) -> Result<ExprIr> {
    let args: Vec<ExprIr> = call
        .args
        .iter()
        .enumerate()
        .map(|(index, arg)| lower_expr(arg, scope, &format!("{path}.argv[{index}]")))
        .collect::<Result<_>>()?;
    let name = call.name.as_str();
    let arity = |count: usize| -> Result<()> {
        if args.len() == count {
            Ok(())
        } else {
            fail(path, format!("calls `{name}` with {} arguments; it takes {count}", args.len()))
        }
    };
    let arg = |index: usize, accepts: fn(Ty) -> bool, wanted: &str| -> Result<ExprIr> {
        let value = &args[index];
        require(value, accepts, wanted, &format!("argument {} of `{name}`", index + 1), path)?;
        Ok(value.clone())
    };
    let string = |ty: Ty| ty.is_string();
    let boolean = |ty: Ty| ty == Ty::Bool;
    let integer = |ty: Ty| ty == Ty::Int;
    let call_of = |function: Function, args: Vec<ExprIr>, ty: Ty, optional: bool| ExprIr {
        kind: ExprKind::Call(function, args),
        ty,
        optional,
    };
    match name {
        "isSet" => {
            arity(1)?;
            let value = args[0].clone();
            if !value.optional {
                return Ok(value_of(ExprKind::Bool(true), Ty::Bool));
            }
            Ok(value_of(ExprKind::IsSet(Box::new(value)), Ty::Bool))
        }
        "not" => {
            arity(1)?;
            Ok(negate(arg(0, boolean, "bool")?))
        }
        "booleanEquals" => {
            arity(2)?;
            let (a, b) = (arg(0, boolean, "bool")?, arg(1, boolean, "bool")?);
            Ok(match (&a.kind, &b.kind) {
                (ExprKind::Bool(x), ExprKind::Bool(y)) => value_of(ExprKind::Bool(x == y), Ty::Bool),
                (ExprKind::Bool(true), _) => b,
                (_, ExprKind::Bool(true)) => a,
                (ExprKind::Bool(false), _) => negate(b),
                (_, ExprKind::Bool(false)) => negate(a),
                _ => value_of(ExprKind::BoolEquals(Box::new(a), Box::new(b)), Ty::Bool),
            })
        }
        "stringEquals" => {
            arity(2)?;
            let (a, b) = (arg(0, string, "string")?, arg(1, string, "string")?);
            Ok(value_of(ExprKind::StringEquals(Box::new(a), Box::new(b)), Ty::Bool))
        }
        "getAttr" => {
            arity(2)?;
            let ExprKind::Str(attr) = &args[1].kind else {
                return fail(path, "calls `getAttr` with a path that is not a literal string");
            };
            let base = args[0].clone();
            if base.optional {
                return fail(path, "calls `getAttr` on a value that may be unset");
            }
            get_attr(base, attr, path)
        }
        "substring" => {
            arity(4)?;
            let args = vec![arg(0, string, "string")?, arg(1, integer, "integer")?, arg(2, integer, "integer")?, arg(3, boolean, "bool")?];
            Ok(call_of(Function::Substring, args, Ty::Str, true))
        }
        "uriEncode" => {
            arity(1)?;
            Ok(call_of(Function::UriEncode, vec![arg(0, string, "string")?], Ty::String, false))
        }
        "parseURL" => {
            arity(1)?;
            Ok(call_of(Function::ParseUrl, vec![arg(0, string, "string")?], Ty::Url, true))
        }
        "isValidHostLabel" => {
            arity(2)?;
            let args = vec![arg(0, string, "string")?, arg(1, boolean, "bool")?];
            Ok(call_of(Function::IsValidHostLabel, args, Ty::Bool, false))
        }
        "aws.partition" => {
            arity(1)?;
            Ok(call_of(Function::Partition, vec![arg(0, string, "string")?], Ty::Partition, true))
        }
        "aws.parseArn" => {
            arity(1)?;
            Ok(call_of(Function::ParseArn, vec![arg(0, string, "string")?], Ty::Arn, true))
        }
        other => fail(path, format!("calls the rules-engine function `{other}`, which smithy-bind does not support")),
    }
}

/// `not(x)`, folding literals and double negations.
fn negate(value: ExprIr) -> ExprIr {
    match value.kind {
        ExprKind::Bool(b) => value_of(ExprKind::Bool(!b), Ty::Bool),
        ExprKind::Not(inner) => *inner,
        kind => value_of(
            ExprKind::Not(Box::new(ExprIr {
                kind,
                ty: Ty::Bool,
                optional: false,
            })),
            Ty::Bool,
        ),
    }
}

/// `getAttr(value, "a.b[2]")`: keys name accessors, a final index picks a list element.
fn get_attr(mut value: ExprIr, path_text: &str, path: &str) -> Result<ExprIr> {
    for part in path_text.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => {
                let Some(index) = rest.strip_suffix(']').and_then(|digits| digits.parse::<usize>().ok()) else {
                    return fail(path, format!("has the attribute path {path_text:?}, whose index is not a number"));
                };
                (key, Some(index))
            }
            None => (part, None),
        };
        if value.optional {
            return fail(path, format!("has the attribute path {path_text:?}, which reads past an index"));
        }
        if !key.is_empty() {
            let (accessor, ty) = attribute(value.ty, key).ok_or_else(|| TypeError {
                path: path.to_owned(),
                problem: format!("reads `{key}` of a {}, which has no such attribute", value.ty.rules_name()),
            })?;
            value = value_of(ExprKind::Attr(Box::new(value), accessor), ty);
        }
        if let Some(index) = index {
            if value.ty != Ty::StrList {
                return fail(path, format!("indexes a {}, which is not an array", value.ty.rules_name()));
            }
            value = ExprIr {
                kind: ExprKind::Index(Box::new(value), index),
                ty: Ty::Str,
                optional: true,
            };
        }
    }
    Ok(value)
}

/// The accessor in the generated `endpoint_lib` for an attribute, and what it returns.
fn attribute(ty: Ty, key: &str) -> Option<(&'static str, Ty)> {
    let found = match (ty, key) {
        (Ty::Partition, "name") => ("name", Ty::Str),
        (Ty::Partition, "dnsSuffix") => ("dns_suffix", Ty::Str),
        (Ty::Partition, "dualStackDnsSuffix") => ("dual_stack_dns_suffix", Ty::Str),
        (Ty::Partition, "implicitGlobalRegion") => ("implicit_global_region", Ty::Str),
        (Ty::Partition, "supportsFIPS") => ("supports_fips", Ty::Bool),
        (Ty::Partition, "supportsDualStack") => ("supports_dual_stack", Ty::Bool),
        (Ty::Arn, "partition") => ("partition", Ty::Str),
        (Ty::Arn, "service") => ("service", Ty::Str),
        (Ty::Arn, "region") => ("region", Ty::Str),
        (Ty::Arn, "accountId") => ("account_id", Ty::Str),
        (Ty::Arn, "resourceId") => ("resource_id", Ty::StrList),
        (Ty::Url, "scheme") => ("scheme", Ty::Str),
        (Ty::Url, "authority") => ("authority", Ty::Str),
        (Ty::Url, "path") => ("path", Ty::Str),
        (Ty::Url, "normalizedPath") => ("normalized_path", Ty::Str),
        (Ty::Url, "isIp") => ("is_ip", Ty::Bool),
        _ => return None,
    };
    Some(found)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::endpoint::syntax::parse_rule_set;

    /// Type checks one endpoint rule with `conditions` under two parameters: `Region`
    /// (optional string) and `UseFIPS` (defaulted boolean).
    fn check(conditions: serde_json::Value, url: &str) -> Result<Vec<RuleIr>> {
        let rule_set = parse_rule_set(&json!({
            "version": "1.0",
            "parameters": {
                "Region": {"type": "string", "builtIn": "AWS::Region"},
                "UseFIPS": {"type": "boolean", "required": true, "default": false},
            },
            "rules": [{"type": "endpoint", "conditions": conditions, "endpoint": {"url": url}}],
        }))
        .unwrap();
        let params = lower_parameters(&rule_set.parameters)?;
        lower_rules(&rule_set, &params)
    }

    fn problem(conditions: serde_json::Value, url: &str) -> String {
        let error = check(conditions, url).unwrap_err();
        format!("{}: {}", error.path, error.problem)
    }

    #[test]
    fn is_set_proves_a_parameter_set_for_the_rest_of_the_rule() {
        let rules = check(json!([{"fn": "isSet", "argv": [{"ref": "Region"}]}]), "https://{Region}.example.com").unwrap();
        assert!(matches!(&rules[0].conditions[0], ConditionIr::BindSome { local, .. } if local == "region"));
    }

    #[test]
    fn an_unguarded_optional_parameter_is_an_error() {
        assert_eq!(
            problem(json!([]), "https://{Region}.example.com"),
            "rules[0].endpoint.url: the template reference {Region} may be unset, where a string is expected; the rules guard such values with isSet"
        );
        assert_eq!(
            problem(json!([{"fn": "stringEquals", "argv": [{"ref": "Region"}, "x"]}]), "https://a"),
            "rules[0].conditions[0]: argument 1 of `stringEquals` may be unset, where a string is expected; the rules guard such values with isSet"
        );
    }

    #[test]
    fn unknown_functions_names_and_attributes_are_errors() {
        assert_eq!(
            problem(json!([{"fn": "aws.isVirtualHostableS3Bucket", "argv": ["b", false]}]), "https://a"),
            "rules[0].conditions[0]: calls the rules-engine function `aws.isVirtualHostableS3Bucket`, which smithy-bind does not support"
        );
        assert_eq!(
            problem(json!([]), "https://{Nope}"),
            "rules[0].endpoint.url: refers to `Nope`, which is neither a parameter nor assigned before"
        );
        assert_eq!(
            problem(
                json!([
                    {"fn": "isSet", "argv": [{"ref": "Region"}]},
                    {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}
                ]),
                "https://{P#dnsSufix}"
            ),
            "rules[0].endpoint.url: reads `dnsSufix` of a partition, which has no such attribute"
        );
    }

    #[test]
    fn arguments_of_the_wrong_type_are_errors() {
        assert_eq!(
            problem(json!([{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, "true"]}]), "https://a"),
            "rules[0].conditions[0]: argument 2 of `booleanEquals` is a string, where a bool is expected"
        );
        assert_eq!(
            problem(json!([{"fn": "not", "argv": []}]), "https://a"),
            "rules[0].conditions[0]: calls `not` with 0 arguments; it takes 1"
        );
    }

    #[test]
    fn comparisons_with_literal_booleans_fold_away() {
        let rules = check(json!([{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, false]}]), "https://a").unwrap();
        let ConditionIr::Holds(expr) = &rules[0].conditions[0] else { panic!("{:?}", rules[0].conditions) };
        assert!(matches!(&expr.kind, ExprKind::Not(inner) if matches!(&inner.kind, ExprKind::Param(field) if field == "use_fips")));
    }

    #[test]
    fn parameters_named_like_the_builder_api_are_errors() {
        for (name, field) in [("Builder", "builder"), ("SetRegion", "set_region")] {
            let rule_set = parse_rule_set(&json!({
                "parameters": {"Region": {"type": "string"}, name: {"type": "string"}},
                "rules": [],
            }))
            .unwrap();
            let error = lower_parameters(&rule_set.parameters).unwrap_err();
            assert_eq!(error.path, format!("parameters.{name}"));
            assert_eq!(error.problem, format!("has the Rust name `{field}`, which the generated Params or its builder already uses"));
        }
    }

    #[test]
    fn names_that_snake_case_alike_get_distinct_locals() {
        let rules = check(
            json!([
                {"fn": "isSet", "argv": [{"ref": "Region"}]},
                {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "region"}
            ]),
            "https://{Region}.{region#dnsSuffix}",
        )
        .unwrap();
        let locals: Vec<&str> = rules[0]
            .conditions
            .iter()
            .filter_map(|condition| match condition {
                ConditionIr::BindSome { local, .. } => Some(local.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(locals, ["region", "region_2"]);
    }
}
