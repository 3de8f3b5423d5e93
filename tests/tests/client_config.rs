//! `Config::from_env()` reads the environment and the shared files as the AWS SDKs do. Each
//! case runs `print-config` with exactly the variables it names (and a HOME of its own), so
//! no case sees the machine's environment or another case's.

use std::path::Path;
use std::process::Command;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    /// Writes `~/.aws/<name>`.
    fn aws_file(self, name: &str, text: &str) -> Self {
        let aws = self.dir.path().join(".aws");
        std::fs::create_dir_all(&aws).unwrap();
        std::fs::write(aws.join(name), text).unwrap();
        self
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// What print-config prints with HOME here and `vars` set, and nothing else.
    fn run(&self, vars: &[(&str, &str)]) -> String {
        let output = Command::new(env!("CARGO_BIN_EXE_print_config"))
            .env_clear()
            .env("HOME", self.path())
            .envs(vars.iter().copied())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }
}

fn line<'a>(output: &'a str, key: &str) -> &'a str {
    output
        .lines()
        .find_map(|line| line.strip_prefix(key).and_then(|rest| rest.strip_prefix(": ")))
        .unwrap_or_else(|| panic!("no `{key}` in\n{output}"))
}

#[test]
fn the_environment_wins_over_the_profile() {
    let home = Home::new()
        .aws_file("config", "[default]\nregion = eu-west-1\n")
        .aws_file("credentials", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
    let output = home.run(&[
        ("AWS_REGION", "us-west-2"),
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", "secret"),
        ("AWS_SESSION_TOKEN", "token"),
    ]);
    assert_eq!(line(&output, "region"), r#"Some("us-west-2")"#);
    assert_eq!(line(&output, "credentials"), "AKIDENV from Environment, session token set");
    assert!(!output.contains("secret") && !output.contains("token set\ntoken"), "{output}");
}

#[test]
fn aws_default_region_comes_after_aws_region_and_before_the_profile() {
    let home = Home::new().aws_file("config", "[default]\nregion = eu-west-1\n");
    assert_eq!(line(&home.run(&[("AWS_DEFAULT_REGION", "ap-south-1")]), "region"), r#"Some("ap-south-1")"#);
    assert_eq!(line(&home.run(&[("AWS_REGION", "us-east-2"), ("AWS_DEFAULT_REGION", "ap-south-1")]), "region"), r#"Some("us-east-2")"#);
    assert_eq!(line(&home.run(&[]), "region"), r#"Some("eu-west-1")"#);
}

#[test]
fn a_named_profile_reads_profile_sections_in_config_and_plain_sections_in_credentials() {
    let home = Home::new()
        .aws_file("config", "[default]\nregion = eu-west-1\n[profile work]\nregion = ca-central-1\nuse_fips_endpoint = true\nmax_attempts = 5\n[work]\nregion = ignored-without-the-prefix\n")
        .aws_file("credentials", "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\n[profile work]\naws_access_key_id = AKIDIGNORED\n");
    let output = home.run(&[("AWS_PROFILE", "work")]);
    assert_eq!(line(&output, "region"), r#"Some("ca-central-1")"#);
    assert_eq!(line(&output, "credentials"), "AKIDWORK from Profile, session token unset");
    assert_eq!(line(&output, "use_fips"), "true");
    assert_eq!(line(&output, "max_attempts"), "5");
}

#[test]
fn the_file_locations_follow_their_variables() {
    let elsewhere = tempfile::tempdir().unwrap();
    let config = elsewhere.path().join("my-config");
    let credentials = elsewhere.path().join("my-credentials");
    std::fs::write(&config, "[default]\nregion = sa-east-1\n").unwrap();
    std::fs::write(&credentials, "[default]\naws_access_key_id = AKIDMOVED\naws_secret_access_key = s\naws_session_token = t\n").unwrap();
    let output = Home::new().run(&[
        ("AWS_CONFIG_FILE", config.to_str().unwrap()),
        ("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap()),
    ]);
    assert_eq!(line(&output, "region"), r#"Some("sa-east-1")"#);
    assert_eq!(line(&output, "credentials"), "AKIDMOVED from Profile, session token set");
}

#[test]
fn endpoint_urls_come_from_the_service_variable_then_the_global_one_then_the_profile() {
    let home = Home::new().aws_file(
        "config",
        "[default]\nendpoint_url = http://profile-global:1\nservices = local\n[services local]\nworkspaces =\n  endpoint_url = http://profile-service:2\n",
    );
    let both = [("AWS_ENDPOINT_URL_WORKSPACES", "http://env-service:3"), ("AWS_ENDPOINT_URL", "http://env-global:4")];
    assert_eq!(line(&home.run(&both), "endpoint_url"), r#"Some("http://env-service:3")"#);
    assert_eq!(line(&home.run(&both[1..]), "endpoint_url"), r#"Some("http://env-global:4")"#);
    assert_eq!(line(&home.run(&[]), "endpoint_url"), r#"Some("http://profile-service:2")"#);
    let ignored = home.run(&[("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), both[0]]);
    assert_eq!(line(&ignored, "endpoint_url"), "None");
    let global_only = Home::new().aws_file("config", "[default]\nendpoint_url = http://profile-global:1\n");
    assert_eq!(line(&global_only.run(&[]), "endpoint_url"), r#"Some("http://profile-global:1")"#);
}

#[test]
fn missing_credentials_say_everything_that_was_looked_at() {
    let home = Home::new();
    let output = home.run(&[]);
    let expected = format!(
        "no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and no profile `default` in {0}/.aws/config and {0}/.aws/credentials",
        home.path().display()
    );
    assert_eq!(line(&output, "credentials error"), expected);
    let role = Home::new().aws_file("config", "[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/ci\nsource_profile = default\n");
    let output = role.run(&[("AWS_PROFILE", "ci")]);
    assert!(
        line(&output, "credentials error").ends_with("profile `ci` gets credentials through `role_arn`, which this crate does not resolve: pass a provider that does (aws-config's, for one) to credentials_provider"),
        "{output}"
    );
}

#[test]
fn malformed_settings_are_errors_that_name_their_source() {
    let home = Home::new();
    assert_eq!(
        line(&home.run(&[("AWS_MAX_ATTEMPTS", "three")]), "error"),
        "environment variable AWS_MAX_ATTEMPTS is `three`, not a whole number of attempts above 0"
    );
    assert_eq!(
        line(&home.run(&[("AWS_RETRY_MODE", "adaptive")]), "error"),
        "environment variable AWS_RETRY_MODE is `adaptive`: this client implements the `standard` retry mode only"
    );
    assert_eq!(
        line(&home.run(&[("AWS_USE_DUALSTACK_ENDPOINT", "yes")]), "error"),
        "environment variable AWS_USE_DUALSTACK_ENDPOINT is `yes`, not `true` or `false`"
    );
    assert_eq!(
        line(&home.run(&[("AWS_ACCESS_KEY_ID", "AKID")]), "error"),
        "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
    );
    let broken = Home::new().aws_file("config", "[default]\nregion\n");
    assert_eq!(
        line(&broken.run(&[]), "error"),
        format!("{}/.aws/config, line 2: `region` is not a `key = value` property", broken.path().display())
    );
}
