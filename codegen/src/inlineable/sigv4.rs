//! AWS Signature Version 4 for requests signed in headers, as the AWS SDKs sign them.
//!
//! The signer is pure: given the request, the credentials and a time, it returns the
//! headers to add. [`sign_request`] applies them to a serialized [`HttpRequest`].
//! Nothing here logs; [`Signature`]'s `Debug` leaves the signature out.

use std::fmt::{self, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::http::HttpRequest;
use super::primitives::{DateTime, Format};

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// Headers a proxy or the HTTP client may add or change after signing, which therefore are
/// never signed (botocore's list, plus the signature's own header and `connection`).
const UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "connection",
    "expect",
    "transfer-encoding",
    "user-agent",
    "x-amzn-trace-id",
];

/// How the path is percent-encoded in the canonical request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentEncoding {
    /// Every service but S3: the path as sent is encoded once more, so `%3A` becomes `%253A`.
    Double,
    /// Escapes already in the path are kept; other reserved bytes are escaped.
    Single,
}

/// Choices that vary between services; [`Default`] is what every service but S3 expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SigningSettings {
    /// How the path is encoded.
    pub percent_encoding: PercentEncoding,
    /// Whether `.` and `..` segments and repeated slashes are removed from the path first.
    pub normalize_path: bool,
    /// Whether to send and sign `X-Amz-Content-SHA256` (S3 wants it; others ignore it).
    pub payload_hash_header: bool,
    /// Whether the session token is signed (`false`: added after signing, as a few
    /// services require).
    pub sign_session_token: bool,
}

impl Default for SigningSettings {
    fn default() -> Self {
        Self {
            percent_encoding: PercentEncoding::Double,
            normalize_path: true,
            payload_hash_header: false,
            sign_session_token: true,
        }
    }
}

/// Who signs, where, for which service, and when.
#[derive(Clone, Copy)]
pub struct SigningParams<'a> {
    /// The access key ID.
    pub access_key_id: &'a str,
    /// The secret access key.
    pub secret_access_key: &'a str,
    /// The session token of temporary credentials.
    pub session_token: Option<&'a str>,
    /// The region the request is signed for, such as `us-east-1`.
    pub region: &'a str,
    /// The signing name, such as `workspaces` (the model's `aws.auth#sigv4` name).
    pub name: &'a str,
    /// The signing time.
    pub time: SystemTime,
    /// Service-specific choices.
    pub settings: SigningSettings,
}

impl fmt::Debug for SigningParams<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningParams")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("session_token", &self.session_token.map(|_| "** redacted **"))
            .field("region", &self.region)
            .field("name", &self.name)
            .field("time", &self.time)
            .field("settings", &self.settings)
            .finish()
    }
}

/// The parts of a request that SigV4 covers.
#[derive(Clone, Copy, Debug)]
pub struct SignableRequest<'a> {
    /// The method, such as `POST`.
    pub method: &'a str,
    /// The path and query as they go on the request line (`/a/b?c=d`).
    pub path_and_query: &'a str,
    /// Every header that will be sent, `Host` included.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body.
    pub body: &'a [u8],
}

/// A computed signature: the headers to add, and the intermediate texts, which tests and
/// debugging of a rejected signature compare with the service's.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    canonical_request: String,
    string_to_sign: String,
    signature: String,
    headers: Vec<(&'static str, String)>,
}

impl Signature {
    /// The canonical request, as SigV4 defines it.
    pub fn canonical_request(&self) -> &str {
        &self.canonical_request
    }

    /// The string that was signed.
    pub fn string_to_sign(&self) -> &str {
        &self.string_to_sign
    }

    /// The signature in lowercase hex. It is a credential for the next few minutes: keep it
    /// out of logs.
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// The headers to add to the request, in order: `X-Amz-Date`, `X-Amz-Content-SHA256`
    /// (when chosen), `X-Amz-Security-Token` (with session credentials), `Authorization`.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.headers.iter().map(|(name, value)| (*name, value.as_str()))
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signature")
            .field("canonical_request", &self.canonical_request)
            .field("string_to_sign", &self.string_to_sign)
            .field("signature", &"** redacted **")
            .finish_non_exhaustive()
    }
}

/// Why a request could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningError(String);

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SigningError {}

/// Signs `request`, which will be sent to `url` (the absolute URL
/// [`HttpRequest::url_for`] returned), replacing any earlier signature headers.
pub fn sign_request(request: &mut HttpRequest, url: &str, params: &SigningParams<'_>) -> Result<Signature, SigningError> {
    let (host, path_and_query) = split_url(url)?;
    request.remove_headers(&["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]);
    let mut headers: Vec<(&str, &str)> = Vec::with_capacity(8);
    headers.push(("host", host));
    headers.extend(request.headers());
    let signature = sign(
        &SignableRequest {
            method: request.method(),
            path_and_query,
            headers: &headers,
            body: request.body(),
        },
        params,
    )?;
    for (name, value) in &signature.headers {
        request.push_header(name, value.clone());
    }
    Ok(signature)
}

/// The host (with a port, if any, as `Host` carries it) and the path and query of an
/// absolute URL.
pub(crate) fn split_url(url: &str) -> Result<(&str, &str), SigningError> {
    let rest = url
        .split_once("://")
        .map(|(_, rest)| rest)
        .ok_or_else(|| SigningError(format!("`{url}` is not an absolute URL")))?;
    let (authority, path) = rest.find('/').map_or((rest, "/"), |slash| rest.split_at(slash));
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    if host.is_empty() {
        return Err(SigningError(format!("`{url}` has no host")));
    }
    Ok((host, path))
}

/// Computes the signature of `request`.
pub fn sign(request: &SignableRequest<'_>, params: &SigningParams<'_>) -> Result<Signature, SigningError> {
    let since_epoch = params
        .time
        .duration_since(UNIX_EPOCH)
        .map_err(|_| SigningError("the signing time is before 1970".to_owned()))?;
    let seconds = i64::try_from(since_epoch.as_secs()).map_err(|_| SigningError("the signing time is out of range".to_owned()))?;
    let amz_date = DateTime::from_secs(seconds).format_text(Format::DateTime).replace(['-', ':'], "");
    let date = &amz_date[..8];
    let payload_hash = hex(&Sha256::digest(request.body));

    let mut added: Vec<(&'static str, String)> = vec![("X-Amz-Date", amz_date.clone())];
    if params.settings.payload_hash_header {
        added.push(("X-Amz-Content-SHA256", payload_hash.clone()));
    }
    // An empty token is no token, as botocore and the SDKs take it.
    let token = params.session_token.filter(|token| !token.is_empty());
    let signed_token = token.filter(|_| params.settings.sign_session_token);
    if let Some(token) = signed_token {
        added.push(("X-Amz-Security-Token", token.to_owned()));
    }
    let (canonical_headers, signed_headers) = canonical_headers(request.headers, &added);
    let (path, query) = request.path_and_query.split_once('?').unwrap_or((request.path_and_query, ""));
    let canonical_request = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{payload_hash}",
        request.method,
        canonical_path(path, params.settings),
        canonical_query(query),
    );
    let scope = format!("{date}/{}/{}/aws4_request", params.region, params.name);
    let string_to_sign = format!("{ALGORITHM}\n{amz_date}\n{scope}\n{}", hex(&Sha256::digest(canonical_request.as_bytes())));
    let key = signing_key(params.secret_access_key, date, params.region, params.name);
    let signature = hex(&hmac(&key, string_to_sign.as_bytes()));

    if let Some(token) = token.filter(|_| !params.settings.sign_session_token) {
        added.push(("X-Amz-Security-Token", token.to_owned()));
    }
    added.push((
        "Authorization",
        format!("{ALGORITHM} Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}", params.access_key_id),
    ));
    Ok(Signature {
        canonical_request,
        string_to_sign,
        signature,
        headers: added,
    })
}

/// The canonical header block (one `name:value` line each, sorted by name, repeated
/// names joined with commas) and the signed-header list.
fn canonical_headers(headers: &[(&str, &str)], added: &[(&'static str, String)]) -> (String, String) {
    let mut entries: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| (*name, *value))
        .chain(added.iter().map(|(name, value)| (*name, value.as_str())))
        .map(|(name, value)| (name.to_ascii_lowercase(), trim_all(value)))
        .filter(|(name, _)| !UNSIGNED_HEADERS.contains(&name.as_str()))
        .collect();
    // A stable sort keeps repeated headers in the order they were given.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut block = String::new();
    let mut names = String::new();
    let mut previous: Option<&str> = None;
    for (name, value) in &entries {
        if previous == Some(name.as_str()) {
            block.pop();
            let _ = writeln!(block, ",{value}");
            continue;
        }
        if previous.is_some() {
            names.push(';');
        }
        names.push_str(name);
        let _ = writeln!(block, "{name}:{value}");
        previous = Some(name);
    }
    (block, names)
}

/// The value without leading and trailing whitespace, inner runs of whitespace (folded
/// lines included) made one space.
fn trim_all(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn canonical_path(path: &str, settings: SigningSettings) -> String {
    let path = if path.is_empty() { "/" } else { path };
    let normalized;
    let path = if settings.normalize_path {
        normalized = normalize_path(path);
        &normalized
    } else {
        path
    };
    let mut out = String::with_capacity(path.len() + 8);
    let bytes = path.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let is_escape = byte == b'%'
            && bytes.get(index + 1..index + 3).is_some_and(|pair| pair.iter().all(u8::is_ascii_hexdigit));
        if byte == b'/' || is_unreserved(byte) || (is_escape && settings.percent_encoding == PercentEncoding::Single) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Removes `.` and `..` segments and empty segments, keeping a leading and a trailing slash.
fn normalize_path(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    let trailing = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    let mut out = String::with_capacity(path.len());
    for segment in &segments {
        out.push('/');
        out.push_str(segment);
    }
    if trailing || segments.is_empty() {
        out.push('/');
    }
    out
}

/// The query's parameters, decoded and re-encoded strictly, sorted by name then value.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (encode_strict(&percent_decode(name)), encode_strict(&percent_decode(value)))
        })
        .collect();
    pairs.sort();
    let mut out = String::with_capacity(query.len() + 8);
    for (index, (name, value)) in pairs.iter().enumerate() {
        if index > 0 {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        if let Some(byte) = escaped {
            out.push(byte);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    out
}

fn encode_strict(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &byte in bytes {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

fn signing_key(secret: &str, date: &str, region: &str, name: &str) -> [u8; 32] {
    let mut key = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    for part in [region, name, "aws4_request"] {
        key = hmac(&key, part.as_bytes());
    }
    key
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(data);
    mac.finalize().into_bytes().into()
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0F)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn params(time_secs: u64) -> SigningParams<'static> {
        SigningParams {
            access_key_id: "AKIDEXAMPLE",
            secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            session_token: None,
            region: "us-east-1",
            name: "service",
            time: UNIX_EPOCH + Duration::from_secs(time_secs),
            settings: SigningSettings::default(),
        }
    }

    #[test]
    fn paths_normalize_as_the_signing_suite_expects() {
        for (path, normalized) in [
            ("/", "/"),
            ("//", "/"),
            ("/example/..", "/"),
            ("/example1/example2/../..", "/"),
            ("/./", "/"),
            ("/./example", "/example"),
            ("//example//", "/example/"),
            ("/a/b/../c/", "/a/c/"),
        ] {
            assert_eq!(normalize_path(path), normalized, "{path}");
        }
    }

    #[test]
    fn double_encoding_escapes_existing_escapes_and_single_keeps_them() {
        let double = SigningSettings::default();
        let single = SigningSettings {
            percent_encoding: PercentEncoding::Single,
            ..double
        };
        assert_eq!(canonical_path("/a%3Ab c", double), "/a%253Ab%20c");
        assert_eq!(canonical_path("/a%3Ab c", single), "/a%3Ab%20c");
        assert_eq!(canonical_path("/100%", single), "/100%25");
    }

    #[test]
    fn query_parameters_are_sorted_and_encoded_once() {
        assert_eq!(canonical_query("b=2&a=1&a=0&%E1%88%B4=x&c"), "%E1%88%B4=x&a=0&a=1&b=2&c=");
        assert_eq!(canonical_query("k=a b+c"), "k=a%20b%2Bc");
    }

    #[test]
    fn repeated_headers_join_in_order_and_unsigned_headers_are_left_out() {
        let (block, names) = canonical_headers(
            &[("My-Header", " b "), ("User-Agent", "x"), ("my-header", "a  c"), ("Host", "h")],
            &[],
        );
        assert_eq!(block, "host:h\nmy-header:b,a c\n");
        assert_eq!(names, "host;my-header");
    }

    #[test]
    fn the_signature_stays_out_of_debug_output() {
        let signature = sign(
            &SignableRequest {
                method: "GET",
                path_and_query: "/",
                headers: &[("host", "example.amazonaws.com")],
                body: b"",
            },
            &params(1_440_938_160),
        )
        .unwrap();
        assert_eq!(signature.signature(), "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assert!(!format!("{signature:?}").contains(signature.signature()));
        let debug = format!("{:?}", params(0));
        assert!(!debug.contains("EXAMPLEKEY"), "{debug}");
    }

    #[test]
    fn sign_request_adds_the_headers_and_replaces_an_old_signature() {
        let mut request = HttpRequest::new("POST", "/".into(), vec![("Content-Type", "application/x-amz-json-1.1".into())], b"{}".to_vec());
        let first = sign_request(&mut request, "https://example.amazonaws.com", &params(1_440_938_160)).unwrap();
        let again = sign_request(&mut request, "https://example.amazonaws.com/", &params(1_440_938_160)).unwrap();
        assert_eq!(first, again);
        let names: Vec<&str> = request.headers().map(|(name, _)| name).collect();
        assert_eq!(names, ["Content-Type", "X-Amz-Date", "Authorization"]);
        assert!(first.canonical_request().contains("\nhost:example.amazonaws.com\n"));
    }
}
