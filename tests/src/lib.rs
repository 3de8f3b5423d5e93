//! Helpers shared by the wire-format, model and API tests.

pub mod error_corpus;

use std::path::PathBuf;

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
