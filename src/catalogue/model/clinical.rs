//! Conditions with their prescriptions, and techniques.

use serde::{Deserialize, Serialize};

use super::{Citation, Ref, non_empty};
use crate::catalogue::{Entry, Kind};

/// How a point serves a condition.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// At the site of the problem.
    Local,
    /// Near the site.
    Adjacent,
    /// Far from the site, along the channel or by function.
    Distal,
}

impl Role {
    /// Lower-case name, as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Local => "local",
            Role::Adjacent => "adjacent",
            Role::Distal => "distal",
        }
    }
}

/// A point in a condition's prescription.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PrescribedPoint {
    /// Point id.
    pub point: Ref,
    /// Local, adjacent or distal.
    pub role: Role,
    /// Why this point, in a sentence.
    pub why: String,
    /// The source that names this point for the condition.
    pub source: Option<Citation>,
}

/// A condition, with its prescription.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Slug id.
    pub id: Ref,
    /// Display name.
    pub name: String,
    /// Other names users type.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it is.
    pub summary: String,
    /// Red flag ids: signs that mean see a physician now.
    #[serde(deserialize_with = "non_empty")]
    pub red_flags: Vec<Ref>,
    /// Technique ids.
    #[serde(default)]
    pub techniques: Vec<Ref>,
    /// Source ids of studies about this condition.
    #[serde(default)]
    pub evidence: Vec<Citation>,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
    /// The prescription.
    #[serde(deserialize_with = "non_empty")]
    pub points: Vec<PrescribedPoint>,
}

/// A treatment technique.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    /// Slug id.
    pub id: Ref,
    /// Display name.
    pub name: String,
    /// Other names users type.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it is.
    pub summary: String,
    /// How it is done; session facts.
    #[serde(default)]
    pub details: Vec<String>,
    /// Side effects and risks.
    #[serde(default)]
    pub risks: Vec<String>,
    /// Points the technique is built on.
    #[serde(default)]
    pub points: Vec<Ref>,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
}

impl Entry for Condition {
    const KIND: Kind = Kind::Condition;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        let mut links: Vec<(Kind, &Ref)> = self.sources.iter().map(Citation::link).collect();
        links.extend(self.evidence.iter().map(Citation::link));
        links.extend(self.techniques.iter().map(|t| (Kind::Technique, t)));
        links.extend(self.red_flags.iter().map(|r| (Kind::RedFlag, r)));
        for p in &self.points {
            links.push((Kind::Point, &p.point));
            links.extend(p.source.iter().map(Citation::link));
        }
        links
    }
}

impl Entry for Technique {
    const KIND: Kind = Kind::Technique;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        let mut links: Vec<(Kind, &Ref)> = self.sources.iter().map(Citation::link).collect();
        links.extend(self.points.iter().map(|p| (Kind::Point, p)));
        links
    }
}

/// A red flag: a sign that means see a physician now, written once and linked from every
/// condition it concerns.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// Slug id.
    pub id: Ref,
    /// The sign, and what it may mean.
    pub text: String,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Citation>,
}

impl Entry for RedFlag {
    const KIND: Kind = Kind::RedFlag;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        self.sources.iter().map(Citation::link).collect()
    }
}
