//! Inputs in the formats people hold them (`tests/fixtures/formats/`, written for this
//! project): each is read by its reader and parsed, its outline is snapshotted, and every span
//! of the parse points into the bytes of the file as given.

use std::path::PathBuf;
use vanban::read::{self, Format, ReadOptions};

fn formats_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/formats")
}

fn read(name: &str, format: Option<Format>) -> (Vec<u8>, read::Input) {
    let bytes = std::fs::read(formats_dir().join(name)).expect("fixture exists");
    let opts = ReadOptions {
        format,
        ..ReadOptions::default()
    };
    let input = read::read_bytes(bytes.clone(), &opts).expect("the fixture is read");
    (bytes, input)
}

fn parse(input: &read::Input) -> vanban::Document {
    vanban::parse_input(input, &vanban::Options::default()).expect("within the limit")
}

/// Every `{start, end}` of the contract JSON.
fn spans(v: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(a), Some(b), 2) = (m.get("start"), m.get("end"), m.len()) {
                out.push((a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize));
            } else {
                m.values().for_each(|v| spans(v, out));
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

fn assert_spans_in(source: &str, doc: &vanban::Document) {
    let mut all = Vec::new();
    spans(&serde_json::to_value(doc).unwrap(), &mut all);
    assert!(all.len() > 20);
    for (a, b) in all {
        assert!(
            a <= b && b <= source.len(),
            "span {a}..{b} outside the input"
        );
        assert!(
            source.is_char_boundary(a) && source.is_char_boundary(b),
            "span {a}..{b} cuts a character"
        );
    }
}

#[test]
fn outlines_snapshot() {
    let mut names: Vec<String> = std::fs::read_dir(formats_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let (bytes, input) = read(&name, None);
        let doc = parse(&input);
        if let Ok(source) = std::str::from_utf8(&bytes) {
            assert_spans_in(source, &doc);
        }
        insta::assert_snapshot!(name.replace('.', "_"), vanban::render::outline(&doc));
    }
}

#[test]
fn an_html_page_is_detected_and_its_spans_point_into_the_page() {
    let (bytes, input) = read("cong_van_trang_web.html", None);
    assert_eq!(input.format, Format::Html);
    let page = std::str::from_utf8(&bytes).unwrap();
    let doc = parse(&input);
    assert_eq!(doc.input_len, page.len());
    let symbol = doc.header.symbol.as_ref().expect("a symbol");
    assert_eq!(&page[symbol.span.start..symbol.span.end], "2041/SGDĐT-QLCL");
    // `<ol>` numbering, drawn by a browser and not in the page's text, gives the items.
    let labels: Vec<&str> = doc.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["1.", "2.", "3."]);
    assert_eq!(doc.items[1].children.len(), 2);
    // A citation split over two source lines is one citation, its span covers the page.
    let c = &doc.citations[0];
    let cited = &page[c.span.start..c.span.end];
    assert!(cited.starts_with("Thông tư số 17/2023/TT-BGDĐT"), "{cited}");
    // The script, the style, the head and the navigation are kept as markup noise.
    let markup: Vec<&str> = doc
        .noise
        .iter()
        .filter(|n| n.kind == vanban::NoiseKind::Markup)
        .map(|n| &page[n.span.start..n.span.end])
        .collect();
    assert!(markup.iter().any(|m| m.starts_with("<head>")));
    assert!(markup.iter().any(|m| m.starts_with("<nav")));
    assert!(markup.iter().any(|m| m.starts_with("<footer>")));
    assert!(!input.text().contains("Trang chủ"));
}

#[test]
fn named_formats_override_detection() {
    // The page read as text: the markup is in the text, the header is still found.
    let (_, input) = read("cong_van_trang_web.html", Some(Format::Text));
    assert_eq!(input.format, Format::Text);
    assert!(input.text().contains("<table"));
}
