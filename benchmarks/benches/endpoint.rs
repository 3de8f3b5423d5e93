//! One endpoint resolution by the resolver compiled from WorkSpaces' rule set: a listed
//! Region, FIPS with dual-stack in GovCloud, a Region found only by its partition's regex,
//! and a custom endpoint. Building `Params` is outside the measured loop.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use workspaces_bindings::endpoint::{resolve_endpoint, Params};

fn params(region: &str, fips: bool, dual_stack: bool) -> Params {
    Params::builder().region(region).use_fips(fips).use_dual_stack(dual_stack).build().unwrap()
}

fn resolution(c: &mut Criterion) {
    let cases = [
        ("us-east-1", params("us-east-1", false, false)),
        ("us-gov-west-1 FIPS dual-stack", params("us-gov-west-1", true, true)),
        ("eu-north-9 by regex", params("eu-north-9", false, false)),
        ("custom endpoint", Params::builder().region("us-east-1").endpoint("http://localhost:4566").build().unwrap()),
    ];
    let mut group = c.benchmark_group("resolve_endpoint");
    for (name, params) in &cases {
        group.bench_function(*name, |b| b.iter(|| resolve_endpoint(black_box(params)).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, resolution);
criterion_main!(benches);
