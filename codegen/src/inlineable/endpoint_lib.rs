//! What a compiled endpoint rule set calls: the resolved [`Endpoint`], its error, and the
//! rules-engine standard library (`aws.partition`, `aws.parseArn`, `parseURL`, `substring`,
//! `uriEncode`, `isValidHostLabel`).
//!
//! Everything here is pure: no I/O, and no allocation except in the values it returns.
//! A crate's rules call only some of the functions, so each may be unused.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::primitives::Document;

/// Where to send a request, as the service's endpoint rules decide it: the URL, headers the
/// request must carry, and properties such as the [`auth_schemes`](Self::auth_schemes) that
/// say how to sign it.
#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    url: String,
    headers: BTreeMap<String, Vec<String>>,
    properties: BTreeMap<String, Document>,
}

impl Endpoint {
    pub(crate) fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            headers: BTreeMap::new(),
            properties: BTreeMap::new(),
        }
    }

    #[allow(dead_code, reason = "few rule sets set headers")]
    pub(crate) fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.entry(name.to_owned()).or_default().push(value.into());
        self
    }

    #[allow(dead_code, reason = "rule sets without properties never call it")]
    pub(crate) fn with_property(mut self, name: &str, value: Document) -> Self {
        self.properties.insert(name.to_owned(), value);
        self
    }

    /// The endpoint URL (`https://workspaces.us-east-1.amazonaws.com`), which
    /// [`HttpRequest::url_for`](crate::http::HttpRequest::url_for) joins with a request's path.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Headers every request to this endpoint must carry, by name.
    pub fn headers(&self) -> &BTreeMap<String, Vec<String>> {
        &self.headers
    }

    /// The endpoint's properties, by name, as the rules give them.
    pub fn properties(&self) -> &BTreeMap<String, Document> {
        &self.properties
    }

    /// The `authSchemes` property: how to sign requests to this endpoint, in order of
    /// preference. Empty when the rules say nothing, which means the service's default
    /// (SigV4 with the service's signing name and the request's Region).
    pub fn auth_schemes(&self) -> Vec<AuthScheme<'_>> {
        match self.properties.get("authSchemes") {
            Some(Document::Array(schemes)) => schemes
                .iter()
                .filter_map(|scheme| match scheme {
                    Document::Object(fields) => Some(AuthScheme { fields }),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl AsRef<str> for Endpoint {
    fn as_ref(&self) -> &str {
        &self.url
    }
}

/// One entry of an endpoint's `authSchemes` property.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AuthScheme<'a> {
    fields: &'a HashMap<String, Document>,
}

impl<'a> AuthScheme<'a> {
    /// The scheme (`sigv4`, `sigv4a`).
    pub fn name(self) -> Option<&'a str> {
        self.text("name")
    }

    /// The service name to sign with, when it differs from the service's own.
    pub fn signing_name(self) -> Option<&'a str> {
        self.text("signingName")
    }

    /// The Region to sign for (`sigv4`).
    pub fn signing_region(self) -> Option<&'a str> {
        self.text("signingRegion")
    }

    /// The Regions a `sigv4a` signature is valid in.
    pub fn signing_region_set(self) -> Vec<&'a str> {
        match self.fields.get("signingRegionSet") {
            Some(Document::Array(regions)) => regions
                .iter()
                .filter_map(|region| match region {
                    Document::String(region) => Some(region.as_str()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the signer must not URI-encode the path a second time (S3).
    pub fn disable_double_encoding(self) -> Option<bool> {
        match self.fields.get("disableDoubleEncoding") {
            Some(Document::Bool(value)) => Some(*value),
            _ => None,
        }
    }

    /// Any field of the scheme, by name.
    pub fn field(self, name: &str) -> Option<&'a Document> {
        self.fields.get(name)
    }

    fn text(self, name: &str) -> Option<&'a str> {
        match self.fields.get(name) {
            Some(Document::String(text)) => Some(text),
            _ => None,
        }
    }
}

/// Endpoint resolution failed: the rules reject these parameters (FIPS with a custom
/// endpoint, a Region that is not a host label), or a required parameter is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolveEndpointError {
    message: String,
}

impl ResolveEndpointError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }

    /// The rules' own words, as the endpoint tests of the model expect them.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ResolveEndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ResolveEndpointError {}

/// What `aws.partition` returns.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Partition {
    pub(crate) name: &'static str,
    pub(crate) dns_suffix: &'static str,
    pub(crate) dual_stack_dns_suffix: &'static str,
    pub(crate) implicit_global_region: &'static str,
    pub(crate) supports_fips: bool,
    pub(crate) supports_dual_stack: bool,
}

// Accessors named as the emitter names rule attributes; each rule set reads some of them.
#[allow(dead_code, reason = "a rule set reads only the partition attributes it needs")]
impl Partition {
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }
    pub(crate) fn dns_suffix(&self) -> &'static str {
        self.dns_suffix
    }
    pub(crate) fn dual_stack_dns_suffix(&self) -> &'static str {
        self.dual_stack_dns_suffix
    }
    pub(crate) fn implicit_global_region(&self) -> &'static str {
        self.implicit_global_region
    }
    pub(crate) fn supports_fips(&self) -> bool {
        self.supports_fips
    }
    pub(crate) fn supports_dual_stack(&self) -> bool {
        self.supports_dual_stack
    }
}

/// One partition of `partitions.json`.
pub(crate) struct PartitionEntry {
    pub(crate) id: &'static str,
    pub(crate) outputs: Partition,
    /// Regions listed by name, sorted.
    pub(crate) regions: &'static [&'static str],
    /// Listed regions whose outputs differ from the partition's.
    pub(crate) region_overrides: &'static [(&'static str, Partition)],
    pub(crate) region_pattern: &'static [RegionPiece],
}

/// A piece of an anchored region regex (`^(us|eu)\-\w+\-\d+$`).
pub(crate) enum RegionPiece {
    Literal(&'static str),
    OneOf(&'static [&'static str]),
    /// `\w+`
    Word,
    /// `\d+`
    Digits,
}

/// `aws.partition`: the partition that lists the region by name, else the first whose
/// region regex matches it, else `aws`.
#[allow(dead_code, reason = "a rule set may not call aws.partition")]
pub(crate) fn partition(table: &'static [PartitionEntry], region: &str) -> Option<&'static Partition> {
    for entry in table {
        if let Some((_, outputs)) = entry.region_overrides.iter().find(|(name, _)| *name == region) {
            return Some(outputs);
        }
        if entry.regions.binary_search(&region).is_ok() {
            return Some(&entry.outputs);
        }
    }
    table
        .iter()
        .find(|entry| matches_pieces(entry.region_pattern, region))
        .or_else(|| table.iter().find(|entry| entry.id == "aws"))
        .map(|entry| &entry.outputs)
}

fn matches_pieces(pieces: &[RegionPiece], text: &str) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return text.is_empty();
    };
    match first {
        RegionPiece::Literal(literal) => text.strip_prefix(literal).is_some_and(|tail| matches_pieces(rest, tail)),
        RegionPiece::OneOf(options) => options
            .iter()
            .any(|option| text.strip_prefix(option).is_some_and(|tail| matches_pieces(rest, tail))),
        RegionPiece::Word => matches_run(rest, text, |c| c.is_ascii_alphanumeric() || c == b'_'),
        RegionPiece::Digits => matches_run(rest, text, |c| c.is_ascii_digit()),
    }
}

/// One or more characters of a class, then the rest: tries the longest run first.
fn matches_run(rest: &[RegionPiece], text: &str, class: fn(u8) -> bool) -> bool {
    let run = text.bytes().take_while(|c| class(*c)).count();
    (1..=run).rev().any(|length| matches_pieces(rest, &text[length..]))
}

/// What `aws.parseArn` returns: `arn:partition:service:region:account-id:resource`, the
/// resource split at every `:` and `/`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Arn {
    partition: String,
    service: String,
    region: String,
    account_id: String,
    resource_id: Vec<String>,
}

#[allow(dead_code, reason = "a rule set reads only the ARN attributes it needs")]
impl Arn {
    pub(crate) fn partition(&self) -> &str {
        &self.partition
    }
    pub(crate) fn service(&self) -> &str {
        &self.service
    }
    pub(crate) fn region(&self) -> &str {
        &self.region
    }
    pub(crate) fn account_id(&self) -> &str {
        &self.account_id
    }
    pub(crate) fn resource_id(&self) -> &[String] {
        &self.resource_id
    }
}

/// `aws.parseArn`: `None` unless the text has all six parts, with partition, service and
/// resource non-empty.
#[allow(dead_code, reason = "a rule set may not call aws.parseArn")]
pub(crate) fn parse_arn(text: &str) -> Option<Arn> {
    let mut parts = text.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let (partition, service, region, account_id, resource) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    Some(Arn {
        partition: partition.to_owned(),
        service: service.to_owned(),
        region: region.to_owned(),
        account_id: account_id.to_owned(),
        resource_id: resource.split([':', '/']).map(str::to_owned).collect(),
    })
}

/// What `parseURL` returns.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Url {
    scheme: String,
    authority: String,
    path: String,
    normalized_path: String,
    is_ip: bool,
}

#[allow(dead_code, reason = "a rule set reads only the URL attributes it needs")]
impl Url {
    pub(crate) fn scheme(&self) -> &str {
        &self.scheme
    }
    pub(crate) fn authority(&self) -> &str {
        &self.authority
    }
    pub(crate) fn path(&self) -> &str {
        &self.path
    }
    pub(crate) fn normalized_path(&self) -> &str {
        &self.normalized_path
    }
    pub(crate) fn is_ip(&self) -> bool {
        self.is_ip
    }
}

/// `parseURL`: an `http` or `https` URL with a host, and no query, fragment or user info.
#[allow(dead_code, reason = "a rule set may not call parseURL")]
pub(crate) fn parse_url(text: &str) -> Option<Url> {
    let (scheme, rest) = text.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) || rest.contains(['?', '#', '@']) {
        return None;
    }
    let (authority, path) = rest.find('/').map_or((rest, ""), |slash| rest.split_at(slash));
    let host = host_of(authority)?;
    let is_ip = host.parse::<std::net::Ipv4Addr>().is_ok()
        || host
            .strip_prefix('[')
            .and_then(|inner| inner.strip_suffix(']'))
            .is_some_and(|inner| inner.parse::<std::net::Ipv6Addr>().is_ok());
    let mut normalized_path = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized_path.push('/');
    }
    normalized_path.push_str(path);
    if !normalized_path.ends_with('/') {
        normalized_path.push('/');
    }
    Some(Url {
        scheme: scheme.to_ascii_lowercase(),
        authority: authority.to_owned(),
        path: path.to_owned(),
        normalized_path,
        is_ip,
    })
}

/// The host of `host[:port]` (or `[v6]:port`), `None` when it is empty or the port is not a number.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')? + 1;
        (&authority[..end], authority[end..].strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port_ok = port.is_none_or(|port| !port.is_empty() && port.bytes().all(|c| c.is_ascii_digit()));
    (!host.is_empty() && port_ok).then_some(host)
}

/// `substring`: the characters `start..stop`, counted from the end when `reverse`; `None`
/// when the text is too short or not ASCII.
#[allow(dead_code, reason = "a rule set may not call substring")]
pub(crate) fn substring(text: &str, start: i64, stop: i64, reverse: bool) -> Option<&str> {
    let (start, stop) = (usize::try_from(start).ok()?, usize::try_from(stop).ok()?);
    if !text.is_ascii() || start >= stop || stop > text.len() {
        return None;
    }
    if reverse {
        Some(&text[text.len() - stop..text.len() - start])
    } else {
        Some(&text[start..stop])
    }
}

/// `uriEncode`: percent-encodes every byte but RFC 3986's unreserved characters.
#[allow(dead_code, reason = "a rule set may not call uriEncode")]
pub(crate) fn uri_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    encoded
}

/// `isValidHostLabel`: one RFC 1123 label (1 to 63 letters, digits and hyphens, not starting
/// with a hyphen), or with `allow_subdomains` several joined by dots.
#[allow(dead_code, reason = "a rule set may not call isValidHostLabel")]
pub(crate) fn is_valid_host_label(text: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains {
        text.split('.').all(is_host_label)
    } else {
        is_host_label(text)
    }
}

// Not `http::is_host_label`: the rules engine's label may end in a hyphen.
fn is_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn outputs(name: &'static str, dns_suffix: &'static str) -> Partition {
        Partition {
            name,
            dns_suffix,
            dual_stack_dns_suffix: "api.aws",
            implicit_global_region: "us-east-1",
            supports_fips: true,
            supports_dual_stack: true,
        }
    }

    static TABLE: &[PartitionEntry] = &[
        PartitionEntry {
            id: "aws",
            outputs: outputs("aws", "amazonaws.com"),
            regions: &["aws-global", "us-east-1"],
            region_overrides: &[],
            region_pattern: &[RegionPiece::OneOf(&["us", "eu"]), RegionPiece::Literal("-"), RegionPiece::Word, RegionPiece::Literal("-"), RegionPiece::Digits],
        },
        PartitionEntry {
            id: "aws-cn",
            outputs: outputs("aws-cn", "amazonaws.com.cn"),
            regions: &["cn-north-1"],
            region_overrides: &[("cn-north-1", outputs("aws-cn", "override.cn"))],
            region_pattern: &[RegionPiece::Literal("cn-"), RegionPiece::Word, RegionPiece::Literal("-"), RegionPiece::Digits],
        },
    ];

    #[test]
    fn partitions_match_by_name_then_pattern_then_fall_back_to_aws() {
        assert_eq!(partition(TABLE, "aws-global").unwrap().name, "aws");
        assert_eq!(partition(TABLE, "cn-north-1").unwrap().dns_suffix, "override.cn");
        assert_eq!(partition(TABLE, "cn-northwest-9").unwrap().name, "aws-cn");
        assert_eq!(partition(TABLE, "eu-west-42").unwrap().name, "aws");
        assert_eq!(partition(TABLE, "mars-east-1").unwrap().name, "aws");
        assert!(!matches_pieces(TABLE[1].region_pattern, "cn-north-"));
        assert!(!matches_pieces(TABLE[1].region_pattern, "cn--1"));
    }

    #[test]
    fn arns_split_into_parts() {
        let arn = parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap:x").unwrap();
        assert_eq!((arn.partition(), arn.service(), arn.region(), arn.account_id()), ("aws", "s3", "us-west-2", "123456789012"));
        assert_eq!(arn.resource_id(), ["accesspoint", "my-ap", "x"]);
        assert_eq!(parse_arn("arn:aws:s3:::bucket").unwrap().region(), "");
        assert_eq!(parse_arn("arn:aws:s3:us-west-2:123"), None);
        assert_eq!(parse_arn("arn::s3:::bucket"), None);
        assert_eq!(parse_arn("nope:aws:s3:::bucket"), None);
    }

    #[test]
    fn urls_follow_the_rules_engine_examples() {
        let url = parse_url("https://example.com").unwrap();
        assert_eq!((url.scheme(), url.authority(), url.path(), url.normalized_path(), url.is_ip()), ("https", "example.com", "", "/", false));
        let url = parse_url("http://example.com:80/foo/bar").unwrap();
        assert_eq!((url.authority(), url.path(), url.normalized_path()), ("example.com:80", "/foo/bar", "/foo/bar/"));
        assert!(parse_url("https://127.0.0.1").unwrap().is_ip());
        assert!(parse_url("https://[fe80::1]").unwrap().is_ip());
        assert!(parse_url("https://[fe80::1]:443/").unwrap().is_ip());
        assert_eq!(parse_url("https://example.com:8443?foo=bar"), None);
        assert_eq!(parse_url("ftp://example.com"), None);
        assert_eq!(parse_url("https://"), None);
        assert_eq!(parse_url("https://example.com:x"), None);
    }

    #[test]
    fn substrings_count_from_either_end_and_refuse_non_ascii() {
        assert_eq!(substring("abcdefg", 0, 4, false), Some("abcd"));
        assert_eq!(substring("abcdefg", 0, 4, true), Some("defg"));
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("abc", 2, 2, false), None);
        assert_eq!(substring("ab\u{e9}cd", 0, 2, false), None);
    }

    #[test]
    fn uri_encoding_keeps_only_unreserved_characters() {
        assert_eq!(uri_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(uri_encode("a b/c:d%"), "a%20b%2Fc%3Ad%25");
        assert_eq!(uri_encode("\u{e9}"), "%C3%A9");
    }

    #[test]
    fn host_labels_are_rfc_1123_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(!is_valid_host_label("-us", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(!is_valid_host_label("", false));
    }
}
