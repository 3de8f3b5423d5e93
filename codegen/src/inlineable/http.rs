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
    // Protocol headers are constants; borrowing them saves an allocation per request.
    headers: Vec<(&'static str, Cow<'static, str>)>,
    body: Vec<u8>,
}

impl HttpRequest {
    pub(crate) fn new(
        method: &'static str,
        uri: Cow<'static, str>,
        headers: Vec<(&'static str, Cow<'static, str>)>,
        body: Vec<u8>,
    ) -> Self {
        Self {
            method,
            uri,
            headers,
            body,
        }
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
        self.headers.iter().map(|(name, value)| (*name, value.as_ref()))
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

/// A response as received: status, headers and body, borrowed from whatever client read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse<'a> {
    status: u16,
    headers: Vec<(&'a str, &'a [u8])>,
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
        self.headers.push((name, value.as_bytes()));
        self
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The value of the first header called `name` (compared case-insensitively), if it is
    /// valid UTF-8.
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers
            .iter()
            .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name))
            .and_then(|(_, value)| std::str::from_utf8(value).ok())
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
                .map(|(name, value)| (name.as_str(), value.as_bytes()))
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
            builder = builder.header(name, value.into_owned());
        }
        builder.body(request.body)
    }
}

#[cfg(test)]
mod tests {
    use super::{HttpRequest, HttpResponse};

    #[test]
    fn response_headers_are_found_case_insensitively() {
        let response = HttpResponse::new(400, b"{}")
            .with_header("X-Amzn-RequestId", "abc")
            .with_header("x-amzn-requestid", "second");
        assert_eq!(response.header("x-amzn-requestid"), Some("abc"));
        assert_eq!(response.header("X-Amzn-ErrorType"), None);
        assert_eq!((response.status(), response.body()), (400, &b"{}"[..]));
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
