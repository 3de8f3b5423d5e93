//! The JSON form of `smithy.rules#endpointRuleSet`, read into a syntax tree. Nothing is typed
//! or checked against the standard library here; [`super::typing`] does that.

use serde_json::{Map, Value};

/// A problem with the rule set, located by a JSON-pointer-like path inside the trait.
#[derive(Debug)]
pub struct SyntaxError {
    pub path: String,
    pub problem: String,
}

type Result<T> = std::result::Result<T, SyntaxError>;

fn fail<T>(path: &str, problem: impl Into<String>) -> Result<T> {
    Err(SyntaxError {
        path: path.to_owned(),
        problem: problem.into(),
    })
}

#[derive(Clone, Debug)]
pub struct RuleSet {
    pub parameters: Vec<Parameter>,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug)]
pub struct Parameter {
    pub name: String,
    pub kind: ParameterKind,
    pub built_in: Option<String>,
    pub required: bool,
    pub default: Option<Value>,
    pub documentation: Option<String>,
    pub deprecated: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterKind {
    String,
    Boolean,
    StringArray,
}

#[derive(Clone, Debug)]
pub struct Rule {
    /// Where the rule is in the trait, for error messages (`rules[1].rules[0]`).
    pub path: String,
    pub conditions: Vec<Condition>,
    pub outcome: Outcome,
}

#[derive(Clone, Debug)]
pub enum Outcome {
    Endpoint {
        url: Expr,
        headers: Vec<(String, Vec<Expr>)>,
        properties: Vec<(String, Expr)>,
    },
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Clone, Debug)]
pub struct Condition {
    pub function: Call,
    pub assign: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Call {
    pub name: String,
    pub args: Vec<Expr>,
}

/// An expression: a literal (strings are templates), a reference, or a function call.
#[derive(Clone, Debug)]
pub enum Expr {
    Template(Template),
    Bool(bool),
    Int(i64),
    Ref(String),
    Call(Call),
    Array(Vec<Expr>),
    Object(Vec<(String, Expr)>),
}

/// A string literal, which may interpolate `{Name}` or `{Name#attr.path}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Template(pub Vec<TemplatePart>);

#[derive(Clone, Debug, PartialEq)]
pub enum TemplatePart {
    Literal(String),
    Ref { name: String, attr: Option<String> },
}

impl Template {
    /// The literal text, when the template interpolates nothing.
    pub fn as_literal(&self) -> Option<String> {
        let mut text = String::new();
        for part in &self.0 {
            match part {
                TemplatePart::Literal(literal) => text.push_str(literal),
                TemplatePart::Ref { .. } => return None,
            }
        }
        Some(text)
    }
}

pub fn parse_rule_set(value: &Value) -> Result<RuleSet> {
    let object = as_object(value, "")?;
    let parameters = match object.get("parameters") {
        Some(parameters) => as_object(parameters, "parameters")?
            .iter()
            .map(|(name, parameter)| parse_parameter(name, parameter))
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    let rules = parse_rules(field(object, "rules", "")?, "rules")?;
    Ok(RuleSet { parameters, rules })
}

fn parse_parameter(name: &str, value: &Value) -> Result<Parameter> {
    let path = format!("parameters.{name}");
    let object = as_object(value, &path)?;
    let kind = match field(object, "type", &path)?.as_str().map(str::to_ascii_lowercase).as_deref() {
        Some("string") => ParameterKind::String,
        Some("boolean") => ParameterKind::Boolean,
        Some("stringarray") => ParameterKind::StringArray,
        other => return fail(&path, format!("has type {other:?}; the rules engine knows string, boolean and stringArray")),
    };
    let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    let deprecated = object.get("deprecated").map(|deprecated| {
        let message = deprecated.get("message").and_then(Value::as_str).unwrap_or("deprecated");
        match deprecated.get("since").and_then(Value::as_str) {
            Some(since) => format!("{message} (since {since})"),
            None => message.to_owned(),
        }
    });
    Ok(Parameter {
        name: name.to_owned(),
        kind,
        built_in: text("builtIn"),
        required: object.get("required").and_then(Value::as_bool).unwrap_or(false),
        default: object.get("default").cloned(),
        documentation: text("documentation"),
        deprecated,
    })
}

fn parse_rules(value: &Value, path: &str) -> Result<Vec<Rule>> {
    let Some(items) = value.as_array() else {
        return fail(path, "is not a list of rules");
    };
    items
        .iter()
        .enumerate()
        .map(|(index, rule)| parse_rule(rule, &format!("{path}[{index}]")))
        .collect()
}

fn parse_rule(value: &Value, path: &str) -> Result<Rule> {
    let object = as_object(value, path)?;
    let conditions = match object.get("conditions") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(index, condition)| parse_condition(condition, &format!("{path}.conditions[{index}]")))
            .collect::<Result<_>>()?,
        Some(_) => return fail(path, "has `conditions` that are not a list"),
        None => Vec::new(),
    };
    let outcome = match field(object, "type", path)?.as_str() {
        Some("endpoint") => parse_endpoint(field(object, "endpoint", path)?, &format!("{path}.endpoint"))?,
        Some("error") => Outcome::Error(parse_expr(field(object, "error", path)?, &format!("{path}.error"))?),
        Some("tree") => Outcome::Tree(parse_rules(field(object, "rules", path)?, &format!("{path}.rules"))?),
        other => return fail(path, format!("has rule type {other:?}; the rules engine knows endpoint, error and tree")),
    };
    Ok(Rule {
        path: path.to_owned(),
        conditions,
        outcome,
    })
}

fn parse_endpoint(value: &Value, path: &str) -> Result<Outcome> {
    let object = as_object(value, path)?;
    let url = parse_expr(field(object, "url", path)?, &format!("{path}.url"))?;
    let mut headers = Vec::new();
    if let Some(value) = object.get("headers") {
        for (name, values) in as_object(value, &format!("{path}.headers"))? {
            let header_path = format!("{path}.headers.{name}");
            let Some(values) = values.as_array() else {
                return fail(&header_path, "is not a list of values");
            };
            let values = values.iter().map(|value| parse_expr(value, &header_path)).collect::<Result<_>>()?;
            headers.push((name.clone(), values));
        }
    }
    let mut properties = Vec::new();
    if let Some(value) = object.get("properties") {
        for (name, property) in as_object(value, &format!("{path}.properties"))? {
            properties.push((name.clone(), parse_expr(property, &format!("{path}.properties.{name}"))?));
        }
    }
    Ok(Outcome::Endpoint { url, headers, properties })
}

fn parse_condition(value: &Value, path: &str) -> Result<Condition> {
    let Expr::Call(function) = parse_expr(value, path)? else {
        return fail(path, "is not a function call");
    };
    let object = as_object(value, path)?;
    let assign = match object.get("assign") {
        Some(Value::String(name)) => Some(name.clone()),
        Some(_) => return fail(path, "has an `assign` that is not a string"),
        None => None,
    };
    Ok(Condition { function, assign })
}

fn parse_expr(value: &Value, path: &str) -> Result<Expr> {
    match value {
        Value::String(text) => Ok(Expr::Template(parse_template(text, path)?)),
        Value::Bool(value) => Ok(Expr::Bool(*value)),
        Value::Number(number) => match number.as_i64() {
            Some(value) => Ok(Expr::Int(value)),
            None => fail(path, format!("has the number {number}; the rules engine has only integers")),
        },
        Value::Array(items) => Ok(Expr::Array(
            items
                .iter()
                .enumerate()
                .map(|(index, item)| parse_expr(item, &format!("{path}[{index}]")))
                .collect::<Result<_>>()?,
        )),
        Value::Object(object) => {
            if let Some(name) = object.get("ref") {
                let Some(name) = name.as_str() else {
                    return fail(path, "has a `ref` that is not a string");
                };
                return Ok(Expr::Ref(name.to_owned()));
            }
            if let Some(name) = object.get("fn") {
                let Some(name) = name.as_str() else {
                    return fail(path, "has an `fn` that is not a string");
                };
                let args = match object.get("argv") {
                    Some(Value::Array(args)) => args
                        .iter()
                        .enumerate()
                        .map(|(index, arg)| parse_expr(arg, &format!("{path}.argv[{index}]")))
                        .collect::<Result<_>>()?,
                    _ => return fail(path, format!("calls `{name}` without an `argv` list")),
                };
                return Ok(Expr::Call(Call {
                    name: name.to_owned(),
                    args,
                }));
            }
            let entries = object
                .iter()
                .map(|(key, value)| Ok((key.clone(), parse_expr(value, &format!("{path}.{key}"))?)))
                .collect::<Result<_>>()?;
            Ok(Expr::Object(entries))
        }
        Value::Null => fail(path, "is null"),
    }
}

/// Splits `https://{Region}.{PartitionResult#dnsSuffix}` into literals and references;
/// `{{` and `}}` stand for literal braces.
pub fn parse_template(text: &str, path: &str) -> Result<Template> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let mut reference = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => reference.push(c),
                        None => return fail(path, format!("has an unclosed `{{` in the template {text:?}")),
                    }
                }
                if !literal.is_empty() {
                    parts.push(TemplatePart::Literal(std::mem::take(&mut literal)));
                }
                let (name, attr) = match reference.split_once('#') {
                    Some((name, attr)) => (name.to_owned(), Some(attr.to_owned())),
                    None => (reference, None),
                };
                if name.is_empty() || attr.as_deref() == Some("") {
                    return fail(path, format!("has an empty reference in the template {text:?}"));
                }
                parts.push(TemplatePart::Ref { name, attr });
            }
            '}' => return fail(path, format!("has an unmatched `}}` in the template {text:?}")),
            c => literal.push(c),
        }
    }
    if !literal.is_empty() || parts.is_empty() {
        parts.push(TemplatePart::Literal(literal));
    }
    Ok(Template(parts))
}

fn as_object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>> {
    match value.as_object() {
        Some(object) => Ok(object),
        None => fail(if path.is_empty() { "the rule set" } else { path }, "is not a JSON object"),
    }
}

fn field<'a>(object: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a Value> {
    match object.get(key) {
        Some(value) => Ok(value),
        None => fail(if path.is_empty() { "the rule set" } else { path }, format!("has no `{key}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_literals_and_references() {
        let template = parse_template("https://a.{Region}.{PartitionResult#dnsSuffix}{{x}}", "t").unwrap();
        assert_eq!(
            template.0,
            vec![
                TemplatePart::Literal("https://a.".into()),
                TemplatePart::Ref { name: "Region".into(), attr: None },
                TemplatePart::Literal(".".into()),
                TemplatePart::Ref { name: "PartitionResult".into(), attr: Some("dnsSuffix".into()) },
                TemplatePart::Literal("{x}".into()),
            ]
        );
        assert_eq!(parse_template("", "t").unwrap().as_literal().as_deref(), Some(""));
    }

    #[test]
    fn broken_templates_are_errors() {
        assert!(parse_template("https://{Region", "t").unwrap_err().problem.contains("unclosed"));
        assert!(parse_template("a}b", "t").unwrap_err().problem.contains("unmatched"));
        assert!(parse_template("a{}b", "t").unwrap_err().problem.contains("empty reference"));
    }
}
