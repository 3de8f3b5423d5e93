//! The blocking client's ready HTTP client: ureq, with rustls and the webpki root
//! certificates, connections pooled per client.

use std::io;

use super::blocking::{HttpClient, HttpClientError, HttpClientErrorKind, Request, Response};

/// The largest response body read; AWS JSON responses are far smaller, and a hostile
/// server cannot make the client buffer more.
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// Sends requests with a [`ureq::Agent`].
#[derive(Debug, Clone)]
pub struct UreqClient {
    agent: ureq::Agent,
}

impl Default for UreqClient {
    fn default() -> Self {
        Self::new()
    }
}

impl UreqClient {
    /// An agent that reports every status as a response and follows no redirects (a
    /// redirect would send the signed request somewhere it was not signed for).
    pub fn new() -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build();
        Self {
            agent: config.into(),
        }
    }

    /// Sends with an agent configured elsewhere (proxies, TLS roots); it must not treat
    /// error statuses as errors.
    pub fn with_agent(agent: ureq::Agent) -> Self {
        Self { agent }
    }
}

impl HttpClient for UreqClient {
    fn send(&self, request: &Request) -> Result<Response, HttpClientError> {
        let mut builder = ureq::http::Request::builder().method(request.method()).uri(request.url());
        for (name, value) in request.headers() {
            builder = builder.header(name, value);
        }
        let outgoing = builder
            .body(request.body().to_vec())
            .map_err(|error| HttpClientError::new(HttpClientErrorKind::Other, error))?;
        let outgoing = self
            .agent
            .configure_request(outgoing)
            .timeout_connect(request.connect_timeout())
            .timeout_global(request.timeout())
            .build();
        let mut response = self.agent.run(outgoing).map_err(|error| sort(error, HttpClientErrorKind::Io))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|error| sort(error, HttpClientErrorKind::Response))?;
        Ok(Response::new(status, headers, body))
    }
}

/// The stage of a ureq error; `io` is the kind of an I/O failure at this point.
fn sort(error: ureq::Error, io: HttpClientErrorKind) -> HttpClientError {
    let kind = match &error {
        ureq::Error::Timeout(_) => HttpClientErrorKind::Timeout,
        ureq::Error::Io(inner) if inner.kind() == io::ErrorKind::TimedOut => HttpClientErrorKind::Timeout,
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => HttpClientErrorKind::Connect,
        ureq::Error::Io(inner) if inner.kind() == io::ErrorKind::ConnectionRefused => HttpClientErrorKind::Connect,
        ureq::Error::Io(_) | ureq::Error::Protocol(_) => io,
        _ => HttpClientErrorKind::Other,
    };
    HttpClientError::new(kind, error)
}
