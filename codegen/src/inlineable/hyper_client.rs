//! The async client's ready HTTP client: hyper 1 through hyper-util's pooled client, with
//! rustls (ring, webpki roots) for HTTPS, on tokio, whose timer also paces retries.

use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use super::client::{BoxFuture, HttpClient, HttpClientError, HttpClientErrorKind, Request, Response};

/// The largest response body read; AWS JSON responses are far smaller, and a hostile
/// server cannot make the client buffer more.
const MAX_BODY: usize = 64 * 1024 * 1024;

type Connector = hyper_rustls::HttpsConnector<HttpConnector>;

/// Sends requests with hyper on the tokio runtime the caller runs in.
#[derive(Debug, Clone)]
pub struct HyperClient {
    client: Client<Connector, Full<Bytes>>,
}

impl HyperClient {
    /// A pooled client for `http` and `https` URLs whose connections must open within
    /// `connect_timeout` (hyper applies it per connection, not per request).
    pub fn new(connect_timeout: Option<Duration>) -> Self {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(connect_timeout);
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Self {
            client: Client::builder(TokioExecutor::new()).build(connector),
        }
    }
}

impl HttpClient for HyperClient {
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, HttpClientError>> {
        Box::pin(async move {
            let mut builder = hyper::Request::builder().method(request.method()).uri(request.url());
            for (name, value) in request.headers() {
                builder = builder.header(name, value);
            }
            let outgoing = builder
                .body(Full::new(Bytes::copy_from_slice(request.body())))
                .map_err(|error| HttpClientError::new(HttpClientErrorKind::Other, error))?;
            let response = self.client.request(outgoing).await.map_err(|error| {
                let kind = if error.is_connect() { HttpClientErrorKind::Connect } else { HttpClientErrorKind::Io };
                HttpClientError::new(kind, error)
            })?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
                .collect();
            let body = Limited::new(response.into_body(), MAX_BODY)
                .collect()
                .await
                .map_err(|error| HttpClientError::new(HttpClientErrorKind::Response, error))?
                .to_bytes()
                .to_vec();
            Ok(Response::new(status, headers, body))
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}
