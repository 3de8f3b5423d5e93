//! Helpers shared by the wire-format, model and API tests.

use std::path::PathBuf;

use workspaces_bindings::http::HttpRequest;

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
