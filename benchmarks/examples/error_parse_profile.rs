//! Parses one modeled error response many times, for instruction-level profiling:
//! `valgrind --tool=callgrind target/release/examples/error_parse_profile`.

use std::hint::black_box;

use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::RegisterWorkspaceDirectory;

const ERROR: &[u8] = br#"{"__type":"com.amazonaws.workspaces#ResourceNotFoundException","message":"The directory d-1234567890 was not found.","ResourceId":"d-1234567890"}"#;

fn main() {
    for _ in 0..100_000 {
        let response = HttpResponse::new(400, black_box(ERROR)).with_header("x-amzn-RequestId", "4a8b-example");
        black_box(RegisterWorkspaceDirectory::parse_response(&response).unwrap_err());
    }
}
