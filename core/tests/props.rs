//! Property tests (proptest) over generated corpus-like documents (`tests/adversarial/docgen.rs`)
//! and over token soups: the parser never panics; every span is in bounds, on char boundaries
//! and nested (children inside parents, siblings in order, paragraphs inside their item); an
//! item's source starts with its label; NFC and NFD copies give the same structure; the parse is
//! deterministic; the JSON validates against the committed `schema/document.schema.json`.
//!
//! `PROPTEST_CASES=N` sets the number of cases per property (default 48, so the suite stays well
//! under 30 s in debug).

#[path = "../../tests/adversarial/docgen.rs"]
mod docgen;
#[path = "../../tests/adversarial/invariants.rs"]
mod invariants;

use proptest::prelude::*;
use serde_json::Value;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    ProptestConfig {
        cases,
        // Failures are turned into named regression tests below, not files.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A generated document, from a vector of choices (shrinks with it).
fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u32>(), 0..600).prop_map(|values| {
        docgen::document(&mut docgen::Numbers {
            values: &values,
            at: 0,
        })
    })
}

const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "      ",
    "1.",
    "1-",
    "1)",
    "2.1.",
    "(1)",
    "a)",
    "đ)",
    "I.",
    "II-",
    "Điều 3.",
    "Chương II",
    "Phần I",
    "Mục 1",
    "- ",
    "+ ",
    "• ",
    "* ",
    "**",
    "***",
    "|",
    "#",
    "## ",
    "\\",
    "_",
    "__",
    "T/M",
    "KT.",
    "TL.",
    "Nơi nhận:",
    "Lưu: VT",
    "Kính gửi:",
    "Căn cứ",
    "Số:",
    "/CT-TTg",
    "-CT/TU",
    "ngày 27 tháng 3 năm 2020",
    "27/3/2020",
    "CHỈ THỊ",
    "Về việc",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ỦY BAN NHÂN DÂN",
    "Chủ tịch",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Văn An",
    "Sở Y tế chủ trì",
    "./.",
    "(Đã ký)",
    "--- PAGE BREAK ---",
    "Trang 2",
    "PHỤ LỤC",
    "---",
    "\u{a0}",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\u{0}",
    "\u{7}",
    "\u{301}",
    "\u{323}",
    "\u{fffd}",
    "\u{2028}",
    "\u{85}",
    "Ñy ban nh©n d©n tØnh",
    "😀",
    "x",
    "Ă",
];

/// Any mix of the tokens documents are made of (and of what breaks them).
fn soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..120).prop_map(|v| v.concat())
}

/// The JSON Schema, loaded once.
static SCHEMA: LazyLock<Value> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/document.schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the schema is committed"))
        .expect("the schema is JSON")
});

/// A validator of the JSON Schema keywords that `schemars` emits for the model (`$ref` into
/// `$defs`, `type`, `properties`, `required`, `items`, `anyOf`, `oneOf`, `const`, `enum`,
/// `format` `uint`/`uint32`, `minimum`). An unknown keyword fails the test, so that the
/// validator is extended when the schema grows (the `jsonschema` crate would add ~120 crates and
/// ~100 s to a clean debug build of the tests).
fn validate(schema: &Value, v: &Value, path: &str) -> Result<(), String> {
    let s = schema
        .as_object()
        .ok_or_else(|| format!("{path}: schema is not an object"))?;
    for (k, kw) in s {
        match k.as_str() {
            "$schema" | "title" | "description" | "$defs" | "default" | "examples" => {}
            "$ref" => {
                let name = kw
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .ok_or_else(|| format!("{path}: unsupported $ref {kw}"))?;
                let def = &SCHEMA["$defs"][name];
                if def.is_null() {
                    return Err(format!("{path}: $ref to a missing definition {name}"));
                }
                validate(def, v, path)?;
            }
            "type" => {
                let types: Vec<&str> = match kw {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => return Err(format!("{path}: bad type keyword")),
                };
                let ok = types.iter().any(|t| match *t {
                    "null" => v.is_null(),
                    "string" => v.is_string(),
                    "boolean" => v.is_boolean(),
                    "object" => v.is_object(),
                    "array" => v.is_array(),
                    "integer" => v.is_i64() || v.is_u64(),
                    "number" => v.is_number(),
                    _ => false,
                });
                if !ok {
                    return Err(format!("{path}: {v} is not of type {types:?}"));
                }
            }
            "properties" => {
                if let (Some(props), Some(obj)) = (kw.as_object(), v.as_object()) {
                    for (name, sub) in props {
                        if let Some(x) = obj.get(name) {
                            validate(sub, x, &format!("{path}.{name}"))?;
                        }
                    }
                }
            }
            "required" => {
                if let Some(obj) = v.as_object() {
                    for name in kw
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        if !obj.contains_key(name) {
                            return Err(format!("{path}: required property {name} is missing"));
                        }
                    }
                }
            }
            "items" => {
                if let Some(a) = v.as_array() {
                    for (i, x) in a.iter().enumerate() {
                        validate(kw, x, &format!("{path}[{i}]"))?;
                    }
                }
            }
            "anyOf" | "oneOf" => {
                let subs = kw.as_array().ok_or_else(|| format!("{path}: bad {k}"))?;
                let n = subs
                    .iter()
                    .filter(|sub| validate(sub, v, path).is_ok())
                    .count();
                if n == 0 || k == "oneOf" && n != 1 {
                    return Err(format!("{path}: {v} matches {n} of the {k} alternatives"));
                }
            }
            "const" => {
                if v != kw {
                    return Err(format!("{path}: {v} is not {kw}"));
                }
            }
            "enum" => {
                if !kw.as_array().is_some_and(|a| a.contains(v)) {
                    return Err(format!("{path}: {v} is not one of {kw}"));
                }
            }
            "format" => {
                let ok = match kw.as_str() {
                    Some("uint") => !v.is_number() || v.is_u64(),
                    Some("uint32") => {
                        !v.is_number() || v.as_u64().is_some_and(|n| n <= u32::MAX as u64)
                    }
                    Some(f) => return Err(format!("{path}: unsupported format {f}")),
                    None => false,
                };
                if !ok {
                    return Err(format!("{path}: {v} is not a {kw}"));
                }
            }
            "minimum" => {
                if let (Some(x), Some(min)) = (v.as_f64(), kw.as_f64()) {
                    if x < min {
                        return Err(format!("{path}: {x} < minimum {min}"));
                    }
                }
            }
            other => {
                return Err(format!(
                    "{path}: the test's validator does not know the keyword {other:?}: extend it"
                ))
            }
        }
    }
    Ok(())
}

fn validates(doc: &vanban::Document) -> Result<(), String> {
    let v: Value = serde_json::from_str(&doc.to_json()).expect("JSON");
    validate(&SCHEMA, &v, "$")
}

/// Everything a single input must satisfy.
fn check_input(input: &str) -> Result<(), TestCaseError> {
    let doc = vanban::parse(input);
    invariants::check(input, &doc);
    prop_assert_eq!(
        &doc,
        &vanban::parse(input),
        "the parse is not deterministic"
    );
    if let Err(e) = validates(&doc) {
        return Err(TestCaseError::fail(format!("schema: {e}")));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_documents_hold_every_invariant(input in document()) {
        check_input(&input)?;
    }

    #[test]
    fn token_soups_hold_every_invariant(input in soup()) {
        check_input(&input)?;
    }

    #[test]
    fn nfc_and_nfd_give_the_same_structure(input in document()) {
        let nfc: String = input.nfc().collect();
        let nfd: String = input.nfd().collect();
        let a = vanban::parse(&nfc);
        let b = vanban::parse(&nfd);
        invariants::check(&nfd, &b);
        prop_assert_eq!(invariants::structure(&a), invariants::structure(&b));
    }

    #[test]
    fn crlf_and_lf_give_the_same_structure(input in document()) {
        let lf = input.replace("\r\n", "\n").replace('\r', "\n");
        let crlf = lf.replace('\n', "\r\n");
        let a = vanban::parse(&lf);
        let b = vanban::parse(&crlf);
        invariants::check(&crlf, &b);
        prop_assert_eq!(invariants::structure(&a), invariants::structure(&b));
    }
}

/// The fixtures in other formats (HTML pages ...): the text their readers extract holds every
/// invariant, and the document with spans into the source validates (readers.rs checks those
/// spans; a label a reader draws, `<ol>`'s `1.`, stands for a tag, not for its own characters).
#[test]
fn format_fixtures_hold_every_invariant() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/formats");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        let input = vanban::read::read_bytes(bytes, &Default::default()).unwrap();
        invariants::check(input.text(), &vanban::parse(input.text()));
        let doc = vanban::parse_input(&input, &Default::default()).unwrap();
        if let Err(e2) = validates(&doc) {
            panic!("{}: schema: {e2}", e.path().display());
        }
        n += 1;
    }
    assert!(n >= 1);
}

/// The fixtures and the dev corpus (when `../shared` is present) validate and hold every
/// invariant too.
#[test]
fn real_documents_hold_every_invariant() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut n = 0;
    for dir in ["tests/fixtures", "../shared/corpus/docs", "../shared/seeds"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in rd.flatten() {
            if !e.path().is_file() {
                continue;
            }
            let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
            let doc = vanban::parse(&text);
            invariants::check(&text, &doc);
            if let Err(e2) = validates(&doc) {
                panic!("{}: schema: {e2}", e.path().display());
            }
            n += 1;
        }
    }
    assert!(n >= 7);
}

#[test]
fn the_validator_rejects_what_it_should() {
    let doc = vanban::parse("CHỈ THỊ\n1. Một.\n");
    let mut v: Value = serde_json::from_str(&doc.to_json()).unwrap();
    assert!(validate(&SCHEMA, &v, "$").is_ok());
    v["items"][0]["marker"] = Value::String("roman numeral".into());
    assert!(validate(&SCHEMA, &v, "$").is_err(), "enum");
    let mut v: Value = serde_json::from_str(&doc.to_json()).unwrap();
    v.as_object_mut().unwrap().remove("items");
    assert!(validate(&SCHEMA, &v, "$").is_err(), "required");
    let mut v: Value = serde_json::from_str(&doc.to_json()).unwrap();
    v["input_len"] = Value::from(-1);
    assert!(validate(&SCHEMA, &v, "$").is_err(), "uint");
    let mut v: Value = serde_json::from_str(&doc.to_json()).unwrap();
    v["symbol"] = Value::from(3);
    assert!(validate(&SCHEMA, &v, "$").is_err(), "type");
}
