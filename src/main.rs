//! `acuref`: parse the arguments, load the catalogue, run a command or the interactive
//! reference. Errors are printed here, on the normal screen.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use acuref::cli::{self, Args};

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

fn interactive(_args: &Args) -> anyhow::Result<i32> {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "acuref: the interactive reference needs a terminal; for output you can pipe, use `acuref search QUERY` or `acuref show QUERY` (see `acuref --help`)"
        );
        return Ok(1);
    }
    eprintln!(
        "acuref: the interactive reference is not built yet; use `acuref show QUERY` or `acuref search QUERY` (see `acuref --help`)"
    );
    Ok(1)
}
