//! What of each entry is searchable, and as what kind of field.

use serde::{Deserialize, Serialize};

use super::fold::fold;
use crate::catalogue::{Catalogue, EntryRef, Kind};

/// What part of an entry a field is; decides its weight (see the `score` module).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum FieldKind {
    /// A code or id.
    Code,
    /// A name: pinyin, hanzi, English, a condition's name.
    Name,
    /// An alternate name or alias.
    Alias,
    /// A point category.
    Category,
    /// An indication.
    Indication,
    /// An action.
    Action,
    /// A caution on the entry: the contraindication, the rule in a few words and its reason.
    Caution,
    /// A summary, citation or other description.
    #[default]
    Description,
}

impl FieldKind {
    /// Every kind, in declaration order (an archive writes a kind as its position here).
    pub const ALL: [FieldKind; 8] = [
        FieldKind::Code,
        FieldKind::Name,
        FieldKind::Alias,
        FieldKind::Category,
        FieldKind::Indication,
        FieldKind::Action,
        FieldKind::Caution,
        FieldKind::Description,
    ];

    /// The name JSON output gives the kind of field a query matched.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Code => "code",
            FieldKind::Name => "name",
            FieldKind::Alias => "alias",
            FieldKind::Category => "category",
            FieldKind::Indication => "indication",
            FieldKind::Action => "action",
            FieldKind::Caution => "caution",
            FieldKind::Description => "description",
        }
    }

    /// Whether the field is a name or code, matched fuzzily.
    pub(super) fn is_name(self) -> bool {
        matches!(self, FieldKind::Code | FieldKind::Name | FieldKind::Alias)
    }
}

/// One searchable text of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// What it is.
    pub kind: FieldKind,
    /// The text as displayed.
    pub text: &'a str,
}

/// A field as it is indexed: its kind, its text, and its text folded.
pub(super) struct Indexed {
    pub(super) kind: FieldKind,
    pub(super) text: String,
    pub(super) folded: String,
}

/// The searchable fields of an entry. A text that folds to one already indexed (the pinyin
/// with tones, simplified hanzi equal to the traditional) is left out: it could only match
/// where its twin does.
pub(super) fn doc_fields(c: &Catalogue, entry: EntryRef) -> Vec<Indexed> {
    use FieldKind::*;
    let mut fields: Vec<Indexed> = Vec::new();
    // Seen folded texts, so an entry with many fields is indexed in linear time.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut add = |kind: FieldKind, text: &str| {
        let folded = fold(text);
        if seen.insert(folded.clone()) {
            let text = text.to_string();
            fields.push(Indexed { kind, text, folded });
        }
    };
    let i = entry.index;
    match entry.kind {
        Kind::Point => {
            let p = &c.points[i];
            add(Code, &p.code);
            add(Name, &p.pinyin);
            add(Name, &p.pinyin_tones);
            add(Name, &p.hanzi);
            add(Name, &p.hanzi_simplified);
            add(Name, &p.english);
            p.alt_names.iter().for_each(|n| add(Alias, n));
            p.other_codes.iter().for_each(|o| add(Alias, &o.code));
            for pc in &p.categories {
                add(Category, &c.category_label(pc));
            }
            p.indications.iter().for_each(|n| add(Indication, n));
            p.actions.iter().for_each(|n| add(Action, n));
            caution_texts(c, entry).iter().for_each(|t| add(Caution, t));
        }
        Kind::Condition => {
            let x = &c.conditions[i];
            add(Name, &x.name);
            x.aliases.iter().for_each(|n| add(Alias, n));
            add(Description, &x.summary);
        }
        Kind::Technique => {
            let x = &c.techniques[i];
            add(Name, &x.name);
            x.aliases.iter().for_each(|n| add(Alias, n));
            add(Description, &x.summary);
            caution_texts(c, entry).iter().for_each(|t| add(Caution, t));
        }
        Kind::Contraindication => {
            let x = &c.contraindications[i];
            add(Name, &x.name);
            if let Some(patient) = &x.patient {
                add(Alias, &patient.alias);
            }
            add(Description, &x.summary);
        }
        Kind::Channel => {
            let x = &c.channels[i];
            add(Code, &x.id);
            add(Name, &x.name);
            add(Name, &x.full_name);
            add(Name, &x.pinyin);
            add(Name, &x.hanzi);
            add(Name, &x.hanzi_simplified);
            x.code_aliases.iter().for_each(|n| add(Alias, n));
        }
        Kind::Region => add(Name, &c.regions[i].name),
        Kind::Category => {
            let x = &c.categories[i];
            add(Name, &x.name);
            add(Description, &x.summary);
        }
        Kind::RedFlag => add(Description, &c.red_flags[i].text),
        Kind::Source => {
            let x = &c.sources[i];
            add(Description, &x.id);
            add(Description, &x.citation);
        }
    }
    fields
}

/// Each rule covering an entry as searchable text: "Pregnancy: forbidden (needling) in T1,
/// T2, T3. Why.", so a search for a contraindication's name or words of its reason finds
/// the points and techniques it covers.
fn caution_texts(c: &Catalogue, entry: EntryRef) -> Vec<String> {
    c.rules_covering(entry)
        .iter()
        .map(|&r| c.rule_sentence(r))
        .collect()
}
