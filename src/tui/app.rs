//! The state of the interactive reference. Changed only by [`super::update`]; read by the UI.

use crate::catalogue::cautions::{Patient, verdict_level};
use crate::catalogue::{Catalogue, EntryRef, Kind, Level, Link};
use crate::entry_view::{EntryView, entry_view, protocol_view};
use crate::search::{Hit, SearchIndex};

use super::chooser::Chooser;
pub use super::effect::{Effect, Question, Undo};
use super::study::{DeckPicker, QuizRun, StudyScreen};
use super::theme::Theme;
use crate::store::Protocol;

/// Whether typing edits the query or moves around.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Typing edits the query; results narrow on every key.
    Search,
    /// Keys move, open and follow links.
    Browse,
    /// The patient panel is open: keys set the patient's states.
    Patient,
    /// The note editor is open: keys edit the note.
    Note,
    /// The protocol chooser is open: keys pick or name the protocol to add a point to.
    Chooser,
    /// A question is asked before a deletion: y or n.
    Confirm,
    /// The deck chooser is open: typing narrows the decks.
    Decks,
    /// Studying: one card at a time, rated once its answer is shown.
    Study,
    /// Answering a quiz's questions.
    Quiz,
    /// A quiz's score and wrong answers.
    QuizResults,
}

/// The note editor: the text being written on an entry, and the revision it started from
/// (a save based on an older revision than the stored one is kept as a conflict copy).
pub struct NoteEditor {
    /// The entry the note is on.
    pub entry: EntryRef,
    /// The text and its cursor.
    pub text: ratatui_textarea::TextArea<'static>,
    /// The stored note's revision when the editor opened, if there was a note.
    pub based_on: Option<i64>,
    /// Whether the text holds the note's conflict copies for the user to merge (a save then
    /// lets them go).
    pub merged: bool,
}

impl NoteEditor {
    /// An editor holding `text`.
    pub fn new(entry: EntryRef, text: &str, based_on: Option<i64>, merged: bool) -> NoteEditor {
        let mut area = ratatui_textarea::TextArea::from(text.lines().map(str::to_string));
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            entry,
            text: area,
            based_on,
            merged,
        }
    }

    /// The text written, lines joined.
    pub fn written(&self) -> String {
        self.text.lines().join("\n")
    }
}

/// A note to be written in the user's own editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideEdit {
    /// The entry the note is on.
    pub entry: EntryRef,
    /// The text the editor starts with.
    pub text: String,
    /// The stored note's revision when the edit began, if there was a note.
    pub based_on: Option<i64>,
    /// Whether the text holds the note's conflict copies for the user to merge.
    pub merged: bool,
}

/// A stored note, as the app keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptNote {
    /// The text.
    pub text: String,
    /// Its revision.
    pub revision: i64,
    /// Saves that found another window's save in their way, kept beside it, oldest first.
    pub conflicts: Vec<String>,
}

/// What the left-hand list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListSource {
    /// Results of the query.
    Search,
    /// Every channel and vessel.
    Channels,
    /// One channel's points, in order.
    ChannelPoints(usize),
    /// Every body region.
    Regions,
    /// One region's points.
    RegionPoints(usize),
    /// The point categories.
    Categories,
    /// The points of one category.
    CategoryPoints(usize),
    /// The starred entries, oldest first.
    Bookmarks,
    /// The entries opened most recently, newest first.
    Recent,
    /// A contraindication, then every point and technique its rules cover, strictest first.
    Covered(usize),
    /// The user's protocols, in the order they were made (the rows are `App::protocols`).
    Protocols,
    /// One protocol's points in order (the protocol's row id).
    ProtocolPoints(i64),
}

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The list of results or browsed entries.
    List,
    /// The detail of the selected entry, whose links can be followed.
    Detail,
}

/// One place in the history: what was listed, what was selected, what was shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// What the list shows.
    pub source: ListSource,
    /// The query (kept across browsing, so it comes back).
    pub query: String,
    /// Where typing edits the query: a byte offset on a character boundary.
    pub cursor: usize,
    /// Selected row of the list.
    pub selected: usize,
    /// The first row of the list on screen: it moves only when the selection leaves the page.
    pub offset: usize,
    /// An entry reached by following a link, shown instead of the selected row.
    pub pinned: Option<EntryRef>,
    /// Selected link in the detail pane; none until the user moves to one, so an entry opens
    /// at its top (title and cautions first).
    pub link: Option<usize>,
    /// The first line of the detail pane's text on screen.
    pub scroll: usize,
    /// Which pane has the keyboard.
    pub focus: Focus,
}

impl View {
    /// A list at its top, with the query kept and the list focused.
    pub(crate) fn listing(source: ListSource, query: String) -> View {
        View {
            source,
            cursor: query.len(),
            query,
            selected: 0,
            offset: 0,
            pinned: None,
            link: None,
            scroll: 0,
            focus: Focus::List,
        }
    }
}

/// The interactive reference.
pub struct App<'a> {
    /// The catalogue.
    pub catalogue: &'a Catalogue,
    /// Its search index.
    pub index: &'a SearchIndex,
    /// Typing or browsing.
    pub mode: Mode,
    /// Where the user is now.
    pub view: View,
    /// Where the user was, most recent last.
    pub back: Vec<View>,
    /// Where the user came back from, most recent last.
    pub forward: Vec<View>,
    /// The rows of the list for the current view.
    pub rows: Vec<Hit>,
    /// How the search found its rows, when not as typed ("3 of 4 words"): shown in the
    /// list's title.
    pub search_note: Option<String>,
    /// What the detail pane shows: built once when the shown entry (or the patient) changes,
    /// and drawn from on every frame.
    pub shown_view: Option<EntryView>,
    /// The links of the entry in the detail pane, as its view lists them.
    pub links: Vec<Link>,
    /// The patient being treated: in memory only, never written anywhere.
    pub patient: Patient,
    /// The row of the patient panel under the cursor.
    pub patient_cursor: usize,
    /// A line for the footer until the next key: how the catalogue was loaded (a user
    /// directory that could not be used).
    pub notice: Option<String>,
    /// Whether the key help is shown.
    pub help: bool,
    /// How far the key help is scrolled.
    pub help_scroll: u16,
    /// Colours and attributes.
    pub theme: Theme,
    /// Rows of the list pane that fit on screen (set before each frame, used for paging).
    pub page: usize,
    /// Where the panes of the current frame are (set before each frame).
    pub areas: crate::tui::layout::Areas,
    /// Where the detail pane's lines and links are (set before each frame).
    pub detail_shape: crate::tui::layout::DetailShape,
    /// The detail pane's text, wrapped to its width (set before each frame with the shape,
    /// so it is built once per frame and drawn from).
    pub detail_lines: Vec<ratatui::text::Line<'static>>,
    /// Whether the app should end.
    pub quit: bool,
    /// Whether the user asked to suspend acuref (Ctrl-z); the event loop does it.
    pub suspend: bool,
    /// Text to put on the clipboard (y, Y); the event loop sends it to the terminal.
    pub clipboard: Option<String>,
    /// Changes to the user's database that keys asked for; the event loop makes them.
    pub effects: Vec<Effect>,
    /// The starred entries, in the order they were starred (as the user database has them).
    pub bookmarks: Vec<EntryRef>,
    /// The entries opened most recently, newest first (as the user database has them).
    pub recent: Vec<EntryRef>,
    /// The user's notes, by entry (as the user database has them).
    pub notes: std::collections::HashMap<EntryRef, KeptNote>,
    /// The notes, indexed for search (rebuilt when they change).
    pub note_index: crate::search::NoteIndex,
    /// The note editor, while it is open.
    pub editor: Option<NoteEditor>,
    /// A note to write in the user's own editor: the event loop lends it the terminal.
    pub outside: Option<OutsideEdit>,
    /// Notes written but not saved, by entry: `n` reopens them. In memory only.
    pub drafts: std::collections::HashMap<EntryRef, String>,
    /// The user's protocols, in the order they were made (as the user database has them).
    pub protocols: Vec<Protocol>,
    /// The protocol chooser, while it is open.
    pub chooser: Option<Chooser>,
    /// The deletion waiting for a yes, while the question is asked.
    pub question: Option<Question>,
    /// What deletions took, most recent last: `u` puts the last back. In memory only.
    pub undo: Vec<Undo>,
    /// The deck chooser, while it is open.
    pub decks: Option<DeckPicker>,
    /// The study sitting, while studying.
    pub study: Option<StudyScreen>,
    /// The quiz, while one is answered or its score shown.
    pub quiz: Option<QuizRun>,
    /// The study clock, in milliseconds since the epoch: set by the event loop before each
    /// key (from `ACUREF_NOW` when it is set), so the keys themselves stay pure.
    pub clock_ms: i64,
    /// How study schedules cards (from the settings file).
    pub study_settings: crate::settings::StudySettings,
    /// Whether the detail of a point shows its body map (`m`).
    pub show_map: bool,
    /// The body map, read on the first `m` (none if it could not be read).
    pub body: std::cell::OnceCell<Option<crate::body::Body>>,
}

impl<'a> App<'a> {
    /// The app as it opens: search mode, empty query, every entry listed.
    pub fn new(catalogue: &'a Catalogue, index: &'a SearchIndex, theme: Theme) -> App<'a> {
        let mut app = App {
            catalogue,
            index,
            mode: Mode::Search,
            view: View::listing(ListSource::Search, String::new()),
            back: Vec::new(),
            forward: Vec::new(),
            rows: Vec::new(),
            search_note: None,
            shown_view: None,
            links: Vec::new(),
            patient: Patient::default(),
            patient_cursor: 0,
            notice: None,
            help: false,
            help_scroll: 0,
            theme,
            page: 10,
            areas: crate::tui::layout::Areas::default(),
            detail_shape: crate::tui::layout::DetailShape::default(),
            detail_lines: Vec::new(),
            quit: false,
            suspend: false,
            clipboard: None,
            effects: Vec::new(),
            bookmarks: Vec::new(),
            recent: Vec::new(),
            notes: std::collections::HashMap::new(),
            note_index: crate::search::NoteIndex::default(),
            editor: None,
            drafts: std::collections::HashMap::new(),
            outside: None,
            protocols: Vec::new(),
            chooser: None,
            question: None,
            undo: Vec::new(),
            decks: None,
            study: None,
            quiz: None,
            clock_ms: 0,
            study_settings: crate::settings::StudySettings::default(),
            show_map: false,
            body: std::cell::OnceCell::new(),
        };
        app.refresh();
        app
    }

    /// Recomputes the list rows and the detail links from the view.
    pub fn refresh(&mut self) {
        self.search_note = None;
        self.rows = self.list_rows();
        self.view.selected = self.view.selected.min(self.row_count().saturating_sub(1));
        self.refresh_links();
    }

    /// Rebuilds what the shown entry displays and its links (the list is unchanged).
    pub(crate) fn refresh_links(&mut self) {
        self.shown_view = match self.shown() {
            Some(e) => {
                let mut view = entry_view(self.catalogue, e, &self.patient);
                if let Some(note) = self.notes.get(&e) {
                    view.note = Some(note.text.clone());
                    view.note_conflicts = note.conflicts.clone();
                }
                Some(view)
            }
            None => self
                .selected_protocol()
                .map(|p| protocol_view(self.catalogue, &p.name, &p.points, &self.patient)),
        };
        self.links = self
            .shown_view
            .as_ref()
            .map(|v| v.links.clone())
            .unwrap_or_default();
        if self.links.is_empty() {
            self.view.link = None;
        } else {
            self.view.link = self.view.link.map(|l| l.min(self.links.len() - 1));
        }
    }

    fn list_rows(&mut self) -> Vec<Hit> {
        let c = self.catalogue;
        let plain = |kind: Kind, indices: &mut dyn Iterator<Item = usize>| -> Vec<Hit> {
            indices
                .map(|index| Hit::plain(EntryRef { kind, index }))
                .collect()
        };
        match self.view.source {
            ListSource::Search => {
                let found = self
                    .index
                    .find_with_notes(&self.view.query, None, &self.note_index);
                self.search_note = found.label();
                found.hits
            }
            ListSource::Channels => plain(Kind::Channel, &mut (0..c.channels.len())),
            ListSource::ChannelPoints(ch) => plain(
                Kind::Point,
                &mut c.backlinks.channel_points[ch].iter().copied(),
            ),
            ListSource::Regions => plain(Kind::Region, &mut (0..c.regions.len())),
            ListSource::Categories => plain(Kind::Category, &mut (0..c.categories.len())),
            ListSource::Bookmarks => self.bookmarks.iter().copied().map(Hit::plain).collect(),
            ListSource::Recent => self.recent.iter().copied().map(Hit::plain).collect(),
            ListSource::CategoryPoints(k) => plain(
                Kind::Point,
                &mut c.backlinks.category_points[k].iter().copied(),
            ),
            ListSource::RegionPoints(r) => plain(
                Kind::Point,
                &mut c.backlinks.region_points[r].iter().copied(),
            ),
            ListSource::Protocols => Vec::new(),
            ListSource::ProtocolPoints(seq) => self
                .protocol(seq)
                .map(|p| {
                    p.points
                        .iter()
                        .filter_map(|(code, _)| c.find(Kind::Point, code))
                        .map(Hit::plain)
                        .collect()
                })
                .unwrap_or_default(),
            ListSource::Covered(ci) => {
                let mut covered: Vec<(Level, EntryRef)> = c
                    .covered_by(ci)
                    .into_iter()
                    .map(|(entry, rules)| {
                        let level = rules
                            .iter()
                            .map(|&r| verdict_level(entry.kind, c.rule(r)))
                            .max()
                            .unwrap_or(Level::Note);
                        (level, entry)
                    })
                    .collect();
                covered.sort_by_key(|&(level, _)| std::cmp::Reverse(level));
                let itself = EntryRef {
                    kind: Kind::Contraindication,
                    index: ci,
                };
                std::iter::once(itself)
                    .chain(covered.into_iter().map(|(_, e)| e))
                    .map(Hit::plain)
                    .collect()
            }
        }
    }

    /// How many rows the list has (the protocols, in the Protocols browser).
    pub fn row_count(&self) -> usize {
        match self.view.source {
            ListSource::Protocols => self.protocols.len(),
            _ => self.rows.len(),
        }
    }

    /// The protocol with this row id.
    pub fn protocol(&self, seq: i64) -> Option<&Protocol> {
        self.protocols.iter().find(|p| p.seq == seq)
    }

    /// The protocol selected in the Protocols browser, when no link was followed from it.
    pub fn selected_protocol(&self) -> Option<&Protocol> {
        match self.view.source {
            ListSource::Protocols if self.view.pinned.is_none() => {
                self.protocols.get(self.view.selected)
            }
            _ => None,
        }
    }

    /// In a protocol's point list, the selected row's place in the protocol (orphaned points
    /// counted, as the database numbers them) and the note on it there.
    pub fn protocol_place(&self, row: usize) -> Option<(usize, Option<&str>)> {
        let ListSource::ProtocolPoints(seq) = self.view.source else {
            return None;
        };
        let c = self.catalogue;
        self.protocol(seq)?
            .points
            .iter()
            .enumerate()
            .filter(|(_, (code, _))| c.find(Kind::Point, code).is_some())
            .nth(row)
            .map(|(nth, (_, note))| (nth, note.as_deref()))
    }

    /// The entry the detail pane shows: a followed link, or the selected row.
    pub fn shown(&self) -> Option<EntryRef> {
        self.view
            .pinned
            .or_else(|| self.rows.get(self.view.selected).map(|h| h.entry))
    }

    /// The link under the cursor in the detail pane.
    pub fn current_link(&self) -> Option<&Link> {
        self.view.link.and_then(|l| self.links.get(l))
    }

    /// The shown point's code when the body map is on and the point has a place on it.
    pub fn mapped_point(&self) -> Option<&str> {
        let entry = self.shown().filter(|e| e.kind == Kind::Point)?;
        let body = self.body.get()?.as_ref()?;
        let code = self.catalogue.id(entry);
        (self.show_map && body.positions_of(code).next().is_some()).then_some(code)
    }

    /// A title for the list pane.
    pub(crate) fn list_title(&self) -> String {
        let c = self.catalogue;
        match self.view.source {
            ListSource::Search => match &self.search_note {
                Some(note) => format!("Results: {note}"),
                None => "Results".to_string(),
            },
            ListSource::Channels => "Channels".to_string(),
            ListSource::ChannelPoints(ch) => format!("{} channel", c.channels[ch].name),
            ListSource::Regions => "Body regions".to_string(),
            ListSource::RegionPoints(r) => c.regions[r].name.clone(),
            ListSource::Categories => "Point categories".to_string(),
            ListSource::Bookmarks => "Bookmarks".to_string(),
            ListSource::Recent => "Recently opened".to_string(),
            ListSource::CategoryPoints(k) => c.categories[k].name.clone(),
            ListSource::Covered(ci) => format!("Covered by: {}", c.contraindications[ci].name),
            ListSource::Protocols => "Protocols".to_string(),
            ListSource::ProtocolPoints(seq) => match self.protocol(seq) {
                Some(p) => format!("Protocol: {}", crate::text::escape_controls(&p.name)),
                None => "Protocol (deleted)".to_string(),
            },
        }
    }
}
