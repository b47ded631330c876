//! Acupuncture points.

use serde::{Deserialize, Serialize};

use super::{Citation, Ref, non_empty};
use crate::catalogue::{Entry, Kind};

/// A code that another numbering system gives a point.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OtherCode {
    /// The code in that system, such as `BL47`.
    pub code: String,
    /// Which system uses it.
    pub system: String,
}

/// A category a point belongs to, and what it concerns for this point.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PointCategory {
    /// Category id.
    pub category: Ref,
    /// The channels and vessels the category concerns here, by id: a meeting point of the
    /// Kidney channel and the Chong Mai is `["KI", "CHONG"]`. Their cards list the point.
    #[serde(default)]
    pub channels: Vec<Ref>,
    /// What else the category concerns here, in words: `of the Kidney` (an organ).
    pub detail: Option<String>,
}

/// A point category: an entry of the controlled vocabulary points link to.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Slug id.
    pub id: Ref,
    /// Display name, such as "Back-Shu point".
    pub name: String,
    /// What the category is.
    pub summary: String,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
}

impl Entry for Category {
    const KIND: Kind = Kind::Category;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        self.sources.iter().map(Citation::link).collect()
    }
}

/// An acupuncture point: a channel point or an extra point.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// WHO code without spaces: the point's id.
    pub code: Ref,
    /// Channel id, for channel points.
    pub channel: Option<Ref>,
    /// WHO number on the channel, for channel points.
    pub number: Option<u16>,
    /// Pinyin in WHO spelling.
    pub pinyin: String,
    /// Pinyin with tone marks.
    pub pinyin_tones: String,
    /// Traditional characters, as WHO prints them.
    pub hanzi: String,
    /// Simplified characters.
    pub hanzi_simplified: String,
    /// English translation of the name.
    pub english: String,
    /// Other names in use.
    #[serde(default)]
    pub alt_names: Vec<String>,
    /// Codes other numberings give this point.
    #[serde(default)]
    pub other_codes: Vec<OtherCode>,
    /// Location in cun from landmarks.
    pub location: String,
    /// Needling depth.
    pub depth: String,
    /// Needling angle and direction.
    pub angle: String,
    /// What the needle must not reach.
    pub avoid: Option<String>,
    /// Point categories (Back-Shu, He-Sea...), each with what it concerns here.
    #[serde(default)]
    pub categories: Vec<PointCategory>,
    /// Main actions.
    #[serde(deserialize_with = "non_empty")]
    pub actions: Vec<String>,
    /// Main indications.
    #[serde(deserialize_with = "non_empty")]
    pub indications: Vec<String>,
    /// Region ids.
    #[serde(deserialize_with = "non_empty")]
    pub regions: Vec<Ref>,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
}

impl Point {
    /// The extra-point group read from the code (`EX-HN` of `EX-HN3`, `TUNG` of
    /// `TUNG-22.05`); `None` for channel points.
    pub(crate) fn extra_group(&self) -> Option<&str> {
        if self.channel.is_some() {
            return None;
        }
        let code = self.code.as_str();
        let end = code
            .rfind(|c: char| c.is_ascii_alphabetic())
            .map_or(code.len(), |i| i + 1);
        Some(&code[..end])
    }
}

impl Entry for Point {
    const KIND: Kind = Kind::Point;
    fn id(&self) -> &Ref {
        &self.code
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        let mut links: Vec<(Kind, &Ref)> = self.sources.iter().map(Citation::link).collect();
        links.extend(self.regions.iter().map(|r| (Kind::Region, r)));
        links.extend(self.channel.iter().map(|c| (Kind::Channel, c)));
        for c in &self.categories {
            links.push((Kind::Category, &c.category));
            links.extend(c.channels.iter().map(|ch| (Kind::Channel, ch)));
        }
        links
    }
}
