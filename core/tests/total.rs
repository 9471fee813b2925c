//! The parser is total and its spans are sound on odd inputs.

#[path = "../../tests/adversarial/invariants.rs"]
mod invariants;

/// Parses and checks every span of the JSON (in bounds, on char boundaries, ordered).
fn check(input: &str) -> vanban::Document {
    let doc = vanban::parse(input);
    let v: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
    invariants::check_json_spans(&v, input, "$");
    doc
}

fn codes(doc: &vanban::Document) -> Vec<&'static str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn empty_and_blank_inputs() {
    for s in ["", " ", "\n\n\n", "\t \r\n", "\u{feff}"] {
        let doc = check(s);
        assert!(codes(&doc).contains(&"empty_input"), "{s:?}");
        assert!(doc.items.is_empty());
    }
}

#[test]
fn control_characters_and_odd_line_ends() {
    let doc = check("CHỈ THỊ\r\nVề việc\u{0} thử\r1. Một\u{7}.\r\n2. Hai.");
    assert!(codes(&doc).contains(&"control_characters"));
    assert_eq!(doc.items.len(), 2);
    // A C1 control (two bytes in UTF-8) first: its diagnostic's span covers the whole char.
    let doc = check("a\u{9f}b\u{9e}c");
    assert!(codes(&doc).contains(&"control_characters"));
}

#[test]
fn odd_unicode_does_not_panic() {
    for s in [
        "\u{202e}Số: 1/CT-UBND\u{202c}",
        "😀😀😀\n1. 😀\n- \u{300}\u{301}",
        "\u{fffd}\u{fffd}abc",
        "**\n**\n****\n|\n|",
        "Số:\nSố:\nngày tháng năm",
        "T/M\nKT.\nTL.\nNơi nhận:\n- \n-",
        "a)\nb)\n(1)\nI.\nII-\n1)\n",
        "Kính gửi:",
        "\u{0301}\u{0301}leading combining marks",
    ] {
        check(s);
    }
}

#[test]
fn size_limit_is_a_clear_error() {
    let opts = vanban::Options { max_bytes: 10 };
    let err = vanban::parse_with("01234567890123", &opts).unwrap_err();
    assert_eq!(err.code(), "input_too_large");
    assert!(vanban::parse_with("0123", &opts).is_ok());
}

#[test]
fn deep_and_long_inputs_parse() {
    let many = "1. Một.\n".repeat(20_000);
    let doc = check(&many);
    assert!(doc.items.len() > 1000);
    let long = "chữ ".repeat(200_000);
    check(&long);
    let nested: String = (0..2000)
        .map(|i| format!("{}- mục\n", i % 10 + 1))
        .collect();
    check(&nested);
}

#[test]
fn deterministic() {
    let s = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/cong_van.txt"
    ))
    .unwrap();
    assert_eq!(vanban::parse(&s), vanban::parse(&s));
}
