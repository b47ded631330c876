//! The entries of the catalogue, exactly as the TOML files write them.
//!
//! Every struct denies unknown fields, so a misspelt field name is an error rather than a
//! silently missing fact. Ids and links keep the place they were written ([`Ref`]) so that
//! validation can point at them.

use std::ops::{Deref, Range};

use serde::{Deserialize, Deserializer, Serialize};
use toml::Spanned;

/// An id or a link to an id, with the byte range where the file wrote it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Ref(Spanned<String>);

impl Ref {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        self.0.get_ref()
    }

    /// Where the id was written, as a byte range in its file.
    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    /// A reference built in code (tests, synthetic catalogues); it points at the file start.
    pub fn new(id: impl Into<String>) -> Self {
        Ref(Spanned::new(0..0, id.into()))
    }
}

impl Deref for Ref {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Ref {
    fn eq(&self, other: &Ref) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Ref {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// A list that must hold at least one item.
fn non_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Vec::<T>::deserialize(deserializer)?;
    if items.is_empty() {
        return Err(serde::de::Error::custom(
            "this list is required and must hold at least one item",
        ));
    }
    Ok(items)
}

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
    pub sources: Vec<Ref>,
}

/// A code that another numbering system gives a point.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OtherCode {
    /// The code in that system, such as `BL47`.
    pub code: String,
    /// Which system uses it.
    pub system: String,
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
    /// Point categories (Back-Shu, He-Sea...).
    #[serde(default)]
    pub categories: Vec<String>,
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
    pub sources: Vec<Ref>,
}

impl Point {
    /// The extra-point group read from the code (`EX-HN` of `EX-HN3`, `TUNG` of
    /// `TUNG-22.05`); `None` for channel points.
    pub fn extra_group(&self) -> Option<&str> {
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
    pub source: Option<Ref>,
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
    /// Signs that mean see a physician now.
    #[serde(deserialize_with = "non_empty")]
    pub red_flags: Vec<String>,
    /// Technique ids.
    #[serde(default)]
    pub techniques: Vec<Ref>,
    /// Source ids of studies about this condition.
    #[serde(default)]
    pub evidence: Vec<Ref>,
    /// Source ids.
    #[serde(deserialize_with = "non_empty")]
    pub sources: Vec<Ref>,
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
    pub sources: Vec<Ref>,
}

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
    /// Point categories it covers: every point with a category that begins with one of these.
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
    pub sources: Vec<Ref>,
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
    pub sources: Vec<Ref>,
    /// The rules.
    #[serde(rename = "rule", deserialize_with = "non_empty")]
    pub rules: Vec<Rule>,
}

/// What kind of work a source is.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A standard, such as WHO 2008.
    Standard,
    /// A book.
    Book,
    /// A website.
    Website,
    /// A public data set.
    Dataset,
    /// A clinical trial.
    Trial,
    /// A systematic or narrative review.
    Review,
    /// A meta-analysis.
    MetaAnalysis,
    /// A guideline.
    Guideline,
    /// Any other article.
    Article,
}

impl SourceKind {
    /// The name as written in the data.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Standard => "standard",
            SourceKind::Book => "book",
            SourceKind::Website => "website",
            SourceKind::Dataset => "dataset",
            SourceKind::Trial => "trial",
            SourceKind::Review => "review",
            SourceKind::MetaAnalysis => "meta-analysis",
            SourceKind::Guideline => "guideline",
            SourceKind::Article => "article",
        }
    }
}

/// A reference that facts are traced to.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Slug id.
    pub id: Ref,
    /// What kind of work it is.
    pub kind: SourceKind,
    /// Full citation.
    pub citation: String,
    /// Year of publication.
    pub year: Option<u16>,
    /// Where to find it.
    pub url: Option<String>,
    /// For studies: what the study found.
    pub finding: Option<String>,
    /// Where a popular claim differs from the finding.
    pub claim_note: Option<String>,
    /// A short name for lists, where the one read from the citation would mislead.
    pub short: Option<String>,
}

impl Source {
    /// A short name for lists of sources: the first author or body and the year
    /// ("Deadman et al. 2001", "World Health Organization 1999", "Yin Yang House").
    pub fn short_name(&self) -> String {
        if let Some(short) = &self.short {
            return short.clone();
        }
        let first = first_sentence(&self.citation);
        let mut name = without_brackets(first);
        let authors: Vec<&str> = name.split(", ").collect();
        if let Some(surname) = authors.first().and_then(|a| surname(a)) {
            name = if authors.len() > 1 || first.contains(" et al") {
                format!("{surname} et al.")
            } else {
                surname.to_string()
            };
        }
        let mut name = name.trim().to_string();
        if !name.ends_with("al.") {
            name = name.trim_end_matches('.').to_string();
        }
        if name.chars().count() > 40 {
            let cut: String = name.chars().take(39).collect();
            name = format!("{}…", cut.trim_end());
        }
        match self.year {
            Some(year) if !name.contains(&year.to_string()) => format!("{name} {year}"),
            _ => name,
        }
    }
}

/// The citation up to its first full stop that ends a sentence: after a word or an author's
/// initials ("Baker K."), but not after an abbreviation such as "Dr." or "et al.".
fn first_sentence(citation: &str) -> &str {
    let mut from = 0;
    while let Some(at) = citation[from..].find(". ") {
        let end = from + at;
        let word = citation[..end].rsplit(' ').next().unwrap_or("");
        let abbreviation = ["Dr", "Mr", "Ms", "St", "Mt", "al", "ed", "No", "Vol"].contains(&word);
        if !word.is_empty() && !abbreviation {
            return &citation[..end];
        }
        from = end + 2;
    }
    citation
}

/// Text with every bracketed aside removed.
fn without_brackets(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The surname of an author written "Surname AB" (initials after it), if it is one.
fn surname(author: &str) -> Option<&str> {
    let (surname, initials) = author.trim().rsplit_once(' ')?;
    let initials = initials.trim_end_matches('.');
    let is_initials = (1..=3).contains(&initials.len())
        && initials.chars().all(|c| c.is_ascii_uppercase() || c == '-');
    (is_initials && !surname.is_empty()).then_some(surname)
}
