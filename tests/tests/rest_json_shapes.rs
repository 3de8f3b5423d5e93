//! restJson1 for every HTTP binding, through the crate generated from
//! tests/fixtures/rest-json-shapes.smithy: requests checked byte for byte (target, headers,
//! body), label values that try to leave their path segment, responses read from headers,
//! status and body, and hostile responses, which become errors and never panics.

use std::collections::HashMap;

use rest_json_shapes_bindings::http::HttpResponse;
use rest_json_shapes_bindings::operation::get_book::{GetBook, GetBookError, GetBookInput};
use rest_json_shapes_bindings::operation::get_cover::GetCover;
use rest_json_shapes_bindings::operation::list_shelf::{ListShelf, ListShelfInput};
use rest_json_shapes_bindings::operation::put_cover::{PutCover, PutCoverInput};
use rest_json_shapes_bindings::operation::shelve_book::{ShelveBook, ShelveBookInput};
use rest_json_shapes_bindings::primitives::{Blob, DateTime};

fn headers(request: &rest_json_shapes_bindings::http::HttpRequest) -> Vec<(String, String)> {
    request.headers().map(|(name, value)| (name.to_owned(), value.to_owned())).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())).collect()
}

fn get_book(shelf: &str, call_number: &str) -> GetBookInput {
    GetBookInput::builder().shelf(shelf).call_number(call_number).build().unwrap()
}

#[test]
fn labels_query_and_headers_go_where_the_bindings_say() {
    let input = GetBookInput::builder()
        .shelf("fiction & poetry")
        .call_number("PZ/7.3 B12")
        .language("en")
        .printed_since(DateTime::from_secs(1_576_540_098))
        .set_filters(Some(HashMap::from([
            ("z".to_owned(), "last".to_owned()),
            ("a b".to_owned(), "first".to_owned()),
            // The `lang` query member claims this key.
            ("lang".to_owned(), "fr".to_owned()),
        ])))
        .reader("ada")
        .set_tags(Some(vec!["sci-fi".to_owned(), "a, b".to_owned(), "say \"hi\"".to_owned()]))
        .build()
        .unwrap();
    let request = GetBook::serialize_request(&input);
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri(),
        "/shelves/fiction%20%26%20poetry/books/PZ/7.3%20B12?edition=latest&lang=en&since=2019-12-16T23%3A48%3A18Z&a%20b=first&z=last"
    );
    assert_eq!(
        headers(&request),
        pairs(&[("X-Reader", "ada"), ("X-Tags", r#"sci-fi, "a, b", "say \"hi\"""#)])
    );
    assert!(request.body().is_empty());
    assert_eq!(request.url_for("https://library.example.com").unwrap(), format!("https://library.example.com{}", request.uri()));
}

#[test]
fn label_values_never_leave_their_path_segment() {
    // Escaped, these stay inside the shelf's segment.
    for (shelf, escaped) in [("../admin", "..%2Fadmin"), ("%2F", "%252F"), ("a?b", "a%3Fb"), ("a#b", "a%23b"), ("a/b", "a%2Fb")] {
        let request = GetBook::serialize_request(&get_book(shelf, "x"));
        assert_eq!(request.uri(), format!("/shelves/{escaped}/books/x?edition=latest"), "{shelf:?}");
        assert!(request.url_for("https://library.example.com").is_ok());
    }
    // These would name another resource once the path is normalised: the request says so
    // and gets no URL.
    for (shelf, call_number) in [("..", "x"), (".", "x"), ("", "x"), ("ok", "a/../b"), ("ok", "./b"), ("ok", "")] {
        let request = GetBook::serialize_request(&get_book(shelf, call_number));
        let problem = request.url_for("https://library.example.com").unwrap_err().to_string();
        assert!(problem.contains("cannot be an @httpLabel value"), "{shelf:?} {call_number:?}: {problem}");
    }
    // A greedy label keeps its slashes, and only those.
    let request = GetBook::serialize_request(&get_book("s", "a/b?c#d"));
    assert_eq!(request.uri(), "/shelves/s/books/a/b%3Fc%23d?edition=latest");
}

#[test]
fn a_json_body_holds_the_unbound_members_under_their_json_names() {
    let input = ShelveBookInput::builder()
        .shelf("s")
        .title("Dune")
        .printed(DateTime::from_secs(-14_182_940))
        .set_authors(Some(vec!["Frank Herbert".to_owned()]))
        .client_token("token-1")
        .build()
        .unwrap();
    let request = ShelveBook::serialize_request(&input);
    assert_eq!((request.method(), request.uri()), ("POST", "/shelves/s/books"));
    let body = r#"{"title":"Dune","Printed":-14182940,"Authors":["Frank Herbert"]}"#;
    assert_eq!(String::from_utf8_lossy(request.body()), body);
    assert_eq!(
        headers(&request),
        pairs(&[("X-Client-Token", "token-1"), ("Content-Type", "application/json"), ("Content-Length", "64")])
    );
}

#[test]
fn an_unset_idempotency_token_header_is_filled_with_a_fresh_uuid() {
    let input = ShelveBookInput::builder().shelf("s").title("t").build().unwrap();
    let first = ShelveBook::serialize_request(&input);
    let second = ShelveBook::serialize_request(&input);
    let token = |request: &rest_json_shapes_bindings::http::HttpRequest| request.header("X-Client-Token").unwrap().to_owned();
    assert_eq!(token(&first).len(), 36);
    assert_eq!(token(&first).as_bytes()[14], b'4', "a version 4 UUID");
    assert_ne!(token(&first), token(&second));
}

#[test]
fn large_bodies_are_compressed_after_the_members_are_written() {
    let title = "a".repeat(20_000);
    let input = ShelveBookInput::builder().shelf("s").title(&title).client_token("t").build().unwrap();
    let request = ShelveBook::serialize_request(&input);
    assert_eq!(request.header("Content-Encoding"), Some("gzip"));
    let length: usize = request.header("Content-Length").unwrap().parse().unwrap();
    assert_eq!(length, request.body().len());
    assert!(length < 1_000, "{length} bytes");
}

#[test]
fn a_blob_payload_is_the_body_with_its_media_type_and_checksum() {
    let input = PutCoverInput::builder()
        .isbn("978-0441013593")
        .image(Blob::new(b"\x89PNG".to_vec()))
        .note("{\"ok\":true}")
        .build()
        .unwrap();
    let request = PutCover::serialize_request(&input);
    assert_eq!((request.method(), request.uri()), ("PUT", "/covers/978-0441013593"));
    assert_eq!(request.body(), b"\x89PNG");
    assert_eq!(
        headers(&request),
        pairs(&[
            ("X-Note", "eyJvayI6dHJ1ZX0="),
            // base64 of MD5("\x89PNG"), as `openssl md5 -binary | base64` gives it.
            ("Content-MD5", "O9r1lpKFGIrHVsM59p9ceQ=="),
            ("Content-Type", "image/png"),
            ("Content-Length", "4"),
        ])
    );
    // No image: no body, no content type; the checksum is that of the empty body.
    let bare = PutCover::serialize_request(&PutCoverInput::builder().isbn("1").build().unwrap());
    assert!(bare.body().is_empty());
    assert_eq!(headers(&bare), pairs(&[("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")]));
}

#[test]
fn list_query_members_repeat_the_parameter() {
    let input = ListShelfInput::builder()
        .shelf("s")
        .max_results(10)
        .set_authors(Some(vec!["A".to_owned(), "B C".to_owned()]))
        .build()
        .unwrap();
    assert_eq!(ListShelf::serialize_request(&input).uri(), "/shelves/s?max=10&author=A&author=B%20C");
}

#[test]
fn outputs_read_the_payload_headers_and_prefix_headers() {
    let body = br#"{"title":"Dune","Authors":["Frank Herbert"],"Printed":-14182940}"#;
    let response = HttpResponse::new(200, body)
        .with_header("Last-Modified", "Mon, 16 Dec 2019 23:48:18 GMT")
        .with_header("X-Copies", "3")
        .with_header("X-Meta-Shelf", "fiction")
        .with_header("x-meta-floor", "2")
        .with_header("x-amzn-requestid", "req-1");
    let output = GetBook::parse_response(&response).unwrap();
    let book = output.book().unwrap();
    assert_eq!(book.title(), Some("Dune"));
    assert_eq!(book.authors(), ["Frank Herbert".to_owned()]);
    assert_eq!(book.printed(), Some(&DateTime::from_secs(-14_182_940)));
    assert_eq!(output.last_modified(), Some(&DateTime::from_secs(1_576_540_098)));
    assert_eq!(output.copies(), Some(3));
    let metadata = output.metadata().unwrap();
    assert_eq!(metadata.len(), 2);
    assert_eq!((metadata["Shelf"].as_str(), metadata["floor"].as_str()), ("fiction", "2"));
    assert_eq!(rest_json_shapes_bindings::operation::RequestId::request_id(&output), Some("req-1"));
    // An empty body leaves the payload unset.
    let empty = GetBook::parse_response(&HttpResponse::new(200, b"")).unwrap();
    assert!(empty.book().is_none() && empty.metadata().is_none());
}

#[test]
fn the_status_code_and_a_blob_payload_are_read_as_they_came() {
    let created = PutCover::parse_response(&HttpResponse::new(201, b"ignored")).unwrap();
    assert_eq!(created.status(), Some(201));
    let cover = GetCover::parse_response(&HttpResponse::new(200, b"\x00\xff").with_header("Content-Type", "image/png")).unwrap();
    assert_eq!(cover.image().map(AsRef::as_ref), Some(&b"\x00\xff"[..]));
    assert_eq!(cover.content_type(), Some("image/png"));
}

#[test]
fn errors_are_named_by_the_header_or_the_body_and_read_their_header_members() {
    let response = HttpResponse::new(404, br#"{"Message":"no such book"}"#)
        .with_header("X-Amzn-Errortype", "NoSuchBook:http://internal.amazon.com/coral/")
        .with_header("X-Shelf", "fiction");
    let GetBookError::NoSuchBook(error) = GetBook::parse_response(&response).unwrap_err() else {
        panic!("expected NoSuchBook");
    };
    assert_eq!(error.shelf(), Some("fiction"));
    assert_eq!(error.message(), Some("no such book"));
    let by_body = HttpResponse::new(429, br#"{"code":"example.library#Throttled","message":"slow down"}"#);
    let GetBookError::Throttled(throttled) = GetBook::parse_response(&by_body).unwrap_err() else {
        panic!("expected Throttled");
    };
    assert_eq!(throttled.message(), Some("slow down"));
}

/// The problem an `Unhandled` error reports.
fn unhandled_problem(response: &HttpResponse<'_>) -> String {
    match GetBook::parse_response(response) {
        Err(GetBookError::Unhandled(unhandled)) => unhandled.problem().unwrap_or_default().to_owned(),
        other => panic!("expected Unhandled, got {other:?}"),
    }
}

#[test]
fn hostile_responses_are_errors_that_say_what_was_wrong() {
    let bad_number = HttpResponse::new(200, b"").with_header("X-Copies", "many");
    assert_eq!(
        unhandled_problem(&bad_number),
        "response is not the expected output: header `X-Copies`: \"many\" is not an integer of the member's size"
    );
    let too_big = HttpResponse::new(200, b"").with_header("X-Copies", "99999999999");
    assert!(unhandled_problem(&too_big).contains("header `X-Copies`"));
    let bad_date = HttpResponse::new(200, b"").with_header("Last-Modified", "yesterday");
    assert!(unhandled_problem(&bad_date).contains("header `Last-Modified`: \"yesterday\" is not a valid"), "{}", unhandled_problem(&bad_date));
    let truncated = HttpResponse::new(200, br#"{"title":"Du"#);
    assert!(unhandled_problem(&truncated).contains("body:"), "{}", unhandled_problem(&truncated));
    let not_json = HttpResponse::new(200, b"\xff\xfe");
    assert!(unhandled_problem(&not_json).contains("body:"));
    let no_code = HttpResponse::new(500, b"<html>oops</html>");
    assert!(unhandled_problem(&no_code).contains("not a JSON object"), "{}", unhandled_problem(&no_code));
    let bad_status = HttpResponse::new(0, b"");
    assert!(GetBook::parse_response(&bad_status).is_err());
}
