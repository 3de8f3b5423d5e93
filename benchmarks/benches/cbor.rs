//! The generated Smithy RPC v2 CBOR serializer and parser (the cbor-shapes fixture), each in
//! the same run as serde with ciborium on the same generated types (their `serde` feature):
//! `ciborium::into_writer` of the input, and `ciborium::from_reader` of the output from the
//! bytes ciborium itself wrote for it.

use std::collections::HashMap;
use std::hint::black_box;

use cbor_shapes_bindings::http::HttpResponse;
use cbor_shapes_bindings::operation::get_reading::{GetReading, GetReadingOutput};
use cbor_shapes_bindings::operation::put_reading::{PutReading, PutReadingInput};
use cbor_shapes_bindings::primitives::{Blob, DateTime};
use cbor_shapes_bindings::types::{Color, Figure, Reading};
use criterion::{criterion_group, criterion_main, Criterion};

/// A reading of about 2 KiB: every scalar, 64 doubles, 16 timestamps, 8 labels, 4 children.
fn reading() -> Reading {
    let child = |i: i32| {
        Reading::builder()
            .set_text(Some(format!("child {i} é")))
            .set_count(Some(i * 1_000))
            .set_precise(Some(f64::from(i) / 3.0))
            .build()
    };
    Reading::builder()
        .set_text(Some("a reading of every kind \"quoted\" \u{1f600}".to_owned()))
        .set_flag(Some(true))
        .set_tiny(Some(-7))
        .set_small(Some(1_234))
        .set_count(Some(123_456))
        .set_big(Some(1_700_000_000_000))
        .set_ratio(Some(0.25))
        .set_precise(Some(std::f64::consts::PI))
        .set_at(Some(DateTime::from_millis(1_700_000_000_123)))
        .set_payload(Some(Blob::new((0..=255u8).collect::<Vec<_>>())))
        .set_color(Some(Color::Green))
        .set_priority(Some(10))
        .set_colors(Some(vec![Color::Red, Color::Green, Color::from("blue")]))
        .set_labels(Some((0..8).map(|i| (format!("label-{i}"), format!("value {i}"))).collect::<HashMap<_, _>>()))
        .set_series(Some((0..64).map(|i| f64::from(i) * 1.5 - 20.0).collect()))
        .set_moments(Some((0..16).map(|i| DateTime::from_secs(1_700_000_000 + i * 60)).collect()))
        .set_figure(Some(Figure::Side(2.5)))
        .set_children(Some((0..4).map(child).collect()))
        .build()
}

fn serialize(c: &mut Criterion) {
    let input = PutReadingInput::builder().reading(reading()).token("00000000-0000-4000-8000-000000000000").build().unwrap();
    let ours = PutReading::serialize_request(&input).into_body();
    let mut theirs = Vec::new();
    ciborium::ser::into_writer(&input, &mut theirs).unwrap();
    println!("cbor bodies: smithy-bind {} bytes, serde + ciborium {} bytes", ours.len(), theirs.len());

    let mut group = c.benchmark_group("serialize PutReadingInput as CBOR (every scalar, 64 doubles, 16 timestamps, 4 children)");
    group.bench_function("smithy-bind: serialize_request", |b| b.iter(|| PutReading::serialize_request(black_box(&input))));
    group.bench_function("serde + ciborium: into_writer", |b| {
        b.iter(|| {
            let mut body = Vec::with_capacity(1024);
            ciborium::ser::into_writer(black_box(&input), &mut body).unwrap();
            body
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    // Our PutReading body holds the reading under `Reading`, as GetReading's output does;
    // its `Token` is an unknown member there, which the parser skips.
    let input = PutReadingInput::builder().reading(reading()).token("t").build().unwrap();
    let ours = PutReading::serialize_request(&input).into_body();
    let response = HttpResponse::new(200, &ours).with_header("smithy-protocol", "rpc-v2-cbor");
    let output = GetReading::parse_response(&response).unwrap();
    let mut theirs = Vec::new();
    ciborium::ser::into_writer(&output, &mut theirs).unwrap();
    let back: GetReadingOutput = ciborium::de::from_reader(theirs.as_slice()).unwrap();
    assert_eq!(back.reading, output.reading, "serde + ciborium reads back what it wrote");

    let mut group = c.benchmark_group("parse GetReadingOutput from CBOR");
    group.bench_function("smithy-bind: parse_response", |b| {
        b.iter(|| {
            let response = HttpResponse::new(200, black_box(&ours)).with_header("smithy-protocol", "rpc-v2-cbor");
            GetReading::parse_response(&response).unwrap()
        })
    });
    group.bench_function("serde + ciborium: from_reader", |b| {
        b.iter(|| ciborium::de::from_reader::<GetReadingOutput, _>(black_box(theirs.as_slice())).unwrap())
    });
    group.finish();
}

criterion_group!(benches, serialize, parse);
criterion_main!(benches);
