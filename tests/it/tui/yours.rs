//! The user's own layer in the interactive reference, from keys: stars, notes, protocols,
//! deleting and undoing, over a real database file in a temporary home.

use super::Session;
use acuref::tui::app::Mode;

#[test]
fn b_stars_an_entry_for_good_and_shift_b_lists_the_starred() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(80, 24, home.path());
    s.press("bl40<Esc>b");
    let screen = s.screen();
    assert!(screen.contains("starred BL40"), "{screen}");
    assert!(
        screen.contains("!*pt  BL40 Weizhong"),
        "the row carries the star:\n{screen}"
    );
    insta::assert_snapshot!("bl40_starred_80x24", screen);
    s.press("/<Ctrl-u>sciatica<Esc>b");
    s.press("B");
    let listed: Vec<String> = s
        .app
        .rows
        .iter()
        .map(|h| s.app.catalogue.id(h.entry).to_string())
        .collect();
    assert_eq!(listed, ["BL40", "sciatica"], "oldest first");
    assert!(s.screen().contains("Bookmarks"));

    // A new window over the same home sees the stars; b on a starred entry removes it.
    let mut again = Session::with_home(80, 24, home.path());
    again.press("<Esc>B");
    assert_eq!(again.app.rows.len(), 2);
    again.press("b");
    assert!(again.screen().contains("unstarred BL40"));
    assert_eq!(again.app.rows.len(), 1, "the list follows");
}

#[test]
fn n_writes_a_note_that_the_detail_shows_under_the_cautions_and_keeps() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(80, 24, home.path());
    s.press("bl40<Esc>n");
    assert_eq!(s.app.mode, Mode::Note);
    s.press("bleed only visible veins<Enter>teacher's advice");
    let editing = s.screen();
    assert!(
        editing.contains("Your note on BL40") && editing.contains("Ctrl-s save"),
        "{editing}"
    );
    insta::assert_snapshot!("bl40_note_editor_80x24", editing);
    s.press("<Ctrl-s>");
    assert_eq!(s.app.mode, Mode::Browse);
    let screen = s.screen();
    assert!(screen.contains("saved your note on BL40"), "{screen}");
    assert!(screen.contains("Your note (n edits it)"), "{screen}");
    assert!(screen.contains("bleed only visible veins"), "{screen}");
    insta::assert_snapshot!("bl40_note_shown_80x24", screen);

    // Another window over the same home shows it; Esc keeps a draft, which n reopens.
    let mut again = Session::with_home(80, 24, home.path());
    again.press("bl40<Esc>");
    assert!(again.screen().contains("teacher's advice"));
    again.press("n and more<Esc>");
    assert!(again.screen().contains("n reopens your draft"));
    again.press("n");
    let draft = again.app.editor.as_ref().unwrap().written();
    assert!(draft.ends_with("teacher's advice and more"), "{draft}");
    // Ctrl-c in the editor closes it and keeps the draft; it does not quit.
    again.press("<Ctrl-c>");
    assert!(!again.app.quit && again.app.mode == Mode::Browse);
}

#[test]
fn a_saved_note_is_found_by_search_with_its_entry() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(120, 24, home.path());
    s.press("bl40<Esc>nmy teacher pairs it with GB34<Ctrl-s>");
    s.press("/<Ctrl-u>teacher pairs");
    let screen = s.screen();
    assert_eq!(s.app.catalogue.id(s.app.rows[0].entry), "BL40", "{screen}");
    assert!(screen.contains("~ your note: my te"), "{screen}");
    insta::assert_snapshot!("note_found_by_search_120x24", screen);
}

#[test]
fn shift_h_lists_the_entries_opened_most_recently() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(80, 24, home.path());
    s.press("bl40<Enter><Esc>/<Ctrl-u>sciatica<Enter><Esc>/<Ctrl-u>bl40<Enter>");
    let mut again = Session::with_home(80, 24, home.path());
    again.press("<Esc>H");
    let listed: Vec<String> = again
        .app
        .rows
        .iter()
        .map(|h| again.app.catalogue.id(h.entry).to_string())
        .collect();
    assert_eq!(
        listed,
        ["BL40", "sciatica"],
        "newest first, each once; typed queries are not kept"
    );
    assert!(again.screen().contains("Recently opened"));
}

#[test]
fn a_damaged_database_is_said_and_the_reference_works_on() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(acuref::store::FILE_NAME);
    std::fs::write(&file, "not a database at all").unwrap();
    let mut s = Session::with_home(100, 30, home.path());
    assert!(
        s.screen().contains("damaged or not a database"),
        "{}",
        s.screen()
    );
    s.press("bl40<Esc>b");
    let screen = s.screen();
    assert!(
        screen.contains("damaged or not a database"),
        "the star says why:\n{screen}"
    );
    assert!(screen.contains("BL40 Weizhong"), "the reference works on");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "not a database at all"
    );
}

#[test]
fn empty_bookmarks_and_history_say_how_to_fill_them_even_with_a_query_kept() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(40, 12, home.path());
    s.press("bl40<Esc>B");
    let screen = s.screen();
    assert!(screen.contains("Nothing starred yet: b"), "{screen}");
    assert!(!screen.contains("No match"), "{screen}");
    s.press("H");
    assert!(s.screen().contains("Nothing opened yet"), "{}", s.screen());
}

#[test]
fn a_builds_a_protocol_that_p_shows_with_its_cautions_and_verdicts() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(100, 30, home.path());
    s.press("bl40<Esc>a");
    assert_eq!(s.app.mode, Mode::Chooser);
    s.press("Sciatica<Tab>bleed if visible veins");
    let choosing = s.screen();
    assert!(
        choosing.contains("Add BL40 to a protocol")
            && choosing.contains("+ new protocol: Sciatica"),
        "{choosing}"
    );
    insta::assert_snapshot!("protocol_chooser_100x30", choosing);
    s.press("<Enter>");
    assert!(
        s.screen().contains("made the protocol Sciatica with BL40"),
        "{}",
        s.screen()
    );
    // The chooser offers the protocol made; Enter adds to it.
    s.press("/<Ctrl-u>li4<Esc>a");
    assert!(s.screen().contains("Sciatica  (BL40)"), "{}", s.screen());
    s.press("<Enter>P");
    let shown = s.screen();
    assert!(shown.contains("Protocol: Sciatica"), "{shown}");
    assert!(
        shown.contains("BL40: Needling care"),
        "the rule, in full:\n{shown}"
    );
    assert!(
        shown.contains("(Middle of the Crook) — bleed if"),
        "{shown}"
    );
    insta::assert_snapshot!("protocol_shown_100x30", shown);

    // With the patient pregnant, LI4 is forbidden, first and said why.
    let pregnancy = super::patient_row("pregnancy");
    s.press("p");
    for _ in 0..pregnancy {
        s.press("j");
    }
    s.press("<Space><Esc>");
    let verdicts = s.screen();
    assert!(
        verdicts.contains("FORBIDDEN FOR THIS PATIENT (pregnancy)")
            && verdicts.contains("LI4: Pregnancy: forbidden"),
        "{verdicts}"
    );
    assert!(
        verdicts.contains("X PRO Sciatica"),
        "the list marks it:\n{verdicts}"
    );

    // Enter lists its points in order, each with its note; another window sees the same.
    s.press("<Enter>");
    let listed: Vec<&str> = s
        .app
        .rows
        .iter()
        .map(|h| s.app.catalogue.id(h.entry))
        .collect();
    assert_eq!(listed, ["BL40", "LI4"]);
    let again = Session::with_home(100, 30, home.path());
    assert_eq!(again.app.protocols.len(), 1);
    assert_eq!(
        again.app.protocols[0].points[0],
        (
            "BL40".to_string(),
            Some("bleed if visible veins".to_string())
        )
    );
}

#[test]
fn d_takes_a_point_out_deletes_a_protocol_after_asking_and_u_puts_each_back() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(100, 30, home.path());
    s.press("gb30<Esc>aback<Enter>/<Ctrl-u>bl40<Esc>aback<Enter>/<Ctrl-u>bl60<Esc>aback<Enter>");
    s.press("P<Enter>j");
    s.press("d");
    assert!(
        s.screen().contains("took BL40 out of back: u puts it back"),
        "{}",
        s.screen()
    );
    let codes = |s: &Session| -> Vec<String> {
        s.app.protocols[0]
            .points
            .iter()
            .map(|(c, _)| c.clone())
            .collect()
    };
    assert_eq!(codes(&s), ["GB30", "BL60"]);
    s.press("u");
    assert_eq!(codes(&s), ["GB30", "BL40", "BL60"], "back in its place");

    s.press("hd");
    assert_eq!(s.app.mode, Mode::Confirm);
    assert!(
        s.screen()
            .contains("y deletes, n keeps: the protocol back?"),
        "{}",
        s.screen()
    );
    s.press("x<Esc>");
    assert_eq!(s.app.protocols.len(), 1, "any key but y keeps it");
    s.press("dy");
    assert!(s.app.protocols.is_empty());
    assert!(s.screen().contains("No protocols yet"), "{}", s.screen());
    s.press("u");
    assert_eq!(codes(&s), ["GB30", "BL40", "BL60"], "whole again");
}

#[test]
fn d_deletes_a_note_after_asking_and_u_brings_it_back() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(80, 24, home.path());
    s.press("bl40<Esc>nfrom my teacher<Ctrl-s>d");
    assert!(
        s.screen()
            .contains("y deletes, n keeps: your note on BL40?"),
        "{}",
        s.screen()
    );
    s.press("n");
    assert!(s.screen().contains("from my teacher"), "kept");
    s.press("dy");
    assert!(!s.screen().contains("from my teacher"), "{}", s.screen());
    assert!(s.screen().contains("u puts it back"));
    let other = Session::with_home(80, 24, home.path());
    assert!(other.app.notes.is_empty(), "deleted in the database");
    s.press("u");
    assert!(s.screen().contains("from my teacher"), "{}", s.screen());
    s.press("u");
    assert!(s.screen().contains("nothing deleted to put back"));
}

#[test]
fn a_is_for_points_and_d_says_when_there_is_nothing_of_yours() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::with_home(80, 24, home.path());
    s.press("sciatica<Esc>a");
    assert_eq!(s.app.mode, Mode::Browse);
    assert!(
        s.screen().contains("only points go in a protocol"),
        "{}",
        s.screen()
    );
    s.press("d");
    assert!(
        s.screen().contains("no note of yours to delete"),
        "{}",
        s.screen()
    );
}

#[test]
fn a_note_saved_from_two_windows_at_once_keeps_both_versions() {
    let home = tempfile::tempdir().unwrap();
    let mut first = Session::with_home(100, 30, home.path());
    let mut second = Session::with_home(100, 30, home.path());
    // Both open the editor on BL40 before either saves.
    first.press("bl40<Esc>n");
    second.press("bl40<Esc>n");
    first.press("written in the first window<Ctrl-s>");
    second.press("written in the second window<Ctrl-s>");
    let screen = second.screen();
    assert!(
        screen.contains("another acuref saved a note on BL40 first; yours is kept beside it"),
        "{screen}"
    );
    let store = acuref::store::Store::open(&home.path().join(acuref::store::FILE_NAME)).unwrap();
    let note = store.note("point", "BL40").unwrap().unwrap();
    assert_eq!(note.text, "written in the first window");
    let copies = store.conflicts("point", "BL40").unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].text, "written in the second window");
    drop(store);

    // The window shows both; n puts both in the editor, and the save replaces the copy.
    let shown = second.screen();
    assert!(
        shown.contains("written in the first window")
            && shown.contains("Kept beside it, from another window's save")
            && shown.contains("written in the second window"),
        "{shown}"
    );
    second.press("n");
    let merging = second.app.editor.as_ref().unwrap().written();
    assert!(
        merging.starts_with("written in the first window")
            && merging.ends_with("written in the second window"),
        "{merging}"
    );
    second.press("<Ctrl-s>");
    let store = acuref::store::Store::open(&home.path().join(acuref::store::FILE_NAME)).unwrap();
    assert!(store.conflicts("point", "BL40").unwrap().is_empty());
    let merged = store.note("point", "BL40").unwrap().unwrap().text;
    assert!(merged.contains("first window") && merged.contains("second window"));
}

#[test]
fn stars_and_notes_on_ids_the_catalogue_lacks_are_said_at_start_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(acuref::store::FILE_NAME);
    let mut store = acuref::store::Store::open(&file).unwrap();
    store.add_bookmark("point", "BL99").unwrap();
    store.add_bookmark("point", "BL40").unwrap();
    store
        .save_note("point", "BL99", "from a renamed code", None)
        .unwrap();
    drop(store);
    let s = Session::with_home(120, 24, home.path());
    let screen = s.screen();
    assert!(
        screen.contains(
            "1 star and 1 note of yours on ids this catalogue does not have are kept: `acuref orphans` lists them"
        ),
        "{screen}"
    );
    assert_eq!(
        s.app.bookmarks.len(),
        1,
        "the entry the catalogue has is listed"
    );
    let store = acuref::store::Store::open(&file).unwrap();
    assert_eq!(store.bookmarks().unwrap().len(), 2, "nothing dropped");
}
