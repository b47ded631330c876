//! Study from the command line: the Anki export read back as Anki's importer reads it, and
//! the quiz.

use std::collections::HashSet;

use acuref::study::{Card, CardType, all_cards, anki};
use predicates::prelude::*;

use crate::common::{acuref, acuref_at, builtin, json};

/// An Anki text file as its importer reads it: the `#key:value` header lines, then records
/// of tab-separated fields, a field between quotes holding tabs, quotes (doubled) and line
/// breaks.
struct AnkiFile {
    headers: Vec<(String, String)>,
    notes: Vec<Vec<String>>,
}

fn read_anki(text: &str) -> AnkiFile {
    let mut headers = Vec::new();
    let mut rest = text;
    while let Some(line) = rest.strip_prefix('#') {
        let (line, after) = line.split_once('\n').expect("a header line ends");
        let (key, value) = line.split_once(':').expect("a header is key:value");
        headers.push((key.to_string(), value.to_string()));
        rest = after;
    }
    let mut notes = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = rest.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => quoted = true,
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '\t' | '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                if c == '\n' {
                    notes.push(std::mem::take(&mut fields));
                }
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    assert!(field.is_empty() && fields.is_empty(), "the last line ends");
    AnkiFile { headers, notes }
}

/// An HTML field back as text.
fn text_of(html: &str) -> String {
    html.replace("<br>", "\n")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

impl AnkiFile {
    fn header(&self, key: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no header {key}"))
    }
}

fn export(home: &std::path::Path, deck: Option<&str>) -> AnkiFile {
    let file = home.join("acuref.txt");
    let mut cmd = acuref_at(home);
    cmd.args(["study", "export", "--anki"]).arg(&file);
    if let Some(deck) = deck {
        cmd.args(["--deck", deck]);
    }
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("exported"));
    read_anki(&std::fs::read_to_string(&file).expect("the export is UTF-8"))
}

#[test]
fn the_anki_export_of_the_full_catalogue_parses_back() {
    let home = tempfile::tempdir().unwrap();
    let file = export(home.path(), None);
    assert_eq!(file.header("separator"), "tab");
    assert_eq!(file.header("html"), "true");
    assert_eq!(file.header("notetype"), "Basic");
    assert_eq!(file.header("deck"), "acuref");
    assert_eq!(file.header("columns"), "GUID\tFront\tBack\tTags");
    assert_eq!(file.header("guid column"), "1");
    assert_eq!(file.header("tags column"), "4");
    let (c, _) = builtin();
    let cards = all_cards(c);
    assert_eq!(file.notes.len(), cards.len());
    let mut guids = HashSet::new();
    for note in &file.notes {
        assert_eq!(note.len(), 4, "{note:?}");
        assert!(guids.insert(note[0].clone()), "guid {} twice", note[0]);
        assert!(note[0].starts_with("acuref-"));
        assert!(
            note[0]
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "._-".contains(ch)),
            "{}",
            note[0]
        );
        assert!(note[3].split(' ').all(|t| t.starts_with("acuref::")));
        assert!(note[3].contains("acuref::type::"));
    }
    let by_guid: std::collections::HashMap<&str, &Vec<String>> =
        file.notes.iter().map(|n| (n[0].as_str(), n)).collect();
    for card in &cards {
        let note = by_guid[anki::guid(card).as_str()];
        assert_eq!(text_of(&note[1]), card.prompt, "{}", card.id);
        assert_eq!(text_of(&note[2]), card.answer, "{}", card.id);
    }
    let li4 = by_guid["acuref-LI4-name"];
    assert!(li4[2].contains("合谷"));
    assert!(li4[3].contains("acuref::channel::LI"));
    assert!(by_guid["acuref-LI4-pregnancy"][3].contains("acuref::caution::pregnancy"));
}

#[test]
fn fields_with_tabs_quotes_line_breaks_and_hanzi_round_trip() {
    let card = Card {
        id: "LI4:name".into(),
        card_type: CardType::Name,
        prompt: "Is \"Hegu\"\tthe <b> & name?".into(),
        answer: "Hegu (Hégǔ) 合谷, Union Valley\nAlso called \"Hoku\"\tor 虎口".into(),
        about: Vec::new(),
        tags: vec!["type::name".into()],
    };
    let file = read_anki(&anki::notes_text(&[&card], "acuref"));
    let note = &file.notes[0];
    assert_eq!(text_of(&note[1]), card.prompt);
    assert_eq!(text_of(&note[2]), card.answer);
    assert!(note[1].contains("&lt;b&gt; &amp;"), "{}", note[1]);
    assert!(note[2].contains("<br>"));
}

#[test]
fn a_deck_exports_its_own_cards_under_its_own_anki_deck() {
    let home = tempfile::tempdir().unwrap();
    let file = export(home.path(), Some("channel:lung"));
    assert_eq!(file.header("deck"), "acuref::channel:LU");
    assert!(!file.notes.is_empty());
    assert!(
        file.notes
            .iter()
            .all(|n| n[3].contains("acuref::channel::LU"))
    );
}

#[test]
fn a_bad_deck_or_a_file_that_cannot_be_written_exits_2_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("out.txt");
    acuref_at(home.path())
        .args(["study", "export", "--anki"])
        .arg(&file)
        .args(["--deck", "chanel:LU"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`chanel:LU` is not a deck"))
        .stderr(predicate::str::contains("channel:CODE"));
    assert!(!file.exists());
    acuref_at(home.path())
        .args(["study", "export", "--anki"])
        .arg(&file)
        .args(["--deck", "protocol:neck"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no protocol `neck`"));
    acuref()
        .args(["study", "export", "--anki"])
        .arg(home.path().join("missing/out.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was written"));
    let left: Vec<_> = std::fs::read_dir(home.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_protocol_or_the_bookmarks_make_a_deck() {
    let home = tempfile::tempdir().unwrap();
    acuref_at(home.path())
        .args(["protocol", "new", "back", "BL23", "BL40"])
        .assert()
        .success();
    acuref_at(home.path())
        .args(["bookmark", "add", "ST36"])
        .assert()
        .success();
    let file = export(home.path(), Some("protocol:back,bookmarks"));
    let guids: Vec<&str> = file.notes.iter().map(|n| n[0].as_str()).collect();
    for guid in [
        "acuref-BL23-name",
        "acuref-BL40-location",
        "acuref-ST36-name",
    ] {
        assert!(guids.contains(&guid), "{guid}");
    }
    assert!(!guids.contains(&"acuref-LI4-name"));
}

fn quiz_json(args: &[&str]) -> serde_json::Value {
    json(&[&["quiz", "--json"], args].concat())
}

#[test]
fn quiz_json_prints_the_questions_the_seed_decides() {
    let shown = quiz_json(&["--deck", "channel:ST", "--count", "5", "--seed", "11"]);
    assert_eq!(shown["deck"], "channel:ST");
    assert_eq!(shown["seed"], 11);
    let questions = shown["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 5);
    for q in questions {
        let choices = q["choices"].as_array().unwrap();
        assert!(choices.len() >= 2);
        assert!(q["answer"].as_u64().unwrap() < choices.len() as u64);
        assert!(q["card"].as_str().unwrap().contains(':'));
        assert!(!q["prompt"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        shown,
        quiz_json(&["--deck", "channel:ST", "--count", "5", "--seed", "11"])
    );
}

#[test]
fn the_terminal_quiz_reads_a_number_or_a_typed_answer_and_ends_with_score_time_and_wrong_answers() {
    let args = ["--deck", "channel:ST", "--count", "3", "--seed", "11"];
    let shown = quiz_json(&args);
    let questions = shown["questions"].as_array().unwrap();
    let right = |q: &serde_json::Value| q["answer"].as_u64().unwrap() as usize;
    let first = (right(&questions[0]) + 1).to_string();
    // The second is typed: the answer's code in another spelling, or its name.
    let answer = questions[1]["choices"][right(&questions[1])]
        .as_str()
        .unwrap();
    let second = match questions[1]["type"].as_str().unwrap() {
        "name" => answer.split(' ').next().unwrap().to_lowercase(),
        _ => {
            let code = answer.split(' ').next().unwrap().to_lowercase();
            code.replacen("st", "st ", 1)
        }
    };
    let wrong = (right(&questions[2]) + 1) % questions[2]["choices"].as_array().unwrap().len() + 1;
    let input = format!("{first}\n{second}\n{wrong}\n");
    acuref()
        .arg("quiz")
        .args(args)
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("1/3  "))
        .stdout(predicate::str::contains("score 2/3 in "))
        .stdout(predicate::str::contains("wrong answers:"))
        .stdout(predicate::str::contains(
            questions[2]["card"].as_str().unwrap(),
        ))
        .stdout(predicate::str::contains(
            "the same questions again: acuref quiz --deck channel:ST --count 3 --seed 11",
        ));
}

#[test]
fn the_terminal_quiz_stops_at_the_end_of_input() {
    acuref()
        .args(["quiz", "--count", "4", "--seed", "3"])
        .write_stdin("\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("score 0/1"))
        .stdout(predicate::str::contains("stopped after 1 of 4 questions"))
        .stdout(predicate::str::contains("skipped"));
}

#[test]
fn a_bad_quiz_deck_or_count_exits_2() {
    acuref()
        .args(["quiz", "--deck", "meridian:LU", "--json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`meridian:LU` is not a deck"));
    acuref().args(["quiz", "--count", "0"]).assert().code(2);
}

#[test]
fn acuref_study_alone_needs_a_terminal_and_says_what_to_pipe_instead() {
    acuref()
        .arg("study")
        .assert()
        .failure()
        .stderr(predicate::str::contains("study needs a terminal"))
        .stderr(predicate::str::contains("acuref study due"));
    acuref()
        .args(["study", "--deck", "channel:LU", "due"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}
