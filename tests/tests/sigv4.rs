//! SigV4 as the generated crates sign: against the AWS signing test suite
//! (`../shared/sigv4-test-suite/v4/`), and against botocore's `SigV4Auth` on random
//! requests at a fixed time.
//!
//! The suite's query-signing (presigned URL) files do not apply: the clients sign headers.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use smithy_bind_tests::{botocore_python, shared_file, workspace_root};
use workspaces_bindings::primitives::{DateTime, Format};
use workspaces_bindings::sigv4::{sign, PercentEncoding, SignableRequest, SigningParams, SigningSettings};

/// One case of the suite: the raw request and what the context file says about signing it.
struct SuiteCase {
    name: String,
    method: String,
    path_and_query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    context: Value,
}

/// The request line, the headers (folded lines joined with a space) and the body.
fn parse_request(text: &str) -> (String, String, Vec<(String, String)>, Vec<u8>) {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let request_line = lines.next().expect("a request line");
    let method = request_line.split(' ').next().unwrap().to_owned();
    let target = request_line[method.len() + 1..].strip_suffix(" HTTP/1.1").expect("HTTP/1.1").to_owned();
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            let last = headers.last_mut().expect("a folded line follows a header");
            last.1.push(' ');
            last.1.push_str(line.trim());
        } else {
            let (name, value) = line.split_once(':').expect("name:value");
            headers.push((name.to_owned(), value.to_owned()));
        }
    }
    (method, target, headers, body.as_bytes().to_vec())
}

fn suite_cases() -> Vec<SuiteCase> {
    let root = shared_file("sigv4-test-suite/v4");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let dir = root.join(&name);
            let (method, path_and_query, headers, body) = parse_request(&std::fs::read_to_string(dir.join("request.txt")).unwrap());
            let context = std::fs::read_to_string(dir.join("context.json")).map_or(Value::Null, |text| serde_json::from_str(&text).unwrap());
            SuiteCase {
                name,
                method,
                path_and_query,
                headers,
                body,
                context,
            }
        })
        .collect()
}

fn read_optional(dir: &Path, file: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(file)).ok()
}

fn parse_amz_date(text: &str) -> SystemTime {
    let rfc3339 = format!("{}-{}-{}T{}:{}:{}Z", &text[0..4], &text[4..6], &text[6..8], &text[9..11], &text[11..13], &text[13..15]);
    let seconds = DateTime::from_str(&rfc3339, Format::DateTime).unwrap().secs();
    UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).unwrap())
}

/// Signs a suite case as its context says. Cases without a context file (smithy-rs's two
/// double-encoding cases) carry their time in `X-Amz-Date` and use every setting's default.
fn sign_case(case: &SuiteCase, expected_canonical: &str, expected_scope: Option<&str>) -> workspaces_bindings::sigv4::Signature {
    let context = &case.context;
    let mut headers: Vec<(&str, &str)> = case.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let time = match context["timestamp"].as_str() {
        Some(stamp) => {
            let seconds = DateTime::from_str(stamp, Format::DateTime).unwrap().secs();
            UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).unwrap())
        }
        None => {
            // The time these were signed at is the one their expected canonical request shows
            // (double-encode-path's request carries another X-Amz-Date than it was signed with).
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case("x-amz-date"));
            let stamp = expected_canonical.lines().find_map(|line| line.strip_prefix("x-amz-date:")).expect("an x-amz-date line");
            parse_amz_date(stamp)
        }
    };
    let settings = if context.is_null() {
        SigningSettings::default()
    } else {
        SigningSettings {
            // The CRT suite's paths are already encoded once.
            percent_encoding: PercentEncoding::Single,
            normalize_path: context["normalize"].as_bool().unwrap_or(true),
            payload_hash_header: context["sign_body"].as_bool().unwrap_or(false),
            sign_session_token: !context["omit_session_token"].as_bool().unwrap_or(false),
        }
    };
    // Without a context, the region and service are those of the expected credential scope.
    let scope: Vec<&str> = expected_scope.map(|scope| scope.split('/').collect()).unwrap_or_default();
    let credentials = &context["credentials"];
    sign(
        &SignableRequest {
            method: &case.method,
            path_and_query: &case.path_and_query,
            headers: &headers,
            body: &case.body,
        },
        &SigningParams {
            access_key_id: credentials["access_key_id"].as_str().unwrap_or("AKIDEXAMPLE"),
            secret_access_key: credentials["secret_access_key"].as_str().unwrap_or("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            session_token: credentials["token"].as_str(),
            region: context["region"].as_str().or(scope.get(1).copied()).unwrap_or("us-east-1"),
            name: context["service"].as_str().or(scope.get(2).copied()).unwrap_or("service"),
            time,
            settings,
        },
    )
    .unwrap()
}

#[test]
fn every_header_signing_case_of_the_aws_signing_suite_matches() {
    let root = shared_file("sigv4-test-suite/v4");
    let cases = suite_cases();
    assert_eq!(cases.len(), 40, "the suite has 40 cases");
    let (mut compared, mut checks) = (0, 0);
    for case in &cases {
        let dir = root.join(&case.name);
        let expected_canonical = read_optional(&dir, "header-canonical-request.txt").expect("every case has a canonical request");
        let expected_string_to_sign = read_optional(&dir, "header-string-to-sign.txt");
        let scope = expected_string_to_sign.as_deref().and_then(|text| text.lines().nth(2));
        let signature = sign_case(case, &expected_canonical, scope);
        assert_eq!(signature.canonical_request(), expected_canonical.trim_end(), "{}: canonical request", case.name);
        checks += 1;
        if let Some(expected) = &expected_string_to_sign {
            assert_eq!(signature.string_to_sign(), expected.trim_end(), "{}: string to sign", case.name);
            checks += 1;
        }
        if let Some(expected) = read_optional(&dir, "header-signature.txt") {
            assert_eq!(signature.signature(), expected.trim(), "{}: signature", case.name);
            checks += 1;
            // The signed request's headers are the input's plus the ones the signer adds.
            let signed = read_optional(&dir, "header-signed-request.txt").expect("a signed request");
            for (name, value) in signature.headers() {
                let present = signed
                    .lines()
                    .filter_map(|line| line.split_once(':'))
                    .any(|(n, v)| n.eq_ignore_ascii_case(name) && v == value);
                assert!(present, "{}: {name} in\n{signed}", case.name);
            }
        }
        compared += 1;
    }
    println!(
        "sigv4 suite: {compared}/{} header-signing cases pass ({checks} canonical requests, strings to sign and signatures compared; the query-signing files do not apply to header signing)",
        cases.len()
    );
}

/// A small deterministic generator, so every run compares the same 1,000 requests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn text(&mut self, alphabet: &str, max: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        (0..self.below(max + 1)).map(|_| chars[self.below(chars.len())]).collect()
    }
}

const UNRESERVED: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/// A path of segments with characters that need encoding (space, `:`, `%`, `@`, UTF-8), as
/// restJson labels and the endpoint's own path can have; no dot segments (which botocore
/// and the SDKs agree to remove, but from URL text botocore first resolves).
fn random_path(rng: &mut Rng) -> String {
    let segments = rng.below(4);
    let mut path = String::new();
    for _ in 0..segments {
        path.push('/');
        let segment = rng.text("abcXYZ019-_~ :@%+=!$&'()*,;ሴé", 8);
        let segment = segment.trim_matches('.').to_owned();
        path.push_str(&utf8_percent_encode_lightly(&segment));
    }
    if path.is_empty() || rng.below(3) == 0 {
        path.push('/');
    }
    path
}

/// Encodes what a URL may not hold raw (space, `%`, non-ASCII), leaving the rest.
fn utf8_percent_encode_lightly(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_graphic() && byte != b'%' && byte != b'?' && byte != b'#' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A query already in canonical encoding, names sorted or not: botocore sorts the pairs as
/// given and does not re-encode them.
fn random_query(rng: &mut Rng) -> String {
    let pairs: Vec<String> = (0..rng.below(4))
        .map(|_| {
            let name = rng.text(UNRESERVED, 6);
            let name = if name.is_empty() { "k".to_owned() } else { name };
            let value = rng.text(&format!("{UNRESERVED} /:="), 6);
            let encoded: String = value
                .bytes()
                .map(|b| if UNRESERVED.as_bytes().contains(&b) { char::from(b).to_string() } else { format!("%{b:02X}") })
                .collect();
            format!("{name}={encoded}")
        })
        .collect();
    pairs.join("&")
}

fn random_case(rng: &mut Rng, index: usize) -> Value {
    let host = rng.pick(&["workspaces.us-east-1.amazonaws.com", "example.amazonaws.com", "127.0.0.1:8080", "ds.eu-west-2.amazonaws.com"]);
    let path = random_path(rng);
    let query = random_query(rng);
    let url = if query.is_empty() { format!("https://{host}{path}") } else { format!("https://{host}{path}?{query}") };
    let mut headers: Vec<(String, String)> = vec![
        ("Content-Type".to_owned(), rng.pick(&["application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json"]).to_owned()),
        ("X-Amz-Target".to_owned(), format!("WorkspacesService.{}", rng.pick(&["RegisterWorkspaceDirectory", "DescribeWorkspaces"]))),
        ("amz-sdk-invocation-id".to_owned(), format!("{index:08x}-0000-4000-8000-000000000000")),
    ];
    for n in 0..rng.below(3) {
        let name = format!("X-Custom-{}{n}", rng.text("ABCdef", 4));
        let value = rng.text("abc XYZ 0-9\t,;=\"", 16);
        headers.push((name, value));
    }
    let body: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
    headers.push(("Content-Length".to_owned(), body.len().to_string()));
    let token = (rng.below(2) == 0).then(|| rng.text(UNRESERVED, 40));
    let seconds = 1_400_000_000 + rng.below(400_000_000) as u64;
    let stamp = DateTime::from_secs(i64::try_from(seconds).unwrap()).fmt(Format::DateTime).unwrap().replace(['-', ':'], "");
    json!({
        "method": rng.pick(&["POST", "GET", "PUT"]),
        "url": url,
        "headers": headers,
        "body_hex": body.iter().map(|b| format!("{b:02x}")).collect::<String>(),
        "access_key": format!("AKIA{}", rng.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        "secret_key": rng.text(&format!("{UNRESERVED}/+"), 40),
        "token": token,
        "region": rng.pick(&["us-east-1", "eu-west-2", "ap-southeast-1", "us-gov-west-1", "cn-north-1"]),
        "service": rng.pick(&["workspaces", "ds", "ec2", "service"]),
        "time": stamp,
        "seconds": seconds,
    })
}

fn ours(case: &Value) -> (String, String) {
    let url = case["url"].as_str().unwrap();
    let rest = url.split_once("://").unwrap().1;
    let (host, path_and_query) = rest.split_at(rest.find('/').unwrap());
    let mut headers: Vec<(&str, &str)> = vec![("host", host)];
    headers.extend(case["headers"].as_array().unwrap().iter().map(|pair| (pair[0].as_str().unwrap(), pair[1].as_str().unwrap())));
    let hex = case["body_hex"].as_str().unwrap();
    let body: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
    let signature = sign(
        &SignableRequest {
            method: case["method"].as_str().unwrap(),
            path_and_query,
            headers: &headers,
            body: &body,
        },
        &SigningParams {
            access_key_id: case["access_key"].as_str().unwrap(),
            secret_access_key: case["secret_key"].as_str().unwrap(),
            session_token: case["token"].as_str(),
            region: case["region"].as_str().unwrap(),
            name: case["service"].as_str().unwrap(),
            time: UNIX_EPOCH + Duration::from_secs(case["seconds"].as_u64().unwrap()),
            settings: SigningSettings::default(),
        },
    )
    .unwrap();
    let authorization = signature.headers().find(|(name, _)| *name == "Authorization").unwrap().1.to_owned();
    (authorization, signature.canonical_request().to_owned())
}

#[test]
fn one_thousand_random_requests_are_signed_as_botocore_signs_them() {
    let mut rng = Rng(0x5167_4ABC_DEF0_1234);
    let cases: Vec<Value> = (0..1000).map(|index| random_case(&mut rng, index)).collect();
    let mut child = Command::new(botocore_python())
        .arg(workspace_root().join("tests/conformance/sigv4_oracle.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    let mut input = String::new();
    for case in &cases {
        input.push_str(&case.to_string());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "the botocore signer failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let answers: Vec<Value> = String::from_utf8(output.stdout).unwrap().lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(answers.len(), cases.len());
    let mut differences = Vec::new();
    for (case, answer) in cases.iter().zip(&answers) {
        let (authorization, canonical) = ours(case);
        if authorization != answer["authorization"].as_str().unwrap() {
            differences.push(format!("{case}\nours:\n{canonical}\nbotocore:\n{}", answer["canonical_request"].as_str().unwrap()));
        }
    }
    assert!(differences.is_empty(), "{} of {} signatures differ; the first:\n{}", differences.len(), cases.len(), differences[0]);
    println!("sigv4 vs botocore: {}/{} random requests signed identically (Authorization header equal)", cases.len(), cases.len());
}
