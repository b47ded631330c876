//! The works facts are traced to.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::Spanned;

use super::Ref;
use crate::catalogue::{Entry, Kind};

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
    pub(crate) fn short_name(&self) -> String {
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
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    // What a bracket left before a comma or colon ("notes (461 points), as") goes with it.
    joined
        .replace(" ,", ",")
        .replace(" :", ":")
        .replace(" .", ".")
}

/// The surname of an author written "Surname AB" (initials after it), if it is one.
fn surname(author: &str) -> Option<&str> {
    let (surname, initials) = author.trim().rsplit_once(' ')?;
    let initials = initials.trim_end_matches('.');
    let is_initials = (1..=3).contains(&initials.len())
        && initials.chars().all(|c| c.is_ascii_uppercase() || c == '-');
    (is_initials && !surname.is_empty()).then_some(surname)
}

/// A citation of a source: the work's id and, after `#`, where in the work the fact is
/// (`"woodley#BL pages"`, `"deadman#1st ed. 2001"`). Each work is one [`Source`]; the
/// locator says which chapter, channel, page or URL was consulted.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The id of the cited source.
    pub source: Ref,
    /// Where in the work, if the citation says.
    pub locator: Option<String>,
}

impl Citation {
    /// The link the citation writes: to its source (what `Entry::links` lists).
    pub fn link(&self) -> (Kind, &Ref) {
        (Kind::Source, &self.source)
    }

    /// A citation built in code (tests, synthetic catalogues), without a locator.
    pub fn new(source: impl Into<String>) -> Self {
        Citation {
            source: Ref::new(source),
            locator: None,
        }
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            let (source, locator) = <(Ref, Option<String>)>::deserialize(deserializer)?;
            return Ok(Citation { source, locator });
        }
        let written = Spanned::<String>::deserialize(deserializer)?;
        let span = written.span();
        let text = written.into_inner();
        let (id, locator) = match text.split_once('#') {
            Some((id, locator)) => (id, Some(locator.trim())),
            None => (text.as_str(), None),
        };
        if locator == Some("") {
            return Err(serde::de::Error::custom(
                "a `#` in a citation must be followed by where in the work (a chapter, channel, \
                 page or URL); remove the `#` if there is nothing to say",
            ));
        }
        Ok(Citation {
            source: Ref(Spanned::new(span, id.trim().to_string())),
            locator: locator.map(str::to_string),
        })
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return (&self.source, &self.locator).serialize(serializer);
        }
        #[derive(Serialize)]
        struct Shown<'a> {
            source: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            locator: Option<&'a str>,
        }
        Shown {
            source: self.source.as_str(),
            locator: self.locator.as_deref(),
        }
        .serialize(serializer)
    }
}

impl Entry for Source {
    const KIND: Kind = Kind::Source;
    fn id(&self) -> &Ref {
        &self.id
    }
    fn links(&self) -> Vec<(Kind, &Ref)> {
        Vec::new()
    }
}
