//! Canned error responses for RegisterWorkspaceDirectory: every modeled error in every form
//! the awsJson protocols allow, message spellings, and unmodeled or unreadable responses.
//!
//! Each case says whether botocore, which reads only the body's `__type`, `message` and
//! `Message`, is expected to part from the awsJson1_1 specification on it, and why. We follow
//! the specification.

/// The nine modeled errors with the members each carries besides `message`, as JSON.
pub const MODELED_ERRORS: [(&str, &str); 9] = [
    ("AccessDeniedException", ""),
    ("InvalidParameterValuesException", ""),
    ("InvalidResourceStateException", ""),
    ("OperationNotSupportedException", r#","reason":"RegionNotSupported""#),
    ("ResourceAlreadyExistsException", ""),
    ("ResourceLimitExceededException", ""),
    ("ResourceNotFoundException", r#","ResourceId":"d-0000000000""#),
    ("UnsupportedNetworkConfigurationException", ""),
    ("WorkspacesDefaultRoleNotFoundException", ""),
];

const CORAL: &str = "http://internal.amazon.com/coral/com.amazon.coral.validate/";

pub const BOTOCORE_KEEPS_SUFFIX: &str =
    "botocore keeps the `:<url>` suffix of `__type`; the specification drops everything from the first `:`";
pub const BOTOCORE_IGNORES_HEADER: &str =
    "botocore ignores the X-Amzn-Errortype header, which the specification reads first";
pub const BOTOCORE_IGNORES_CODE: &str =
    "botocore ignores the body's `code` field, which the specification reads before `__type`";
pub const BOTOCORE_IGNORES_ERROR_MESSAGE: &str =
    "botocore reads the message only from `message` and `Message`, not `errorMessage`";
pub const BOTOCORE_USES_STATUS: &str =
    "botocore uses the HTTP status as the code (and a non-JSON body or the status text as the \
     message) when the body names no code; we report the response as unreadable";

/// One error response and what botocore is expected to make of it.
#[derive(Clone, Debug)]
pub struct ErrorCase {
    pub name: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The code the specification says this response carries, if any.
    pub code: Option<&'static str>,
    /// Why botocore's code or message differs from the specification's here, if it does.
    pub botocore_differs: Option<&'static str>,
}

impl ErrorCase {
    fn new(name: &str, status: u16, headers: &[(&str, &str)], body: String) -> Self {
        Self {
            name: name.to_owned(),
            status,
            headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            body,
            code: None,
            botocore_differs: None,
        }
    }

    fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    fn differs(mut self, reason: &'static str) -> Self {
        self.botocore_differs = Some(reason);
        self
    }
}

/// Every way the protocol lets a response name the modeled error `code`.
pub fn error_forms(code: &'static str, extra: &str) -> Vec<ErrorCase> {
    let id = ("x-amzn-RequestId", "req-0001");
    let message = format!(r#""message":"{code} happened"{extra}"#);
    let suffixed = format!("{code}:{CORAL}");
    vec![
        ErrorCase::new("__type with namespace", 400, &[id], format!(r#"{{"__type":"com.amazonaws.workspaces#{code}",{message}}}"#)),
        ErrorCase::new("__type with coral suffix", 400, &[id], format!(r#"{{"__type":"{suffixed}",{message}}}"#))
            .differs(BOTOCORE_KEEPS_SUFFIX),
        ErrorCase::new(
            "__type with namespace and suffix",
            400,
            &[id],
            format!(r#"{{"__type":"com.amazonaws.workspaces#{suffixed}",{message}}}"#),
        )
        .differs(BOTOCORE_KEEPS_SUFFIX),
        ErrorCase::new("plain __type", 400, &[id], format!(r#"{{"__type":"{code}",{message}}}"#)),
        ErrorCase::new("header only", 400, &[id, ("X-Amzn-Errortype", code)], format!("{{{message}}}"))
            .differs(BOTOCORE_IGNORES_HEADER),
        ErrorCase::new(
            "header and body disagree: header wins",
            400,
            &[id, ("x-amzn-errortype", &suffixed)],
            format!(r#"{{"__type":"ThrottlingException",{message}}}"#),
        )
        .differs(BOTOCORE_IGNORES_HEADER),
        ErrorCase::new(
            "code and __type disagree: code wins",
            400,
            &[id],
            format!(r#"{{"code":"{code}","__type":"ThrottlingException",{message}}}"#),
        )
        .differs(BOTOCORE_IGNORES_CODE),
    ]
    .into_iter()
    .map(|case| case.code(code))
    .collect()
}

/// The message spellings the specification allows.
pub fn message_spellings() -> Vec<ErrorCase> {
    let code = "AccessDeniedException";
    vec![
        ErrorCase::new("lower-case message", 403, &[], format!(r#"{{"__type":"{code}","message":"m1"}}"#)),
        ErrorCase::new("capitalised Message", 403, &[], format!(r#"{{"__type":"{code}","Message":"m2"}}"#)),
        ErrorCase::new("errorMessage", 403, &[], format!(r#"{{"__type":"{code}","errorMessage":"m3"}}"#))
            .differs(BOTOCORE_IGNORES_ERROR_MESSAGE),
        ErrorCase::new("code field", 403, &[], format!(r#"{{"code":"{code}","message":"m4"}}"#))
            .differs(BOTOCORE_IGNORES_CODE),
    ]
    .into_iter()
    .map(|case| case.code(code))
    .collect()
}

/// Error responses that name no modeled error, or cannot be read.
pub fn unhandled_error_responses() -> Vec<ErrorCase> {
    vec![
        ErrorCase::new(
            "unmodeled ThrottlingException",
            400,
            &[("x-amzn-RequestId", "req-7")],
            r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#.to_owned(),
        )
        .code("ThrottlingException"),
        ErrorCase::new(
            "500 with an HTML body",
            500,
            &[],
            "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>".to_owned(),
        )
        .differs(BOTOCORE_USES_STATUS),
        ErrorCase::new("403 with an empty body", 403, &[], String::new()).differs(BOTOCORE_USES_STATUS),
        ErrorCase::new("error body without a code", 400, &[], r#"{"message":"no code here"}"#.to_owned())
            .differs(BOTOCORE_USES_STATUS),
    ]
}

/// Every error case above.
pub fn error_corpus() -> Vec<ErrorCase> {
    let mut cases = Vec::new();
    for (code, extra) in MODELED_ERRORS {
        for mut case in error_forms(code, extra) {
            case.name = format!("{code}: {}", case.name);
            cases.push(case);
        }
    }
    cases.extend(message_spellings());
    cases.extend(unhandled_error_responses());
    cases
}
