//! Where points belong: body regions and channels.

use serde::{Deserialize, Serialize};

use super::{Citation, Ref, non_empty};
use crate::catalogue::{Entry, Kind};

/// A body region used to browse points.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id, such as `lower-back`.
    pub id: Ref,
    /// Display name.
    pub name: String,
}

/// Whether a channel is one of the twelve primary channels or an extraordinary vessel.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    /// One of the twelve primary channels.
    Primary,
    /// One of the eight extraordinary vessels (GV and CV carry their own points).
    Extraordinary,
}

/// A channel or vessel.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// WHO code (`BL`) or a short name (`DAI`).
    pub id: Ref,
    /// Primary channel or extraordinary vessel.
    pub kind: ChannelKind,
    /// Short English name, such as "Bladder".
    pub name: String,
    /// Full English name.
    pub full_name: String,
    /// Pinyin without tone marks.
    pub pinyin: String,
    /// Pinyin with tone marks.
    pub pinyin_tones: String,
    /// Traditional characters.
    pub hanzi: String,
    /// Simplified characters.
    pub hanzi_simplified: String,
    /// Other prefixes users type before a point number (`UB`, `Bladder`).
    #[serde(default)]
    pub code_aliases: Vec<String>,
    /// Interior-exterior partner of a primary channel.
    pub paired_with: Option<Ref>,
    /// The course of the channel.
    pub course: String,
    /// Confluent (opening) point of an extraordinary vessel.
    pub confluent_point: Option<Ref>,
    /// The couple of an extraordinary vessel in the eight-vessel method.
    pub coupled_with: Option<Ref>,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
}

impl Entry for Region {
    const KIND: Kind = Kind::Region;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        Vec::new()
    }
}

impl Entry for Channel {
    const KIND: Kind = Kind::Channel;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        let mut links: Vec<(Kind, &Ref)> = self.sources.iter().map(Citation::link).collect();
        links.extend(self.paired_with.iter().map(|c| (Kind::Channel, c)));
        links.extend(self.coupled_with.iter().map(|c| (Kind::Channel, c)));
        links.extend(self.confluent_point.iter().map(|p| (Kind::Point, p)));
        links
    }
}
