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
    let c = Catalogue::builtin();
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
        let Some(ch) = c.find_channel(code) else {
            bail!(
                "no channel `{}`; `acuref list channels` shows them all",
                crate::text::echo(code)
            );
        };
        filters.push(c.channel_points(ch));
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
