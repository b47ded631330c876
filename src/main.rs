//! `acuref`: parse the arguments, load the catalogue, run a command or the interactive
//! reference. Errors are printed here, on the normal screen.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use acuref::catalogue::CatalogueError;
use acuref::cli::{self, Args, Status, ThemeArg};
use acuref::tui::{self, theme::Theme, theme::ThemeName};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return argument_error(&e),
    };
    let status = match &args.command {
        Some(cli::Command::Study { action: None, deck }) => {
            interactive(&args, tui::Start::Study(deck.clone()))
        }
        Some(command) => cli::run(&args, command),
        None => interactive(&args, tui::Start::Reference),
    };
    match status {
        Ok(status) => status.into(),
        // The reader stopped early (`acuref list points | head`): what it wanted was written.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => match e.downcast_ref::<CatalogueError>() {
            Some(problems) => {
                cli::diagnostic(&format!("the catalogue could not be loaded\n{problems}"));
                Status::Error.into()
            }
            None => {
                cli::diagnostic(&format!("{e:#}"));
                Status::Error.into()
            }
        },
    }
}

/// Help, version and argument errors, as clap words them but with anything from the command
/// line escaped (an argument can hold escape sequences). Help goes to stdout and a failed
/// write is an error; argument errors go to stderr with status 2.
fn argument_error(error: &clap::Error) -> ExitCode {
    use std::io::Write;
    let text: Vec<String> = error
        .render()
        .to_string()
        .split('\n')
        .map(acuref::text::escape_controls)
        .collect();
    let text = text.join("\n");
    let status = error.exit_code();
    if error.use_stderr() {
        let _ = write!(std::io::stderr().lock(), "{text}");
        return ExitCode::from(status as u8);
    }
    let mut out = std::io::stdout().lock();
    match write!(out, "{text}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::from(status as u8),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            cli::diagnostic(&format!("cannot write the help: {e}"));
            Status::Error.into()
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

fn interactive(args: &Args, start: tui::Start) -> anyhow::Result<Status> {
    if !std::io::stdout().is_terminal() {
        cli::diagnostic(match start {
            tui::Start::Reference => {
                "the interactive reference needs a terminal; for output you can pipe, use `acuref search QUERY` or `acuref show QUERY` (see `acuref --help`)"
            }
            tui::Start::Study(_) => {
                "study needs a terminal; for output you can pipe, use `acuref study due`, `acuref study stats` or `acuref quiz --json` (see `acuref study --help`)"
            }
        });
        return Ok(Status::Error);
    }
    let paths = acuref::paths::DataPaths::from_env(args.data.clone(), args.home.clone());
    // The keymap (the user's, or the built-in one) is read on the other core while the
    // catalogue and its index load: the first frame's key hints need it.
    let (loaded, keymap_warning) = std::thread::scope(|scope| {
        let keymap = scope.spawn(|| {
            let warning = install_keymap(&paths);
            acuref::tui::keymap::prepare();
            warning
        });
        let loaded = acuref::paths::load_catalogue(&paths).map(|loaded| {
            let index = loaded.search_index();
            (loaded, index)
        });
        let warning = keymap
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, warning)
    });
    let (mut loaded, index) = loaded?;
    // A deck that cannot be read is said before the screen opens.
    if let tui::Start::Study(Some(spec)) = &start
        && let Err(e) = acuref::study::Deck::parse(&loaded.catalogue, spec)
    {
        cli::diagnostic(&e.to_string());
        return Ok(Status::Error);
    }
    loaded.warnings.extend(keymap_warning);
    // The first warning stays in the footer until a key is pressed; all are printed on exit,
    // on the normal screen, where they can be read and copied.
    let notice = loaded.warnings.first().map(|w| {
        let first = w.lines().next().unwrap_or_default().trim_end_matches(':');
        format!("{first} (details on exit)")
    });
    let (settings, unused) = acuref::settings::Settings::read(paths.settings.as_deref());
    loaded.warnings.extend(unused);
    let notice = notice.or_else(|| {
        let first = loaded
            .warnings
            .first()?
            .lines()
            .next()?
            .trim_end_matches(':');
        Some(format!("{first} (details on exit)"))
    });
    let result = tui::run(
        &loaded.catalogue,
        &index,
        tui::Options {
            theme: Theme::named(args.theme.map(theme_name)),
            mouse: args.mouse,
            notice,
            database: paths.database.clone(),
            settings: &settings,
            start,
        },
    );
    cli::warnings(&loaded.warnings);
    cli::leave_to_exit(loaded.catalogue, index);
    if let Some(unkept) = result? {
        cli::warnings(&[unkept]);
    }
    Ok(Status::Success)
}

/// The TUI's theme for the one named on the command line.
fn theme_name(arg: ThemeArg) -> ThemeName {
    match arg {
        ThemeArg::Dark => ThemeName::Dark,
        ThemeArg::Light => ThemeName::Light,
        ThemeArg::Mono => ThemeName::Mono,
    }
}

/// Puts the user's keymap in force, if there is one; a bad one is a warning (with file, line
/// and column) and the built-in keys stay.
fn install_keymap(paths: &acuref::paths::DataPaths) -> Option<String> {
    use acuref::tui::keymap::{Keymap, install};
    let text = match acuref::paths::read_keymap(paths) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(warning) => return Some(warning),
    };
    let file = paths
        .keymap
        .as_ref()
        .map(|f| acuref::text::escape_controls(&f.display().to_string()))
        .unwrap_or_default();
    match Keymap::with_user(&text, &file) {
        Ok(keymap) => {
            install(keymap);
            None
        }
        Err(e) => Some(format!(
            "your keymap was not used; the built-in keys are in force:\n{e}"
        )),
    }
}
