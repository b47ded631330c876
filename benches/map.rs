//! Drawing the body map of a point into a 200x50 buffer (the goal: under 2 ms), for a point on
//! the back (GV4, its channel's course drawn), on the face (GV26, a detail view) and on the
//! whole front (CV12); and loading the body model.

use acuref::body::draw::{MapRequest, MapStyle, MapWidget};
use acuref::body::{Body, course};
use acuref::catalogue::Catalogue;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;

fn map(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let body = Body::builtin().expect("the built-in body map is valid");
    let area = Rect::new(0, 0, 200, 50);
    let mut group = c.benchmark_group("map/200x50");
    for (code, view) in [("GV4", None), ("GV26", None), ("CV12", Some("front"))] {
        let channel = course(&catalogue, code);
        let request = MapRequest {
            code,
            view: view.and_then(|v| body.view(v)),
            course: &channel,
            neighbours: 5,
            group: &[],
        };
        for (name, marker) in [
            ("braille", Marker::Braille),
            ("halfblock", Marker::HalfBlock),
        ] {
            let id = BenchmarkId::new(name, format!("{code}/{}", view.unwrap_or("best")));
            group.bench_function(id, |b| {
                b.iter(|| {
                    let mut buf = Buffer::empty(area);
                    MapWidget {
                        body: &body,
                        request,
                        style: MapStyle {
                            marker,
                            ..MapStyle::coloured()
                        },
                    }
                    .render(area, &mut buf);
                    buf
                })
            });
        }
    }
    group.finish();
    c.bench_function("map/load the body model", |b| {
        b.iter(|| Body::builtin().expect("valid"))
    });
}

criterion_group!(benches, map);
criterion_main!(benches);
