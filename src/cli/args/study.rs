//! The arguments of `acuref study` and `acuref quiz`.

use std::path::PathBuf;

use clap::Subcommand;

/// `acuref study --help`: what cards and decks are.
pub(super) const STUDY_HELP: &str = "Cards are generated from the catalogue (names, codes, locations, categories, needling, cautions, prescriptions, techniques), each with a stable id such as LI4:name or LU:luo-connecting. A deck is a filter: all, channel:CODE (any spelling), region:ID, category:ID, condition:ID, caution:ID, bookmarks, protocol:NAME, several joined with commas.\n\nWith no action, acuref opens on study: choose a deck (or give one with --deck), then each card shows its question; Space shows the answer, and 1-4 rate it (Again, Hard, Good, Easy; Space is Good), each showing when the card would come back. Ratings are kept in your database as they are made.\n\nExamples:\n  acuref study\n  acuref study --deck channel:LU\n  acuref study due --deck bookmarks\n  acuref study export --anki acuref.txt\n  acuref study export --anki back.txt --deck region:lower-back,condition:sciatica";

/// `acuref study export --help`.
const EXPORT_HELP: &str = "Each note's guid comes from its card's id (acuref-LI4-name): importing a newer export updates the notes in place and keeps your Anki history. Tags are hierarchical (acuref::channel::LI, acuref::caution::pregnancy, acuref::type::name). In Anki: File > Import, choose the file; its headers set the note type (Basic), the deck and the columns.\n\nExamples:\n  acuref study export --anki acuref.txt\n  acuref study export --anki lung.txt --deck channel:LU\n  acuref study export --anki pregnancy.txt --deck caution:pregnancy,bookmarks";

/// `acuref quiz --help`.
pub(super) const QUIZ_HELP: &str = "Each question asks for a point (its name, its code, the point at a location, the Luo point of a channel...); the other choices share its channel, region or category. Answer with the choice's number, or type the code or name in any spelling search takes (zusanli, Zu San Li, st36, ST 36). Enter on an empty line skips; end of input stops. At the end: the score, the time and the wrong answers. The same --seed asks the same questions.\n\nExamples:\n  acuref quiz\n  acuref quiz --deck channel:LU --count 20\n  acuref quiz --deck category:luo-connecting,category:xi-cleft --seed 7\n  acuref quiz --deck region:lower-back --count 5 --json";

/// What `acuref study` does.
#[derive(Debug, Subcommand)]
pub enum StudyAction {
    /// Write a deck's cards as a file for Anki's importer, one note per card
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// The file to write: UTF-8 tab-separated text with Anki's headers (replaced whole,
        /// never half-written)
        #[arg(long, value_name = "FILE")]
        anki: PathBuf,
        /// The deck (default: all): all, channel:CODE, region:ID, category:ID, condition:ID,
        /// caution:ID, bookmarks, protocol:NAME; several joined with commas
        #[arg(long, value_name = "SPEC")]
        deck: Option<String>,
    },
    /// List the cards to study now: learning steps that are over, reviews due today, and new
    /// cards up to the day's limit
    #[command(after_help = DUE_HELP)]
    Due {
        /// The deck (default: all), as for export
        #[arg(long, value_name = "SPEC")]
        deck: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Progress: due today, new, learnt, retention over 30 days, the streak, mastery by channel
    #[command(after_help = DUE_HELP)]
    Stats {
        /// The deck (default: all), as for export
        #[arg(long, value_name = "SPEC")]
        deck: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Fit the scheduler to your own reviews (FSRS's optimiser); the fit is kept only when it
    /// predicts your recall better than the parameters in use
    #[command(after_help = OPTIMIZE_HELP)]
    Optimize {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

/// `acuref study optimize --help`.
const OPTIMIZE_HELP: &str = "FSRS learns from the reviews that came a day or more after the one before. Both the parameters in use and the fitted ones are measured on your own reviews (log loss and RMSE of the predicted recall, lower is better); the fitted ones replace them only when their log loss is lower, and study uses them from the next sitting. Run it again as reviews accumulate: a few hundred reviews give a fit worth having.\n\nExamples:\n  acuref study optimize\n  acuref study optimize --json";

/// What `study due` and `study stats` say about time and settings.
const DUE_HELP: &str = "Progress is kept in the user database (`acuref paths`). The day's new cards and the desired retention are set under [study] in config.toml (new_per_day, desired_retention; 20 and 0.90 by default). ACUREF_NOW (an RFC 3339 time, such as 2026-12-01T09:30:00Z) stands in for the clock, for tests and scripts. A study day runs from 4 am to 4 am local time (the system's time zone, or TZ).\n\nExamples:\n  acuref study due --deck channel:LU\n  acuref study stats --json";

/// What `acuref quiz` asks.
#[derive(Debug, clap::Args)]
pub struct QuizArgs {
    /// The deck (default: all): all, channel:CODE, region:ID, category:ID, condition:ID,
    /// caution:ID, bookmarks, protocol:NAME; several joined with commas
    #[arg(long, value_name = "SPEC")]
    pub deck: Option<String>,
    /// How many questions (1 or more; fewer if the deck has fewer)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub count: u16,
    /// Ask the questions this number gives (default: a new seed each time, printed at the end)
    #[arg(long)]
    pub seed: Option<u64>,
    /// Print the questions as JSON (prompt, choices, answer index, card id) instead of asking
    #[arg(long)]
    pub json: bool,
}
