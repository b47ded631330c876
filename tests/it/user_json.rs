//! Every command that changes the user's data answers `--json` with what it did, for scripts:
//! a protocol as it now is, and one line a star as each is committed.

use crate::common::acuref_at;

fn json(home: &std::path::Path, args: &[&str]) -> String {
    let out = acuref_at(home).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn protocol_changes_print_the_protocol_as_it_now_is() {
    let home = tempfile::tempdir().unwrap();
    let made: serde_json::Value = serde_json::from_str(&json(
        home.path(),
        &["protocol", "new", "knee", "st35", "ST36", "--json"],
    ))
    .unwrap();
    assert_eq!(made["name"], "knee");
    assert_eq!(made["points"][1]["code"], "ST36");
    let added: serde_json::Value = serde_json::from_str(&json(
        home.path(),
        &[
            "protocol",
            "add",
            "knee",
            "sp9",
            "--note",
            "if swollen",
            "--json",
            "--patient",
            "pregnancy",
        ],
    ))
    .unwrap();
    assert_eq!(added["points"][2]["code"], "SP9");
    assert_eq!(added["points"][2]["note"], "if swollen");
    assert!(added["points"][2]["safety"].is_string(), "{added}");
    let removed: serde_json::Value = serde_json::from_str(&json(
        home.path(),
        &["protocol", "remove", "knee", "ST35", "--json"],
    ))
    .unwrap();
    let codes: Vec<&str> = removed["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["ST36", "SP9"]);
    let deleted: serde_json::Value = serde_json::from_str(&json(
        home.path(),
        &["protocol", "delete", "knee", "--yes", "--json"],
    ))
    .unwrap();
    assert_eq!(deleted, serde_json::json!({"deleted": "knee"}));
}

#[test]
fn star_changes_print_one_json_object_a_line() {
    let home = tempfile::tempdir().unwrap();
    let added = json(home.path(), &["bookmark", "add", "bl40", "ub 40", "--json"]);
    let lines: Vec<serde_json::Value> = added
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "BL40");
    assert_eq!(lines[0]["changed"], true);
    assert_eq!(
        lines[1]["changed"], false,
        "the second spelling found it starred"
    );
    let removed = json(home.path(), &["bookmark", "remove", "BL40", "--json"]);
    let line: serde_json::Value = serde_json::from_str(removed.trim()).unwrap();
    assert_eq!(
        (line["starred"].clone(), line["changed"].clone()),
        (false.into(), true.into())
    );
}
