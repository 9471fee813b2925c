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
