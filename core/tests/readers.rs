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
        let (_, input) = read(&name, None);
        let doc = parse(&input);
        assert_spans_in(&input.source, &doc);
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

#[test]
fn a_word_file_gets_its_automatic_numbering_back() {
    let (_, input) = read("quyet_dinh_word.docx", None);
    assert_eq!(input.format, Format::Docx);
    let doc = parse(&input);
    assert_eq!(doc.kind.as_deref(), Some("quyet_dinh"));
    assert_eq!(doc.symbol.as_deref(), Some("215/QĐ-UBND"));
    // The labels are not in the file's text: Word draws them from numbering.xml.
    let labels: Vec<&str> = doc.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["Điều 1.", "Điều 2.", "Điều 3."]);
    let sub: Vec<&str> = doc.items[0]
        .children
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(sub, ["1.", "2."]);
    // The same document as text parses the same.
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/quyet_dinh.txt"),
    )
    .unwrap();
    assert_eq!(
        vanban::render::outline(&doc),
        vanban::render::outline(&vanban::parse(&text))
    );
}

#[test]
fn damaged_word_files_are_refused_with_a_code() {
    let opts = ReadOptions::default();
    let (bytes, _) = read("quyet_dinh_word.docx", None);
    // Cut short: the zip's directory is gone.
    let cut = read::read_bytes(bytes[..bytes.len() / 2].to_vec(), &opts).unwrap_err();
    assert_eq!(cut.code(), "malformed_input", "{cut}");
    // A zip bomb: a part that unpacks past the limit is refused, not unpacked.
    let mut bomb = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut bomb);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("word/document.xml", o).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..=(vanban::read::docx::MAX_PART >> 20) {
            std::io::Write::write_all(&mut z, &zeros).unwrap();
        }
        z.finish().unwrap();
    }
    let bomb = bomb.into_inner();
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    let e = read::read_bytes(bomb, &opts).unwrap_err();
    assert_eq!(e.code(), "malformed_input");
    assert!(e.to_string().contains("zip bomb"), "{e}");
    // XML that is not well-formed.
    let mut bad = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut bad);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut z, b"<w:document><w:body><w:p></w:body>").unwrap();
        z.finish().unwrap();
    }
    let e = read::read_bytes(bad.into_inner(), &opts).unwrap_err();
    assert_eq!(e.code(), "malformed_input");
    assert!(e.to_string().contains("not well-formed"), "{e}");
    // A binary .doc: refused with a hint to convert it.
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(4096, 0);
    let e = read::read_bytes(doc, &opts).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    assert!(
        e.to_string().contains("DOC") && e.to_string().contains("convert"),
        "{e}"
    );
}

/// The page with the annotator's elements taken out.
fn unannotated(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<span class=\"vb ") {
        out.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find('>').unwrap() + 1..];
    }
    out.push_str(rest);
    out.replace("</span>", "")
}

#[test]
fn an_annotated_page_is_the_page_with_its_marks() {
    let (bytes, input) = read("cong_van_trang_web.html", None);
    let page = std::str::from_utf8(&bytes).unwrap();
    let doc = parse(&input);
    let html = vanban::read::annotate(&input, &doc);
    let style = html
        .find("<style>.vb-item")
        .expect("the marks' style is in the head");
    let without_style = format!(
        "{}{}",
        &html[..style],
        &html[style + html[style..].find("</style>").unwrap() + 8..]
    );
    assert_eq!(unannotated(&without_style), page);
    assert_eq!(
        html.matches("<span class=\"vb ").count(),
        html.matches("</span>").count()
    );
    // A citation's mark holds its text, and no mark is put inside a tag or the script.
    assert!(html.contains("data-symbol=\"17/2023/TT-BGDĐT\""));
    let head = &html[..html.find("</head>").unwrap()];
    assert!(!head.contains("<span class=\"vb "));
    // Text input: the text escaped in a <pre>.
    let text = vanban::read::read_bytes(
        std::fs::read(formats_dir().join("../cong_van.txt")).unwrap(),
        &ReadOptions::default(),
    )
    .unwrap();
    let html = vanban::read::annotate(&text, &parse(&text));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<pre>"));
    assert!(html.contains("vb-citation"));
}
