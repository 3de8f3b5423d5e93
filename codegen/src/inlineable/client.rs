//! The async client, shaped like aws-sdk-rust's: `client.operation().member(..).send().await`.
//!
//! It runs on any executor: the [`HttpClient`] it sends with also supplies the timer for
//! waits and time limits, so the crate needs no runtime of its own.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use super::config::Config;
pub use super::runtime::{HttpClientError, HttpClientErrorKind, Request, Response};
use super::runtime::{self, ClientState, Invocation, Next, Operation, SdkError};
#[cfg(feature = "hyper")]
pub use super::hyper_client::HyperClient;

/// A boxed future, as [`HttpClient`]'s methods return them.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends one request and reads the whole response, and sleeps, on some async runtime.
///
/// Implement it for any HTTP library in a few lines (see the crate's README for one over
/// reqwest and tokio); [`Request::connect_timeout`] is the library's to apply, and failures
/// sort into [`HttpClientErrorKind`]s, which decide what is retried. The client enforces
/// attempt and operation time limits itself with [`sleep`](Self::sleep).
pub trait HttpClient: Send + Sync + fmt::Debug {
    /// Sends `request`; any status is a response, not an error.
    fn send<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Result<Response, HttpClientError>>;

    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// An async client for the service. Cloning it is cheap and shares its connections and
/// retry quota.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    http: Box<dyn HttpClient>,
    state: ClientState,
}

impl Client {
    /// A client that sends with hyper (rustls for HTTPS) on the tokio runtime it is called
    /// in, connecting within the configured connect timeout.
    #[cfg(feature = "hyper")]
    pub fn from_conf(config: Config) -> Self {
        let http = HyperClient::new(config.timeouts.connect_timeout());
        Self::with_http_client(config, http)
    }

    /// A client that sends with `http`.
    pub fn with_http_client(config: Config, http: impl HttpClient + 'static) -> Self {
        Self {
            inner: Arc::new(Inner {
                config,
                http: Box::new(http),
                state: ClientState::default(),
            }),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Runs an operation through every allowed attempt.
    pub(crate) async fn call<O: Operation>(&self, input: &O::Input) -> Result<O::Output, SdkError<O::Error>> {
        let inner = &*self.inner;
        let mut invocation = Invocation::<O>::new(&inner.config, &inner.state, &super::service::SERVICE, input)?;
        let credentials = runtime::credentials(&inner.config, O::NAME, invocation.now()).await?;
        loop {
            let limit = invocation.attempt_limit()?;
            let request = invocation.next_request(&credentials, limit.0)?;
            let outcome = match limit.0 {
                Some(duration) => {
                    let timer = inner.http.sleep(duration);
                    race(inner.http.send(&request), timer).await.unwrap_or_else(|| {
                        Err(HttpClientError::new(HttpClientErrorKind::Timeout, format!("no response within {duration:?}")))
                    })
                }
                None => inner.http.send(&request).await,
            };
            match invocation.after_attempt(outcome, limit) {
                Next::Done(result) => return result,
                Next::RetryAfter(wait) => inner.http.sleep(wait).await,
            }
        }
    }
}

/// `work`'s output, or `None` if `timer` finishes first.
async fn race<T>(work: BoxFuture<'_, T>, timer: BoxFuture<'static, ()>) -> Option<T> {
    Race { work, timer }.await
}

struct Race<'a, T> {
    work: BoxFuture<'a, T>,
    timer: BoxFuture<'static, ()>,
}

impl<T> Future for Race<'_, T> {
    type Output = Option<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(output) = self.work.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        self.timer.as_mut().poll(cx).map(|()| None)
    }
}
