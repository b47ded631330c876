//! Every class of catalogue error, each on a small bad catalogue: `acuref check` exits 2 and
//! names the file, the line, the column and the offending value.

use crate::common::{acuref, mini, mini_file, mini_with};

/// Runs `acuref check` on a copy of the mini catalogue whose `file` is `text`; returns stderr.
fn check_fails(file: &str, text: &str) -> String {
    check_fails_bytes(file, text.as_bytes())
}

fn check_fails_bytes(file: &str, text: &[u8]) -> String {
    let dir = mini_with(file, text);
    let output = acuref()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit status for a bad catalogue"
    );
    assert!(output.stdout.is_empty(), "nothing on stdout");
    String::from_utf8(output.stderr).expect("stderr is UTF-8")
}

/// The stderr line that starts with `points.toml:LINE:COL:` for the expected place.
fn assert_at(stderr: &str, place: &str, value: &str) {
    let line = stderr
        .lines()
        .find(|l| l.contains(place))
        .unwrap_or_else(|| panic!("no problem at {place} in:\n{stderr}"));
    assert!(line.contains(value), "{line:?} should name {value:?}");
    assert!(
        stderr.contains("help: "),
        "every problem says what to do:\n{stderr}"
    );
}

#[test]
fn the_mini_catalogue_is_clean() {
    acuref()
        .arg("check")
        .arg(mini())
        .assert()
        .success()
        .stdout(predicates::str::contains("catalogue is clean"))
        .stdout(predicates::str::contains("points             2"));
}

#[test]
fn toml_syntax_error() {
    let text = mini_file("points.toml").replace("pinyin = \"Weizhong\"", "pinyin = \"Weizhong");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:24:", "TOML syntax error");
}

#[test]
fn misspelt_field_is_an_error() {
    let text =
        mini_file("points.toml").replace("location = \"At the mid", "loaction = \"At the mid");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:29:1:", "loaction");
}

#[test]
fn missing_required_field() {
    let text = mini_file("points.toml").replace("english = \"Middle of the Crook\"\n", "");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:", "missing field `english`");
}

#[test]
fn empty_text_is_an_error() {
    let text = mini_file("points.toml").replace("english = \"Kidney Shu\"", "english = \"  \"");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:9:11:", "empty text");
}

#[test]
fn empty_required_list_is_an_error() {
    let text =
        mini_file("points.toml").replace("indications = [\"low back pain\"]", "indications = []");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:16:", "at least one item");
}

#[test]
fn duplicate_id() {
    let text = mini_file("points.toml")
        .replace("code = \"BL40\"", "code = \"BL23\"")
        .replace("number = 40", "number = 23");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:21:8:", "duplicate point id `BL23`");
    assert!(err.contains("already defined at"), "{err}");
    assert!(
        err.contains("points.toml:2:8"),
        "names the first definition:\n{err}"
    );
}

#[test]
fn link_to_a_missing_id() {
    let text = mini_file("clinical.toml").replace("point = \"BL40\"", "point = \"BL99\"");
    let err = check_fails("clinical.toml", &text);
    assert_at(&err, "clinical.toml:10:9:", "`BL99`");
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn escape_sequence_in_text_is_refused() {
    let text = mini_file("points.toml").replace(
        "english = \"Kidney Shu\"",
        "english = \"Kidney \\u001b[31mShu\"",
    );
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:9:11:", "U+001B");
    assert!(
        !err.contains('\u{1b}'),
        "the escape itself never reaches the terminal"
    );
}

#[test]
fn osc52_clipboard_write_is_refused() {
    let text = mini_file("points.toml").replace(
        "angle = \"Perpendicular\"\navoid",
        "angle = \"\\u001b]52;c;ZXZpbA==\\u0007\"\navoid",
    );
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:12:9:", "U+001B");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'));
}

#[test]
fn decomposed_text_is_not_nfc() {
    let text = mini_file("points.toml").replace(
        "pinyin_tones = \"Shènshū\"",
        "pinyin_tones = \"She\u{300}nshū\"",
    );
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:6:16:", "not in Unicode NFC");
}

#[test]
fn file_that_is_not_utf8() {
    let mut bytes = mini_file("points.toml").into_bytes();
    let at = bytes.iter().position(|&b| b == b'K').expect("a K");
    bytes[at] = 0xff;
    let err = check_fails_bytes("points.toml", &bytes);
    assert_at(&err, "points.toml:9:12:", "not UTF-8");
}

#[test]
fn unknown_table() {
    let text = format!("{}\n[[piont]]\ncode = \"X1\"\n", mini_file("points.toml"));
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:37:3:", "unknown table `piont`");
}

#[test]
fn code_that_does_not_match_channel_and_number() {
    let text = mini_file("points.toml").replace("number = 40", "number = 41");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:21:8:", "`BL40` does not match");
}

#[test]
fn wrong_value_type_and_unknown_enum_value() {
    let text = mini_file("clinical.toml").replace(
        "level = \"forbidden\"\nmethod",
        "level = \"sometimes\"\nmethod",
    );
    let err = check_fails("clinical.toml", &text);
    assert_at(&err, "clinical.toml:28:9:", "sometimes");
    let text = mini_file("points.toml").replace("number = 23", "number = \"twenty-three\"");
    let err = check_fails("points.toml", &text);
    assert_at(&err, "points.toml:4:10:", "string");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = mini_file("points.toml")
        .replace("location = \"At the mid", "loaction = \"At the mid")
        .replace("english = \"Kidney Shu\"", "english = \"\"")
        .replace("regions = [\"lower-back\"]", "regions = [\"lower-bak\"]");
    let err = check_fails("points.toml", &text);
    assert!(err.contains("loaction"), "{err}");
    assert!(err.contains("empty text"), "{err}");
    assert!(err.contains("3 problems"), "{err}");
}

#[test]
fn missing_directory_is_a_located_error() {
    acuref()
        .args(["check", "/no/such/acuref/catalogue"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("does not exist"));
}

#[test]
fn rules_with_unknown_regions_categories_methods_or_stages() {
    let base = mini_file("clinical.toml");
    let err = check_fails(
        "clinical.toml",
        &base.replace("regions = [\"lower-back\"]", "regions = [\"lower-bak\"]"),
    );
    assert_at(&err, "clinical.toml:43:12:", "region `lower-bak`");
    let err = check_fails(
        "clinical.toml",
        &base.replace(
            "regions = [\"lower-back\"]",
            "regions = [\"lower-back\"]\ncategories = [\"jing-wel\"]",
        ),
    );
    assert_at(
        &err,
        "clinical.toml:44:15:",
        "category `jing-wel`, which does not exist",
    );
    let err = check_fails(
        "clinical.toml",
        &base.replace("method = \"electroacupuncture\"", "method = \"laser\""),
    );
    assert_at(&err, "clinical.toml:29:10:", "laser");
    let err = check_fails(
        "clinical.toml",
        &base.replace("stages = [\"T2\", \"T3\"]", "stages = [\"T2\", \"T4\"]"),
    );
    assert_at(&err, "clinical.toml:44:17:", "unknown stage `T4`");
    assert!(
        err.contains("T1, T2, T3"),
        "the help lists the stages: {err}"
    );
}

#[test]
fn a_rule_that_covers_nothing_and_a_repeated_patient_alias() {
    let base = mini_file("clinical.toml");
    let err = check_fails(
        "clinical.toml",
        &base.replace("techniques = [\"electroacupuncture\"]\nreason", "reason"),
    );
    assert!(err.contains("covers nothing"), "{err}");
    let err = check_fails(
        "clinical.toml",
        &base.replace("alias = \"pregnancy\"", "alias = \"pacemaker\""),
    );
    assert!(
        err.contains("patient state `pacemaker` is already"),
        "{err}"
    );
}

#[test]
fn a_citation_names_a_work_and_may_say_where_in_it() {
    let text = mini_file("points.toml").replacen(
        "sources = [\"who-2008\"]",
        "sources = [\"who-2008#Bladder channel\"]",
        1,
    );
    let dir = mini_with("points.toml", text.as_bytes());
    acuref().arg("check").arg(dir.path()).assert().success();

    let unknown = mini_file("points.toml").replacen(
        "sources = [\"who-2008\"]",
        "sources = [\"who-2009#Bladder channel\"]",
        1,
    );
    let err = check_fails("points.toml", &unknown);
    assert!(
        err.contains("`who-2009`") && err.contains("does not exist"),
        "{err}"
    );

    let empty = mini_file("points.toml").replacen(
        "sources = [\"who-2008\"]",
        "sources = [\"who-2008#\"]",
        1,
    );
    let err = check_fails("points.toml", &empty);
    assert!(
        err.contains("points.toml:") && err.contains("followed by where in the work"),
        "{err}"
    );
}
