//! `smithy.rules#endpointTests`: each case's parameters and the endpoint or error the rule
//! set must give for them, lowered so the emitter can write one Rust test per case.

use serde_json::Value;

use super::ir::{CaseExpectation, EndpointCaseIr, ParamIr, ParamValue};
use super::typing::{param_value, TypeError};

pub fn lower_cases(trait_value: &Value, params: &[ParamIr]) -> Result<Vec<EndpointCaseIr>, TypeError> {
    let fail = |path: String, problem: String| TypeError { path, problem };
    let Some(cases) = trait_value.get("testCases").and_then(Value::as_array) else {
        return Err(fail("endpointTests".into(), "has no `testCases` list".into()));
    };
    cases
        .iter()
        .enumerate()
        .map(|(index, case)| {
            let path = format!("testCases[{index}]");
            let mut inputs = Vec::new();
            if let Some(given) = case.get("params").and_then(Value::as_object) {
                for (name, value) in given {
                    let param = params
                        .iter()
                        .find(|param| param.name == *name)
                        .ok_or_else(|| fail(path.clone(), format!("sets `{name}`, which is not a parameter of the rule set")))?;
                    inputs.push((param.clone(), param_value(param.kind, value, &format!("{path}.params.{name}"))?));
                }
            }
            let expect = case.get("expect").ok_or_else(|| fail(path.clone(), "has no `expect`".into()))?;
            let expect = if let Some(error) = expect.get("error") {
                CaseExpectation::Error(error.as_str().ok_or_else(|| fail(path.clone(), "expects an error that is not a string".into()))?.to_owned())
            } else if let Some(endpoint) = expect.get("endpoint") {
                lower_endpoint(endpoint).map_err(|problem| fail(format!("{path}.expect.endpoint"), problem))?
            } else {
                return Err(fail(path, "expects neither an endpoint nor an error".into()));
            };
            let doc = match case.get("documentation").and_then(Value::as_str) {
                Some(doc) => doc.to_owned(),
                None => describe(&inputs),
            };
            Ok(EndpointCaseIr {
                doc,
                params: inputs,
                expect,
            })
        })
        .collect()
}

fn lower_endpoint(endpoint: &Value) -> Result<CaseExpectation, String> {
    let url = endpoint.get("url").and_then(Value::as_str).ok_or("has no string `url`")?.to_owned();
    let mut headers = Vec::new();
    if let Some(given) = endpoint.get("headers").and_then(Value::as_object) {
        for (name, values) in given {
            let values = values
                .as_array()
                .and_then(|values| values.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>())
                .ok_or_else(|| format!("has header {name} whose values are not a list of strings"))?;
            headers.push((name.clone(), values));
        }
    }
    let properties = endpoint.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
    Ok(CaseExpectation::Endpoint { url, headers, properties })
}

/// A description for a case without one: its parameters (`Region us-east-1, UseFIPS true`).
fn describe(inputs: &[(ParamIr, ParamValue)]) -> String {
    if inputs.is_empty() {
        return "No parameters set".to_owned();
    }
    let parts: Vec<String> = inputs
        .iter()
        .map(|(param, value)| match value {
            ParamValue::String(text) => format!("{} {text}", param.name),
            ParamValue::Bool(flag) => format!("{} {flag}", param.name),
            ParamValue::StringArray(items) => format!("{} [{}]", param.name, items.join(", ")),
        })
        .collect();
    parts.join(", ")
}
