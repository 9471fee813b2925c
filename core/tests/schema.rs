//! The committed JSON Schema (`schema/document.schema.json`) matches the model.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p vanban --test schema`.

#[test]
fn committed_schema_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/document.schema.json"
    );
    let want = vanban::model::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).expect("schema/document.schema.json is committed");
    assert_eq!(
        have, want,
        "schema/document.schema.json is stale: rerun with UPDATE_SCHEMA=1"
    );
}

#[test]
fn fields_are_the_contracts_members_in_order() {
    let text = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/CT-UBND\nAn Giang, ngày 05 tháng 01 năm 2024\n\nCHỈ THỊ\nVề việc phòng dịch 😀\n\n1. Sở Y tế chủ trì, thực hiện Chỉ thị số 15/CT-TTg.\n";
    let doc = vanban::parse(text);
    let conv = vanban::OffsetConverter::new(text, vanban::Unit::Utf16);
    let json = conv.to_json(&doc);
    let full: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut keys: Vec<&str> = full
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut listed = vanban::model::DOCUMENT_FIELDS.to_vec();
    keys.sort_unstable();
    listed.sort_unstable();
    assert_eq!(keys, listed);
    // In the contract's order: each top-level key appears in the JSON after the one before.
    let at = |k: &str| json.find(&format!("\"{k}\":")).unwrap();
    assert!(vanban::model::DOCUMENT_FIELDS
        .windows(2)
        .all(|w| at(w[0]) < at(w[1])));
    for &name in vanban::model::DOCUMENT_FIELDS {
        let one: serde_json::Value =
            serde_json::from_str(&conv.fields_to_json(&doc.fields(&[name]).unwrap())).unwrap();
        assert_eq!(one[name], full[name], "{name}");
    }
    let some = conv.fields_to_json(&doc.fields(&["citations", "kind"]).unwrap());
    assert!(
        some.starts_with("{\"kind\":\"chi_thi\",\"citations\":["),
        "{some}"
    );
    assert_eq!(
        doc.fields(&["kind", "sybmol"]).err().as_deref(),
        Some("sybmol")
    );
}
