//! The client's configuration: region, credentials, endpoint, retries and timeouts, set in
//! code or read from the environment and the shared AWS files as the AWS SDKs read them.

// Without the blocking or the async client (the `client` feature alone) nothing calls
// the runtime.
#![cfg_attr(not(any(feature = "blocking", feature = "async")), allow(dead_code))]

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

pub use super::credentials::{Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture};
use super::credentials::CredentialsCache;
pub use super::profile::ProfileFileError;
use super::profile::{self, Env, Profile};
pub use super::retry::RetryConfig;

/// Connect, per-attempt and whole-operation time limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeoutConfig {
    connect: Option<Duration>,
    attempt: Option<Duration>,
    operation: Option<Duration>,
}

impl Default for TimeoutConfig {
    /// A 3.1 s connect timeout (the SDKs' standard defaults mode) and no other limit.
    fn default() -> Self {
        Self {
            connect: Some(Duration::from_millis(3100)),
            attempt: None,
            operation: None,
        }
    }
}

impl TimeoutConfig {
    /// No limits at all.
    pub fn disabled() -> Self {
        Self {
            connect: None,
            attempt: None,
            operation: None,
        }
    }

    /// Limits how long opening a connection may take.
    #[must_use]
    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect = Some(timeout);
        self
    }

    /// Limits each attempt, from sending the request to reading the whole response.
    #[must_use]
    pub fn with_attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt = Some(timeout);
        self
    }

    /// Limits the whole operation: every attempt and every wait between them.
    #[must_use]
    pub fn with_operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation = Some(timeout);
        self
    }

    /// The connect time limit.
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.connect
    }

    /// The per-attempt time limit.
    pub fn attempt_timeout(&self) -> Option<Duration> {
        self.attempt
    }

    /// The whole-operation time limit.
    pub fn operation_timeout(&self) -> Option<Duration> {
        self.operation
    }
}

/// A configuration value from the environment or a profile that is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    message: String,
}

impl ConfigError {
    fn new(message: String) -> Self {
        Self { message }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl From<ProfileFileError> for ConfigError {
    fn from(error: ProfileFileError) -> Self {
        Self::new(error.to_string())
    }
}

/// A source of the current time (the signing time); tests fix it.
pub type TimeSource = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// The client's configuration. Build it with [`Config::builder`], or start from the
/// environment with [`Config::from_env`].
#[derive(Clone)]
pub struct Config {
    pub(crate) region: Option<String>,
    pub(crate) credentials: Option<CredentialsCache>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) use_fips: bool,
    pub(crate) use_dual_stack: bool,
    pub(crate) retry: RetryConfig,
    pub(crate) timeouts: TimeoutConfig,
    pub(crate) time_source: Option<TimeSource>,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoint_url", &self.endpoint_url)
            .field("use_fips", &self.use_fips)
            .field("use_dual_stack", &self.use_dual_stack)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// A builder with nothing set: no region, no credentials, standard retries.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The region.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Where credentials come from.
    pub fn credentials_provider(&self) -> Option<&dyn ProvideCredentials> {
        self.credentials.as_ref().map(CredentialsCache::provider)
    }

    /// The endpoint that replaces the resolved one.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// Whether the FIPS endpoint is used.
    pub fn use_fips(&self) -> bool {
        self.use_fips
    }

    /// Whether the dual-stack endpoint is used.
    pub fn use_dual_stack(&self) -> bool {
        self.use_dual_stack
    }

    /// The retry behaviour.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry
    }

    /// The time limits.
    pub fn timeout_config(&self) -> &TimeoutConfig {
        &self.timeouts
    }

    /// A builder with what the environment and the shared files say, as the AWS SDKs read
    /// them; anything set on it afterwards wins.
    ///
    /// - Region: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    /// - Credentials: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`,
    ///   then the profile's `aws_access_key_id`, `aws_secret_access_key` and
    ///   `aws_session_token`. Other sources (SSO, roles, instance metadata) plug in with
    ///   [`Builder::credentials_provider`].
    /// - Endpoint: `AWS_ENDPOINT_URL_<SERVICE>` (the SDK id upper-cased, spaces and hyphens
    ///   as `_`), `AWS_ENDPOINT_URL`, the profile's `[services]` entry, then its
    ///   `endpoint_url`; none of them when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the
    ///   profile's `ignore_configured_endpoint_urls`) is `true`.
    /// - `AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`,
    ///   `AWS_RETRY_MODE` (only `standard`), and the profile keys of the same meaning.
    ///
    /// The profile is `AWS_PROFILE` (else `default`) from `AWS_CONFIG_FILE` (else
    /// `~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE` (else `~/.aws/credentials`).
    /// Malformed files or values are errors that name the file, line or variable.
    pub fn from_env() -> Result<Builder, ConfigError> {
        Builder::default().read_env(&profile::process_env)
    }
}

/// Builds a [`Config`].
#[derive(Clone, Default)]
pub struct Builder {
    config: Option<Config>,
    region: Option<String>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    endpoint_url: Option<String>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    retry: Option<RetryConfig>,
    timeouts: Option<TimeoutConfig>,
    time_source: Option<TimeSource>,
}

impl fmt::Debug for Builder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Builder")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoint_url", &self.endpoint_url)
            .finish_non_exhaustive()
    }
}

impl Builder {
    /// Sets the region, such as `us-east-1`.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Uses these credentials for every request.
    #[must_use]
    pub fn credentials(self, credentials: Credentials) -> Self {
        self.credentials_provider(credentials)
    }

    /// Gets credentials from `provider`, cached until shortly before they expire.
    #[must_use]
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Sends every request to this URL instead of the resolved endpoint (a local emulator,
    /// a VPC endpoint).
    #[must_use]
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Uses the FIPS endpoint.
    #[must_use]
    pub fn use_fips(mut self, use_fips: bool) -> Self {
        self.use_fips = Some(use_fips);
        self
    }

    /// Uses the dual-stack (IPv6) endpoint.
    #[must_use]
    pub fn use_dual_stack(mut self, use_dual_stack: bool) -> Self {
        self.use_dual_stack = Some(use_dual_stack);
        self
    }

    /// Sets the retry behaviour.
    #[must_use]
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Sets the time limits.
    #[must_use]
    pub fn timeout_config(mut self, timeouts: TimeoutConfig) -> Self {
        self.timeouts = Some(timeouts);
        self
    }

    /// Sets where the signing time comes from (the system clock otherwise).
    #[must_use]
    pub fn time_source(mut self, now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.time_source = Some(Arc::new(now));
        self
    }

    /// The configuration.
    pub fn build(self) -> Config {
        let base = self.config.unwrap_or(Config {
            region: None,
            credentials: None,
            endpoint_url: None,
            use_fips: false,
            use_dual_stack: false,
            retry: RetryConfig::standard(),
            timeouts: TimeoutConfig::default(),
            time_source: None,
        });
        Config {
            region: self.region.or(base.region),
            credentials: self.credentials.map(CredentialsCache::new).or(base.credentials),
            endpoint_url: self.endpoint_url.or(base.endpoint_url),
            use_fips: self.use_fips.unwrap_or(base.use_fips),
            use_dual_stack: self.use_dual_stack.unwrap_or(base.use_dual_stack),
            retry: self.retry.unwrap_or(base.retry),
            timeouts: self.timeouts.unwrap_or(base.timeouts),
            time_source: self.time_source.or(base.time_source),
        }
    }

    /// Fills what the environment and profile give (see [`Config::from_env`]).
    pub(crate) fn read_env(self, env: Env<'_>) -> Result<Self, ConfigError> {
        let profile = profile::load(env)?;
        let service = &super::service::SERVICE;
        let mut retry = RetryConfig::standard();
        if let Some((source, mode)) = setting(env, "AWS_RETRY_MODE", &profile, "retry_mode") {
            if mode != "standard" {
                return Err(ConfigError::new(format!("{source} is `{mode}`: this client implements the `standard` retry mode only")));
            }
        }
        if let Some((source, attempts)) = setting(env, "AWS_MAX_ATTEMPTS", &profile, "max_attempts") {
            let attempts: u32 = attempts
                .parse()
                .ok()
                .filter(|attempts| *attempts > 0)
                .ok_or_else(|| ConfigError::new(format!("{source} is `{attempts}`, not a whole number of attempts above 0")))?;
            retry = retry.with_max_attempts(attempts);
        }
        let config = Config {
            region: setting(env, "AWS_REGION", &profile, "")
                .or_else(|| setting(env, "AWS_DEFAULT_REGION", &profile, "region"))
                .map(|(_, region)| region),
            credentials: Some(CredentialsCache::new(Arc::new(environment_credentials(env, &profile)?))),
            endpoint_url: configured_endpoint(env, &profile, service.env_name, service.profile_key)?,
            use_fips: flag(env, "AWS_USE_FIPS_ENDPOINT", &profile, "use_fips_endpoint")?,
            use_dual_stack: flag(env, "AWS_USE_DUALSTACK_ENDPOINT", &profile, "use_dualstack_endpoint")?,
            retry,
            timeouts: TimeoutConfig::default(),
            time_source: None,
        };
        Ok(Self {
            config: Some(config),
            ..self
        })
    }
}

/// A setting from an environment variable, else from a profile key (`""`: none), with a
/// phrase that says where it came from.
fn setting(env: Env<'_>, variable: &str, profile: &Profile, key: &str) -> Option<(String, String)> {
    if let Some(value) = env(variable) {
        return Some((format!("environment variable {variable}"), value));
    }
    let value = profile.get(key).filter(|_| !key.is_empty())?;
    Some((format!("`{key}` in profile `{}`", profile.name), value.to_owned()))
}

fn flag(env: Env<'_>, variable: &str, profile: &Profile, key: &str) -> Result<bool, ConfigError> {
    match setting(env, variable, profile, key) {
        None => Ok(false),
        Some((_, value)) if value.eq_ignore_ascii_case("true") => Ok(true),
        Some((_, value)) if value.eq_ignore_ascii_case("false") => Ok(false),
        Some((source, value)) => Err(ConfigError::new(format!("{source} is `{value}`, not `true` or `false`"))),
    }
}

fn configured_endpoint(env: Env<'_>, profile: &Profile, env_name: &str, profile_key: &str) -> Result<Option<String>, ConfigError> {
    if flag(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", profile, "ignore_configured_endpoint_urls")? {
        return Ok(None);
    }
    let specific = format!("AWS_ENDPOINT_URL_{env_name}");
    Ok(env(&specific)
        .or_else(|| env("AWS_ENDPOINT_URL"))
        .or_else(|| profile.service_setting(profile_key, "endpoint_url").map(str::to_owned))
        .or_else(|| profile.get("endpoint_url").map(str::to_owned)))
}

/// Keys that name a way of getting credentials this crate does not implement.
const DELEGATED_CREDENTIAL_KEYS: &[&str] = &[
    "role_arn",
    "credential_source",
    "source_profile",
    "credential_process",
    "sso_session",
    "sso_start_url",
    "web_identity_token_file",
];

/// Credentials from the environment, else the profile; when neither has them, a provider
/// whose error says everything that was looked at.
fn environment_credentials(env: Env<'_>, profile: &Profile) -> Result<EnvironmentCredentials, ConfigError> {
    match (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
        (Some(id), Some(secret)) => {
            return Ok(EnvironmentCredentials::Found(Credentials::new(id, secret, env("AWS_SESSION_TOKEN"), None, "Environment")));
        }
        (Some(_), None) => return Err(ConfigError::new("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not".to_owned())),
        (None, Some(_)) => return Err(ConfigError::new("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not".to_owned())),
        (None, None) => {}
    }
    let name = &profile.name;
    match (profile.get("aws_access_key_id"), profile.get("aws_secret_access_key")) {
        (Some(id), Some(secret)) => Ok(EnvironmentCredentials::Found(Credentials::new(
            id,
            secret,
            profile.get("aws_session_token").map(str::to_owned),
            None,
            "Profile",
        ))),
        (Some(_), None) | (None, Some(_)) => Err(ConfigError::new(format!(
            "profile `{name}` in {} has only one of aws_access_key_id and aws_secret_access_key",
            profile.sources_text()
        ))),
        (None, None) => {
            let tried = if let Some(key) = DELEGATED_CREDENTIAL_KEYS.iter().find(|key| profile.get(key).is_some()) {
                format!("profile `{name}` gets credentials through `{key}`, which this crate does not resolve: pass a provider that does (aws-config's, for one) to credentials_provider")
            } else if profile.exists {
                format!("profile `{name}` in {} has no aws_access_key_id", profile.sources_text())
            } else {
                format!("no profile `{name}` in {}", profile.sources_text())
            };
            Ok(EnvironmentCredentials::Missing(format!(
                "no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and {tried}"
            )))
        }
    }
}

/// What [`Config::from_env`] found: credentials, or what was looked at in vain.
#[derive(Debug)]
enum EnvironmentCredentials {
    Found(Credentials),
    Missing(String),
}

impl ProvideCredentials for EnvironmentCredentials {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        ProvideCredentialsFuture::ready(match self {
            Self::Found(credentials) => Ok(credentials.clone()),
            Self::Missing(tried) => Err(CredentialsError::new(tried.clone())),
        })
    }
}
