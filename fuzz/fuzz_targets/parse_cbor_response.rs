//! Feeds arbitrary bytes to a Smithy RPC v2 CBOR response parser (the cbor-shapes fixture's
//! `GetReading`, whose output reaches every kind of member) as the body of a response whose
//! status and protocol header come from the first bytes. It must return, never panic.

#![no_main]

use cbor_shapes_bindings::http::HttpResponse;
use cbor_shapes_bindings::operation::get_reading::GetReading;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(2));
    let status = match head.first() {
        Some(byte) => 100 + u16::from(*byte) * 2,
        None => 200,
    };
    let mut response = HttpResponse::new(status, body);
    // Mostly a well-formed CBOR response; sometimes one that does not name the protocol.
    if head.get(1).is_none_or(|byte| byte % 8 != 0) {
        response = response.with_header("smithy-protocol", "rpc-v2-cbor");
    }
    let parsed = GetReading::parse_response(&response);
    if let Err(error) = parsed {
        let _ = error.to_string();
    }
});
