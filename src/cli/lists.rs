//! What `acuref list` lists (every entry of a kind, or the points of a channel, a region, a
//! category), and the ids the shell completion offers for those options.

use anyhow::{Result, bail};
use clap::CommandFactory;

use super::args::Args;
use crate::catalogue::{Catalogue, EntryRef, Kind};

/// The command line, with the ids of the built-in catalogue offered for the options that
/// take one (`--channel`, `--region`, `--category`, `--caution`), so the shell completes them.
/// Only the completion script sees these lists: parsing still takes any spelling (`UB`).
pub(super) fn completed_command() -> clap::Command {
    let command = Args::command();
    let Ok(c) = Catalogue::builtin() else {
        return command;
    };
    let ids = |kind: Kind| -> Vec<String> {
        (0..c.count(kind))
            .map(|index| c.id(EntryRef { kind, index }).to_string())
            .collect()
    };
    let options = [
        ("channel", ids(Kind::Channel)),
        ("region", ids(Kind::Region)),
        ("category", ids(Kind::Category)),
        ("caution", ids(Kind::Contraindication)),
    ];
    command.mut_subcommand("list", |list| {
        options.into_iter().fold(list, |list, (name, ids)| {
            list.mut_arg(name, |arg| {
                arg.value_parser(clap::builder::PossibleValuesParser::new(ids))
            })
        })
    })
}

/// The entries `acuref list` prints: every entry of a kind, or the points that pass every
/// filter given (a channel, a region, a category).
pub(super) fn list_entries(
    c: &Catalogue,
    kind: Kind,
    channel: Option<&str>,
    region: Option<&str>,
    category: Option<&str>,
) -> Result<Vec<EntryRef>> {
    if (channel.is_some() || region.is_some() || category.is_some()) && kind != Kind::Point {
        bail!("--channel, --region and --category only apply to `acuref list points`");
    }
    let mut filters: Vec<Vec<usize>> = Vec::new();
    if let Some(code) = channel {
        let Some(ch) = find_channel(c, code) else {
            bail!(
                "no channel `{}`; `acuref list channels` shows them all",
                crate::text::echo(code)
            );
        };
        filters.push(channel_points(c, ch));
    }
    if let Some(id) = region {
        let Some(r) = c.regions.position(id) else {
            bail!(
                "no region `{}`; `acuref list regions` shows them all",
                crate::text::echo(id)
            );
        };
        filters.push(c.backlinks.region_points[r].clone());
    }
    if let Some(id) = category {
        let Some(k) = c.categories.position(id) else {
            bail!(
                "no category `{}`; `acuref list categories` shows them all",
                crate::text::echo(id)
            );
        };
        filters.push(c.backlinks.category_points[k].clone());
    }
    let mut filters = filters.into_iter();
    let points: Option<Vec<usize>> = filters.next().map(|first| {
        let rest: Vec<Vec<usize>> = filters.collect();
        first
            .into_iter()
            .filter(|p| rest.iter().all(|r| r.contains(p)))
            .collect()
    });
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

/// A channel's points in number order; for a vessel without points of its own, its
/// confluent point and the points on its course.
fn channel_points(c: &Catalogue, ch: usize) -> Vec<usize> {
    let own = &c.backlinks.channel_points[ch];
    if !own.is_empty() {
        return own.clone();
    }
    let confluent = c.channels[ch]
        .confluent_point
        .as_ref()
        .and_then(|p| c.points.position(p));
    let mut points: Vec<usize> = confluent.into_iter().collect();
    for &(p, _) in &c.backlinks.channel_course_points[ch] {
        if !points.contains(&p) {
            points.push(p);
        }
    }
    points
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
