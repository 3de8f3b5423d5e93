//! Feeds arbitrary bytes to the generated response parser as the body of a response whose
//! status and error-type header come from the first bytes. It must return, never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use workspaces_bindings::http::HttpResponse;
use workspaces_bindings::operation::register_workspace_directory::RegisterWorkspaceDirectory;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(2));
    let status = match head.first() {
        Some(byte) => 100 + u16::from(*byte) * 2,
        None => 200,
    };
    let mut response = HttpResponse::new(status, body);
    if head.get(1).is_some_and(|byte| byte % 2 == 1) {
        response = response.with_header("X-Amzn-Errortype", "ResourceNotFoundException");
    }
    let parsed = RegisterWorkspaceDirectory::parse_response(&response);
    if let Err(error) = parsed {
        let _ = error.to_string();
    }
});
