//! The user's database, for the interactive reference: reads the bookmarks at start, and
//! makes the changes keys asked for ([`Effect`]), each committed when made. A database that
//! cannot be used is said in the footer; the reference goes on without it.

use std::path::PathBuf;

use super::app::{App, Effect, KeptNote, ListSource, Undo};
use crate::catalogue::Kind;
use crate::store::{ProtocolError, Saved, Store};

/// The database, opened when first needed.
#[derive(Debug)]
pub struct UserData {
    path: Option<PathBuf>,
    store: Option<Store>,
    /// Why the database could not be opened, said again when a change is asked for.
    failure: Option<String>,
    /// Stars and notes kept on ids the catalogue does not have, as last read.
    orphaned: (usize, usize),
}

impl UserData {
    /// The database at `path` (none when the user turned it off); reads the bookmarks into
    /// the app. An existing file is opened now; a missing one is created by the first change.
    pub fn open(path: Option<PathBuf>, app: &mut App<'_>) -> UserData {
        let mut data = UserData {
            path,
            store: None,
            failure: None,
            orphaned: (0, 0),
        };
        if let Some(path) = &data.path {
            match Store::open_existing(path) {
                Ok(store) => data.store = store,
                Err(e) => {
                    app.notice = Some(format!("{e}; the reference works without it"));
                    data.failure = Some(e.to_string());
                }
            }
        }
        data.read_bookmarks(app);
        data.read_notes(app);
        data.read_recent(app);
        data.read_protocols(app);
        if app.notice.is_none() {
            app.notice = data.orphaned();
        }
        app.refresh();
        data
    }

    /// A line saying how many stars and notes are kept on ids the catalogue does not have
    /// (they are never dropped), if any.
    fn orphaned(&self) -> Option<String> {
        let (stars, notes) = self.orphaned;
        let count = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [count(stars, "star", "stars"), count(notes, "note", "notes")]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "{} of yours on ids this catalogue does not have are kept: `acuref orphans` lists them",
                parts.join(" and ")
            )
        })
    }

    /// Makes every change the app asked for, in order, and reads back what it changed.
    pub fn apply(&mut self, app: &mut App<'_>) {
        for effect in std::mem::take(&mut app.effects) {
            let effect = match effect {
                Effect::OpenStudy { spec, listed } => {
                    self.open_study(app, &spec, listed);
                    continue;
                }
                Effect::Review { review, stored } => {
                    self.keep_review(app, &review, &stored);
                    continue;
                }
                other => other,
            };
            if let Effect::Opened(entry) = effect {
                // History is a convenience: a failure to keep it is not worth a word.
                if let Some(store) = self.store() {
                    let id = app.catalogue.id(entry).to_string();
                    if store.record_opened(entry.kind.name(), &id).is_ok() {
                        self.read_recent(app);
                    }
                }
                continue;
            }
            if self.store().is_none() {
                app.notice = Some(self.unavailable(app, effect));
                continue;
            }
            let store = self.store.as_mut().expect("opened just above");
            app.notice = Some(change(store, app, effect));
            self.read_bookmarks(app);
            self.read_notes(app);
            self.read_protocols(app);
            app.refresh_links();
            if matches!(
                app.view.source,
                ListSource::Bookmarks
                    | ListSource::Search
                    | ListSource::Protocols
                    | ListSource::ProtocolPoints(_)
            ) {
                app.refresh();
            }
        }
    }

    /// What the footer says when a change cannot be made for want of a database; a note's
    /// text and a deletion to undo are kept in memory rather than lost.
    fn unavailable(&self, app: &mut App<'_>, effect: Effect) -> String {
        let why = match &self.path {
            None => "ACUREF_HOME is empty: nothing you make can be kept".to_string(),
            Some(_) => self
                .failure
                .clone()
                .unwrap_or_else(|| "the user database cannot be opened".to_string()),
        };
        match effect {
            Effect::SaveNote { entry, text, .. } => {
                app.drafts.insert(entry, text);
                format!("{why}; your draft is kept until acuref ends")
            }
            Effect::Undo(undo) => {
                app.undo.push(undo);
                why
            }
            _ => why,
        }
    }

    /// Opens a study sitting with the progress kept: read from the database when there is
    /// one (a missing file is no progress yet; the first rating makes it).
    fn open_study(&mut self, app: &mut App<'_>, spec: &str, listed: Option<Vec<String>>) {
        use super::update::KeptProgress;
        let read = |store: &Store| -> Result<KeptProgress, crate::store::StoreError> {
            Ok(KeptProgress {
                states: store.card_states()?,
                reviews: store.reviews()?,
                parameters: store
                    .fitted_parameters()?
                    .map(|f| f.parameters)
                    .unwrap_or_default(),
                unkept: None,
            })
        };
        let kept = match (&self.store, &self.path) {
            (Some(store), _) => read(store).map_err(|e| format!("{e}; your ratings are not kept")),
            (None, Some(_)) if self.failure.is_none() => Ok(KeptProgress::default()),
            (None, _) => Err(self.unkept_reason()),
        };
        let kept = kept.unwrap_or_else(|why| KeptProgress {
            unkept: Some(why),
            ..KeptProgress::default()
        });
        super::update::open_study(app, spec, listed, kept);
    }

    /// Why ratings cannot be kept, for the study screen.
    fn unkept_reason(&self) -> String {
        match &self.path {
            None => "ACUREF_HOME is empty: your ratings are not kept".to_string(),
            Some(_) => format!(
                "{}; your ratings are not kept",
                self.failure
                    .as_deref()
                    .unwrap_or("the user database cannot be opened")
            ),
        }
    }

    /// Commits a rating with the card's new state; a failure is said on the study screen
    /// (the sitting goes on in memory).
    fn keep_review(
        &mut self,
        app: &mut App<'_>,
        review: &crate::store::Review,
        stored: &crate::store::StoredCard,
    ) {
        let failed = match self.store() {
            Some(store) => store
                .record_review(review, stored)
                .err()
                .map(|e| format!("{e}; your ratings are not kept")),
            None => Some(self.unkept_reason()),
        };
        if let (Some(why), Some(study)) = (failed, &mut app.study) {
            study.unkept = Some(why);
        }
    }

    /// Where the user's editor writes its temporary file: beside the database, which is the
    /// user's own folder, else the system's temporary folder.
    pub fn scratch_dir(&self) -> std::path::PathBuf {
        self.path
            .as_deref()
            .and_then(std::path::Path::parent)
            .filter(|dir| !dir.as_os_str().is_empty())
            .map_or_else(std::env::temp_dir, std::path::Path::to_path_buf)
    }

    /// Opens the view kept when acuref last ended, if one was kept.
    pub fn resume(&self, app: &mut App<'_>) {
        if let Some(store) = &self.store
            && let Ok(Some(kept)) = store.last_view()
        {
            super::resume::restore(app, &kept);
        }
    }

    /// Keeps the current view for the next start; said on the normal screen if it fails.
    pub fn keep_view(&mut self, app: &App<'_>) -> Option<String> {
        let view = super::resume::last_view(app);
        let store = self.store()?;
        store
            .save_last_view(&view)
            .err()
            .map(|e| format!("the view to come back to was not kept: {e}"))
    }

    /// The open database, opening (and creating) it on first use; a failure is said once.
    fn store(&mut self) -> Option<&mut Store> {
        if self.store.is_none()
            && let Some(path) = &self.path
        {
            match Store::open(path) {
                Ok(store) => self.store = Some(store),
                Err(e) => self.failure = Some(e.to_string()),
            }
        }
        self.store.as_mut()
    }

    /// The notes on entries the catalogue has (orphaned ones stay in the database).
    fn read_notes(&mut self, app: &mut App<'_>) {
        let Some(store) = &self.store else {
            return;
        };
        let mut conflicts: std::collections::HashMap<(String, String), Vec<String>> =
            std::collections::HashMap::new();
        for (kind, id, copy) in store.all_conflicts().unwrap_or_default() {
            conflicts.entry((kind, id)).or_default().push(copy.text);
        }
        match store.notes() {
            Ok(list) => {
                let kept = list.len();
                app.notes = list
                    .into_iter()
                    .filter_map(|(kind, id, note)| {
                        let entry = Kind::named(&kind).and_then(|k| app.catalogue.find(k, &id))?;
                        let copies = conflicts.remove(&(kind, id)).unwrap_or_default();
                        Some((
                            entry,
                            KeptNote {
                                text: note.text,
                                revision: note.revision,
                                conflicts: copies,
                            },
                        ))
                    })
                    .collect();
                self.orphaned.1 = kept - app.notes.len();
                app.note_index = crate::search::NoteIndex::new(
                    app.notes
                        .iter()
                        .map(|(entry, note)| (*entry, note.text.as_str())),
                );
            }
            Err(e) => app.notice = Some(e.to_string()),
        }
    }

    /// The user's protocols, in the order they were made.
    fn read_protocols(&self, app: &mut App<'_>) {
        let Some(store) = &self.store else {
            return;
        };
        match store.protocols() {
            Ok(list) => app.protocols = list,
            Err(e) => app.notice = Some(e.to_string()),
        }
    }

    /// The entries opened most recently that the catalogue has, newest first.
    fn read_recent(&self, app: &mut App<'_>) {
        let Some(store) = &self.store else {
            return;
        };
        if let Ok(list) = store.recent() {
            app.recent = list
                .iter()
                .filter_map(|(kind, id)| Kind::named(kind).and_then(|k| app.catalogue.find(k, id)))
                .collect();
        }
    }

    /// The starred entries the catalogue has, in order (orphaned ones stay in the database).
    fn read_bookmarks(&mut self, app: &mut App<'_>) {
        let Some(store) = &self.store else {
            return;
        };
        match store.bookmarks() {
            Ok(list) => {
                app.bookmarks = list
                    .iter()
                    .filter_map(|b| Kind::named(&b.kind).and_then(|k| app.catalogue.find(k, &b.id)))
                    .collect();
                self.orphaned.0 = list.len() - app.bookmarks.len();
            }
            Err(e) => app.notice = Some(e.to_string()),
        }
    }
}

/// Makes one change and says what it did (or why not); a deletion keeps what it took for
/// undo.
fn change(store: &mut Store, app: &mut App<'_>, effect: Effect) -> String {
    let c = app.catalogue;
    let id_of = |entry: crate::catalogue::EntryRef| c.id(entry).to_string();
    let shown = |name: &str| crate::text::escape_controls(name);
    match effect {
        Effect::Opened(_) | Effect::OpenStudy { .. } | Effect::Review { .. } => String::new(),
        Effect::SaveNote {
            entry,
            text,
            based_on,
            merged,
        } => {
            let id = id_of(entry);
            let saved = if merged {
                store.save_merged_note(entry.kind.name(), &id, &text, based_on)
            } else {
                store.save_note(entry.kind.name(), &id, &text, based_on)
            };
            match saved {
                Ok(Saved::Saved(_)) => format!("saved your note on {id}"),
                Ok(Saved::Conflict) => format!(
                    "another acuref saved a note on {id} first; yours is kept beside it as a conflict copy"
                ),
                Err(e) => {
                    app.drafts.insert(entry, text);
                    format!("{e}; your draft is kept until acuref ends")
                }
            }
        }
        Effect::ToggleBookmark(entry) => {
            let id = id_of(entry);
            match store.toggle_bookmark(entry.kind.name(), &id) {
                Ok(true) => format!("starred {id} (B lists the starred entries)"),
                Ok(false) => format!("unstarred {id}"),
                Err(e) => e.to_string(),
            }
        }
        Effect::DeleteNote(entry) => {
            let id = id_of(entry);
            let kind = entry.kind.name();
            let kept = match (store.note(kind, &id), store.conflicts(kind, &id)) {
                (Ok(Some(note)), Ok(copies)) => (note.text, copies),
                (Ok(None), _) => {
                    return format!("{id} has no note to delete (another acuref deleted it)");
                }
                (Err(e), _) | (_, Err(e)) => return e.to_string(),
            };
            match store.delete_note(kind, &id) {
                Ok(_) => {
                    app.undo.push(Undo::Note {
                        entry,
                        text: kept.0,
                        copies: kept.1.into_iter().map(|c| c.text).collect(),
                    });
                    format!("deleted your note on {id}: u puts it back (until acuref ends)")
                }
                Err(e) => e.to_string(),
            }
        }
        Effect::AddToProtocol {
            protocol,
            create,
            point,
            note,
        } => {
            let code = id_of(point);
            let first = vec![(code.clone(), note.clone())];
            let made = create && store.put_protocol(&protocol, &first).is_ok();
            if made {
                return format!(
                    "made the protocol {} with {code} (P lists protocols)",
                    shown(&protocol)
                );
            }
            // Not new, or another acuref made one of that name first: add to it.
            match store.add_to_protocol(&protocol, &code, note.as_deref()) {
                Ok(()) => format!("added {code} to {} (P lists protocols)", shown(&protocol)),
                Err(e) => e.to_string(),
            }
        }
        Effect::TakeFromProtocol { protocol, nth } => {
            match store.take_from_protocol(&protocol, nth) {
                Ok(Some((code, note))) => {
                    let message = format!(
                        "took {} out of {}: u puts it back (until acuref ends)",
                        shown(&code),
                        shown(&protocol)
                    );
                    app.undo.push(Undo::Point {
                        protocol,
                        nth,
                        code,
                        note,
                    });
                    message
                }
                Ok(None) => "that point is no longer in the protocol".to_string(),
                Err(e) => e.to_string(),
            }
        }
        Effect::DeleteProtocol(name) => {
            let kept = match store.protocols() {
                Ok(list) => list.into_iter().find(|p| p.name == name),
                Err(e) => return e.to_string(),
            };
            let Some(kept) = kept else {
                return ProtocolError::Missing(name).to_string();
            };
            match store.delete_protocol(&name) {
                Ok(()) => {
                    app.undo.push(Undo::Protocol(kept));
                    format!(
                        "deleted the protocol {}: u brings it back (until acuref ends)",
                        shown(&name)
                    )
                }
                Err(e) => e.to_string(),
            }
        }
        Effect::Undo(undo) => put_back(store, app, undo),
    }
}

/// Puts back what a deletion took; what cannot be put back stays to be tried again.
fn put_back(store: &mut Store, app: &mut App<'_>, undo: Undo) -> String {
    let shown = |name: &str| crate::text::escape_controls(name);
    let done = match &undo {
        Undo::Note {
            entry,
            text,
            copies,
        } => {
            let id = app.catalogue.id(*entry).to_string();
            store
                .restore_note(entry.kind.name(), &id, text, copies)
                .map(|saved| match saved {
                    Saved::Saved(_) => format!("put back your note on {id}"),
                    Saved::Conflict => format!(
                        "{id} has a new note; the one you deleted is kept beside it as a conflict copy"
                    ),
                })
                .map_err(|e| e.to_string())
        }
        Undo::Point {
            protocol,
            nth,
            code,
            note,
        } => store
            .put_in_protocol(protocol, *nth, code, note.as_deref())
            .map(|()| format!("put {} back in {}", shown(code), shown(protocol)))
            .map_err(|e| e.to_string()),
        Undo::Protocol(p) => {
            let again = format!("{} (restored)", p.name);
            match store.put_protocol(&p.name, &p.points) {
                Ok(()) => Ok(format!("put back the protocol {}", shown(&p.name))),
                Err(ProtocolError::Exists(_)) => store
                    .put_protocol(&again, &p.points)
                    .map(|()| {
                        format!(
                            "a protocol named {} was made meanwhile; yours is back as {}",
                            shown(&p.name),
                            shown(&again)
                        )
                    })
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            }
        }
    };
    done.unwrap_or_else(|why| {
        app.undo.push(undo);
        format!("{why}; u tries again")
    })
}
