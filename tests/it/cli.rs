//! The command line as a user runs it: output, JSON contract, exit statuses.

use crate::common::{acuref, json, mini};
use predicates::prelude::*;

#[test]
fn show_prints_the_full_card_for_any_spelling_of_a_code() {
    for spelling in ["ub 23", "BL23", "Bladder 23", "b-23", "腎俞", "Shen Shu"] {
        acuref()
            .args(["show", spelling])
            .assert()
            .success()
            .stdout(predicate::str::starts_with(
                "BL23 Shenshu 腎兪 (Kidney Shu)",
            ))
            .stdout(predicate::str::contains("Location"))
            .stdout(predicate::str::contains("1.5 cun lateral"))
            .stdout(predicate::str::contains("Depth"))
            .stdout(predicate::str::contains("CAUTION"))
            .stdout(predicate::str::contains("kidney"))
            .stdout(predicate::str::contains("Used for"))
            .stdout(predicate::str::contains("Sciatica"));
    }
}

#[test]
fn show_lists_the_other_homonym() {
    acuref()
        .args(["show", "futu"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("LI18 Futu 扶突"))
        .stdout(predicate::str::contains("Also matching"))
        .stdout(predicate::str::contains("ST32 Futu 伏兔"));
}

#[test]
fn show_gives_both_readings_of_a_legacy_bladder_code() {
    acuref()
        .args(["show", "bl54"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("BL54 Zhibian"))
        .stdout(predicate::str::contains("BL40 Weizhong 委中"))
        .stdout(predicate::str::contains(
            "this code in the older bladder numbering",
        ));
}

#[test]
fn show_a_condition_puts_red_flags_first() {
    let out = acuref().args(["show", "sciatica"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let flags = text.find("RED FLAGS").expect("red flags");
    let points = text.find("Points").expect("points");
    assert!(
        flags < points,
        "red flags come before the prescription:\n{text}"
    );
    assert!(text.contains("BL40 Weizhong"));
    assert!(text.contains("TUNG-22.05 Linggu"));
}

#[test]
fn show_json_is_the_entry_with_resolved_links() {
    let v = json(&["show", "bl40", "--json"]);
    assert_eq!(v["kind"], "point");
    assert_eq!(v["code"], "BL40");
    assert_eq!(v["pinyin"], "Weizhong");
    assert_eq!(v["hanzi"], "委中");
    let links = v["links"].as_array().unwrap();
    assert!(
        links.iter().any(|l| l["relation"] == "Used for"
            && l["id"] == "sciatica"
            && l["name"] == "Sciatica")
    );
    assert!(
        links
            .iter()
            .any(|l| l["relation"] == "Channel" && l["id"] == "BL")
    );
    assert!(
        links
            .iter()
            .all(|l| l["kind"].is_string() && l["id"].is_string() && l["name"].is_string())
    );
}

#[test]
fn search_prints_one_hit_a_line_and_json_objects() {
    acuref()
        .args(["search", "sciatica", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("condition"))
        .stdout(predicate::function(|s: &str| s.lines().count() == 3));
    let v = json(&["search", "weizhong", "--json"]);
    let first = &v.as_array().unwrap()[0];
    for key in ["kind", "id", "name", "score"] {
        assert!(!first[key].is_null(), "search --json has {key}");
    }
    assert_eq!(first["id"], "BL40");
    let v = json(&["search", "back", "--kind", "condition", "--json"]);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|h| h["kind"] == "condition")
    );
}

#[test]
fn list_points_json_counts_every_point_with_its_names() {
    let v = json(&["list", "points", "--json"]);
    let points = v.as_array().unwrap();
    let channel_points = points.iter().filter(|p| !p["channel"].is_null()).count();
    assert_eq!(channel_points, 361);
    assert!(points.len() > 361, "plus the extra points");
    for p in points {
        for key in ["code", "pinyin", "hanzi", "english"] {
            assert!(p[key].is_string(), "{key} in {p}");
        }
    }
    let bl = json(&["list", "points", "--channel", "UB", "--json"]);
    assert_eq!(bl.as_array().unwrap().len(), 67);
    assert_eq!(bl[22]["code"], "BL23");
    assert_eq!(bl[22]["number"], 23);
}

#[test]
fn list_text_and_filters() {
    acuref()
        .args(["list", "channels"])
        .assert()
        .success()
        .stdout(predicate::str::contains("BL        Bladder"))
        .stdout(predicate::str::contains("67 points"));
    acuref()
        .args(["list", "points", "--region", "lower-back"])
        .assert()
        .success()
        .stdout(predicate::str::contains("BL23"));
    acuref()
        .args(["list", "conditions", "--channel", "BL"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "only apply to `acuref list points`",
        ));
    acuref()
        .args(["list", "points", "--channel", "XX"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no channel `XX`"));
}

#[test]
fn links_show_both_directions() {
    acuref()
        .args(["links", "BL40"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Used for"))
        .stdout(predicate::str::contains("Sciatica"));
    let v = json(&["links", "pregnancy", "--json"]);
    assert_eq!(v["kind"], "contraindication");
    assert!(
        v["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["id"] == "BL67" && l["detail"].as_str().unwrap().contains("moxibustion"))
    );
}

#[test]
fn check_summarises_a_clean_catalogue() {
    acuref()
        .args(["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("catalogue is clean"))
        .stdout(predicate::str::contains("361 channel points"));
    acuref()
        .arg("check")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .assert()
        .success();
}

#[test]
fn a_bad_catalogue_exits_2_before_anything_else() {
    let dir = crate::common::mini_with(
        "points.toml",
        b"[[point]]\ncode = \"BL23\"\nloaction = \"x\"\n",
    );
    acuref()
        .arg("--data")
        .arg(dir.path())
        .args(["show", "bl23"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("points.toml:"));
}

#[test]
fn the_data_directory_replaces_the_built_in_catalogue() {
    acuref()
        .env("ACUREF_DATA", mini())
        .args(["list", "points"])
        .assert()
        .success()
        .stdout(predicate::function(|s: &str| s.lines().count() == 2));
    acuref()
        .arg("--data")
        .arg(mini())
        .arg("paths")
        .assert()
        .success()
        .stdout(predicate::str::contains("(from --data)"));
}

#[test]
fn the_user_directory_adds_and_overrides_entries_by_id() {
    let user = tempfile::tempdir().unwrap();
    let region = "[[region]]\nid = \"knee\"\nname = \"Knee and popliteal fossa\"\n\n[[region]]\nid = \"my-region\"\nname = \"My own region\"\n";
    std::fs::write(user.path().join("mine.toml"), region).unwrap();
    acuref()
        .env("ACUREF_USER_DIR", user.path())
        .args(["list", "regions"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Knee and popliteal fossa"))
        .stdout(predicate::str::contains("My own region"));
    acuref()
        .env("ACUREF_USER_DIR", user.path())
        .arg("paths")
        .assert()
        .success()
        .stdout(predicate::str::contains("(in use)"));
}

#[test]
fn no_match_exits_1_and_an_empty_query_2_with_advice() {
    acuref()
        .args(["show", "qqqqxxxxzzzz"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nothing matches"));
    acuref()
        .args(["show", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the query is empty"));
    acuref()
        .args(["show", "\u{1b}]52;c;aGk=\u{7}"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\\u{1B}]52"))
        .stderr(predicate::str::contains("\u{1b}").not());
}

#[test]
fn piped_output_has_no_escape_codes() {
    for args in [
        &["show", "bl40"][..],
        &["search", "back"],
        &["links", "GB21"],
    ] {
        acuref()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("\u{1b}").not());
    }
}

#[test]
fn without_a_terminal_plain_acuref_points_to_the_commands() {
    acuref()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a terminal"))
        .stderr(predicate::str::contains("acuref search"));
}

#[test]
fn help_version_and_completions() {
    acuref()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("acuref show bl40"))
        .stdout(predicate::str::contains("not medical advice"));
    acuref()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("acuref "));
    acuref()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_acuref"));
    acuref()
        .args(["show", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples"));
}

#[test]
fn show_bl23_carries_the_pregnancy_caution_with_level_and_method() {
    acuref()
        .args(["show", "BL23"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Pregnancy: forbidden (any method)",
        ))
        .stdout(predicates::str::contains("Organ and vessel injury"));
    let out = acuref().args(["show", "BL23", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cautions = v["cautions"].as_array().expect("cautions");
    assert!(cautions.iter().any(|r| r["contraindication"] == "pregnancy"
        && r["level"] == "forbidden"
        && r["method"] == "any"
        && !r["sources"].as_array().unwrap().is_empty()));
    assert!(v.get("safety").is_none(), "no verdict without a patient");
}

#[test]
fn safety_reports_each_verdict_and_exits_3_when_anything_is_forbidden() {
    let out = acuref()
        .args([
            "safety",
            "--patient",
            "pregnancy",
            "LI4",
            "SP6",
            "ST36",
            "BL23",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    let verdict = |code: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("a line for {code} in:\n{text}"))
            .to_string()
    };
    assert!(verdict("LI4").contains("FORBIDDEN"));
    assert!(verdict("SP6").contains("FORBIDDEN"));
    assert!(verdict("BL23").contains("FORBIDDEN"));
    assert!(verdict("ST36").ends_with("none"), "{}", verdict("ST36"));
    assert!(text.contains("Pregnancy: forbidden"));

    let out = acuref()
        .args([
            "safety",
            "--patient",
            "pacemaker",
            "electroacupuncture",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "electroacupuncture");
    assert_eq!(v[0]["safety"]["level"], "forbidden");
    assert_eq!(v[0]["safety"]["patient"][0], "pacemaker");
    assert_eq!(
        v[0]["safety"]["reasons"][0]["contraindication"],
        "cardiac-pacemaker"
    );

    acuref()
        .args(["safety", "--patient", "pacemaker", "st36"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("none"));
}

#[test]
fn a_bad_patient_state_exits_2_and_lists_the_valid_ones() {
    for args in [
        vec!["safety", "--patient", "pregnant", "LI4"],
        vec!["show", "li4", "--patient", "pregnancy:7"],
    ] {
        acuref()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("pregnancy, pregnancy:1"))
            .stderr(predicates::str::contains("pacemaker"));
    }
}

#[test]
fn patient_adds_a_safety_object_to_json_everywhere() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = acuref().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let shown = json(&["show", "sp6", "--patient", "pregnancy:1", "--json"]);
    assert_eq!(shown["safety"]["level"], "forbidden");
    assert_eq!(shown["safety"]["patient"][0], "pregnancy T1");
    let found = json(&[
        "search",
        "zusanli",
        "--kind",
        "point",
        "--patient",
        "pregnancy",
        "--json",
    ]);
    assert_eq!(found[0]["id"], "ST36");
    assert_eq!(found[0]["safety"]["level"], "none");
    let listed = json(&[
        "list",
        "points",
        "--channel",
        "LI",
        "--patient",
        "pregnancy",
        "--json",
    ]);
    let li4 = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "LI4")
        .unwrap();
    assert_eq!(li4["safety"]["level"], "forbidden");
    let linked = json(&["links", "sciatica", "--patient", "pregnancy", "--json"]);
    let links = linked["links"].as_array().unwrap();
    let ling_gu = links.iter().find(|l| l["id"] == "TUNG-22.05").unwrap();
    assert_eq!(ling_gu["safety"]["level"], "forbidden");
}

#[test]
fn list_caution_groups_the_points_a_contraindication_covers() {
    let out = acuref()
        .args(["list", "points", "--caution", "pregnancy"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = |level: &str| {
        text.lines()
            .position(|l| l.starts_with(&format!("{level} (")))
            .map(|n| text.lines().take(n).map(|l| l.len() + 1).sum::<usize>())
    };
    let forbidden = header("forbidden").expect("a forbidden group");
    let caution = header("caution").expect("a caution group");
    assert!(forbidden < caution, "strictest group first");
    let group = &text[forbidden..caution];
    for code in ["LI4", "SP6", "BL23", "CV4", "KI21", "GV4"] {
        assert!(
            group.lines().any(|l| l.starts_with(&format!("{code} "))),
            "{code} is in the forbidden group"
        );
    }
    assert!(
        text[caution..].lines().any(|l| l.starts_with("LU3 ")),
        "moxibustion only"
    );
    acuref()
        .args(["list", "points", "--caution", "no-such-thing"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("acuref list contraindications"));
}

/// The text output of a command, as a pipe receives it.
fn output_of(args: &[&str]) -> String {
    let out = acuref().args(args).output().expect("runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn command_output_is_pinned_so_column_drift_is_caught() {
    insta::assert_snapshot!("show_bl23", output_of(&["show", "bl23"]));
    insta::assert_snapshot!("list_channels", output_of(&["list", "channels"]));
    insta::assert_snapshot!("list_points", output_of(&["list", "points"]));
    // The body map's counts grow as each channel's positions land.
    let check: Vec<String> = output_of(&["check"])
        .lines()
        .map(|line| match line.split_once(" positions in ") {
            Some((_, rest)) => format!("body map is clean: [n] positions in {rest}"),
            None if line.ends_with(" points placed") => "  [n] of [m] points placed".into(),
            None => line.to_string(),
        })
        .collect();
    insta::assert_snapshot!("check", check.join("\n") + "\n");
}

#[test]
fn search_says_how_many_more_the_limit_left_out() {
    acuref()
        .args(["search", "back", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::function(|o: &str| o.lines().count() == 3))
        .stderr(predicate::str::contains(
            "more matches; --limit N shows more",
        ));
    acuref()
        .args(["search", "bl40", "--limit", "50"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_search_line_shows_the_match_with_a_little_text_around_it() {
    let out = acuref()
        .args(["search", "therapeutic need"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("Pregnancy"))
        .unwrap_or_else(|| panic!("the pregnancy entry matches:\n{text}"));
    assert!(line.contains("therapeutic need"), "{line}");
    assert!(
        line.contains('…'),
        "a long summary is cut around the match: {line}"
    );
    assert!(line.chars().count() < 140, "{line}");
    let json = json(&["search", "bl40", "--json"]);
    assert_eq!(json[0]["match"], "code");
    assert!(
        json[0]["score"].as_i64().unwrap() < 1 << 53,
        "exact in JavaScript"
    );
}

#[test]
fn options_of_the_interactive_reference_stay_out_of_the_commands_help() {
    let help = |args: &[&str]| {
        let out = acuref().args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let top = help(&["--help"]);
    assert!(top.contains("--theme") && top.contains("--mouse"), "{top}");
    for command in ["show", "search", "list"] {
        let text = help(&[command, "--help"]);
        assert!(
            !text.contains("--mouse") && !text.contains("--theme"),
            "{command}: {text}"
        );
        assert!(text.contains("--patient"), "{command} takes --patient");
    }
}

#[test]
fn angle_and_depth_are_separate_lines() {
    let card = output_of(&["show", "bl54"]);
    let angle = card
        .lines()
        .find(|l| l.starts_with("Angle"))
        .expect("an angle line");
    let depth = card
        .lines()
        .find(|l| l.starts_with("Depth"))
        .expect("a depth line");
    assert!(
        angle.contains("oblique toward the anus or genitals 2-3 cun"),
        "{angle}"
    );
    assert!(depth.ends_with("1.5-2 cun"), "{depth}");
    assert!(
        !card.contains("2-3 cun, 1.5-2 cun"),
        "no two depths side by side"
    );
}

#[test]
fn caution_words_find_the_points_the_caution_covers() {
    let lines = |args: &[&str]| {
        let out = acuref().args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let forbidden = lines(&["search", "forbidden", "--kind", "point", "--limit", "1000"]);
    let pregnancy = lines(&["search", "pregnancy", "--kind", "point", "--limit", "1000"]);
    for code in [" LI4 ", " SP6 ", " BL67 "] {
        assert!(
            forbidden.contains(code),
            "forbidden misses{code}:\n{forbidden}"
        );
        let line = pregnancy
            .lines()
            .find(|l| l.contains(code))
            .unwrap_or_else(|| panic!("pregnancy misses{code}:\n{pregnancy}"));
        assert!(line.contains("Pregnancy: forbidden"), "{line}");
    }
    assert!(
        !pregnancy.contains(" LU11 "),
        "a point no pregnancy rule covers is not found:\n{pregnancy}"
    );
    let json = json(&["search", "pregnancy", "--kind", "point", "--json"]);
    assert_eq!(json[0]["match"], "caution");
}

#[test]
fn points_of_a_category_and_the_roles_and_vessels_that_channel_cards_show() {
    let luo = json(&["list", "points", "--category", "luo-connecting", "--json"]);
    let codes: Vec<&str> = luo
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes.len(),
        14,
        "the twelve channels' Luo points and those of Du and Ren: {codes:?}"
    );
    for code in ["LU7", "ST40", "SP4", "PC6", "GV1", "CV15"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let with_channel = json(&[
        "list",
        "points",
        "--category",
        "xi-cleft",
        "--channel",
        "ST",
        "--json",
    ]);
    assert_eq!(with_channel[0]["code"], "ST34", "filters combine");
    acuref()
        .args(["list", "points", "--category", "luo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("acuref list categories"));

    // A channel's card gives each point its roles; a vessel lists the points on its course.
    acuref()
        .args(["show", "LU"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "LU7 Lieque 列缺 (Broken Sequence) — Luo-Connecting point; Confluent point",
        ));
    let chong = acuref().args(["show", "chong mai"]).output().unwrap();
    let chong = String::from_utf8(chong.stdout).unwrap();
    assert!(chong.contains("On its course"), "{chong}");
    for code in ["ST30", "KI11", "KI16", "KI21"] {
        assert!(
            chong
                .lines()
                .any(|l| l.contains(code) && l.contains("Meeting point of the")),
            "{code} on the Chong Mai:\n{chong}"
        );
    }
    assert!(
        !chong.contains("Points        0"),
        "no '0 points':\n{chong}"
    );
    // A point's categories are links to their entries.
    let links = json(&["links", "LU7", "--json"]);
    let categories: Vec<&str> = links["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["relation"] == "Categories")
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["luo-connecting", "confluent", "command"]);
}

#[test]
fn shell_completion_offers_the_catalogue_ids_for_list_options() {
    let output = acuref().args(["completions", "bash"]).output().unwrap();
    assert!(output.status.success());
    let script = String::from_utf8(output.stdout).unwrap();
    assert!(
        script.contains("LU LI ST SP HT SI BL KI PC TE GB LR GV CV CHONG"),
        "channel codes"
    );
    assert!(script.contains("luo-connecting"), "category ids");
    assert!(script.contains("pregnancy"), "contraindication ids");
    // Completion lists nothing out: any spelling still parses.
    acuref()
        .args(["list", "points", "--channel", "UB"])
        .assert()
        .success();
}
