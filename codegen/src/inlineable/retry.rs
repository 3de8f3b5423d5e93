//! The AWS SDKs' standard retry mode: which failures are retried, how long to wait, and the
//! quota that stops a client from retrying into an outage.
//!
//! Facts shared by the SDKs: 3 attempts; a wait of up to `initial * 2^(n-1)` (full jitter),
//! capped at 20 s; a bucket of 500 tokens, of which a retry takes 5 (10 after a timeout),
//! given back when the retry succeeds, and a success at the first attempt adds 1.

// Without the blocking or the async client (the `client` feature alone) nothing calls
// the runtime.
#![cfg_attr(not(any(feature = "blocking", feature = "async")), allow(dead_code))]

use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How many attempts an operation gets and how long to wait between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self::standard()
    }
}

impl RetryConfig {
    /// The SDKs' standard mode: 3 attempts, waits from up to 1 s doubling to at most 20 s.
    pub fn standard() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }

    /// One attempt: nothing is retried.
    pub fn disabled() -> Self {
        Self::standard().with_max_attempts(1)
    }

    /// Sets the number of attempts, the first included (at least 1).
    #[must_use]
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Sets the longest first wait (each later one doubles).
    #[must_use]
    pub fn with_initial_backoff(mut self, initial_backoff: Duration) -> Self {
        self.initial_backoff = initial_backoff;
        self
    }

    /// Sets the cap on any one wait.
    #[must_use]
    pub fn with_max_backoff(mut self, max_backoff: Duration) -> Self {
        self.max_backoff = max_backoff;
        self
    }

    /// The number of attempts, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest first wait.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The cap on any one wait.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// The wait after failed attempt `attempt` (1-based), for a jitter in `[0, 1)`.
    pub(crate) fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let exponent = attempt.saturating_sub(1).min(62);
        let ceiling = self.initial_backoff.saturating_mul(1u32 << exponent.min(31)).min(self.max_backoff);
        ceiling.mul_f64(jitter.clamp(0.0, 1.0))
    }
}

/// Why a failed attempt may be tried again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryKind {
    /// The service asked the client to slow down.
    Throttling,
    /// A transient error code, a 5xx status, or an I/O failure before any response.
    Transient,
    /// The attempt ran out of time.
    Timeout,
}

/// Error codes that mean throttling, as the AWS SDKs list them.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes of transient failures.
const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// Statuses of transient failures.
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Whether an error response may be retried, from its status and error code.
pub(crate) fn classify_response(status: u16, code: Option<&str>) -> Option<RetryKind> {
    match code {
        Some(code) if THROTTLING_CODES.contains(&code) => Some(RetryKind::Throttling),
        _ if status == 429 => Some(RetryKind::Throttling),
        Some(code) if TRANSIENT_CODES.contains(&code) => Some(RetryKind::Transient),
        _ if TRANSIENT_STATUSES.contains(&status) => Some(RetryKind::Transient),
        _ => None,
    }
}

const QUOTA_CAPACITY: u32 = 500;
const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
const SUCCESS_REWARD: u32 = 1;

/// The retry token bucket, shared by every operation of one client.
#[derive(Clone, Debug)]
pub(crate) struct RetryQuota {
    tokens: Arc<Mutex<u32>>,
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self {
            tokens: Arc::new(Mutex::new(QUOTA_CAPACITY)),
        }
    }
}

impl RetryQuota {
    /// Takes the cost of one retry, or `None` when the bucket cannot pay for it.
    pub(crate) fn acquire(&self, kind: RetryKind) -> Option<u32> {
        let cost = if kind == RetryKind::Timeout { TIMEOUT_RETRY_COST } else { RETRY_COST };
        let mut tokens = self.tokens.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let left = tokens.checked_sub(cost)?;
        *tokens = left;
        Some(cost)
    }

    /// Records a success: the retry's cost comes back, or a first-attempt success adds one.
    pub(crate) fn succeeded(&self, retry_cost: Option<u32>) {
        let mut tokens = self.tokens.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *tokens = (*tokens + retry_cost.unwrap_or(SUCCESS_REWARD)).min(QUOTA_CAPACITY);
    }
}

/// A number in `[0, 1)` from the standard library's randomly keyed hasher: jitter needs to
/// differ between clients and attempts, not to be unpredictable.
pub(crate) fn jitter() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0x5EED);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn available(quota: &RetryQuota) -> u32 {
        *quota.tokens.lock().unwrap()
    }

    #[test]
    fn throttling_and_transient_failures_are_retried_and_client_errors_are_not() {
        assert_eq!(classify_response(400, Some("ThrottlingException")), Some(RetryKind::Throttling));
        assert_eq!(classify_response(429, None), Some(RetryKind::Throttling));
        assert_eq!(classify_response(400, Some("RequestTimeout")), Some(RetryKind::Transient));
        for status in [500, 502, 503, 504] {
            assert_eq!(classify_response(status, Some("InternalFailure")), Some(RetryKind::Transient));
        }
        assert_eq!(classify_response(400, Some("ResourceNotFoundException")), None);
        assert_eq!(classify_response(501, None), None);
    }

    #[test]
    fn waits_double_from_the_initial_backoff_up_to_the_cap() {
        let config = RetryConfig::standard();
        let ceilings: Vec<Duration> = (1..=7).map(|attempt| config.backoff(attempt, 0.999_999_999)).collect();
        let seconds: Vec<u64> = ceilings.iter().map(|wait| wait.as_secs_f64().round() as u64).collect();
        assert_eq!(seconds, [1, 2, 4, 8, 16, 20, 20]);
        assert_eq!(config.backoff(3, 0.5), Duration::from_secs(2));
        assert_eq!(config.backoff(40, 1.0), Duration::from_secs(20));
    }

    #[test]
    fn the_quota_runs_dry_and_refills_on_success() {
        let quota = RetryQuota::default();
        let mut paid = 0;
        while quota.acquire(RetryKind::Timeout).is_some() {
            paid += 1;
        }
        assert_eq!(paid, 50);
        assert_eq!(quota.acquire(RetryKind::Transient), None);
        quota.succeeded(Some(10));
        assert_eq!(available(&quota), 10);
        assert_eq!(quota.acquire(RetryKind::Transient), Some(5));
        quota.succeeded(None);
        assert_eq!(available(&quota), 6);
    }

    #[test]
    fn jitter_is_in_the_unit_interval() {
        for _ in 0..1000 {
            let value = jitter();
            assert!((0.0..1.0).contains(&value), "{value}");
        }
    }

    #[test]
    fn max_attempts_is_at_least_one() {
        assert_eq!(RetryConfig::standard().with_max_attempts(0).max_attempts(), 1);
        assert_eq!(RetryConfig::disabled().max_attempts(), 1);
    }
}
