//! AWS credentials, where they come from, and how long they are kept.
//!
//! [`ProvideCredentials`] is the seam: the crate reads static keys, the environment and the
//! shared files itself, and anything else (SSO, assumed roles, instance metadata, aws-config's
//! whole chain) plugs in by implementing the trait. Secrets never appear in `Debug` output.

// Without the blocking or the async client (the `client` feature alone) nothing calls
// the runtime.
#![cfg_attr(not(any(feature = "blocking", feature = "async")), allow(dead_code))]

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};

/// An access key, its secret, and for temporary credentials a session token and expiry.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expiry: Option<SystemTime>,
    provider_name: &'static str,
}

impl Credentials {
    /// Credentials from their parts; `provider_name` says where they came from (it shows in
    /// `Debug` output and errors, the secrets never do).
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
        expiry: Option<SystemTime>,
        provider_name: &'static str,
    ) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
            expiry,
            provider_name,
        }
    }

    /// Long-term credentials given in code, as aws-credential-types' `from_keys` makes them.
    pub fn from_keys(access_key_id: impl Into<String>, secret_access_key: impl Into<String>, session_token: Option<String>) -> Self {
        Self::new(access_key_id, secret_access_key, session_token, None, "Static")
    }

    /// The access key ID (not a secret: it names the key).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }

    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// When temporary credentials stop working.
    pub fn expiry(&self) -> Option<SystemTime> {
        self.expiry
    }

    /// Where the credentials came from.
    pub fn provider_name(&self) -> &'static str {
        self.provider_name
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("provider_name", &self.provider_name)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("session_token", &self.session_token.as_ref().map(|_| "** redacted **"))
            .field("expiry", &self.expiry)
            .finish()
    }
}

/// Why no credentials could be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialsError {
    message: String,
}

impl CredentialsError {
    /// An error saying what was looked for and what was wrong.
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CredentialsError {}

/// The result of a credentials lookup, ready now or later.
///
/// Providers that read memory or files answer [`ready`](Self::ready); providers that call a
/// service return a future with [`new`](Self::new). The blocking client drives such a future
/// to completion on the calling thread, so it must not need an async runtime's reactor there.
pub struct ProvideCredentialsFuture<'a> {
    inner: FutureState<'a>,
}

enum FutureState<'a> {
    Ready(Option<Result<Credentials, CredentialsError>>),
    Pending(Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>),
}

impl<'a> ProvideCredentialsFuture<'a> {
    /// A result known now.
    pub fn ready(result: Result<Credentials, CredentialsError>) -> Self {
        Self {
            inner: FutureState::Ready(Some(result)),
        }
    }

    /// A result a future will give.
    pub fn new(future: impl Future<Output = Result<Credentials, CredentialsError>> + Send + 'a) -> Self {
        Self {
            inner: FutureState::Pending(Box::pin(future)),
        }
    }
}

impl Future for ProvideCredentialsFuture<'_> {
    type Output = Result<Credentials, CredentialsError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match &mut self.get_mut().inner {
            FutureState::Ready(result) => Poll::Ready(
                result
                    .take()
                    .unwrap_or_else(|| Err(CredentialsError::new("a credentials future was polled after it finished"))),
            ),
            FutureState::Pending(future) => future.as_mut().poll(cx),
        }
    }
}

/// Anything that gives credentials: implement it to plug in another source.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Looks up credentials; called before each operation (the client caches the answer
    /// until shortly before it expires, so a provider need not cache itself).
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        ProvideCredentialsFuture::ready(Ok(self.clone()))
    }
}

/// Temporary credentials are fetched again this long before they expire, so that a request
/// signed with them does not arrive after they have stopped working.
pub(crate) const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(FIVE_MINUTES);

// A named constant rather than `from_mins`, which needs Rust 1.91.
const FIVE_MINUTES: u64 = 300;

/// A provider's answers, kept until [`REFRESH_BEFORE_EXPIRY`] before their expiry
/// (credentials without an expiry are kept for good).
#[derive(Debug, Clone)]
pub(crate) struct CredentialsCache {
    provider: Arc<dyn ProvideCredentials>,
    cached: Arc<Mutex<Option<Credentials>>>,
}

impl CredentialsCache {
    pub(crate) fn new(provider: Arc<dyn ProvideCredentials>) -> Self {
        Self {
            provider,
            cached: Arc::new(Mutex::new(None)),
        }
    }

    pub(crate) fn provider(&self) -> &dyn ProvideCredentials {
        self.provider.as_ref()
    }

    /// Cached credentials still fresh at `now`, if any.
    fn fresh(&self, now: SystemTime) -> Option<Credentials> {
        let cached = self.cached.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cached
            .as_ref()
            .filter(|credentials| credentials.expiry.is_none_or(|expiry| now + REFRESH_BEFORE_EXPIRY < expiry))
            .cloned()
    }

    /// Fresh credentials: the cached ones, or new ones from the provider. The lock is not
    /// held while the provider works, so two callers may both fetch; the later answer stays.
    pub(crate) async fn get(&self, now: SystemTime) -> Result<Credentials, CredentialsError> {
        if let Some(credentials) = self.fresh(now) {
            return Ok(credentials);
        }
        let credentials = self.provider.provide_credentials().await?;
        if credentials.expiry.is_some_and(|expiry| expiry <= now) {
            return Err(CredentialsError::new(format!(
                "the credentials from {} have already expired",
                credentials.provider_name
            )));
        }
        *self.cached.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(credentials.clone());
        Ok(credentials)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug)]
    struct Counting {
        calls: AtomicUsize,
        lifetime: Option<Duration>,
        now: SystemTime,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
            let call = self.calls.fetch_add(1, Ordering::SeqCst);
            let expiry = self.lifetime.map(|lifetime| self.now + lifetime);
            ProvideCredentialsFuture::ready(Ok(Credentials::new(format!("AKID{call}"), "secret", Some("token".into()), expiry, "Counting")))
        }
    }

    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("a ready provider was pending"),
        }
    }

    fn cache(lifetime: Option<Duration>, now: SystemTime) -> (CredentialsCache, Arc<Counting>) {
        let provider = Arc::new(Counting {
            calls: AtomicUsize::new(0),
            lifetime,
            now,
        });
        (CredentialsCache::new(provider.clone()), provider)
    }

    #[test]
    fn temporary_credentials_are_reused_until_shortly_before_they_expire() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let (cache, provider) = cache(Some(Duration::from_secs(3600)), now);
        assert_eq!(block_on(cache.get(now)).unwrap().access_key_id(), "AKID0");
        assert_eq!(block_on(cache.get(now + Duration::from_secs(3600 - 301))).unwrap().access_key_id(), "AKID0");
        assert_eq!(block_on(cache.get(now + Duration::from_secs(3600 - 300))).unwrap().access_key_id(), "AKID1");
        assert_eq!(provider.calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn credentials_without_expiry_are_fetched_once() {
        let now = SystemTime::UNIX_EPOCH;
        let (cache, provider) = cache(None, now);
        for hours in 0..3 {
            block_on(cache.get(now + Duration::from_secs(hours * 3600))).unwrap();
        }
        assert_eq!(provider.calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn expired_credentials_are_an_error() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(10);
        let (cache, _) = cache(Some(Duration::ZERO), now);
        let error = block_on(cache.get(now)).unwrap_err();
        assert_eq!(error.to_string(), "the credentials from Counting have already expired");
    }

    #[test]
    fn debug_output_leaves_out_the_secrets() {
        let credentials = Credentials::from_keys("AKIDEXAMPLE", "wJalrXUtnFEMI", Some("FwoGZXIvYXdzE".into()));
        let debug = format!("{credentials:?}");
        assert!(debug.contains("AKIDEXAMPLE"), "{debug}");
        assert!(!debug.contains("wJalrXUtnFEMI") && !debug.contains("FwoGZXIvYXdzE"), "{debug}");
    }
}
