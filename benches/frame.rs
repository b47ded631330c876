//! One interactive frame on the full catalogue: search for the query typed, lay out and render
//! every pane into a 200x50 TestBackend.

mod common;

use acuref::catalogue::Catalogue;
use acuref::search::SearchIndex;
use acuref::tui::app::App;
use acuref::tui::theme::Theme;
use acuref::tui::{fit, ui};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn frame(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let index = SearchIndex::new(&catalogue);
    let area = Rect::new(0, 0, 200, 50);
    let mut terminal =
        Terminal::new(TestBackend::new(area.width, area.height)).expect("test backend");
    let mut app = App::new(&catalogue, &index, Theme::dark());
    let mut group = c.benchmark_group("frame/200x50");
    let queries = [("empty", "")]
        .into_iter()
        .chain(common::QUERIES.iter().copied());
    for (name, query) in queries {
        group.bench_with_input(BenchmarkId::from_parameter(name), query, |b, query| {
            b.iter(|| {
                app.view.query.clear();
                app.view.query.push_str(query);
                app.view.selected = 0;
                app.refresh();
                fit(&mut app, area);
                terminal
                    .draw(|frame| ui::draw(frame, &app))
                    .expect("drawing into a test backend");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
