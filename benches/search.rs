//! Time per query, for a fixed set of queries, over the built-in catalogue and over synthetic
//! catalogues of 10,000 and 100,000 points.

mod common;

use std::hint::black_box;

use acuref::catalogue::Catalogue;
use acuref::search::SearchIndex;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn queries(c: &mut Criterion, label: &str, catalogue: &Catalogue) {
    let index = SearchIndex::new(catalogue);
    let mut group = c.benchmark_group(format!("search/{label}"));
    for &(name, query) in common::QUERIES {
        group.bench_with_input(BenchmarkId::from_parameter(name), query, |b, query| {
            b.iter(|| index.search(black_box(query), None))
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let builtin = Catalogue::builtin();
    c.bench_function("index/builtin", |b| b.iter(|| SearchIndex::new(&builtin)));
    queries(c, "builtin", &builtin);
    for points in [10_000, 100_000] {
        let catalogue = Catalogue::load(&common::synthetic_catalogue(points), &[])
            .expect("the synthetic catalogue is valid");
        queries(c, &points.to_string(), &catalogue);
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
