//! One search index over every entry and every name a user might type.
//!
//! A query that is a point code, in any spelling, puts that point first (and, for a code of an
//! older numbering, the point it meant there, labelled). Everything else is fuzzy-matched
//! against names, aliases, categories, indications and summaries, weighted so names rank above
//! descriptions. Text is folded (case, tone marks) one character for one character, so match
//! positions index the displayed text.

use std::borrow::Cow;
use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Deserialize, Serialize};

use crate::catalogue::codes::{Reading, code_key, point_code_keys};
use crate::catalogue::{Catalogue, EntryRef, Kind};

mod fields;
mod filter;
mod find;
mod fold;

pub(crate) use fold::fold;
mod notes;
mod relaxed;
mod score;
mod syntax;

pub use fields::{Field, FieldKind};
pub use find::Found;
pub use notes::NoteIndex;
pub use relaxed::Relaxed;
pub use syntax::SYNTAX;

use fields::doc_fields;
use filter::{Filter, Query, is_subsequence};
use score::{
    CODE_HIT, DOUBLED_LETTER_BONUS, MIN_FUZZY_PER_CHAR, NAME_PREFIX_BONUS, WHOLE_NAME_BONUS,
    words_positions, words_score,
};
use syntax::Syntax;

/// The searchable texts of one entry.
#[derive(Debug, Deserialize, Serialize)]
struct Doc {
    entry: EntryRef,
    /// Where this document's field filters (and shown texts) start in
    /// [`SearchIndex::filters`] (and [`SearchIndex::shown`]).
    first_filter: usize,
    /// How many fields it has.
    fields: usize,
    /// The characters of all fields together: a query needing one missing here cannot match.
    chars: u64,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The entry found.
    pub entry: EntryRef,
    /// Higher is better.
    pub score: i64,
    /// Index of the field that matched best in [`SearchIndex::fields`]; its matched
    /// characters come from [`SearchIndex::positions`].
    pub field: usize,
    /// For a code query: the numbering the code was read in.
    pub reading: Option<Reading>,
    /// Whether the user's note on the entry is what matched (not one of its fields).
    pub by_note: bool,
}

/// The search index of a catalogue. Built once; queries never re-fold the catalogue. The
/// built-in catalogue's index is built by build.rs and read from the binary's archive.
#[derive(Deserialize, Serialize)]
pub struct SearchIndex {
    /// One document per entry, kind by kind in [`Kind::ALL`] order, as [`Catalogue::entries`].
    docs: Vec<Doc>,
    /// Every field's filter, document by document, field by field: kept apart from the texts
    /// and in one run, so that a query reads little memory, in order.
    #[serde(with = "filter::as_bytes")]
    filters: Vec<Filter>,
    /// Every field's folded text (one character per displayed character), one after another.
    /// The built-in index's texts stay in the binary's archive.
    #[serde(borrow)]
    folded: Cow<'static, str>,
    /// Every field's text as displayed, one after another, in `shown`'s order.
    #[serde(borrow)]
    texts: Cow<'static, str>,
    /// Where each field's displayed text lies in `texts`, in `filters`' order.
    shown: Vec<(u32, u32)>,
    /// Where each kind's documents start in `docs`.
    starts: [usize; Kind::ALL.len()],
    codes: HashMap<String, Vec<(usize, Reading)>>,
    #[serde(skip)]
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .finish()
    }
}
impl SearchIndex {
    /// Indexes every entry of a catalogue.
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let mut filters = Vec::new();
        let mut folded_texts = String::new();
        let mut texts = String::new();
        let mut shown = Vec::new();
        let docs: Vec<Doc> = catalogue
            .entries()
            .map(|entry| {
                let first_filter = filters.len();
                let fields = doc_fields(catalogue, entry);
                for field in &fields {
                    let start = folded_texts.len();
                    folded_texts.push_str(&field.folded);
                    filters.push(Filter {
                        start: start as u32,
                        end: folded_texts.len() as u32,
                        ..Filter::of(&field.folded, field.kind)
                    });
                    let start = texts.len();
                    texts.push_str(&field.text);
                    shown.push((start as u32, texts.len() as u32));
                }
                Doc {
                    entry,
                    chars: filters[first_filter..]
                        .iter()
                        .fold(0, |chars, f| chars | f.chars),
                    first_filter,
                    fields: fields.len(),
                }
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
            filters,
            folded: Cow::Owned(folded_texts),
            texts: Cow::Owned(texts),
            shown,
            starts,
            codes,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// The searchable fields of an entry, as indexed.
    pub fn fields(&self, entry: EntryRef) -> impl Iterator<Item = Field<'_>> + Clone {
        let doc = self.doc(entry);
        (0..doc.map_or(0, |d| d.fields)).filter_map(move |i| Some(self.field_of(doc?, i)))
    }

    /// The field a hit matched, if its entry is indexed.
    pub fn field(&self, hit: &Hit) -> Option<Field<'_>> {
        let doc = self.doc(hit.entry)?;
        (hit.field < doc.fields).then(|| self.field_of(doc, hit.field))
    }

    fn field_of(&self, doc: &Doc, i: usize) -> Field<'_> {
        let (start, end) = self.shown[doc.first_filter + i];
        Field {
            kind: self.filters[doc.first_filter + i].kind,
            text: &self.texts[start as usize..end as usize],
        }
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

    /// The matches among `docs`, leaving out entries already found by code. A large index is
    /// shared out among the cores.
    fn match_docs(&self, docs: &[Doc], query: &Query, found: &[Hit]) -> Vec<Hit> {
        let scan = |docs: &[Doc]| -> Vec<Hit> {
            docs.iter()
                .filter(|d| d.chars & query.name_filter.chars == query.name_filter.chars)
                .filter(|d| !found.iter().any(|h| h.entry == d.entry))
                .filter_map(|d| self.match_doc(d, query))
                .collect()
        };
        if docs.len() < PARALLEL_DOCS {
            return scan(docs);
        }
        let parts = docs.chunks(docs.len().div_ceil(crate::cores::count()));
        crate::cores::map(parts.collect(), scan)
            .into_iter()
            .flatten()
            .collect()
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
            let field = self
                .fields(doc.entry)
                .position(|f| f.kind == FieldKind::Alias && code_key(f.text) == key)
                .filter(|_| *reading != Reading::Standard)
                .unwrap_or(0);
            hits.push(Hit {
                entry: doc.entry,
                score: CODE_HIT - rank as i64,
                field,
                reading: Some(reading.clone()),
                by_note: false,
            });
        }
        hits
    }

    /// The best-scoring field of a document for the whole query; failing that, every term of
    /// the query matched somewhere in the document.
    fn match_doc(&self, doc: &Doc, query: &Query) -> Option<Hit> {
        let hit = |score, field| Hit {
            entry: doc.entry,
            score,
            field,
            reading: None,
            by_note: false,
        };
        if let Some((score, field)) = self.best_field(doc, query) {
            return Some(hit(score, field));
        }
        let filters = self.filters_of(doc);
        let admitted = |wanted: &Filter| filters.iter().any(|f| f.admits(*wanted));
        if query.terms.len() < 2 || !query.term_filters.iter().all(admitted) {
            return None;
        }
        let mut total = 0;
        let mut first = None;
        for (term, &wanted) in query.terms.iter().zip(&query.term_filters) {
            let term = std::slice::from_ref(term);
            let (score, field) = filters
                .iter()
                .enumerate()
                .filter(|(_, filter)| filter.admits(wanted))
                .filter_map(|(i, f)| {
                    words_score(self.text_of(f), term).map(|s| (s * f.kind.weight(), i))
                })
                .max_by_key(|&(s, _)| s)?;
            total += score;
            first.get_or_insert(field);
        }
        Some(hit(total / (2 * query.terms.len() as i64), first?))
    }

    fn filters_of(&self, doc: &Doc) -> &[Filter] {
        &self.filters[doc.first_filter..doc.first_filter + doc.fields]
    }

    /// The folded text of the field a filter belongs to.
    fn text_of(&self, filter: &Filter) -> &str {
        &self.folded[filter.start as usize..filter.end as usize]
    }

    /// The best field for a query: names are matched fuzzily (typos within reach) or word by
    /// word, longer descriptive texts only where every typed word occurs as written.
    fn best_field(&self, doc: &Doc, query: &Query) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        for (i, filter) in self.filters_of(doc).iter().enumerate() {
            let name = filter.kind.is_name();
            let wanted = if name {
                query.name_filter
            } else {
                query.words_filter
            };
            if !filter.admits(wanted) {
                continue;
            }
            let text = self.text_of(filter);
            let raw = if name {
                // A name holding every word, in any order, matches as well as letters in order.
                self.fuzzy_score(text, &query.compact)
                    .or_else(|| words_score(text, &query.terms))
            } else {
                words_score(text, &query.terms)
            };
            let Some(raw) = raw else {
                continue;
            };
            let score = raw * filter.kind.weight();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best
    }

    /// A name's fuzzy score for the pattern, with a bonus where the name, spaces aside, is
    /// the pattern or starts with it.
    fn fuzzy_score(&self, folded: &str, pattern: &str) -> Option<i64> {
        if !is_subsequence(folded, pattern) {
            return None;
        }
        let raw = self.matcher.fuzzy_match(folded, pattern)?;
        let length = pattern.chars().count() as i64;
        if raw < length * MIN_FUZZY_PER_CHAR {
            return None;
        }
        let mut compact = folded.chars().filter(|c| !c.is_whitespace());
        let bonus = if !pattern.chars().all(|p| compact.next() == Some(p)) {
            if same_with_doubles_once(folded, pattern) {
                DOUBLED_LETTER_BONUS
            } else {
                0
            }
        } else if compact.next().is_none() {
            WHOLE_NAME_BONUS
        } else {
            NAME_PREFIX_BONUS
        };
        Some(raw + bonus)
    }

    /// The character positions in the hit's field that the query matched, for highlighting:
    /// the whole field for a code, else the letters the query matched there (for a query
    /// matched word by word, those of its first word).
    pub fn positions(&self, hit: &Hit, query: &str) -> Vec<usize> {
        let Some(filter) = self
            .doc(hit.entry)
            .and_then(|d| self.filters_of(d).get(hit.field))
        else {
            return Vec::new();
        };
        let text = self.text_of(filter);
        if hit.by_note {
            return Vec::new();
        }
        if hit.reading.is_some() {
            return (0..text.chars().count()).collect();
        }
        let query = Query::new(&Syntax::parse(query).plain);
        if filter.kind.is_name() && self.fuzzy_score(text, &query.compact).is_some() {
            return self
                .matcher
                .fuzzy_indices(text, &query.compact)
                .map_or_else(Vec::new, |(_, positions)| positions);
        }
        let words = if words_score(text, &query.terms).is_some() {
            &query.terms[..]
        } else {
            &query.terms[..query.terms.len().min(1)]
        };
        words_positions(text, words)
    }
}

/// Whether two texts are the same letters once every doubled letter is read once and spaces
/// are left out ("Ling Gu" and "lingu"). Reads no further than the first difference.
fn same_with_doubles_once(a: &str, b: &str) -> bool {
    fn once(text: &str) -> impl Iterator<Item = char> + '_ {
        let mut previous = None;
        text.chars()
            .filter(|c| !c.is_whitespace())
            .filter(move |&c| previous.replace(c) != Some(c))
    }
    once(a).eq(once(b))
}

/// Documents past which a query is shared out among the cores.
const PARALLEL_DOCS: usize = 20_000;

impl Hit {
    /// A hit that matched nothing in particular: an entry listed, not searched for.
    pub fn plain(entry: EntryRef) -> Hit {
        Hit {
            entry,
            score: 0,
            field: 0,
            reading: None,
            by_note: false,
        }
    }
}
