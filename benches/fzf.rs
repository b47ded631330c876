//! acuref's search beside `fzf --filter` on the same 100,000 synthetic points, query by query.
//!
//! The names of the synthetic catalogue (code, pinyin, hanzi, English, alternate name: one line
//! a point) are written to a file; fzf filters that file in a new process for each run, and
//! acuref searches its index of the same catalogue in-process. Run by `cargo bench` or
//! `benches/fzf.sh`; without fzf on the PATH only acuref's side is printed.

mod common;

use std::hint::black_box;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use acuref::catalogue::Catalogue;
use acuref::search::SearchIndex;

const POINTS: usize = 100_000;
const RUNS: usize = 15;

/// The median of `RUNS` timings of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn fzf(names: &std::path::Path, query: &str) -> Option<usize> {
    let input = std::fs::File::open(names).ok()?;
    let output = Command::new("fzf")
        .args(["--filter", query])
        .stdin(input)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    Some(output.stdout.iter().filter(|&&b| b == b'\n').count())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let files = common::synthetic_catalogue(POINTS);
    let catalogue = Catalogue::load(&files, &[]).expect("the synthetic catalogue is valid");
    let index = SearchIndex::new(&catalogue);
    let dir = std::env::temp_dir().join(format!("acuref-fzf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let names_file = dir.join("names.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&names_file).expect("names file"));
    for point in catalogue.points.all() {
        writeln!(
            out,
            "{} {} {} {} {}",
            point.code.as_str(),
            point.pinyin,
            point.hanzi,
            point.english,
            point.alt_names.join(" ")
        )
        .expect("writing names");
    }
    drop(out);
    let has_fzf = fzf(&names_file, "x").is_some();
    println!(
        "{POINTS} synthetic points; median of {RUNS} runs; names in {}",
        names_file.display()
    );
    println!(
        "{:<12} {:<40} {:>10} {:>9} {:>10} {:>9} {:>7}",
        "query", "text", "acuref ms", "hits", "fzf ms", "fzf hits", "ratio"
    );
    for &(label, query) in common::QUERIES {
        let hits = index.search(query, None).len();
        let ours = median(|| {
            black_box(index.search(black_box(query), None));
        });
        let theirs = has_fzf.then(|| {
            let count = fzf(&names_file, query).unwrap_or(0);
            let time = median(|| {
                black_box(fzf(&names_file, query));
            });
            (time, count)
        });
        let (fzf_ms, fzf_hits, ratio) =
            theirs.map_or(("-".into(), "-".into(), "-".into()), |(time, count)| {
                (
                    format!("{:.2}", ms(time)),
                    count.to_string(),
                    format!("{:.1}x", ms(time) / ms(ours)),
                )
            });
        println!(
            "{label:<12} {query:<40} {:>10.2} {hits:>9} {fzf_ms:>10} {fzf_hits:>9} {ratio:>7}",
            ms(ours)
        );
    }
    if !has_fzf {
        println!("fzf is not on the PATH: install it (Debian: apt-get install fzf) to compare.");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
