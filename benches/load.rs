//! Loading catalogues: the built-in one as the program starts from it (its archives read)
//! beside what the archives spare (parsing and checking its TOML, building its index), an
//! overlay of one user file merged onto it, and synthetic catalogues of 10,000 and 100,000
//! points parsed and checked.

mod common;

use std::borrow::Cow;

use acuref::builtin;
use acuref::catalogue::{Catalogue, CatalogueFile};
use acuref::search::SearchIndex;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    c.bench_function("load/builtin/archive", |b| b.iter(Catalogue::builtin));
    c.bench_function("load/builtin/index-archive", |b| {
        b.iter(SearchIndex::builtin)
    });
    let files = builtin::files();
    c.bench_function("load/builtin/toml", |b| {
        b.iter(|| Catalogue::load(&files, &[]).expect("the built-in catalogue is valid"))
    });
    let catalogue = Catalogue::builtin();
    c.bench_function("load/builtin/index-build", |b| {
        b.iter(|| SearchIndex::new(&catalogue))
    });
    let overlay = [CatalogueFile {
        name: "mine.toml".into(),
        text: Cow::Borrowed(
            "[[region]]\nid = \"hand\"\nname = \"Hand and fingers\"\n\n[[region]]\nid = \"ear\"\nname = \"Ear\"\n",
        ),
    }];
    c.bench_function("load/builtin/with-overlay", |b| {
        b.iter(|| {
            Catalogue::builtin()
                .with_overlay(&files, &overlay)
                .expect("the overlay is valid")
        })
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
