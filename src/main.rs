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
        Err(e) => {
            eprintln!("acuref: {e:#}");
            ExitCode::from(1)
        }
    }
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
