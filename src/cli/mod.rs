//! The command line: arguments, where the catalogue comes from, and the non-interactive
//! commands (show, search, list, links, check, paths, completions).

mod card;
mod json;
mod output;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::catalogue::cautions::Patient;
use crate::catalogue::{Catalogue, EntryRef, Kind};
use crate::paths::{DataPaths, Loaded, load_catalogue, load_strict};
use crate::search::{Hit, SearchIndex};

pub use output::{Style, diagnostic, warnings};

/// How a command ended, as its exit status says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// It did what was asked (0).
    Success = 0,
    /// Nothing matched, or an error other than bad input (1).
    NothingFound = 1,
    /// A bad catalogue, an unknown patient state or entry (2).
    BadInput = 2,
    /// `acuref safety` found an entry forbidden for the patient (3).
    Forbidden = 3,
}

impl From<Status> for std::process::ExitCode {
    fn from(status: Status) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}

/// What every query command reads.
struct Context<'a> {
    c: &'a Catalogue,
    index: &'a SearchIndex,
    patient: &'a Patient,
    style: Style,
}

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

    /// Colour theme of the interactive reference (default: `dark`; `mono` when NO_COLOR is set)
    #[arg(long, value_enum, global = true)]
    pub theme: Option<ThemeArg>,

    /// Let the interactive reference capture the mouse (wheel scrolls, click selects)
    #[arg(long, global = true)]
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

/// Entry kinds a command can be limited to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Acupuncture points.
    #[value(alias = "points")]
    Point,
    /// Conditions.
    #[value(alias = "conditions")]
    Condition,
    /// Techniques.
    #[value(alias = "techniques")]
    Technique,
    /// Contraindications and cautions.
    #[value(alias = "contraindications")]
    Contraindication,
    /// Channels and vessels.
    #[value(alias = "channels")]
    Channel,
    /// Body regions.
    #[value(alias = "regions")]
    Region,
    /// Sources.
    #[value(alias = "sources")]
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
        after_help = "Examples:\n  acuref list channels\n  acuref list points --channel BL\n  acuref list points --channel UB --json\n  acuref list points --region lower-back\n  acuref list points --caution pregnancy"
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

/// Runs a non-interactive command. Returns the process exit status.
pub fn run(args: &Args, command: &Command) -> Result<Status> {
    let style = Style::for_stdout();
    let mut out = std::io::stdout().lock();
    match command {
        Command::Paths => {
            let paths = DataPaths::from_env(args.data.clone());
            write!(out, "{}", paths.describe())?;
            Ok(Status::Success)
        }
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Args::command(), "acuref", &mut script);
            out.write_all(&script)?;
            Ok(Status::Success)
        }
        Command::Check { dir } => check(args, dir.clone(), &mut out),
        _ => {
            let catalogue = match load_catalogue(&DataPaths::from_env(args.data.clone())) {
                Ok(loaded) => {
                    warnings(&loaded.warnings);
                    loaded.catalogue
                }
                Err(e) => return Err(e.into()),
            };
            let patient = match Patient::parse(&catalogue, args.patient.as_deref().unwrap_or("")) {
                Ok(p) => p,
                Err(message) => {
                    diagnostic(&message);
                    return Ok(Status::BadInput);
                }
            };
            let index = SearchIndex::new(&catalogue);
            let context = Context {
                c: &catalogue,
                index: &index,
                patient: &patient,
                style,
            };
            run_query_command(&context, command, &mut out)
        }
    }
}

fn check(args: &Args, dir: Option<PathBuf>, out: &mut impl Write) -> Result<Status> {
    let mut paths = DataPaths::from_env(args.data.clone());
    if let Some(dir) = dir {
        paths.base = Some(dir);
        paths.user = None;
    }
    match load_strict(&paths) {
        Ok(Loaded {
            catalogue: c,
            warnings: notes,
        }) => {
            warnings(&notes);
            writeln!(out, "catalogue is clean: {} files", c.files.len())?;
            for kind in Kind::ALL {
                writeln!(
                    out,
                    "  {:<18} {}",
                    format!("{}s", kind.name()),
                    c.count(kind)
                )?;
            }
            let channel_points = c
                .points
                .all()
                .iter()
                .filter(|p| p.channel.is_some())
                .count();
            writeln!(
                out,
                "  ({channel_points} channel points, {} extra points)",
                c.points.len() - channel_points
            )?;
            Ok(Status::Success)
        }
        Err(e) => Err(e.into()),
    }
}

fn joined(words: &[String]) -> Result<String> {
    let query = words.join(" ");
    if query.trim().is_empty() {
        bail!(
            "the query is empty; give a code, a name or a condition, for example `acuref show bl40`"
        );
    }
    Ok(query)
}

fn run_query_command(cx: &Context<'_>, command: &Command, out: &mut impl Write) -> Result<Status> {
    let (c, index, patient, style) = (cx.c, cx.index, cx.patient, cx.style);
    match command {
        Command::Show { query, kind, json } => {
            let query = joined(query)?;
            let hits = index.search(&query, kind.map(Kind::from));
            let Some(first) = hits.first() else {
                return Ok(no_match(&query));
            };
            let others = alternatives(&hits);
            if *json {
                json::print(out, &json::show(c, first, &others, patient))?;
            } else {
                card::write_card(out, c, first.entry, patient, style)?;
                card::write_alternatives(out, c, &others, patient, style)?;
            }
            Ok(Status::Success)
        }
        Command::Search {
            query,
            kind,
            limit,
            json,
        } => {
            let query = joined(query)?;
            let hits: Vec<Hit> = index
                .search(&query, kind.map(Kind::from))
                .into_iter()
                .take(usize::from(*limit))
                .collect();
            if *json {
                json::print(out, &json::hits(c, index, &hits, patient))?;
                return Ok(if hits.is_empty() {
                    Status::NothingFound
                } else {
                    Status::Success
                });
            }
            if hits.is_empty() {
                return Ok(no_match(&query));
            }
            for hit in &hits {
                card::write_hit_line(out, c, index, hit, patient, style)?;
            }
            Ok(Status::Success)
        }
        Command::List {
            kind,
            channel,
            region,
            caution,
            json,
        } => {
            if let Some(id) = caution {
                return list_caution(cx, (*kind).into(), id, *json, out);
            }
            let entries = list_entries(c, (*kind).into(), channel.as_deref(), region.as_deref())?;
            if *json {
                json::print(out, &json::entries(c, &entries, patient))?;
            } else {
                for &entry in &entries {
                    card::write_entry_line(out, c, entry, patient, style)?;
                }
            }
            Ok(Status::Success)
        }
        Command::Links { id, json } => {
            let query = joined(id)?;
            let Some(entry) = find_entry(cx, &query, None) else {
                return Ok(no_match(&query));
            };
            if *json {
                json::print(out, &json::links(c, entry, patient))?;
            } else {
                card::write_links(out, c, entry, patient, style)?;
            }
            Ok(Status::Success)
        }
        Command::Safety { entries, json } => safety(cx, entries, *json, out),
        Command::Check { .. } | Command::Paths | Command::Completions { .. } => Ok(Status::Success),
    }
}

/// The entry an id names exactly, or else the best match for it (of the kinds given).
fn find_entry(cx: &Context<'_>, query: &str, kinds: Option<&[Kind]>) -> Option<EntryRef> {
    let allowed = |e: &EntryRef| kinds.is_none_or(|k| k.contains(&e.kind));
    cx.c.find_any(query).filter(allowed).or_else(|| {
        cx.index
            .search(query, None)
            .into_iter()
            .map(|h| h.entry)
            .find(allowed)
    })
}

/// `acuref safety`: one verdict line per entry, then the rules behind it.
fn safety(
    cx: &Context<'_>,
    names: &[String],
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let (c, patient, style) = (cx.c, cx.patient, cx.style);
    if patient.is_empty() {
        diagnostic(&format!(
            "say who the patient is with --patient; the states are: {}",
            crate::catalogue::cautions::state_names(c).join(", ")
        ));
        return Ok(Status::BadInput);
    }
    let mut found = Vec::new();
    for name in names {
        match find_entry(cx, name, Some(&[Kind::Point, Kind::Technique])) {
            Some(entry) => found.push(entry),
            None => {
                diagnostic(&format!(
                    "no point or technique matches \"{}\"; try a code (li4) or a technique id (electroacupuncture)",
                    crate::text::echo(name)
                ));
                return Ok(Status::BadInput);
            }
        }
    }
    let forbidden = found.iter().any(|&e| c.verdict(e, patient).is_forbidden());
    if as_json {
        let verdicts: Vec<serde_json::Value> = found
            .iter()
            .map(|&e| {
                serde_json::json!({
                    "kind": e.kind.name(),
                    "id": c.id(e),
                    "name": c.name(e),
                    "safety": json::safety(c, e, patient),
                })
            })
            .collect();
        json::print(out, &serde_json::Value::Array(verdicts))?;
    } else {
        writeln!(out, "Patient: {}", patient.label(c))?;
        for &entry in &found {
            card::write_verdict(out, c, entry, patient, style)?;
        }
    }
    Ok(if forbidden {
        Status::Forbidden
    } else {
        Status::Success
    })
}

/// `acuref list --caution ID`: what a contraindication's rules cover, grouped by what they
/// make of each entry (a point where only moxibustion is forbidden is under `caution`), each
/// with its rules in a few words.
fn list_caution(
    cx: &Context<'_>,
    kind: Kind,
    id: &str,
    as_json: bool,
    out: &mut impl Write,
) -> Result<Status> {
    let c = cx.c;
    let Some(contra) = c.find(Kind::Contraindication, id).or_else(|| {
        crate::catalogue::cautions::find_state(c, id).map(|s| EntryRef {
            kind: Kind::Contraindication,
            index: s.contraindication,
        })
    }) else {
        bail!(
            "no contraindication `{}`; `acuref list contraindications` shows them all",
            crate::text::echo(id)
        );
    };
    if kind != Kind::Point && kind != Kind::Technique {
        bail!("--caution applies to `acuref list points` and `acuref list techniques`");
    }
    let covered: Vec<(EntryRef, crate::catalogue::Level, String)> = c
        .covered_by(contra.index)
        .into_iter()
        .filter(|(e, _)| e.kind == kind)
        .map(|(e, rules)| {
            let level = rules
                .iter()
                .map(|&r| crate::catalogue::cautions::verdict_level(e.kind, c.rule(r)))
                .max()
                .expect("covered by at least one rule");
            let summary: Vec<String> = rules.iter().map(|&r| c.rule_summary(r)).collect();
            (e, level, summary.join("; "))
        })
        .collect();
    if as_json {
        let list: Vec<serde_json::Value> = covered
            .iter()
            .map(|(e, level, _)| {
                let mut value = json::entry(c, *e, cx.patient);
                if let serde_json::Value::Object(map) = &mut value {
                    map.insert("caution_level".into(), serde_json::json!(level.as_str()));
                }
                value
            })
            .collect();
        json::print(out, &serde_json::Value::Array(list))?;
        return Ok(Status::Success);
    }
    use crate::catalogue::Level;
    for level in [Level::Forbidden, Level::Caution, Level::Note] {
        let group: Vec<&(EntryRef, Level, String)> =
            covered.iter().filter(|(_, l, _)| *l == level).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}",
            cx.style
                .bold(&format!("{} ({})", level.as_str(), group.len()))
        )?;
        for (entry, _, summary) in group {
            card::write_entry_line(out, c, *entry, cx.patient, cx.style)?;
            writeln!(out, "    {}", cx.style.dim(summary))?;
        }
    }
    Ok(Status::Success)
}

/// Hits a user should be told about besides the first: the other readings of a code, and
/// entries matching exactly as well as the first (homonyms).
fn alternatives(hits: &[Hit]) -> Vec<Hit> {
    let Some(first) = hits.first() else {
        return Vec::new();
    };
    hits[1..]
        .iter()
        .filter(|h| h.reading.is_some() || h.score == first.score)
        .cloned()
        .collect()
}

fn no_match(query: &str) -> Status {
    diagnostic(&format!(
        "nothing matches \"{}\"; try a code (bl40), a pinyin or English name, or `acuref search` for a ranked list",
        crate::text::echo(query)
    ));
    Status::NothingFound
}

fn list_entries(
    c: &Catalogue,
    kind: Kind,
    channel: Option<&str>,
    region: Option<&str>,
) -> Result<Vec<EntryRef>> {
    if (channel.is_some() || region.is_some()) && kind != Kind::Point {
        bail!("--channel and --region only apply to `acuref list points`");
    }
    let mut points: Option<Vec<usize>> = None;
    if let Some(code) = channel {
        let Some(ch) = find_channel(c, code) else {
            bail!(
                "no channel `{}`; `acuref list channels` shows them all",
                crate::text::echo(code)
            );
        };
        points = Some(c.backlinks.channel_points[ch].clone());
    }
    if let Some(id) = region {
        let Some(r) = c.regions.position(id) else {
            bail!(
                "no region `{}`; `acuref list regions` shows them all",
                crate::text::echo(id)
            );
        };
        let in_region = &c.backlinks.region_points[r];
        points = Some(match points {
            Some(p) => p.into_iter().filter(|i| in_region.contains(i)).collect(),
            None => in_region.clone(),
        });
    }
    Ok(match points {
        Some(p) => p
            .into_iter()
            .map(|index| EntryRef { kind, index })
            .collect(),
        None => (0..c.count(kind))
            .map(|index| EntryRef { kind, index })
            .collect(),
    })
}

/// A channel by id or any alias, case and spacing ignored.
fn find_channel(c: &Catalogue, name: &str) -> Option<usize> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|ch| ch.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = key(name);
    c.channels.all().iter().position(|ch| {
        key(&ch.id) == wanted
            || key(&ch.name) == wanted
            || ch.code_aliases.iter().any(|a| key(a) == wanted)
    })
}
