//! What the blocking and the async client share: the request each attempt sends, the
//! response it gets, the errors an operation can end in, and the steps around the wire
//! (endpoint, credentials, signing, retry decisions). Neither client logs anything.

// Without the blocking or the async client (the `client` feature alone) nothing calls
// the runtime.
#![cfg_attr(not(any(feature = "blocking", feature = "async")), allow(dead_code))]

use std::error::Error as StdError;
use std::fmt;
use std::time::{Duration, Instant, SystemTime};

use super::config::{Config, Credentials};
use super::error::ProvideErrorMetadata;
use super::http::{HttpRequest, HttpResponse};
use super::retry::{self, RetryKind, RetryQuota};
use super::sigv4::{self, SignableRequest, SigningParams, SigningSettings};

/// A boxed error, as the failures below carry their causes.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// An operation as the clients drive it; each generated operation implements it.
pub(crate) trait Operation {
    type Input;
    type Output;
    type Error: StdError + ProvideErrorMetadata + Send + Sync + 'static;
    /// The operation's name, for errors.
    const NAME: &'static str;
    /// Client-side checks beyond the builder's (the `validation` feature's `validate()`).
    fn check(input: &Self::Input) -> Result<(), BoxError>;
    fn serialize(input: &Self::Input) -> HttpRequest;
    fn parse(response: &HttpResponse<'_>) -> Result<Self::Output, Self::Error>;
}

/// What a service's crate tells the clients about it.
pub(crate) struct ServiceInfo {
    /// The SDK id, as in `AWS_ENDPOINT_URL_<SERVICE>` (upper-cased, `_` for spaces).
    pub(crate) env_name: &'static str,
    /// The key of the service in a profile's `[services]` section.
    pub(crate) profile_key: &'static str,
    /// The `aws.auth#sigv4` signing name.
    pub(crate) signing_name: &'static str,
    /// Resolves the endpoint for a configuration.
    pub(crate) resolve_endpoint: fn(&Config) -> Result<ResolvedEndpoint, String>,
}

/// Where to send a request and how to sign it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ResolvedEndpoint {
    pub(crate) url: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) signing_name: Option<String>,
    pub(crate) signing_region: Option<String>,
}

/// One attempt's request, signed: what an HTTP client sends.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    connect_timeout: Option<Duration>,
    timeout: Option<Duration>,
}

impl Request {
    /// The method, such as `POST`.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The absolute URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The headers, signature headers included (`Host` is the HTTP client's to send).
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// The body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// How long connecting may take; an HTTP client applies it if it can.
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.connect_timeout
    }

    /// How long this attempt may take in all; the blocking client relies on the HTTP
    /// client to apply it (the async client also enforces it itself).
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }
}

/// Headers whose values are credentials, left out of `Debug` output.
const SECRET_HEADERS: &[&str] = &["authorization", "x-amz-security-token"];

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers()
            .map(|(name, value)| {
                let secret = SECRET_HEADERS.iter().any(|secret| secret.eq_ignore_ascii_case(name));
                (name, if secret { "** redacted **" } else { value })
            })
            .collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// A response as an HTTP client read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    /// A response; headers whose values are not UTF-8 may be left out (none the protocol
    /// reads can be).
    pub fn new(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        Self { status, headers, body }
    }

    /// The status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The first header called `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The headers, in order.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// The body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    fn as_http_response(&self) -> HttpResponse<'_> {
        self.headers
            .iter()
            .fold(HttpResponse::new(self.status, &self.body), |response, (name, value)| response.with_header(name, value))
    }
}

/// What went wrong in an HTTP client; the kind decides whether the attempt is retried.
#[derive(Debug)]
pub struct HttpClientError {
    kind: HttpClientErrorKind,
    source: BoxError,
}

/// The stage an HTTP client failed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HttpClientErrorKind {
    /// No connection could be made (refused, DNS, TLS): retried.
    Connect,
    /// The connection failed before a response arrived (reset, closed): retried.
    Io,
    /// The attempt ran out of time: retried.
    Timeout,
    /// A response had started but could not be read whole (a truncated body): not retried,
    /// since the service may have acted on the request.
    Response,
    /// Anything else: not retried.
    Other,
}

impl HttpClientError {
    /// An error of `kind` caused by `source`.
    pub fn new(kind: HttpClientErrorKind, source: impl Into<BoxError>) -> Self {
        Self {
            kind,
            source: source.into(),
        }
    }

    /// The stage it failed at.
    pub fn kind(&self) -> HttpClientErrorKind {
        self.kind
    }
}

impl fmt::Display for HttpClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match self.kind {
            HttpClientErrorKind::Connect => "could not connect",
            HttpClientErrorKind::Io => "the connection failed before a response",
            HttpClientErrorKind::Timeout => "timed out",
            HttpClientErrorKind::Response => "the response could not be read",
            HttpClientErrorKind::Other => "the HTTP client failed",
        };
        write!(f, "{stage}: {}", self.source)
    }
}

impl StdError for HttpClientError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(self.source.as_ref())
    }
}

/// Which time limit ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// Connecting.
    Connect,
    /// One attempt.
    Attempt,
    /// The whole operation.
    Operation,
}

/// How an operation failed. Each kind says what was tried: the operation, the attempts
/// made, and the cause.
#[non_exhaustive]
pub enum SdkError<E> {
    /// The request could not be built: a missing or invalid member, no region, no
    /// credentials, no endpoint. Nothing was sent.
    ConstructionFailure(ConstructionFailure),
    /// A time limit ran out.
    TimeoutError(TimeoutError),
    /// The request could not be sent or no response came (after every allowed attempt).
    DispatchFailure(DispatchFailure),
    /// A response came but could not be read: a truncated body, or a success response
    /// whose body is not the output.
    ResponseError(ResponseError),
    /// The service answered with an error: the operation's error, with the raw response.
    ServiceError(ServiceError<E>),
}

/// See [`SdkError::ConstructionFailure`].
#[derive(Debug)]
pub struct ConstructionFailure {
    operation: &'static str,
    source: BoxError,
}

/// See [`SdkError::TimeoutError`].
#[derive(Debug)]
pub struct TimeoutError {
    operation: &'static str,
    kind: TimeoutKind,
    limit: Option<Duration>,
    attempts: u32,
}

/// See [`SdkError::DispatchFailure`].
#[derive(Debug)]
pub struct DispatchFailure {
    operation: &'static str,
    source: HttpClientError,
    attempts: u32,
}

/// See [`SdkError::ResponseError`].
#[derive(Debug)]
pub struct ResponseError {
    operation: &'static str,
    source: BoxError,
    raw: Option<Response>,
    attempts: u32,
}

/// See [`SdkError::ServiceError`].
#[derive(Debug)]
pub struct ServiceError<E> {
    operation: &'static str,
    source: E,
    raw: Response,
    attempts: u32,
}

impl ConstructionFailure {
    /// Why the request could not be built.
    pub fn source_error(&self) -> &(dyn StdError + Send + Sync + 'static) {
        self.source.as_ref()
    }
}

impl TimeoutError {
    /// Which limit ran out.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }
}

impl DispatchFailure {
    /// The HTTP client's error of the last attempt.
    pub fn http_error(&self) -> &HttpClientError {
        &self.source
    }
}

impl ResponseError {
    /// The response, when its status and headers were read.
    pub fn raw(&self) -> Option<&Response> {
        self.raw.as_ref()
    }
}

impl<E> ServiceError<E> {
    /// The operation's error.
    pub fn err(&self) -> &E {
        &self.source
    }

    /// Takes the operation's error out.
    pub fn into_err(self) -> E {
        self.source
    }

    /// The response of the last attempt.
    pub fn raw(&self) -> &Response {
        &self.raw
    }
}

/// Operation errors that can wrap a failure that is not the service's (aws-sdk-rust's
/// `CreateUnhandledError`), for [`SdkError::into_service_error`].
pub trait CreateUnhandledError {
    /// The `Unhandled` variant around `source`.
    fn create_unhandled_error(source: BoxError) -> Self;
}

impl<E> SdkError<E> {
    /// The service's error, if the service answered with one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            Self::ServiceError(error) => Some(&error.source),
            _ => None,
        }
    }

    /// The operation's error: the service's, or any other failure as its `Unhandled`
    /// variant, so one `match` on the operation's error handles everything.
    pub fn into_service_error(self) -> E
    where
        E: CreateUnhandledError + StdError + Send + Sync + 'static,
    {
        match self {
            Self::ServiceError(error) => error.source,
            other => E::create_unhandled_error(Box::new(other)),
        }
    }

    /// The last response, if one came.
    pub fn raw_response(&self) -> Option<&Response> {
        match self {
            Self::ServiceError(error) => Some(&error.raw),
            Self::ResponseError(error) => error.raw.as_ref(),
            _ => None,
        }
    }

    /// How many attempts were made (0 when nothing was sent).
    pub fn attempts(&self) -> u32 {
        match self {
            Self::ConstructionFailure(_) => 0,
            Self::TimeoutError(error) => error.attempts,
            Self::DispatchFailure(error) => error.attempts,
            Self::ResponseError(error) => error.attempts,
            Self::ServiceError(error) => error.attempts,
        }
    }

    fn operation(&self) -> &'static str {
        match self {
            Self::ConstructionFailure(error) => error.operation,
            Self::TimeoutError(error) => error.operation,
            Self::DispatchFailure(error) => error.operation,
            Self::ResponseError(error) => error.operation,
            Self::ServiceError(error) => error.operation,
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ConstructionFailure(error) => f.debug_tuple("ConstructionFailure").field(error).finish(),
            Self::TimeoutError(error) => f.debug_tuple("TimeoutError").field(error).finish(),
            Self::DispatchFailure(error) => f.debug_tuple("DispatchFailure").field(error).finish(),
            Self::ResponseError(error) => f.debug_tuple("ResponseError").field(error).finish(),
            Self::ServiceError(error) => f.debug_tuple("ServiceError").field(error).finish(),
        }
    }
}

fn attempts_text(attempts: u32) -> String {
    if attempts == 1 { "after 1 attempt".to_owned() } else { format!("after {attempts} attempts") }
}

impl<E: fmt::Display> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = self.operation();
        match self {
            Self::ConstructionFailure(error) => write!(f, "{operation}: the request could not be built: {}", error.source),
            Self::TimeoutError(error) => {
                let limit = match error.kind {
                    TimeoutKind::Connect => "connect",
                    TimeoutKind::Attempt => "attempt",
                    TimeoutKind::Operation => "operation",
                };
                let after = error.limit.map(|limit| format!(" of {limit:?}")).unwrap_or_default();
                write!(f, "{operation}: the {limit} timeout{after} ran out {}", attempts_text(error.attempts))
            }
            Self::DispatchFailure(error) => write!(f, "{operation}: {} ({})", error.source, attempts_text(error.attempts)),
            Self::ResponseError(error) => {
                let status = error.raw.as_ref().map(|raw| format!(" (status {})", raw.status)).unwrap_or_default();
                write!(f, "{operation}: the response{status} could not be read: {} ({})", error.source, attempts_text(error.attempts))
            }
            Self::ServiceError(error) => write!(
                f,
                "{operation}: the service answered {} {}: {}",
                error.raw.status,
                attempts_text(error.attempts),
                error.source
            ),
        }
    }
}

impl<E: StdError + 'static> StdError for SdkError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Self::ConstructionFailure(error) => Some(error.source.as_ref()),
            Self::TimeoutError(_) => None,
            Self::DispatchFailure(error) => Some(&error.source),
            Self::ResponseError(error) => Some(error.source.as_ref()),
            Self::ServiceError(error) => Some(&error.source),
        }
    }
}

/// A message as an error value.
#[derive(Debug)]
struct Message(String);

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for Message {}

pub(crate) fn construction_failure<E>(operation: &'static str, source: impl Into<BoxError>) -> SdkError<E> {
    SdkError::ConstructionFailure(ConstructionFailure {
        operation,
        source: source.into(),
    })
}

/// What one client keeps across its operations: the retry quota, and the endpoint, which
/// depends only on the configuration and so is resolved once.
#[derive(Debug, Default)]
pub(crate) struct ClientState {
    quota: RetryQuota,
    endpoint: std::sync::OnceLock<Result<ResolvedEndpoint, String>>,
}

/// One operation's progress through its attempts; both clients drive it.
pub(crate) struct Invocation<'a, O: Operation> {
    config: &'a Config,
    quota: &'a RetryQuota,
    service: &'static ServiceInfo,
    request: HttpRequest,
    endpoint: &'a ResolvedEndpoint,
    url: String,
    invocation_id: String,
    started: Instant,
    pub(crate) attempts: u32,
    retry_cost: Option<u32>,
    _operation: std::marker::PhantomData<O>,
}

/// What to do after an attempt.
pub(crate) enum Next<O: Operation> {
    Done(Result<O::Output, SdkError<O::Error>>),
    RetryAfter(Duration),
}

impl<'a, O: Operation> Invocation<'a, O> {
    /// Checks and serializes the input once (so an idempotency token stays the same on
    /// every attempt) and resolves the endpoint.
    pub(crate) fn new(config: &'a Config, state: &'a ClientState, service: &'static ServiceInfo, input: &O::Input) -> Result<Self, SdkError<O::Error>> {
        O::check(input).map_err(|error| construction_failure(O::NAME, error))?;
        let request = O::serialize(input);
        let endpoint = state
            .endpoint
            .get_or_init(|| (service.resolve_endpoint)(config))
            .as_ref()
            .map_err(|problem| construction_failure(O::NAME, Message(problem.clone())))?;
        let url = request.url_for(&endpoint.url).map_err(|error| construction_failure(O::NAME, error))?;
        Ok(Self {
            config,
            quota: &state.quota,
            service,
            request,
            endpoint,
            url,
            invocation_id: super::idempotency_token::new_token(),
            started: Instant::now(),
            attempts: 0,
            retry_cost: None,
            _operation: std::marker::PhantomData,
        })
    }

    pub(crate) fn now(&self) -> SystemTime {
        self.config.time_source.as_ref().map_or_else(SystemTime::now, |now| now())
    }

    /// The time left of the operation timeout, if there is one.
    fn remaining(&self) -> Option<Duration> {
        self.config
            .timeouts
            .operation_timeout()
            .map(|limit| limit.saturating_sub(self.started.elapsed()))
    }

    pub(crate) fn operation_timed_out(&self) -> SdkError<O::Error> {
        SdkError::TimeoutError(TimeoutError {
            operation: O::NAME,
            kind: TimeoutKind::Operation,
            limit: self.config.timeouts.operation_timeout(),
            attempts: self.attempts,
        })
    }

    /// The limit on the next attempt: the attempt timeout, cut to what is left of the
    /// operation's; `Err` when nothing is left.
    pub(crate) fn attempt_limit(&self) -> Result<(Option<Duration>, TimeoutKind), SdkError<O::Error>> {
        let attempt = self.config.timeouts.attempt_timeout();
        match self.remaining() {
            Some(left) if left.is_zero() => Err(self.operation_timed_out()),
            Some(left) if attempt.is_none_or(|attempt| left < attempt) => Ok((Some(left), TimeoutKind::Operation)),
            _ => Ok((attempt, TimeoutKind::Attempt)),
        }
    }

    /// The wait before the next attempt, cut to what is left of the operation timeout.
    pub(crate) fn wait(&self, backoff: Duration) -> Duration {
        self.remaining().map_or(backoff, |left| backoff.min(left))
    }

    /// The signed request of the next attempt.
    pub(crate) fn next_request(&mut self, credentials: &Credentials, timeout: Option<Duration>) -> Result<Request, SdkError<O::Error>> {
        self.attempts += 1;
        let max = self.config.retry.max_attempts();
        let mut headers: Vec<(String, String)> = self
            .request
            .headers()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect();
        headers.extend(self.endpoint.headers.iter().cloned());
        headers.push(("amz-sdk-invocation-id".to_owned(), self.invocation_id.clone()));
        headers.push(("user-agent".to_owned(), concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"), " smithy-bind").to_owned()));
        let region = self
            .endpoint
            .signing_region
            .as_deref()
            .or(self.config.region.as_deref())
            .ok_or_else(|| construction_failure(O::NAME, Message("no region: set one with Config::builder().region(..), AWS_REGION or a profile's `region`".to_owned())))?;
        let (host, path_and_query) = sigv4::split_url(&self.url).map_err(|error| construction_failure(O::NAME, error))?;
        let mut signed: Vec<(&str, &str)> = vec![("host", host)];
        signed.extend(headers.iter().map(|(name, value)| (name.as_str(), value.as_str())));
        let signature = sigv4::sign(
            &SignableRequest {
                method: self.request.method(),
                path_and_query,
                headers: &signed,
                body: self.request.body(),
            },
            &SigningParams {
                access_key_id: credentials.access_key_id(),
                secret_access_key: credentials.secret_access_key(),
                session_token: credentials.session_token(),
                region,
                name: self.endpoint.signing_name.as_deref().unwrap_or(self.service.signing_name),
                time: self.now(),
                settings: SigningSettings::default(),
            },
        )
        .map_err(|error| construction_failure(O::NAME, error))?;
        headers.extend(signature.headers().map(|(name, value)| (name.to_owned(), value.to_owned())));
        // As in aws-sdk-rust, the attempt header is added after signing, so it is not signed.
        headers.push(("amz-sdk-request".to_owned(), format!("attempt={}; max={max}", self.attempts)));
        Ok(Request {
            method: self.request.method().to_owned(),
            url: self.url.clone(),
            headers,
            body: self.request.body().to_vec(),
            connect_timeout: self.config.timeouts.connect_timeout(),
            timeout,
        })
    }

    /// Decides what follows an attempt's outcome.
    pub(crate) fn after_attempt(&mut self, outcome: Result<Response, HttpClientError>, limit: (Option<Duration>, TimeoutKind)) -> Next<O> {
        let (kind, failure) = match outcome {
            Ok(response) => match self.read(response) {
                Ok(done) => return Next::Done(done),
                Err((kind, failure)) => (kind, failure),
            },
            Err(error) => {
                let kind = match error.kind {
                    HttpClientErrorKind::Connect | HttpClientErrorKind::Io => Some(RetryKind::Transient),
                    HttpClientErrorKind::Timeout => Some(RetryKind::Timeout),
                    HttpClientErrorKind::Response | HttpClientErrorKind::Other => None,
                };
                (kind, self.transport_failure(error, limit))
            }
        };
        match kind {
            Some(kind) if self.attempts < self.config.retry.max_attempts() => match self.quota.acquire(kind) {
                Some(cost) => {
                    self.retry_cost = Some(cost);
                    Next::RetryAfter(self.wait(self.config.retry.backoff(self.attempts, retry::jitter())))
                }
                None => Next::Done(Err(failure)),
            },
            _ => Next::Done(Err(failure)),
        }
    }

    fn transport_failure(&self, error: HttpClientError, limit: (Option<Duration>, TimeoutKind)) -> SdkError<O::Error> {
        match error.kind {
            HttpClientErrorKind::Timeout => SdkError::TimeoutError(TimeoutError {
                operation: O::NAME,
                kind: limit.1,
                limit: limit.0,
                attempts: self.attempts,
            }),
            HttpClientErrorKind::Response => SdkError::ResponseError(ResponseError {
                operation: O::NAME,
                source: Box::new(error),
                raw: None,
                attempts: self.attempts,
            }),
            _ => SdkError::DispatchFailure(DispatchFailure {
                operation: O::NAME,
                source: error,
                attempts: self.attempts,
            }),
        }
    }

    /// The outcome of a response: done, or a failure and whether it may be retried.
    #[allow(clippy::type_complexity, reason = "a private step with one caller")]
    fn read(&mut self, response: Response) -> Result<Result<O::Output, SdkError<O::Error>>, (Option<RetryKind>, SdkError<O::Error>)> {
        let parsed = O::parse(&response.as_http_response());
        let success = (200..300).contains(&response.status);
        match parsed {
            Ok(output) => {
                self.quota.succeeded(self.retry_cost.take());
                Ok(Ok(output))
            }
            Err(error) if success => Ok(Err(SdkError::ResponseError(ResponseError {
                operation: O::NAME,
                source: Box::new(error),
                raw: Some(response),
                attempts: self.attempts,
            }))),
            Err(error) => {
                let kind = retry::classify_response(response.status, error.meta().code());
                Err((
                    kind,
                    SdkError::ServiceError(ServiceError {
                        operation: O::NAME,
                        source: error,
                        raw: response,
                        attempts: self.attempts,
                    }),
                ))
            }
        }
    }
}

/// Credentials for an operation, or the construction failure that says why there are none.
pub(crate) async fn credentials<E>(config: &Config, operation: &'static str, now: SystemTime) -> Result<Credentials, SdkError<E>> {
    let cache = config.credentials.as_ref().ok_or_else(|| {
        construction_failure(
            operation,
            Message("no credentials provider: set one with Config::builder().credentials(..), or start from Config::from_env()".to_owned()),
        )
    })?;
    cache.get(now).await.map_err(|error| construction_failure(operation, error))
}
