//! Runs one of the wire benchmarks' paths many times, for instruction-level profiling:
//! `valgrind --tool=callgrind target/release/examples/wire_profile error` (or `success`,
//! `serialize`, or `serde-success`, `serde-error` for the baselines' paths).

use std::hint::black_box;

use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput,
};
use workspaces_bindings::types::Tag;

const SUCCESS: &[u8] = br#"{"DirectoryId":"d-1234567890","State":"REGISTERING"}"#;
const ERROR: &[u8] = br#"{"__type":"com.amazonaws.workspaces#ResourceNotFoundException","message":"The directory d-1234567890 was not found.","ResourceId":"d-1234567890"}"#;
const ROUNDS: usize = 100_000;

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("success") => {
            let response = HttpResponse::new(200, SUCCESS);
            for _ in 0..ROUNDS {
                black_box(RegisterWorkspaceDirectory::parse_response(black_box(&response)).unwrap());
            }
        }
        Some("error") => {
            let response = HttpResponse::new(400, ERROR).with_header("x-amzn-RequestId", "4a8b-example");
            for _ in 0..ROUNDS {
                black_box(RegisterWorkspaceDirectory::parse_response(black_box(&response)).unwrap_err());
            }
        }
        Some("serialize") => {
            let tags = (0..10).map(|i| Tag::builder().key(format!("team-{i}")).value(format!("desktops-{i}")).build().unwrap());
            let input = RegisterWorkspaceDirectoryInput::builder()
                .directory_id("d-1234567890")
                .subnet_ids("subnet-0123456789abcdef0")
                .set_tags(Some(tags.collect()))
                .workspace_directory_name("corp-directory")
                .build()
                .unwrap();
            for _ in 0..ROUNDS {
                black_box(RegisterWorkspaceDirectory::serialize_request(black_box(&input)));
            }
        }
        Some("serde-success") => {
            for _ in 0..ROUNDS {
                black_box(serde_json::from_slice::<SerdeOutput>(black_box(SUCCESS)).unwrap());
            }
        }
        Some("serde-error") => {
            for _ in 0..ROUNDS {
                let error = serde_json::from_slice::<SerdeError>(black_box(ERROR)).unwrap();
                let code = error.type_name.as_deref().and_then(|t| t.split(':').next()).map(|t| t.rsplit('#').next().unwrap_or(t).to_owned());
                black_box((error, code));
            }
        }
        _ => eprintln!("usage: wire_profile success|error|serialize|serde-success|serde-error"),
    }
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct SerdeOutput {
    directory_id: Option<String>,
    state: Option<String>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct SerdeError {
    #[serde(rename = "__type")]
    type_name: Option<String>,
    message: Option<String>,
    #[serde(rename = "ResourceId")]
    resource_id: Option<String>,
}
