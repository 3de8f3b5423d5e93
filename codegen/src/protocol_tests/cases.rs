//! Model → test IR: collects the client cases of a service's protocol tests and turns their
//! `params` into typed values through the bindings' IR, so the emitter never reads JSON.

use serde_json::{Map, Value};

use super::ir::{
    CaseKind, ErrorCase, ExpectedBody, ExpectedField, OperationRef, RequestCase, ResponseCase,
    ResponseFixture, TestCase,
};
use super::params::ParamResolver;
use crate::error::{Error, Result};
use crate::ir::{CrateIr, OperationIr, StructureIr};
use crate::model::{Model, Shape, ShapeId, ShapeKind};

pub const REQUEST_TESTS: &str = "smithy.test#httpRequestTests";
pub const RESPONSE_TESTS: &str = "smithy.test#httpResponseTests";

/// The vendor parameters shape whose `code` is the error code a query-compatible service
/// reports instead of the error shape's name.
const ERROR_CODE_PARAMS: &str = "aws.protocoltests.config#ErrorCodeParams";

/// Every client case of `service`'s operations and of their errors, for the service's protocol,
/// in service order: an operation's request cases, its response cases, then its errors' cases.
pub fn collect_cases(model: &Model, service: &ShapeId, krate: &CrateIr) -> Result<Vec<TestCase>> {
    let protocol = krate.service.protocol.trait_id();
    let resolver = ParamResolver::new(krate);
    let mut cases = Vec::new();
    let mut seen_errors = std::collections::BTreeSet::new();
    for operation in &krate.operations {
        let shape = operation_shape(model, service, operation)?;
        let op_ref = operation_ref(operation);
        for case in client_cases(shape, REQUEST_TESTS, protocol)? {
            cases.push(request_case(&shape.id, case, operation, &op_ref, &resolver)?);
        }
        for case in client_cases(shape, RESPONSE_TESTS, protocol)? {
            cases.push(response_case(&shape.id, case, operation, &op_ref, &resolver)?);
        }
        for error in &operation.errors {
            let Some(error_ir) = krate.errors.iter().find(|e| e.rust_name == error.type_name) else {
                continue;
            };
            // An error shared by several operations is tested through the first one.
            if !seen_errors.insert(error_ir.shape_id.clone()) {
                continue;
            }
            let error_id = ShapeId::parse(&error_ir.shape_id).map_err(|problem| Error::model(&error_ir.shape_id, problem))?;
            let Some(error_shape) = model.shape(&error_id) else {
                continue;
            };
            for case in client_cases(error_shape, RESPONSE_TESTS, protocol)? {
                cases.push(error_case(&error_id, case, error_ir, &error.type_name, &op_ref, &resolver)?);
            }
        }
    }
    Ok(cases)
}

fn operation_shape<'m>(model: &'m Model, service: &ShapeId, operation: &OperationIr) -> Result<&'m Shape> {
    let id = ShapeId::parse(&format!("{}#{}", service.namespace(), operation.name))
        .map_err(|problem| Error::model(service, problem))?;
    if let Some(shape) = model.shape(&id).filter(|s| matches!(s.kind, ShapeKind::Operation(_))) {
        return Ok(shape);
    }
    // Operations may live in another namespace than the service.
    model
        .shapes()
        .find(|s| matches!(s.kind, ShapeKind::Operation(_)) && s.id.name() == operation.name)
        .ok_or_else(|| Error::model(service, format!("operation `{}` is not in the model", operation.name)))
}

fn operation_ref(operation: &OperationIr) -> OperationRef {
    OperationRef {
        name: operation.name.clone(),
        module: operation.module.clone(),
        input: operation.input.rust_name.clone(),
        error_enum: operation.error_enum.clone(),
    }
}

/// The cases of one test trait that a client runs for `protocol`.
fn client_cases<'s>(shape: &'s Shape, trait_id: &str, protocol: &str) -> Result<Vec<&'s Map<String, Value>>> {
    let Some(value) = shape.traits.get(trait_id) else {
        return Ok(Vec::new());
    };
    let cases = value
        .as_array()
        .ok_or_else(|| Error::model(&shape.id, format!("`{trait_id}` must be a list of test cases")))?;
    let mut chosen = Vec::new();
    for case in cases {
        let case = case
            .as_object()
            .ok_or_else(|| Error::model(&shape.id, format!("a `{trait_id}` case must be an object")))?;
        let applies = case.get("appliesTo").and_then(Value::as_str).is_none_or(|who| who == "client");
        if applies && case.get("protocol").and_then(Value::as_str) == Some(protocol) {
            chosen.push(case);
        }
    }
    Ok(chosen)
}

fn request_case(
    shape: &ShapeId,
    case: &Map<String, Value>,
    operation: &OperationIr,
    op_ref: &OperationRef,
    resolver: &ParamResolver<'_>,
) -> Result<TestCase> {
    let (id, location, params) = case_head(shape, case)?;
    let input = resolver.structure_value(&location, &operation.input, &["operation", &operation.module], &params)?;
    let kind = CaseKind::Request(Box::new(RequestCase {
        input,
        method: string_field(shape, case, "method")?,
        uri: string_field(shape, case, "uri")?,
        host: optional_string(case, "host"),
        resolved_host: optional_string(case, "resolvedHost"),
        query_params: string_list(&location, case, "queryParams")?,
        forbid_query_params: string_list(&location, case, "forbidQueryParams")?,
        require_query_params: string_list(&location, case, "requireQueryParams")?,
        headers: string_map(&location, case, "headers")?,
        forbid_headers: string_list(&location, case, "forbidHeaders")?,
        require_headers: string_list(&location, case, "requireHeaders")?,
        body: optional_string(case, "body").map(|text| ExpectedBody {
            text,
            media_type: optional_string(case, "bodyMediaType"),
        }),
    }));
    Ok(new_case(shape, id, case, op_ref, kind))
}

fn response_case(
    shape: &ShapeId,
    case: &Map<String, Value>,
    operation: &OperationIr,
    op_ref: &OperationRef,
    resolver: &ParamResolver<'_>,
) -> Result<TestCase> {
    let (id, location, params) = case_head(shape, case)?;
    let output = resolver.structure_value(&location, &operation.output, &["operation", &operation.module], &params)?;
    let kind = CaseKind::Response(ResponseCase {
        response: response_fixture(&location, case)?,
        output,
    });
    Ok(new_case(shape, id, case, op_ref, kind))
}

fn error_case(
    shape: &ShapeId,
    case: &Map<String, Value>,
    error: &StructureIr,
    variant: &str,
    op_ref: &OperationRef,
    resolver: &ParamResolver<'_>,
) -> Result<TestCase> {
    let (id, location, params) = case_head(shape, case)?;
    let fields = resolver.expected_fields(&location, error, &params)?;
    let vendor_code = (case.get("vendorParamsShape").and_then(Value::as_str) == Some(ERROR_CODE_PARAMS))
        .then(|| case.get("vendorParams").and_then(|p| p.get("code")).and_then(Value::as_str))
        .flatten()
        .map(str::to_owned);
    let kind = CaseKind::Error(ErrorCase {
        response: response_fixture(&location, case)?,
        variant: variant.to_owned(),
        fields: fields
            .into_iter()
            .map(|(field, value)| ExpectedField { field, value })
            .collect::<Vec<_>>(),
        vendor_code,
    });
    Ok(new_case(shape, id, case, op_ref, kind))
}

/// A case's id, where it is for error messages, and its `params`.
fn case_head(shape: &ShapeId, case: &Map<String, Value>) -> Result<(String, String, Map<String, Value>)> {
    let id = string_field(shape, case, "id")?;
    let location = format!("{shape} test `{id}`");
    let params = params_object(&location, case)?;
    Ok((id, location, params))
}

fn new_case(shape: &ShapeId, id: String, case: &Map<String, Value>, op_ref: &OperationRef, kind: CaseKind) -> TestCase {
    TestCase {
        id,
        shape: shape.to_string(),
        doc: optional_string(case, "documentation").unwrap_or_default(),
        skip: None,
        operation: op_ref.clone(),
        kind,
    }
}

fn response_fixture(location: &str, case: &Map<String, Value>) -> Result<ResponseFixture> {
    let status = case
        .get("code")
        .and_then(Value::as_u64)
        .and_then(|code| u16::try_from(code).ok())
        .ok_or_else(|| Error::model(location, "`code` must be an HTTP status code"))?;
    let body = optional_string(case, "body").unwrap_or_default();
    // A binary body travels in the case as base64, which Smithy's test traits call for.
    let body = if optional_string(case, "bodyMediaType").as_deref() == Some("application/cbor") {
        crate::inlineable::base64::decode(&body)
            .ok_or_else(|| Error::model(location, "a CBOR `body` must be base64"))?
    } else {
        body.into_bytes()
    };
    Ok(ResponseFixture {
        status,
        headers: string_map(location, case, "headers")?,
        body,
    })
}

fn params_object(location: &str, case: &Map<String, Value>) -> Result<Map<String, Value>> {
    match case.get("params") {
        None => Ok(Map::new()),
        Some(Value::Object(params)) => Ok(params.clone()),
        Some(_) => Err(Error::model(location, "`params` must be an object")),
    }
}

fn string_field(shape: &ShapeId, case: &Map<String, Value>, name: &str) -> Result<String> {
    optional_string(case, name).ok_or_else(|| Error::model(shape, format!("a protocol test case lacks the string `{name}`")))
}

fn optional_string(case: &Map<String, Value>, name: &str) -> Option<String> {
    case.get(name).and_then(Value::as_str).map(str::to_owned)
}

fn string_list(location: &str, case: &Map<String, Value>, name: &str) -> Result<Vec<String>> {
    let Some(value) = case.get(name) else {
        return Ok(Vec::new());
    };
    value
        .as_array()
        .and_then(|items| items.iter().map(|item| item.as_str().map(str::to_owned)).collect())
        .ok_or_else(|| Error::model(location, format!("`{name}` must be a list of strings")))
}

fn string_map(location: &str, case: &Map<String, Value>, name: &str) -> Result<Vec<(String, String)>> {
    let Some(value) = case.get(name) else {
        return Ok(Vec::new());
    };
    value
        .as_object()
        .and_then(|entries| {
            entries
                .iter()
                .map(|(key, value)| value.as_str().map(|value| (key.clone(), value.to_owned())))
                .collect()
        })
        .ok_or_else(|| Error::model(location, format!("`{name}` must map names to strings")))
}
