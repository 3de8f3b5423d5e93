//! The HTTP request a serializer produces and the response a parser reads, independent of
//! any HTTP library.
//!
//! Users sign and send requests with whatever client they already have, so the crate keeps
//! no HTTP dependency of its own; the `http` feature adds a conversion to `http::Request`.

use std::borrow::Cow;

/// A serialized request: method, path, headers and body, ready to be signed and sent to
/// the service's endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    method: &'static str,
    uri: Cow<'static, str>,
    headers: Vec<(&'static str, HeaderValue)>,
    body: Vec<u8>,
    host_prefix: Option<String>,
    /// A `@hostLabel` value that is not one host label, which makes the request unsendable.
    bad_host_label: Option<String>,
    /// Headers whose names come from the input (`@httpPrefixHeaders`), after the others.
    named_headers: Vec<(String, String)>,
    /// An `@httpLabel` value that would change the path's structure, which makes the
    /// request unsendable too.
    bad_label: Option<String>,
}

impl HttpRequest {
    pub(crate) fn new(
        method: &'static str,
        uri: Cow<'static, str>,
        headers: Vec<(&'static str, HeaderValue)>,
        body: Vec<u8>,
    ) -> Self {
        Self {
            method,
            uri,
            headers,
            body,
            host_prefix: None,
            bad_host_label: None,
            named_headers: Vec::new(),
            bad_label: None,
        }
    }

    /// Adds headers whose names the input gives, and records the first `@httpLabel` value
    /// (`name = "value"`) that [`url_for`](Self::url_for) must refuse.
    #[allow(dead_code, reason = "only HTTP binding protocols call it")]
    pub(crate) fn with_bindings(mut self, named_headers: Vec<(String, String)>, bad_label: Option<String>) -> Self {
        self.named_headers = named_headers;
        self.bad_label = bad_label;
        self
    }

    /// Sets the `@endpoint` host prefix, with the `@hostLabel` values in `labels` already
    /// filled in; each must be a single host label, or [`url_for`](Self::url_for) fails.
    #[allow(dead_code, reason = "only operations with an @endpoint trait call it")]
    pub(crate) fn with_host_prefix(mut self, prefix: String, labels: &[&str]) -> Self {
        self.host_prefix = Some(prefix);
        self.bad_host_label = labels
            .iter()
            .find(|label| !is_host_label(label))
            .map(|label| (*label).to_owned());
        self
    }

    /// What the operation's `@endpoint` trait puts before the endpoint's host (`foo.bar.`),
    /// unchecked; [`url_for`](Self::url_for) checks it.
    pub fn host_prefix(&self) -> Option<&str> {
        self.host_prefix.as_deref()
    }

    /// The absolute URL to send the request to, given the service endpoint: a resolved
    /// `endpoint::Endpoint`, or a URL (`https://example.com`, or with a path such as
    /// `https://example.com/custom`). The operation's host prefix goes before the host, the
    /// request path after the endpoint's. (Headers a resolved endpoint lists, which few rule
    /// sets give, are the sender's to add.)
    ///
    /// Fails when the endpoint is not an absolute `http(s)` URL without query or fragment, or
    /// when the host prefix is not a series of valid host labels, as when a `@hostLabel`
    /// member is empty or holds a `.` or `/`.
    pub fn url_for(&self, endpoint: impl AsRef<str>) -> Result<String, EndpointError> {
        let endpoint = endpoint.as_ref();
        let (scheme, rest) = endpoint
            .split_once("://")
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"))
            .ok_or_else(|| EndpointError::new(endpoint, "is not an http:// or https:// URL"))?;
        if rest.contains(['?', '#']) {
            return Err(EndpointError::new(endpoint, "has a query or fragment"));
        }
        let (authority, path) = rest.find('/').map_or((rest, ""), |slash| rest.split_at(slash));
        if authority.is_empty() {
            return Err(EndpointError::new(endpoint, "has no host"));
        }
        if let Some(label) = &self.bad_label {
            return Err(EndpointError::new(
                label,
                "cannot be an @httpLabel value: a label must not be empty, and no segment of it may be `.` or `..`",
            ));
        }
        if let Some(label) = &self.bad_host_label {
            return Err(EndpointError::new(label, "is not a valid host label: it needs 1 to 63 letters, digits or inner hyphens"));
        }
        let prefix = self.host_prefix.as_deref().unwrap_or_default();
        if !is_host_prefix(prefix) {
            return Err(EndpointError::new(prefix, "is not a valid host prefix: each label needs 1 to 63 letters, digits or inner hyphens"));
        }
        // Credentials in the authority stay in front of the prefixed host.
        let (userinfo, host) = authority.rsplit_once('@').unwrap_or(("", authority));
        let at = if userinfo.is_empty() { "" } else { "@" };
        let path = path.trim_end_matches('/');
        Ok(format!("{scheme}://{userinfo}{at}{prefix}{host}{path}{}", self.uri))
    }

    /// Adds a header after the ones the serializer wrote.
    #[allow(dead_code, reason = "the signer and the client add headers; a plain crate has neither")]
    pub(crate) fn push_header(&mut self, name: &'static str, value: String) {
        self.headers.push((name, HeaderValue::Owned(value)));
    }

    /// Removes every header whose name is one of `names` (compared case-insensitively).
    #[allow(dead_code, reason = "the signer and the client add headers; a plain crate has neither")]
    pub(crate) fn remove_headers(&mut self, names: &[&str]) {
        self.headers
            .retain(|(name, _)| !names.iter().any(|removed| removed.eq_ignore_ascii_case(name)));
        self.named_headers
            .retain(|(name, _)| !names.iter().any(|removed| removed.eq_ignore_ascii_case(name)));
    }

    /// The HTTP method, such as `POST`.
    pub fn method(&self) -> &str {
        self.method
    }

    /// The request target: path and query, relative to the endpoint.
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// Header names and values in the order they were set.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        let named = self.named_headers.iter().map(|(name, value)| (name.as_str(), value.as_str()));
        self.headers.iter().map(|(name, value)| (*name, value.as_str())).chain(named)
    }

    /// The value of the first header called `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers()
            .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    }

    /// The request body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Takes the body out of the request.
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }
}

/// A request header's value. Protocol headers are constants and `Content-Length` is a
/// number kept inline, so that neither costs an allocation per request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HeaderValue {
    Static(&'static str),
    Length(super::decimal::Decimal),
    Owned(String),
}

impl HeaderValue {
    pub(crate) fn length(bytes: usize) -> Self {
        HeaderValue::Length(super::decimal::Decimal::unsigned(bytes as u64))
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            HeaderValue::Static(text) => text,
            HeaderValue::Length(length) => length.as_str(),
            HeaderValue::Owned(text) => text,
        }
    }
}

impl From<&'static str> for HeaderValue {
    fn from(text: &'static str) -> Self {
        HeaderValue::Static(text)
    }
}

/// Labels of 1 to 63 letters, digits and hyphens (not at either end), each followed by a dot.
fn is_host_prefix(prefix: &str) -> bool {
    let Some(labels) = prefix.strip_suffix('.') else {
        return prefix.is_empty();
    };
    labels.split('.').all(is_host_label)
}

/// 1 to 63 letters, digits and hyphens, with no hyphen at either end (RFC 1123).
fn is_host_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// Why a request cannot be sent to an endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointError {
    problem: String,
}

impl EndpointError {
    fn new(what: &str, problem: &str) -> Self {
        Self {
            problem: format!("`{what}` {problem}"),
        }
    }
}

impl std::fmt::Display for EndpointError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problem)
    }
}

impl std::error::Error for EndpointError {}

/// A response as received: status, headers and body, borrowed from whatever client read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse<'a> {
    status: u16,
    /// Values checked as UTF-8 once, when added: `None` for one that is not.
    headers: Vec<(&'a str, Option<&'a str>)>,
    body: &'a [u8],
}

impl<'a> HttpResponse<'a> {
    /// A response with no headers yet.
    pub fn new(status: u16, body: &'a [u8]) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body,
        }
    }

    /// Adds a header.
    #[must_use]
    pub fn with_header(mut self, name: &'a str, value: &'a str) -> Self {
        self.headers.push((name, Some(value)));
        self
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Every header whose value is UTF-8, in the order received.
    #[allow(dead_code, reason = "only @httpPrefixHeaders members read every header")]
    pub(crate) fn text_headers(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.headers.iter().filter_map(|(name, value)| value.map(|value| (*name, value)))
    }

    /// The value of the first header called `name` (compared case-insensitively), if it is
    /// valid UTF-8.
    pub fn header(&self, name: &str) -> Option<&'a str> {
        let [value] = self.headers_named([name]);
        value
    }

    /// [`header`](Self::header) for each of `names`, in one pass over the headers: the first
    /// header of each name, matched without regard to ASCII case.
    pub(crate) fn headers_named<const N: usize>(&self, names: [&str; N]) -> [Option<&'a str>; N] {
        let mut found = [None; N];
        let mut seen = [false; N];
        for (candidate, value) in &self.headers {
            for ((name, slot), seen) in names.iter().zip(&mut found).zip(&mut seen) {
                if !*seen && candidate.eq_ignore_ascii_case(name) {
                    *seen = true;
                    *slot = *value;
                }
            }
        }
        found
    }

    /// The response body.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }
}

#[cfg(feature = "http")]
impl<'a, B: AsRef<[u8]>> From<&'a ::http::Response<B>> for HttpResponse<'a> {
    fn from(response: &'a ::http::Response<B>) -> Self {
        Self {
            status: response.status().as_u16(),
            headers: response
                .headers()
                .iter()
                .map(|(name, value)| (name.as_str(), std::str::from_utf8(value.as_bytes()).ok()))
                .collect(),
            body: response.body().as_ref(),
        }
    }
}

#[cfg(feature = "http")]
impl TryFrom<HttpRequest> for ::http::Request<Vec<u8>> {
    type Error = ::http::Error;

    fn try_from(request: HttpRequest) -> Result<Self, Self::Error> {
        let mut builder = ::http::Request::builder()
            .method(request.method)
            .uri(request.uri.into_owned());
        for (name, value) in request.headers {
            builder = builder.header(name, value.as_str());
        }
        for (name, value) in request.named_headers {
            builder = builder.header(name, value);
        }
        builder.body(request.body)
    }
}

#[cfg(test)]
mod tests {
    use super::{HttpRequest, HttpResponse};

    fn request() -> HttpRequest {
        HttpRequest::new("POST", "/".into(), Vec::new(), b"{}".to_vec())
    }

    #[test]
    fn urls_join_the_endpoint_path_and_the_request_path() {
        assert_eq!(request().url_for("https://example.com").unwrap(), "https://example.com/");
        assert_eq!(request().url_for("https://example.com/custom/").unwrap(), "https://example.com/custom/");
        assert_eq!(request().url_for("http://localhost:8000").unwrap(), "http://localhost:8000/");
    }

    #[test]
    fn host_prefixes_go_before_the_host() {
        let prefixed = request().with_host_prefix("foo.bar.".to_owned(), &["bar"]);
        assert_eq!(prefixed.url_for("https://example.com").unwrap(), "https://foo.bar.example.com/");
        assert_eq!(prefixed.url_for("https://user@example.com").unwrap(), "https://user@foo.bar.example.com/");
    }

    #[test]
    fn host_labels_that_would_change_the_host_are_rejected() {
        for prefix in ["foo..", "foo.evil.com/.", "-a.", "a b.", "foo", &format!("{}.", "a".repeat(64))] {
            let error = request().with_host_prefix(prefix.to_owned(), &[]).url_for("https://example.com");
            assert!(error.is_err(), "{prefix:?}");
        }
        // A label with a dot makes a valid-looking prefix, but is two labels, not one.
        let dotted = request().with_host_prefix("foo.a.b.".to_owned(), &["a.b"]);
        assert!(dotted.url_for("https://example.com").unwrap_err().to_string().contains("`a.b` is not a valid host label"));
    }

    #[test]
    fn endpoints_must_be_absolute_http_urls() {
        for endpoint in ["example.com", "ftp://example.com", "https://", "https://example.com/?a=b"] {
            assert!(request().url_for(endpoint).is_err(), "{endpoint}");
        }
    }

    #[test]
    fn response_headers_are_found_case_insensitively() {
        let response = HttpResponse::new(400, b"{}")
            .with_header("X-Amzn-RequestId", "abc")
            .with_header("x-amzn-requestid", "second");
        assert_eq!(response.header("x-amzn-requestid"), Some("abc"));
        assert_eq!(response.header("X-Amzn-ErrorType"), None);
        assert_eq!((response.status(), response.body()), (400, &b"{}"[..]));
        let found = response.headers_named(["x-amzn-errortype", "x-amzn-requestid"]);
        assert_eq!(found, [None, Some("abc")]);
    }

    #[test]
    fn several_headers_found_in_one_pass_read_as_one_lookup_each() {
        let mut response = HttpResponse::new(400, b"").with_header("X-Amzn-ErrorType", "E:x");
        // As a header that is not UTF-8 is added by the `http` conversion.
        response.headers.push(("x-amzn-requestid", None));
        response = response.with_header("X-Amzn-RequestId", "later");
        let names = ["x-amzn-requestid", "x-amzn-errortype", "date"];
        let one_by_one = names.map(|name| response.header(name));
        assert_eq!(response.headers_named(names), one_by_one);
        assert_eq!(one_by_one, [None, Some("E:x"), None]);
    }

    #[test]
    fn header_lookup_ignores_case() {
        let request = HttpRequest::new(
            "POST",
            "/".into(),
            vec![("Content-Type", "application/x-amz-json-1.1".into())],
            b"{}".to_vec(),
        );
        assert_eq!(request.header("content-type"), Some("application/x-amz-json-1.1"));
        assert_eq!(request.header("x-amz-target"), None);
        assert_eq!(request.into_body(), b"{}");
    }
}
