//! One search index over every entry and every name a user might type.
//!
//! A query that is a point code, in any spelling, puts that point first (and, for a code of an
//! older numbering, the point it meant there, labelled). Everything else is fuzzy-matched
//! against names, aliases, categories, indications and summaries, weighted so names rank above
//! descriptions. Text is folded (case, tone marks) one character for one character, so match
//! positions index the displayed text.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::catalogue::codes::{Reading, code_key, point_code_keys};
use crate::catalogue::{Catalogue, EntryRef, Kind};

/// What part of an entry a field is; decides its weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// A summary, citation or other description.
    Description,
}

impl FieldKind {
    /// Whether the field is a name or code, matched fuzzily.
    fn is_name(self) -> bool {
        matches!(self, FieldKind::Code | FieldKind::Name | FieldKind::Alias)
    }

    fn weight(self) -> i64 {
        match self {
            FieldKind::Code => 12,
            FieldKind::Name => 10,
            FieldKind::Alias => 9,
            FieldKind::Category => 5,
            FieldKind::Indication => 4,
            FieldKind::Action => 3,
            FieldKind::Description => 2,
        }
    }
}

/// One searchable text of an entry.
#[derive(Debug)]
pub struct Field {
    /// What it is.
    pub kind: FieldKind,
    /// The text as displayed.
    pub text: String,
    /// The folded text, one character per displayed character.
    folded: String,
    /// The folded text without spaces, for whole-name comparisons.
    compact: String,
    /// Which ASCII letters and digits occur (a cheap filter before fuzzy scoring).
    mask: u64,
}

/// The searchable texts of one entry.
#[derive(Debug)]
struct Doc {
    entry: EntryRef,
    fields: Vec<Field>,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The entry found.
    pub entry: EntryRef,
    /// Higher is better.
    pub score: i64,
    /// Index of the field that matched best in [`SearchIndex::fields`].
    pub field: usize,
    /// Character positions of the match in that field's text.
    pub positions: Vec<usize>,
    /// For a code query: the numbering the code was read in.
    pub reading: Option<Reading>,
}

/// The search index of a catalogue. Built once; queries never re-fold the catalogue.
pub struct SearchIndex {
    /// One document per entry, kind by kind in [`Kind::ALL`] order, as [`Catalogue::entries`].
    docs: Vec<Doc>,
    /// Where each kind's documents start in `docs`.
    starts: [usize; Kind::ALL.len()],
    codes: HashMap<String, Vec<(usize, Reading)>>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .finish()
    }
}

/// Variant forms of characters in point names, folded to one form: WHO prints 兪 where most
/// texts write 俞, and sources differ on 沖/衝, 谿/溪, 戶/户 and a few others.
const VARIANTS: &[(char, char)] = &[
    ('兪', '俞'),
    ('沖', '衝'),
    ('谿', '溪'),
    ('戶', '户'),
    ('瘂', '啞'),
    ('顖', '囟'),
    ('蹺', '蹻'),
    ('霊', '靈'),
];

/// Folds one character: lower case, tone marks and other accents removed, variant hanzi
/// unified.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    if let Some(&(_, to)) = VARIANTS.iter().find(|(from, _)| *from == lower) {
        return to;
    }
    let mut base = lower;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(lower, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base
}

/// Folds text one character for one character.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn mask_of(folded: &str) -> u64 {
    folded.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            c if c.is_whitespace() || c.is_ascii_punctuation() => 0,
            _ => 1 << 63,
        }
    })
}

impl Field {
    fn new(kind: FieldKind, text: &str) -> Field {
        let folded = fold(text);
        let compact = folded.chars().filter(|c| !c.is_whitespace()).collect();
        Field {
            kind,
            text: text.to_string(),
            mask: mask_of(&folded),
            folded,
            compact,
        }
    }
}

/// The searchable fields of an entry. A text that folds to one already indexed (the pinyin
/// with tones, simplified hanzi equal to the traditional) is left out: it could only match
/// where its twin does.
fn doc_fields(c: &Catalogue, entry: EntryRef) -> Vec<Field> {
    use FieldKind::*;
    let mut fields: Vec<Field> = Vec::new();
    let mut add = |kind: FieldKind, text: &str| {
        let field = Field::new(kind, text);
        if !fields.iter().any(|f| f.folded == field.folded) {
            fields.push(field);
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
            p.categories.iter().for_each(|n| add(Category, n));
            p.indications.iter().for_each(|n| add(Indication, n));
            p.actions.iter().for_each(|n| add(Action, n));
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
        }
        Kind::Contraindication => {
            let x = &c.contraindications[i];
            add(Name, &x.name);
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
        Kind::Source => {
            let x = &c.sources[i];
            add(Description, &x.id);
            add(Description, &x.citation);
        }
    }
    fields
}

impl SearchIndex {
    /// Indexes every entry of a catalogue.
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let docs: Vec<Doc> = catalogue
            .entries()
            .map(|entry| Doc {
                entry,
                fields: doc_fields(catalogue, entry),
            })
            .collect();
        let mut starts = [0; Kind::ALL.len()];
        for (i, kind) in Kind::ALL.into_iter().enumerate().skip(1) {
            starts[i] = starts[i - 1] + catalogue.count(Kind::ALL[i - 1]);
            debug_assert_eq!(
                docs.get(starts[i]).map(|d| d.entry.kind),
                (catalogue.count(kind) > 0).then_some(kind)
            );
        }
        let mut codes: HashMap<String, Vec<(usize, Reading)>> = HashMap::new();
        for (key, point, reading) in point_code_keys(catalogue) {
            let list = codes.entry(key).or_default();
            if !list.iter().any(|(p, r)| *p == point && *r == reading) {
                list.push((point, reading));
            }
        }
        for list in codes.values_mut() {
            list.sort_by_key(|(point, reading)| (*reading != Reading::Standard, *point));
        }
        SearchIndex {
            docs,
            starts,
            codes,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// The searchable fields of an entry, as indexed.
    pub fn fields(&self, entry: EntryRef) -> &[Field] {
        self.doc(entry).map_or(&[], |d| &d.fields)
    }

    fn doc(&self, entry: EntryRef) -> Option<&Doc> {
        let kind = Kind::ALL.iter().position(|&k| k == entry.kind)?;
        self.docs
            .get(self.starts[kind] + entry.index)
            .filter(|d| d.entry == entry)
    }

    /// The number of entries indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every entry matching the query, best first; only entries of `kind` if given. An empty
    /// query returns every entry in catalogue order.
    pub fn search(&self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        let wanted = |e: EntryRef| kind.is_none_or(|k| k == e.kind);
        let query = query.trim();
        if query.is_empty() {
            return self
                .docs
                .iter()
                .filter(|d| wanted(d.entry))
                .map(|d| Hit {
                    entry: d.entry,
                    score: 0,
                    field: 0,
                    positions: Vec::new(),
                    reading: None,
                })
                .collect();
        }
        let mut hits = Vec::new();
        let code_hits = self.code_hits(query);
        for hit in &code_hits {
            if wanted(hit.entry) {
                hits.push(hit.clone());
            }
        }
        let folded = fold(query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        let compact: String = terms.concat();
        for doc in &self.docs {
            if !wanted(doc.entry) || code_hits.iter().any(|h| h.entry == doc.entry) {
                continue;
            }
            if let Some(hit) = self.match_doc(doc, &compact, &terms) {
                hits.push(hit);
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }

    fn code_hits(&self, query: &str) -> Vec<Hit> {
        let key = code_key(query);
        let Some(list) = self.codes.get(&key) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = Vec::new();
        for (rank, (point, reading)) in list.iter().enumerate() {
            if hits.iter().any(|h| h.entry.index == *point) {
                continue;
            }
            let Some(doc) = self.doc(EntryRef {
                kind: Kind::Point,
                index: *point,
            }) else {
                continue;
            };
            let field = doc
                .fields
                .iter()
                .position(|f| f.kind == FieldKind::Alias && code_key(&f.text) == key)
                .filter(|_| *reading != Reading::Standard)
                .unwrap_or(0);
            let positions = (0..doc.fields[field].text.chars().count()).collect();
            hits.push(Hit {
                entry: doc.entry,
                score: i64::MAX / 2 - rank as i64,
                field,
                positions,
                reading: Some(reading.clone()),
            });
        }
        hits
    }

    /// The best-scoring field of a document for the whole query; failing that, every term of
    /// the query matched somewhere in the document.
    fn match_doc(&self, doc: &Doc, compact: &str, terms: &[&str]) -> Option<Hit> {
        if let Some((score, field, positions)) = self.best_field(doc, compact, terms) {
            return Some(Hit {
                entry: doc.entry,
                score,
                field,
                positions,
                reading: None,
            });
        }
        if terms.len() < 2 {
            return None;
        }
        let mut total = 0;
        let mut first = None;
        for term in terms {
            let (score, field, positions) = doc
                .fields
                .iter()
                .enumerate()
                .filter_map(|(i, f)| words_in(f, &[term]).map(|(s, p)| (s * f.kind.weight(), i, p)))
                .max_by_key(|(s, _, _)| *s)?;
            total += score;
            first.get_or_insert((field, positions));
        }
        let (field, positions) = first?;
        Some(Hit {
            entry: doc.entry,
            score: total / (2 * terms.len() as i64),
            field,
            positions,
            reading: None,
        })
    }

    /// The best field for a query: names are matched fuzzily (typos within reach), longer
    /// descriptive texts only where every typed word occurs as written.
    fn best_field(
        &self,
        doc: &Doc,
        compact: &str,
        terms: &[&str],
    ) -> Option<(i64, usize, Vec<usize>)> {
        let pattern_mask = mask_of(compact);
        let mut best: Option<(i64, usize, Vec<usize>)> = None;
        for (i, field) in doc.fields.iter().enumerate() {
            if field.mask & pattern_mask != pattern_mask {
                continue;
            }
            let found = if field.kind.is_name() {
                self.fuzzy(field, compact)
            } else {
                words_in(field, terms)
            };
            let Some((raw, positions)) = found else {
                continue;
            };
            let score = raw * field.kind.weight();
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, i, positions));
            }
        }
        best
    }

    fn fuzzy(&self, field: &Field, pattern: &str) -> Option<(i64, Vec<usize>)> {
        let (raw, positions) = self.matcher.fuzzy_indices(&field.folded, pattern)?;
        let length = pattern.chars().count() as i64;
        if raw < length * 8 {
            return None;
        }
        let bonus = if field.compact == pattern {
            200
        } else if field.compact.starts_with(pattern) {
            80
        } else {
            0
        };
        Some((raw + bonus, positions))
    }
}

/// Every term at the start of a word of the field's folded text (hanzi, which have no word
/// breaks, anywhere); scored like a fuzzy match of the same length.
fn words_in(field: &Field, terms: &[&str]) -> Option<(i64, Vec<usize>)> {
    let mut score = 0;
    let mut positions = Vec::new();
    for term in terms {
        let byte = field
            .folded
            .match_indices(term)
            .map(|(b, _)| b)
            .find(|&b| {
                let before = field.folded[..b].chars().next_back();
                let starts_alphabetic = term
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
                !starts_alphabetic || before.is_none_or(|c| !c.is_alphanumeric())
            })?;
        let start = field.folded[..byte].chars().count();
        let length = term.chars().count();
        score += 16 * length as i64 + 12;
        positions.extend(start..start + length);
    }
    positions.sort_unstable();
    positions.dedup();
    Some((score, positions))
}
