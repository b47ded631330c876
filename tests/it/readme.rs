//! The README stays true: its key table is the keymap's.

#[test]
fn the_readme_key_table_is_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = acuref::tui::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md must contain this key table:\n{table}"
    );
}

#[test]
fn the_readme_explains_the_search_syntax() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (syntax, meaning) in acuref::search::SYNTAX {
        let row = format!("| `{syntax}` | {meaning} |");
        assert!(readme.contains(&row), "README.md must have the row {row}");
    }
}
