//! `acuref`: parse the arguments, load the catalogue, run a command or the interactive
//! reference. Errors are printed here, on the normal screen.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use acuref::cli::{self, Args};
use acuref::search::SearchIndex;
use acuref::tui::{self, theme::Theme};

fn main() -> ExitCode {
    let args = Args::parse();
    let status = match &args.command {
        Some(command) => cli::run(&args, command),
        None => interactive(&args),
    };
    match status {
        Ok(code) => ExitCode::from(code as u8),
        // The reader stopped early (`acuref list points | head`): what it wanted was written.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("acuref: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn interactive(args: &Args) -> anyhow::Result<i32> {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "acuref: the interactive reference needs a terminal; for output you can pipe, use `acuref search QUERY` or `acuref show QUERY` (see `acuref --help`)"
        );
        return Ok(1);
    }
    let catalogue = match cli::load_catalogue(&cli::DataPaths::from_env(args.data.clone())) {
        Ok(c) => c,
        Err(e) => return Ok(cli::report_bad_catalogue(&e)),
    };
    let index = SearchIndex::new(&catalogue);
    tui::run(&catalogue, &index, Theme::named(args.theme), args.mouse)?;
    Ok(0)
}
