//! The command line's arguments (clap), parsed in main.rs and handed to the front ends.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::catalogue::Kind;

mod study;
pub use study::{QuizArgs, StudyAction};

const EXAMPLES: &str = "\
Examples:
  acuref                          open the reference (type to search)
  acuref show bl40                the card for BL40 Weizhong
  acuref show \"ub 23\"             any spelling of a code works: UB23, B23, Bladder 23
  acuref show renzhong            alternate names find the point (GV26 Shuigou)
  acuref search sciatica          ranked matches, one a line
  acuref search back --kind condition --limit 5
  acuref list points --channel GB --json
  acuref links sciatica           everything linked to an entry, both ways
  acuref quiz --deck channel:LU   ten questions on the Lung channel's points
  acuref check ./my-catalogue     validate a catalogue directory";

/// An offline acupuncture point reference: 361 WHO points, extra points, channels,
/// conditions, techniques and contraindications.
///
/// Educational reference only; not medical advice.
#[derive(Debug, Parser)]
#[command(name = "acuref", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Use the catalogue in DIR instead of the built-in one [env: ACUREF_DATA]
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Keep the user's database (bookmarks) in DIR [env: ACUREF_HOME]
    #[arg(long, value_name = "DIR", global = true)]
    pub home: Option<PathBuf>,

    /// Colour theme of the interactive reference (default: `dark`; `mono` when NO_COLOR is set)
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Let the interactive reference capture the mouse (wheel scrolls, click selects)
    #[arg(long)]
    pub mouse: bool,

    /// The patient's states, for the safety verdict of every point and technique shown
    /// (`pregnancy`, `pregnancy:2`, `anticoagulants`, `pacemaker`...; comma-separated). Kept
    /// in memory only: never written anywhere.
    #[arg(long, value_name = "STATE[,STATE...]", global = true)]
    pub patient: Option<String>,

    /// What to do; without one, the interactive reference opens
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The colour themes of the interactive reference, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Colours for a dark terminal background.
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colours: bold, reverse and underline only.
    Mono,
}

/// What `acuref bookmark` does.
#[derive(Debug, Subcommand)]
pub enum BookmarkAction {
    /// Star entries (codes in any spelling, or ids)
    Add {
        /// The entries
        #[arg(required = true)]
        ids: Vec<String>,
        /// Print one JSON object a line, each once its write is committed
        #[arg(long)]
        json: bool,
    },
    /// Remove the star of entries
    Remove {
        /// The entries
        #[arg(required = true)]
        ids: Vec<String>,
        /// Print one JSON object a line, each once its write is committed
        #[arg(long)]
        json: bool,
    },
    /// List the starred entries, oldest first; ones the catalogue no longer has are marked
    List {
        /// Print a JSON array
        #[arg(long)]
        json: bool,
    },
}

/// What `acuref protocol` does.
#[derive(Debug, Subcommand)]
pub enum ProtocolAction {
    /// Make a protocol, with points in order
    New {
        /// Its name
        name: String,
        /// Its points (codes in any spelling)
        points: Vec<String>,
        /// Print the protocol as it is after the change, as JSON (as `protocol show --json`)
        #[arg(long)]
        json: bool,
    },
    /// Add a point at the end of a protocol
    Add {
        /// The protocol's name
        name: String,
        /// The point
        point: String,
        /// A note on the point in this protocol ("bleed if visible veins")
        #[arg(long)]
        note: Option<String>,
        /// Print the protocol as it is after the change, as JSON (as `protocol show --json`)
        #[arg(long)]
        json: bool,
    },
    /// Remove a point from a protocol
    Remove {
        /// The protocol's name
        name: String,
        /// The point
        point: String,
        /// Print the protocol as it is after the change, as JSON (as `protocol show --json`)
        #[arg(long)]
        json: bool,
    },
    /// Delete a protocol (asks first, unless --yes)
    Delete {
        /// The protocol's name
        name: String,
        /// Delete without asking
        #[arg(long)]
        yes: bool,
        /// Print `{"deleted": NAME}` as JSON
        #[arg(long)]
        json: bool,
    },
    /// List the protocols
    List {
        /// Print a JSON array
        #[arg(long)]
        json: bool,
    },
    /// Show a protocol's points with their cautions (and, with --patient, each verdict)
    Show {
        /// The protocol's name
        name: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Entry kinds a command can be limited to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Acupuncture points.
    #[value(name = "points", alias = "point")]
    Point,
    /// Conditions.
    #[value(name = "conditions", alias = "condition")]
    Condition,
    /// Techniques.
    #[value(name = "techniques", alias = "technique")]
    Technique,
    /// Contraindications and cautions.
    #[value(name = "contraindications", alias = "contraindication")]
    Contraindication,
    /// Channels and vessels.
    #[value(name = "channels", alias = "channel")]
    Channel,
    /// Body regions.
    #[value(name = "regions", alias = "region")]
    Region,
    /// Point categories (Back-Shu, Luo-Connecting...).
    #[value(name = "categories", alias = "category")]
    Category,
    /// Red flags: signs that mean see a physician now.
    #[value(name = "red-flags", alias = "red-flag")]
    RedFlag,
    /// Sources.
    #[value(name = "sources", alias = "source")]
    Source,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Point => Kind::Point,
            KindArg::Condition => Kind::Condition,
            KindArg::Technique => Kind::Technique,
            KindArg::Contraindication => Kind::Contraindication,
            KindArg::Channel => Kind::Channel,
            KindArg::Region => Kind::Region,
            KindArg::Category => Kind::Category,
            KindArg::RedFlag => Kind::RedFlag,
            KindArg::Source => Kind::Source,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the best match for a query as a full card
    #[command(
        after_help = "Examples:\n  acuref show bl40\n  acuref show \"Zu San Li\"\n  acuref show 肾俞\n  acuref show futu        (two points share this name: both are listed)\n  acuref show sciatica --json"
    )]
    Show {
        /// A code in any spelling, a name (pinyin, hanzi, English), a condition...
        query: Vec<String>,
        /// Only consider entries of this kind
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print the entry and its resolved links as JSON
        #[arg(long)]
        json: bool,
    },
    /// List ranked matches for a query, one a line
    #[command(
        after_help = "Examples:\n  acuref search sciatica\n  acuref search \"low back\" --kind point --limit 10\n  acuref search bl54      (WHO BL54 and the older numbering's BL54)\n  acuref search ling gu --json"
    )]
    Search {
        /// What to look for
        query: Vec<String>,
        /// Only entries of this kind
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// At most this many results (1 or more)
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..))]
        limit: u16,
        /// Print the results as a JSON array
        #[arg(long)]
        json: bool,
    },
    /// List every entry of a kind
    #[command(
        after_help = "Examples:\n  acuref list channels\n  acuref list points --channel BL\n  acuref list points --channel UB --json\n  acuref list points --region lower-back\n  acuref list points --category luo-connecting\n  acuref list points --caution pregnancy"
    )]
    List {
        /// What to list
        #[arg(value_enum)]
        kind: KindArg,
        /// Points of this channel only (any spelling: BL, UB, Bladder)
        #[arg(long, value_name = "CODE")]
        channel: Option<String>,
        /// Points of this region only (a region id, see `acuref list regions`)
        #[arg(long, value_name = "ID")]
        region: Option<String>,
        /// Points of this category only (an id such as luo-connecting or he-sea, see `acuref
        /// list categories`)
        #[arg(long, value_name = "ID")]
        category: Option<String>,
        /// Points a contraindication's rules cover, grouped by level (an id, see `acuref list
        /// contraindications`)
        #[arg(long, value_name = "ID")]
        caution: Option<String>,
        /// Print a JSON array
        #[arg(long)]
        json: bool,
    },
    /// Say, for a patient, whether each point or technique is forbidden, needs care, or is clear
    #[command(
        after_help = "Exit status: 0 when nothing is forbidden, 3 when any entry is forbidden for the patient, 2 for an unknown state or entry.\n\nExamples:\n  acuref safety --patient pregnancy LI4 SP6 ST36 BL23\n  acuref safety --patient pregnancy:1,anticoagulants bl40 cupping\n  acuref safety --patient pacemaker electroacupuncture --json"
    )]
    Safety {
        /// Points or techniques: codes in any spelling, names, technique ids
        #[arg(required = true)]
        entries: Vec<String>,
        /// Print the verdicts as a JSON array
        #[arg(long)]
        json: bool,
    },
    /// Show everything linked to an entry, in both directions
    #[command(
        after_help = "Examples:\n  acuref links BL40\n  acuref links sciatica\n  acuref links pregnancy --json"
    )]
    Links {
        /// The entry's id, or a query that finds it
        id: Vec<String>,
        /// Print the links as JSON
        #[arg(long)]
        json: bool,
    },
    /// Star entries, unstar them, or list the starred ones (kept in the user database)
    #[command(
        after_help = "Each entry is starred or unstarred in its own committed write. Where the database lives: `acuref paths`.\n\nExamples:\n  acuref bookmark add BL40 sciatica\n  acuref bookmark remove bl40\n  acuref bookmark list --json"
    )]
    Bookmark {
        /// What to do
        #[command(subcommand)]
        action: BookmarkAction,
    },
    /// Show, write or delete your note on an entry (kept in the user database)
    #[command(
        after_help = "A note saved while another acuref saved one first is kept as a conflict copy beside it, never lost. --edit opens $VISUAL, else $EDITOR, else vi (arguments allowed: VISUAL=\"code --wait\").\n\nExamples:\n  acuref note BL40\n  acuref note BL40 bleed only visible veins\n  echo \"from my teacher\" | acuref note sciatica -\n  acuref note BL40 --edit\n  acuref note BL40 --delete --yes"
    )]
    Note {
        /// The entry: a code in any spelling, or an id
        id: String,
        /// The note's new text (`-` reads it from standard input); without it, the note is shown
        text: Vec<String>,
        /// Delete the note (asks first, unless --yes)
        #[arg(long, conflicts_with = "text")]
        delete: bool,
        /// Delete without asking
        #[arg(long, requires = "delete")]
        yes: bool,
        /// Print the note as JSON
        #[arg(long)]
        json: bool,
        /// Write the note in your editor ($VISUAL, else $EDITOR, else vi); saved if changed
        #[arg(long, conflicts_with_all = ["text", "delete", "json"])]
        edit: bool,
    },
    /// Make and use protocols: named, ordered point lists, each point with an optional note
    #[command(
        after_help = "Examples:\n  acuref protocol new sciatica GB30 BL40 BL60\n  acuref protocol add sciatica BL57 --note \"if calf cramps\"\n  acuref protocol show sciatica --patient pregnancy:2\n  acuref protocol list --json"
    )]
    Protocol {
        /// What to do
        #[command(subcommand)]
        action: ProtocolAction,
    },
    /// List what you keep (stars, notes, protocol points) on ids the catalogue in use does not have
    #[command(
        after_help = "Kept on an id a user overlay removed, a code renamed, or another --data catalogue lacks; nothing is dropped. `acuref reattach` moves it onto an entry.\n\nExamples:\n  acuref orphans\n  acuref orphans --json\n  acuref --data ./my-catalogue orphans"
    )]
    Orphans {
        /// Print a JSON array
        #[arg(long)]
        json: bool,
    },
    /// Move what is kept on an orphaned id (star, note, protocol places) onto an entry
    #[command(
        after_help = "One transaction: all of it moves, or nothing does. A note moved onto an entry that has one becomes a conflict copy beside it; nothing is lost.\n\nExamples:\n  acuref orphans                  (lists the ids that can be reattached)\n  acuref reattach BL99 BL40\n  acuref reattach point:LI4a \"he gu\" --json"
    )]
    Reattach {
        /// The orphaned id, as `acuref orphans` prints it (KIND:ID when it is kept under two kinds)
        old: String,
        /// The entry to move it onto: a code in any spelling, or an id
        new: String,
        /// Print what moved as JSON
        #[arg(long)]
        json: bool,
    },
    /// Write everything you made (bookmarks, notes, protocols) as TOML, to FILE or standard output
    #[command(
        after_help = "Examples:\n  acuref export backup.toml\n  acuref export | gzip > acuref-$(date +%F).toml.gz"
    )]
    Export {
        /// The file to write (replaced whole, never half-written)
        file: Option<PathBuf>,
    },
    /// Merge an export back in; importing the same file twice changes nothing
    #[command(
        after_help = "A note that differs from yours is kept beside it as a conflict copy, never written over it.\n\nExample:\n  acuref import backup.toml"
    )]
    Import {
        /// The export file
        file: PathBuf,
    },
    /// Set the user database aside (renamed, never deleted) so the next change starts a new one
    #[command(
        after_help = "For a damaged database, or to start afresh. The file (and its -wal and -shm files) becomes user.sqlite3.set-aside-YYYYMMDD-HHMMSS (UTC) in the same folder; nothing is deleted.\n\nExamples:\n  acuref new-database\n  acuref new-database --yes"
    )]
    NewDatabase {
        /// Set it aside without asking
        #[arg(long)]
        yes: bool,
    },
    /// Study the catalogue as cards: review them (with no action), list what is due, see
    /// the progress, export them for Anki
    #[command(after_help = study::STUDY_HELP, args_conflicts_with_subcommands = true)]
    Study {
        /// What to do; with none, the interactive reference opens on study
        #[command(subcommand)]
        action: Option<StudyAction>,
        /// With no action: review this deck at once (all, channel:CODE, region:ID,
        /// category:ID, condition:ID, caution:ID, bookmarks, protocol:NAME; several joined
        /// with commas) rather than choose one
        #[arg(long, value_name = "SPEC")]
        deck: Option<String>,
    },
    /// Multiple-choice questions from a deck: a quiz in the terminal, or the questions as JSON
    #[command(after_help = study::QUIZ_HELP)]
    Quiz(QuizArgs),
    /// Draw where a point lies on the body (a figure in Braille dots)
    #[command(
        after_help = "Examples:\n  acuref map st36\n  acuref map \"ling gu\" --size 60x30\n  acuref map bl23 --view back\n  acuref map gv4 --json"
    )]
    Map {
        /// A point: its code in any spelling, or a name
        query: Vec<String>,
        /// The view to draw (front, back, side, face, hand_palm...; default: the one that
        /// shows the point best)
        #[arg(long)]
        view: Option<String>,
        /// The figure's size in columns and rows, such as 80x40 (default: the terminal's, or
        /// 72x36 when piped)
        #[arg(long, value_name = "COLSxROWS")]
        size: Option<String>,
        /// Draw with half blocks instead of Braille dots
        #[arg(long)]
        blocks: bool,
        /// Print the point's positions as JSON (x and y in cun)
        #[arg(long)]
        json: bool,
    },
    /// Check a catalogue directory and summarise it (default: the catalogue in use)
    #[command(
        after_help = "Exit status: 0 when clean, 2 when the catalogue has problems.\n\nExamples:\n  acuref check\n  acuref check ./data"
    )]
    Check {
        /// The directory to check
        dir: Option<PathBuf>,
    },
    /// Print where acuref reads its catalogue from
    Paths,
    /// Print a shell completion script
    #[command(
        after_help = "Example:\n  acuref completions bash > ~/.local/share/bash-completion/completions/acuref"
    )]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}
