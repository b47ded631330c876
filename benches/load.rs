//! Loading and validating catalogues: the built-in one, and synthetic ones of 10,000 and
//! 100,000 points.

mod common;

use acuref::catalogue::Catalogue;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    c.bench_function("load/builtin", |b| {
        b.iter(|| Catalogue::builtin().expect("the built-in catalogue is valid"))
    });
    let mut group = c.benchmark_group("load/synthetic");
    group.sample_size(10);
    for points in [10_000, 100_000] {
        let files = common::synthetic_catalogue(points);
        group.bench_with_input(BenchmarkId::from_parameter(points), &files, |b, files| {
            b.iter(|| Catalogue::load(files, &[]).expect("the synthetic catalogue is valid"))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
