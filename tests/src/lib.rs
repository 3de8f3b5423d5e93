//! Helpers shared by the wire-format, model and API tests.

pub mod error_corpus;
pub mod fault_server;

use std::path::PathBuf;
use std::process::Command;

use workspaces_bindings::http::{HttpRequest, HttpResponse};
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryError,
};

/// The workspace root (the directory holding `model/`, `generated/` and `tests/`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file under `../shared/` (beside the checkout), or a panic saying where it was expected.
pub fn shared_file(relative: &str) -> PathBuf {
    let path = workspace_root().join("../shared").join(relative);
    assert!(
        path.exists(),
        "{} is missing: these tests read the reference material from the shared/ folder that \
         sits beside the checkout (../shared/{relative})",
        path.display()
    );
    path
}

/// The botocore release the conformance tests compare with (tests/conformance/requirements.txt).
pub const BOTOCORE_VERSION: &str = "1.35.5";

/// The venv's Python with the pinned botocore, made if missing; a clear failure otherwise.
pub fn botocore_python() -> PathBuf {
    let root = workspace_root();
    let python = root.join(".venv/bin/python");
    let check = format!("import botocore, sys; sys.exit(botocore.__version__ != '{BOTOCORE_VERSION}')");
    let ready = || Command::new(&python).args(["-c", &check]).status().is_ok_and(|s| s.success());
    if !ready() {
        let setup = root.join("tests/conformance/setup-venv.sh");
        let output = Command::new("bash").arg(&setup).output();
        let detail = match output {
            Ok(output) => format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
            Err(error) => error.to_string(),
        };
        assert!(
            ready(),
            "botocore {BOTOCORE_VERSION} is needed in {} and could not be installed by {}: python3 \
             with venv and pip, and access to PyPI, are required.\n{detail}",
            python.display(),
            setup.display()
        );
    }
    python
}

/// One service of `../shared/aws-models/INDEX.tsv`.
#[derive(Clone, Debug)]
pub struct AwsModel {
    /// The model's file name (`kinesis-2013-12-02.json.gz`).
    pub file: String,
    /// The service shape id.
    pub service: String,
    /// The protocol traits on the service shape, comma-separated (`awsJson1_1`).
    pub protocols: String,
}

impl AwsModel {
    /// Whether the generator can speak to this service: it lists awsJson1_0 or awsJson1_1.
    pub fn speaks_aws_json(&self) -> bool {
        self.protocols.split(',').any(|p| p.trim().starts_with("awsJson1_"))
    }

    /// Whether the service speaks restJson1 (none of the official models declares it beside
    /// another protocol).
    pub fn speaks_rest_json(&self) -> bool {
        self.protocols.split(',').any(|p| p.trim() == "restJson1")
    }

    /// The file name without `.json.gz` (`kinesis-2013-12-02`).
    pub fn stem(&self) -> &str {
        self.file.trim_end_matches(".json.gz")
    }

    /// The model, decompressed and parsed.
    pub fn load(&self) -> serde_json::Value {
        let file = std::fs::File::open(shared_file(&format!("aws-models/{}", self.file))).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
            .unwrap_or_else(|e| panic!("{}: {e}", self.file));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", self.file))
    }
}

/// Every service of `../shared/aws-models/`, in `INDEX.tsv` order (by file name).
pub fn aws_models() -> Vec<AwsModel> {
    let index = std::fs::read_to_string(shared_file("aws-models/INDEX.tsv")).unwrap();
    index
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(fields.len() >= 3, "INDEX.tsv: short line {line:?}");
            AwsModel { file: fields[0].to_owned(), service: fields[1].to_owned(), protocols: fields[2].to_owned() }
        })
        .collect()
}

/// A request as text: request line, headers in order, a blank line, the body as UTF-8.
pub fn render_request(request: &HttpRequest) -> String {
    let mut text = format!("{} {}\n", request.method(), request.uri());
    for (name, value) in request.headers() {
        text.push_str(&format!("{name}: {value}\n"));
    }
    text.push('\n');
    text.push_str(std::str::from_utf8(request.body()).expect("request bodies are UTF-8 JSON"));
    text.push('\n');
    text
}

/// Parses a canned error response, which must not read as a success.
pub fn parse_error_case(case: &error_corpus::ErrorCase) -> RegisterWorkspaceDirectoryError {
    let mut response = HttpResponse::new(case.status, case.body.as_bytes());
    for (name, value) in &case.headers {
        response = response.with_header(name, value);
    }
    match RegisterWorkspaceDirectory::parse_response(&response) {
        Ok(output) => panic!("{}: an error response read as {output:?}", case.name),
        Err(error) => error,
    }
}
