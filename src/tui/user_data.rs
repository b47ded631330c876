//! The user's database, for the interactive reference: reads the bookmarks at start, and
//! makes the changes keys asked for ([`Effect`]), each committed when made. A database that
//! cannot be used is said in the footer; the reference goes on without it.

use std::path::PathBuf;

use super::app::{App, Effect, KeptNote, ListSource};
use crate::catalogue::Kind;
use crate::store::{Saved, Store};

/// The database, opened when first needed.
#[derive(Debug)]
pub struct UserData {
    path: Option<PathBuf>,
    store: Option<Store>,
    /// Why the database could not be opened, said again when a change is asked for.
    failure: Option<String>,
}

impl UserData {
    /// The database at `path` (none when the user turned it off); reads the bookmarks into
    /// the app. An existing file is opened now; a missing one is created by the first change.
    pub fn open(path: Option<PathBuf>, app: &mut App<'_>) -> UserData {
        let mut data = UserData {
            path,
            store: None,
            failure: None,
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
        data
    }

    /// Makes every change the app asked for, in order, and reads back what it changed.
    pub fn apply(&mut self, app: &mut App<'_>) {
        for effect in std::mem::take(&mut app.effects) {
            let opened = matches!(effect, Effect::Opened(_));
            match effect {
                Effect::SaveNote {
                    entry,
                    text,
                    based_on,
                } => {
                    let Some(store) = self.store() else {
                        app.drafts.insert(entry, text);
                        app.notice = Some(match &self.path {
                            None => "ACUREF_HOME is empty: notes cannot be kept (your draft is kept until acuref ends)".to_string(),
                            Some(_) => format!(
                                "{}; your draft is kept until acuref ends",
                                self.failure.as_deref().unwrap_or("the user database cannot be opened")
                            ),
                        });
                        continue;
                    };
                    let id = app.catalogue.id(entry).to_string();
                    app.notice = Some(
                        match store.save_note(entry.kind.name(), &id, &text, based_on) {
                            Ok(Saved::Saved(_)) => format!("saved your note on {id}"),
                            Ok(Saved::Conflict) => format!(
                                "another acuref saved a note on {id} first; yours is kept beside it as a conflict copy"
                            ),
                            Err(e) => {
                                app.drafts.insert(entry, text);
                                format!("{e}; your draft is kept until acuref ends")
                            }
                        },
                    );
                }
                Effect::Opened(entry) => {
                    // History is a convenience: a failure to keep it is not worth a word.
                    if let Some(store) = self.store() {
                        let id = app.catalogue.id(entry).to_string();
                        if store.record_opened(entry.kind.name(), &id).is_err() {
                            continue;
                        }
                    }
                }
                Effect::ToggleBookmark(entry) => {
                    let Some(store) = self.store() else {
                        app.notice = Some(match &self.path {
                            None => "ACUREF_HOME is empty: bookmarks cannot be kept".to_string(),
                            Some(_) => self.failure.clone().unwrap_or_else(|| {
                                "the user database cannot be opened".to_string()
                            }),
                        });
                        continue;
                    };
                    let id = app.catalogue.id(entry).to_string();
                    app.notice = Some(match store.toggle_bookmark(entry.kind.name(), &id) {
                        Ok(true) => format!("starred {id} (B lists the starred entries)"),
                        Ok(false) => format!("unstarred {id}"),
                        Err(e) => e.to_string(),
                    });
                }
            }
            if opened {
                self.read_recent(app);
                continue;
            }
            self.read_bookmarks(app);
            self.read_notes(app);
            app.refresh_links();
            if matches!(app.view.source, ListSource::Bookmarks | ListSource::Search) {
                app.refresh();
            }
        }
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
    fn read_notes(&self, app: &mut App<'_>) {
        let Some(store) = &self.store else {
            return;
        };
        match store.notes() {
            Ok(list) => {
                app.notes = list
                    .into_iter()
                    .filter_map(|(kind, id, note)| {
                        let entry = Kind::named(&kind).and_then(|k| app.catalogue.find(k, &id))?;
                        Some((
                            entry,
                            KeptNote {
                                text: note.text,
                                revision: note.revision,
                            },
                        ))
                    })
                    .collect();
                app.note_index = crate::search::NoteIndex::new(
                    app.notes
                        .iter()
                        .map(|(entry, note)| (*entry, note.text.as_str())),
                );
            }
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
    fn read_bookmarks(&self, app: &mut App<'_>) {
        let Some(store) = &self.store else {
            return;
        };
        match store.bookmarks() {
            Ok(list) => {
                app.bookmarks = list
                    .iter()
                    .filter_map(|b| Kind::named(&b.kind).and_then(|k| app.catalogue.find(k, &b.id)))
                    .collect();
            }
            Err(e) => app.notice = Some(e.to_string()),
        }
    }
}
