//! Study in the interactive reference, as state: the deck chooser, the sitting on screen (one
//! card at a time) and the quiz. Keys change it in `update::study`; `ui::study` draws it; the
//! ratings are committed by `user_data` as they are made.

use crate::catalogue::{Catalogue, EntryRef, Kind};
use crate::search::fold;
use crate::store::Protocol;
use crate::study::session::Sitting;
use crate::study::{Deck, DeckPart, Question};

/// Questions in a quiz started from the interactive reference.
pub const QUIZ_LENGTH: usize = 10;

/// One deck the chooser offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckChoice {
    /// How it reads: "Lung channel".
    pub title: String,
    /// How the command line writes it: `channel:LU`.
    pub spec: String,
}

/// The deck chooser: the decks of what is on screen first, then every deck; typing narrows
/// them, or writes a deck as the command line does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckPicker {
    /// The decks offered before anything is typed.
    pub offered: Vec<DeckChoice>,
    /// What was typed.
    pub typed: String,
    /// Where typing edits: a byte offset on a character boundary.
    pub cursor: usize,
    /// The row selected among the choices.
    pub selected: usize,
}

impl DeckPicker {
    /// A chooser offering `first` (the decks of the list and entry on screen), then all
    /// cards, the bookmarks (if there are any), each protocol, channel, region, category, contraindication and
    /// condition.
    pub fn new(
        c: &Catalogue,
        first: Vec<Deck>,
        bookmarks: bool,
        protocols: &[Protocol],
    ) -> DeckPicker {
        let mut decks = first;
        decks.push(Deck::all());
        if bookmarks {
            decks.push(Deck::of_part(c, DeckPart::Bookmarks));
        }
        decks.extend(
            protocols
                .iter()
                .map(|p| Deck::of_part(c, DeckPart::Protocol(p.name.clone()))),
        );
        let every = |kind: Kind, count: usize| {
            (0..count).filter_map(move |index| Deck::of_entry(c, EntryRef { kind, index }))
        };
        decks.extend(every(Kind::Channel, c.channels.len()));
        decks.extend(every(Kind::Region, c.regions.len()));
        decks.extend(every(Kind::Category, c.categories.len()));
        decks.extend(every(Kind::Contraindication, c.contraindications.len()));
        decks.extend(every(Kind::Condition, c.conditions.len()));
        let mut offered: Vec<DeckChoice> = Vec::new();
        for deck in decks {
            if !offered.iter().any(|d| d.spec == deck.spec()) {
                offered.push(DeckChoice {
                    title: deck.title(c),
                    spec: deck.spec().to_string(),
                });
            }
        }
        DeckPicker {
            offered,
            typed: String::new(),
            cursor: 0,
            selected: 0,
        }
    }

    /// The decks offered now: a deck written as the command line writes it first (when the
    /// typing reads as one), then those whose title or spelling holds every typed word.
    pub fn choices(&self, c: &Catalogue) -> Vec<DeckChoice> {
        let typed = self.typed.trim();
        let words: Vec<String> = typed.split_whitespace().map(fold).collect();
        let mut rows: Vec<DeckChoice> = Vec::new();
        if (typed.contains(':') || typed.contains(','))
            && let Ok(deck) = Deck::parse(c, typed)
        {
            rows.push(DeckChoice {
                title: deck.title(c),
                spec: deck.spec().to_string(),
            });
        }
        let narrowed: Vec<DeckChoice> = self
            .offered
            .iter()
            .filter(|d| !rows.iter().any(|r| r.spec == d.spec))
            .filter(|d| {
                let text = fold(&format!("{} {}", d.title, d.spec));
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .cloned()
            .collect();
        rows.extend(narrowed);
        rows
    }
}

/// What is drawn over the card, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The card alone.
    None,
    /// The full card of the entry the study card is about, scrolled this far.
    FullCard(usize),
    /// The progress on the deck.
    Progress,
}

/// The sitting on screen.
pub struct StudyScreen {
    /// The deck's cards and their progress.
    pub sitting: Sitting,
    /// The deck as the command line writes it.
    pub spec: String,
    /// The deck as a person reads it.
    pub title: String,
    /// The card on screen, by id (none when nothing is due).
    pub card: Option<String>,
    /// Whether its answer is shown.
    pub revealed: bool,
    /// When it was shown (milliseconds of the study clock), for the answer time.
    pub shown_at: i64,
    /// How far the card is scrolled (a long answer at a small size).
    pub scroll: usize,
    /// What is drawn over the card.
    pub overlay: Overlay,
    /// Cards rated in this sitting.
    pub rated: usize,
    /// Why ratings are not kept, when they cannot be (said once, on the screen).
    pub unkept: Option<String>,
}

/// A question's answer once checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Whether it was right.
    pub right: bool,
    /// What was given: the choice's text or what was typed (none when skipped).
    pub given: Option<String>,
}

/// A quiz being answered, then its score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizRun {
    /// The deck it asks from, as the command line writes it.
    pub spec: String,
    /// The questions.
    pub questions: Vec<Question>,
    /// The question on screen.
    pub at: usize,
    /// The answer typed.
    pub typed: String,
    /// Where typing edits the answer.
    pub cursor: usize,
    /// The check of the question on screen, once answered.
    pub checked: Option<Checked>,
    /// Each question answered so far: whether right, and what was given.
    pub answers: Vec<(usize, Checked)>,
    /// When it began (milliseconds of the study clock).
    pub started: i64,
    /// When it ended, once it has.
    pub ended: Option<i64>,
}

impl QuizRun {
    /// A quiz of these questions, begun now.
    pub fn new(spec: String, questions: Vec<Question>, now_ms: i64) -> QuizRun {
        QuizRun {
            spec,
            questions,
            at: 0,
            typed: String::new(),
            cursor: 0,
            checked: None,
            answers: Vec::new(),
            started: now_ms,
            ended: None,
        }
    }

    /// The questions answered wrongly (or skipped), with what was given.
    pub fn wrong(&self) -> impl Iterator<Item = (&Question, &Checked)> {
        self.answers
            .iter()
            .filter(|(_, c)| !c.right)
            .map(|(q, c)| (&self.questions[*q], c))
    }

    /// The questions answered rightly.
    pub fn score(&self) -> usize {
        self.answers.iter().filter(|(_, c)| c.right).count()
    }
}
