//! Contraindications: rules with a level, a method, what they cover, and the patient they
//! concern.

use serde::{Deserialize, Serialize};

use super::{Citation, Ref, non_empty};
use crate::catalogue::{Entry, Kind};

/// How strongly a rule restricts what it covers.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth knowing; no restriction.
    Note,
    /// Use only with the care the rule states.
    Caution,
    /// Do not use (for the patient the rule concerns).
    Forbidden,
}

impl Level {
    /// Lower-case name, as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Caution => "caution",
            Level::Forbidden => "forbidden",
        }
    }
}

/// The way of treating that a rule concerns.
#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Every way of treating the point.
    #[default]
    Any,
    /// Inserting a needle at all.
    Needling,
    /// Deep or perpendicular insertion.
    DeepNeedling,
    /// Strong stimulation or manipulation of the needle.
    StrongStimulation,
    /// Heat: moxibustion.
    Moxibustion,
    /// Current through the needles.
    Electroacupuncture,
    /// Pricking to bleed, wet cupping.
    Bleeding,
    /// Cupping.
    Cupping,
    /// Pressure without a needle.
    Acupressure,
}

impl Method {
    /// The name as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Any => "any",
            Method::Needling => "needling",
            Method::DeepNeedling => "deep-needling",
            Method::StrongStimulation => "strong-stimulation",
            Method::Moxibustion => "moxibustion",
            Method::Electroacupuncture => "electroacupuncture",
            Method::Bleeding => "bleeding",
            Method::Cupping => "cupping",
            Method::Acupressure => "acupressure",
        }
    }

    /// The method in a sentence: "any method", "deep needling".
    pub fn phrase(self) -> &'static str {
        match self {
            Method::Any => "any method",
            Method::Needling => "needling",
            Method::DeepNeedling => "deep or perpendicular needling",
            Method::StrongStimulation => "strong stimulation",
            Method::Moxibustion => "moxibustion",
            Method::Electroacupuncture => "electroacupuncture",
            Method::Bleeding => "bleeding",
            Method::Cupping => "cupping",
            Method::Acupressure => "acupressure",
        }
    }
}

/// One caution rule: what it covers, how strongly, for which method, when, why, and who says
/// so. A rule is written once; the points it covers are computed.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Forbidden, caution or note.
    pub level: Level,
    /// The method it concerns (default: any).
    #[serde(default)]
    pub method: Method,
    /// Points it covers, by id. A rule naming a point replaces what a region or category rule
    /// of the same contraindication and method says for that point.
    #[serde(default)]
    pub points: Vec<Ref>,
    /// Body regions whose points it covers.
    #[serde(default)]
    pub regions: Vec<Ref>,
    /// Point categories it covers, by id: every point in one of them.
    #[serde(default)]
    pub categories: Vec<Ref>,
    /// Techniques it covers.
    #[serde(default)]
    pub techniques: Vec<Ref>,
    /// The stages of the patient state it applies in (`T2`, `T3`); all of them when empty.
    #[serde(default)]
    pub stages: Vec<Ref>,
    /// Why, in a sentence or two.
    pub reason: String,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
}

/// The patient a contraindication describes, as the safety check names it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PatientState {
    /// The short name typed to set it (`pregnancy`, `anticoagulants`).
    pub alias: Ref,
    /// Stages that rules can be limited to (`T1`, `T2`, `T3`), in order.
    #[serde(default)]
    pub stages: Vec<Ref>,
}

/// A contraindication or caution: a set of rules, and the patient it concerns if any.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contraindication {
    /// Slug id.
    pub id: Ref,
    /// Display name.
    pub name: String,
    /// What is restricted and why.
    pub summary: String,
    /// The patient state it describes; without one its rules apply to every patient.
    pub patient: Option<PatientState>,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
    /// The rules.
    #[serde(rename = "rule", deserialize_with = "non_empty")]
    pub rules: Vec<Rule>,
}

impl Entry for Contraindication {
    const KIND: Kind = Kind::Contraindication;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        let mut links: Vec<(Kind, &Ref)> = self.sources.iter().map(Citation::link).collect();
        for rule in &self.rules {
            links.extend(rule.points.iter().map(|p| (Kind::Point, p)));
            links.extend(rule.regions.iter().map(|r| (Kind::Region, r)));
            links.extend(rule.techniques.iter().map(|t| (Kind::Technique, t)));
            links.extend(rule.categories.iter().map(|c| (Kind::Category, c)));
            links.extend(rule.sources.iter().map(Citation::link));
        }
        links
    }
}
