//! Running a query: the operators taken out, the words matched (with the user's notes), the
//! typo and most-words fallbacks, the operators applied, and sources put after the rest.

use super::filter::Query;
use super::relaxed::Relaxed;
use super::syntax::Syntax;
use super::{Doc, Hit, NoteIndex, SearchIndex};
use crate::catalogue::{EntryRef, Kind};

/// What a query found, and how, where it was read loosely.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// How they were found, when not all as typed.
    pub relaxed: Option<Relaxed>,
}

impl Found {
    /// A short sentence for the user saying how the results were found, when not as typed:
    /// "no entry has all 4 words; 12 have 3", "2 found with a typo".
    pub fn note(&self) -> Option<String> {
        match self.relaxed? {
            Relaxed::SomeWords { words, most } => Some(format!(
                "no entry has all {words} words; {} {} {most}",
                self.hits.len(),
                if self.hits.len() == 1 { "has" } else { "have" }
            )),
            Relaxed::Typos => Some("nothing as typed; these are one letter off".to_string()),
        }
    }

    /// The same in a few words, for a pane's title: "3 of 4 words", "one letter off".
    pub fn label(&self) -> Option<String> {
        match self.relaxed? {
            Relaxed::SomeWords { words, most } => Some(format!("{most} of {words} words")),
            Relaxed::Typos => Some("one letter off".to_string()),
        }
    }
}

impl SearchIndex {
    /// Every entry matching the query, best first; only entries of `kind` if given. An empty
    /// query returns every entry in catalogue order. See [`SearchIndex::find`].
    pub fn search(&self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        self.find(query, kind).hits
    }

    /// Every entry matching the query, best first, and how they were found. The query may use
    /// fzf's operators (`'exact`, `^prefix`, `suffix$`, `!not`) and a kind prefix (`pt:`);
    /// `kind`, if given, wins over the prefix. Sources come after the other kinds unless the
    /// query asks for sources. When nothing matches as typed, words one typo away are matched
    /// (a swap of two letters or one wrong letter); failing that, when no entry holds every
    /// word, those holding the most are returned.
    pub fn find(&self, query: &str, kind: Option<Kind>) -> Found {
        self.find_with_notes(query, kind, &NoteIndex::default())
    }

    /// [`SearchIndex::find`], with the user's notes searched too: an entry whose note holds
    /// every word is found, ranked as a match in its name.
    pub fn find_with_notes(&self, query: &str, kind: Option<Kind>, notes: &NoteIndex) -> Found {
        let syntax = Syntax::parse(query);
        let kind = kind.or(syntax.kind);
        let docs = match kind {
            Some(kind) => {
                let k = Kind::ALL.iter().position(|&x| x == kind).unwrap_or(0);
                let end = self.starts.get(k + 1).copied().unwrap_or(self.docs.len());
                &self.docs[self.starts[k]..end]
            }
            None => &self.docs[..],
        };
        let plain = syntax.plain.trim();
        let mut found = if plain.is_empty() {
            Found {
                hits: docs.iter().map(|d| Hit::plain(d.entry)).collect(),
                relaxed: None,
            }
        } else {
            self.find_words(docs, plain, kind, notes)
        };
        if syntax.constrains() {
            found.hits.retain(|h| self.satisfies(h.entry, &syntax));
        }
        if !plain.is_empty() {
            found
                .hits
                .sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
            let is_source = |h: &Hit| h.entry.kind == Kind::Source;
            if kind.is_none()
                && let Some(first) = found.hits.iter().position(is_source)
            {
                let (rest, sources): (Vec<Hit>, Vec<Hit>) = found
                    .hits
                    .split_off(first)
                    .into_iter()
                    .partition(|h| !is_source(h));
                found.hits.extend(rest);
                found.hits.extend(sources);
            }
        }
        found
    }

    /// The entries matching plain words, and how they were found.
    fn find_words(
        &self,
        docs: &[Doc],
        query: &str,
        kind: Option<Kind>,
        notes: &NoteIndex,
    ) -> Found {
        let code_hits: Vec<Hit> = self
            .code_hits(query)
            .into_iter()
            .filter(|h| kind.is_none_or(|k| k == h.entry.kind))
            .collect();
        let query = Query::new(query);
        let mut hits = self.match_docs(docs, &query, &code_hits);
        hits.extend(code_hits);
        notes.merge(&query, kind, &mut hits);
        let mut relaxed = None;
        if hits.is_empty() {
            let typos = self.typo_hits(docs, &query, &hits);
            if !typos.is_empty() {
                relaxed = Some(Relaxed::Typos);
                hits.extend(typos);
            }
        }
        if hits.is_empty() && query.terms.len() > 1 {
            let (most, held) = self.most_words_hits(docs, &query);
            if !most.is_empty() {
                relaxed = Some(Relaxed::SomeWords {
                    words: query.terms.len(),
                    most: held,
                });
                hits = most;
            }
        }
        Found { hits, relaxed }
    }

    /// Whether an entry satisfies the query's operators.
    fn satisfies(&self, entry: EntryRef, syntax: &Syntax) -> bool {
        let Some(doc) = self.doc(entry) else {
            return false;
        };
        let texts = || {
            self.filters_of(doc)
                .iter()
                .map(|f| (f.kind, self.text_of(f)))
        };
        let names = || texts().filter(|(kind, _)| kind.is_name()).map(|(_, t)| t);
        syntax
            .exact
            .iter()
            .all(|e| texts().any(|(_, t)| t.contains(e.as_str())))
            && syntax
                .prefix
                .iter()
                .all(|p| names().any(|t| t.starts_with(p.as_str())))
            && syntax
                .suffix
                .iter()
                .all(|x| names().any(|t| t.ends_with(x.as_str())))
            && !syntax
                .not
                .iter()
                .any(|n| texts().any(|(_, t)| t.contains(n.as_str())))
    }
}
