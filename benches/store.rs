//! The user database's cost: opening it and reading a point's note and star (what `acuref
//! show` adds when a database exists), and one committed note save (what `n` then Ctrl-s
//! costs). The file is real, on disk, in WAL mode.

use std::hint::black_box;

use acuref::store::{FILE_NAME, Saved, Store};
use criterion::{Criterion, criterion_group, criterion_main};

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary home");
    let path = dir.path().join(FILE_NAME);
    {
        let mut store = Store::open(&path).expect("opens");
        // A user with some history: 300 stars and 200 notes.
        for i in 0..300 {
            store
                .add_bookmark("point", &format!("X{i}"))
                .expect("stars");
        }
        for i in 0..200 {
            let text = format!("note {i}: a few lines a student wrote\nabout this point");
            store
                .save_note("point", &format!("X{i}"), &text, None)
                .expect("saves");
        }
        store
            .save_note("point", "BL40", "bleed only visible veins", None)
            .expect("saves");
    }
    c.bench_function("store/open-and-read-note-and-star", |b| {
        b.iter(|| {
            let store = Store::open_existing(black_box(&path))
                .expect("opens")
                .expect("exists");
            let note = store.note("point", "BL40").expect("reads");
            let starred = store.bookmarks().expect("reads").len();
            black_box((note, starred))
        })
    });
    let mut store = Store::open(&path).expect("opens");
    let mut revision = store
        .note("point", "BL40")
        .expect("reads")
        .map(|n| n.revision);
    c.bench_function("store/save-note-committed", |b| {
        b.iter(|| {
            match store
                .save_note(
                    "point",
                    "BL40",
                    black_box("bleed only visible veins, again"),
                    revision,
                )
                .expect("saves")
            {
                Saved::Saved(r) => revision = Some(r),
                Saved::Conflict => panic!("no other writer"),
            }
        })
    });
}

criterion_group!(benches, store);
criterion_main!(benches);
