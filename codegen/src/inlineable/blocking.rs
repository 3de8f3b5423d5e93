//! The blocking client: each call runs on the calling thread, with no async runtime.
//!
//! ```ignore
//! let client = Client::from_conf(Config::from_env()?.build());
//! let output = client.some_operation().member("value").send()?;
//! ```

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use super::config::Config;
pub use super::runtime::{HttpClientError, HttpClientErrorKind, Request, Response};
use super::runtime::{self, ClientState, Invocation, Next, Operation, SdkError};
#[cfg(feature = "ureq")]
pub use super::ureq_client::UreqClient;

/// Sends one request and reads the whole response, blocking the thread.
///
/// Implement it to send through any HTTP library; apply [`Request::timeout`] (the time left
/// for the attempt) and, if the library can, [`Request::connect_timeout`], and sort failures
/// into [`HttpClientErrorKind`]s, which decide what is retried.
pub trait HttpClient: Send + Sync + fmt::Debug {
    /// Sends `request`; any status is a response, not an error.
    fn send(&self, request: &Request) -> Result<Response, HttpClientError>;

    /// Waits between attempts (a test can record the waits instead).
    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// A blocking client for the service. Cloning it is cheap and shares its connections and
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
    /// A client that sends with ureq.
    #[cfg(feature = "ureq")]
    pub fn from_conf(config: Config) -> Self {
        let http = UreqClient::new();
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
    pub(crate) fn call<O: Operation>(&self, input: &O::Input) -> Result<O::Output, SdkError<O::Error>> {
        let inner = &*self.inner;
        let mut invocation = Invocation::<O>::new(&inner.config, &inner.state, &super::service::SERVICE, input)?;
        let credentials = block_on(runtime::credentials(&inner.config, O::NAME, invocation.now()))?;
        loop {
            let limit = invocation.attempt_limit()?;
            let request = invocation.next_request(&credentials, limit.0)?;
            let outcome = inner.http.send(&request);
            match invocation.after_attempt(outcome, limit) {
                Next::Done(result) => return result,
                // The next attempt_limit() ends the call if the wait used up the time left.
                Next::RetryAfter(wait) => inner.http.sleep(wait),
            }
        }
    }
}

struct ThreadWaker(std::thread::Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Drives a future on this thread, parking it while the future waits. Credentials
/// providers that read memory or files finish at the first poll.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::park();
    }
}
