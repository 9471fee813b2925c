//! The command line, run as a user runs it: through the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_vanban");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A scratch folder of this test's own, removed first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn help_is_on_every_subcommand_and_goes_to_stdout() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["parse", "--help"],
        &["parse", "-h"],
        &["help", "parse"],
        &["schema", "--help"],
        &["version", "--help"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains("Usage: vanban"), "{args:?}");
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["parse", "--help"]);
    for flag in [
        "--json",
        "--jobs",
        "--recursive",
        "--out-dir",
        "--offsets",
        "--max-bytes",
    ] {
        assert!(stdout(&o).contains(flag), "{flag}");
    }
    let o = run(&["--version"]);
    assert_eq!(
        stdout(&o).trim(),
        format!("vanban {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_go_to_stderr_with_exit_2() {
    for args in [
        &[][..],
        &["parse"],
        &["parse", "--bogus", "x"],
        &["frobnicate"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: {}", stdout(&o));
        assert!(stderr(&o).contains("Usage"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn conflicting_flags_are_refused() {
    let f = fixture("cong_van.txt");
    let dir = fixtures().display().to_string();
    for args in [
        vec!["parse", "--json", "--format", "md", &f],
        vec!["parse", "--pretty", &f],
        vec!["parse", "--records", &f],
        vec!["parse", "--offsets", "utf16", &f],
        vec!["parse", "--json", "--pretty", &dir],
        vec!["parse", "--json", "--pretty", &f, &f],
        vec!["parse", "--jobs", "0", &f],
        vec!["parse", "-", "-"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn sizes_take_units_and_the_limit_refuses_before_reading() {
    let f = fixture("cong_van.txt");
    let o = run(&["parse", "--json", "--max-bytes", "64M", &f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["parse", "--json", "--max-bytes", "0.5K", &f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("(input_too_large)"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    for bad in ["12x", "M", "-1"] {
        let o = run(&["parse", "--max-bytes", bad, &f]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    // An endless input is refused at the limit, not read until memory runs out.
    if Path::new("/dev/zero").exists() {
        let o = run(&[
            "parse",
            "--json",
            "--records",
            "--max-bytes",
            "1M",
            "/dev/zero",
        ]);
        assert_eq!(o.status.code(), Some(1));
        let recs = json_lines(&o);
        assert_eq!(recs[0]["error"]["code"], "input_too_large");
    }
}

#[test]
fn one_file_prints_one_document() {
    let o = run(&["parse", "--json", &fixture("cong_van.txt")]);
    assert!(o.status.success());
    let docs = json_lines(&o);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].get("source").is_none());
    assert_eq!(docs[0]["schema_version"], "1");
    assert_eq!(docs[0]["kind"], "cong_van");
    let pretty = run(&["parse", "--json", "--pretty", &fixture("cong_van.txt")]);
    let v: serde_json::Value = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(v, docs[0]);
}

#[test]
fn every_record_names_its_source_and_refusals_are_records() {
    let dir = scratch("records");
    let binary = dir.join("scan.bin");
    std::fs::write(&binary, [0u8, 1, 0, 0, 0, 0, 7, 0, 0, 0]).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"S\xe1 12/CT-UBND\n").unwrap();
    let good = fixture("cong_van.txt");
    let other = fixture("quyet_dinh.txt");
    let missing = dir.join("missing.txt").display().to_string();
    let (binary, latin1) = (binary.display().to_string(), latin1.display().to_string());
    let o = run(&["parse", "--json", &good, &missing, &binary, &latin1, &other]);
    assert_eq!(o.status.code(), Some(1));
    let recs = json_lines(&o);
    let sources: Vec<_> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, [&good, &missing, &binary, &latin1, &other]);
    assert_eq!(recs[0]["kind"], "cong_van");
    assert_eq!(recs[1]["error"]["code"], "not_found");
    assert_eq!(recs[2]["error"]["code"], "binary_input");
    assert_eq!(recs[3]["error"]["code"], "invalid_utf8");
    assert!(recs[3]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
    assert_eq!(recs[4]["kind"], "quyet_dinh");
    // The record is the Document plus `source`.
    let alone = json_lines(&run(&["parse", "--json", &good])).remove(0);
    let mut rec = recs[0].clone();
    rec.as_object_mut().unwrap().remove("source");
    assert_eq!(rec, alone);
    let summary = stderr(&o);
    assert!(
        summary.contains(
            "5 input(s): 2 parsed, 3 refused (1 binary_input, 1 invalid_utf8, 1 not_found)"
        ),
        "{summary}"
    );
    // --lossy reads the Latin-1 file.
    let o = run(&["parse", "--json", "--lossy", "--records", &latin1]);
    assert!(o.status.success());
    assert_eq!(json_lines(&o)[0]["source"], latin1.as_str());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn standard_input_is_named_dash() {
    let text = std::fs::read(fixture("cong_van.txt")).unwrap();
    let mut child = Command::new(BIN)
        .args(["parse", "--json", "--records", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    let recs = json_lines(&o);
    assert_eq!(recs[0]["source"], "-");
    assert_eq!(recs[0]["kind"], "cong_van");
}

#[test]
fn jobs_keep_the_input_order() {
    let dir = fixtures().display().to_string();
    let one = run(&["parse", "--json", "--jobs", "1", &dir]);
    let four = run(&["parse", "--json", "--jobs", "4", &dir]);
    assert!(one.status.success() && four.status.success());
    assert_eq!(one.stdout, four.stdout);
    let sources: Vec<String> = json_lines(&one)
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(sources.len() > 20);
    let md = run(&["parse", "--format", "md", "--jobs", "3", &dir]);
    let first = sources[0].as_str();
    assert!(stdout(&md).starts_with(&format!("==> {first} <==\n")));
}

#[test]
fn folders_say_what_they_skip() {
    let dir = scratch("skips");
    let text = std::fs::read(fixture("cong_van.txt")).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    for f in ["A.TXT", "b.markdown", "sub/c.md"] {
        std::fs::write(dir.join(f), &text).unwrap();
    }
    for f in ["e.doc", "f.csv"] {
        std::fs::write(dir.join(f), b"x").unwrap();
    }
    let d = dir.display().to_string();
    let o = run(&["parse", "--json", &d]);
    assert!(o.status.success());
    assert_eq!(json_lines(&o).len(), 2);
    let err = stderr(&o);
    assert!(err.contains("e.doc: DOC is not read yet"), "{err}");
    assert!(err.contains("f.csv: not a document vanban reads"), "{err}");
    assert!(err.contains("sub: a folder: pass --recursive"), "{err}");
    assert!(err.contains("2 parsed, 0 refused, 3 skipped"), "{err}");
    let o = run(&["parse", "--json", "--recursive", "--quiet", &d]);
    assert_eq!(json_lines(&o).len(), 3);
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    // A named file is read whatever its extension.
    std::fs::write(dir.join("g.data"), &text).unwrap();
    let o = run(&["parse", "--json", &dir.join("g.data").display().to_string()]);
    assert_eq!(json_lines(&o)[0]["kind"], "cong_van");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn html_pages_are_read_as_pages_unless_told_otherwise() {
    let page = fixture("formats/cong_van_trang_web.html");
    let bytes = std::fs::read(&page).unwrap();
    let o = run(&["parse", "--json", &page]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["symbol"], "2041/SGDĐT-QLCL");
    assert_eq!(v["items"].as_array().unwrap().len(), 3);
    let s = &v["header"]["symbol"]["span"];
    let (a, b) = (
        s["start"].as_u64().unwrap() as usize,
        s["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[a..b], "2041/SGDĐT-QLCL".as_bytes());
    // From standard input too, detected by content; named, it is read as said.
    let piped = |args: &[&str]| {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
        child.wait_with_output().unwrap()
    };
    let o = piped(&["parse", "--json", "-"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["symbol"], "2041/SGDĐT-QLCL");
    let o = piped(&["text", "--input-format", "text", "-"]);
    assert_eq!(o.stdout, bytes, "read as text, the page is its own text");
    // `vanban text` prints what the reader extracted: the markup and the navigation gone.
    let o = run(&["text", &page]);
    let text = stdout(&o);
    assert!(text.contains("Số: 2041/SGDĐT-QLCL\n"), "{text}");
    assert!(text.contains("\n1. Phòng Giáo dục"), "{text}");
    assert!(!text.contains('<') && !text.contains("Trang chủ"), "{text}");
    // A folder gives its pages.
    let dir = scratch("pages");
    std::fs::write(dir.join("a.HTM"), &bytes).unwrap();
    std::fs::write(dir.join("b.xhtml"), &bytes).unwrap();
    let o = run(&["parse", "--json", "--quiet", &dir.display().to_string()]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|v| v["kind"] == "cong_van"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn scans_need_ocr_and_say_so() {
    let dir = scratch("scans");
    let png = dir.join("page.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n not a real image").unwrap();
    let p = png.display().to_string();
    // No Tesseract on PATH: a refusal that names what to install.
    let o = Command::new(BIN)
        .args(["parse", "--json", &p])
        .env("PATH", "/nonexistent")
        .env_remove("VANBAN_TESSERACT")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("ocr_unavailable") && err.contains("tesseract-ocr"),
        "{err}"
    );
    // OCR off: a scan is refused as having no text layer.
    let o = run(&["parse", "--json", "--records", "--no-ocr", &p]);
    let rec = &json_lines(&o)[0];
    assert_eq!(rec["error"]["code"], "no_text_layer", "{rec}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A real signed scan (../shared/inputs/scans), read by OCR when Tesseract is installed.
#[test]
fn a_real_scan_is_read_by_ocr() {
    let scan =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/inputs/scans/real_qd_729_ttg.pdf");
    if !scan.is_file() {
        eprintln!("SKIP: ../shared/inputs/scans is absent (a fresh clone)");
        return;
    }
    let o = run(&["parse", "--json", &scan.display().to_string()]);
    if stderr(&o).contains("ocr_unavailable") {
        eprintln!("SKIP: Tesseract (tesseract-ocr, tesseract-ocr-vie) is not installed");
        return;
    }
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["kind"], "quyet_dinh");
    assert_eq!(v["date"], "2026-04-23");
    assert!(v["items"].as_array().unwrap().len() >= 3, "{v}");
    // The two header columns are lines apart, not one line across the page.
    let text = stdout(&run(&["text", &scan.display().to_string()]));
    assert!(text.contains("THỦ TƯỚNG CHÍNH PHỦ\n"), "{text}");
}

#[test]
fn split_cuts_an_input_into_its_documents() {
    let names = ["cong_van.txt", "quyet_dinh.txt", "party_chi_thi.md"];
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(fixture(n)).unwrap())
        .collect();
    let dir = scratch("split");
    let merged = dir.join("merged.txt");
    let all = texts.concat();
    std::fs::write(&merged, &all).unwrap();
    let o = run(&["parse", "--json", "--split", &merged.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let recs = json_lines(&o);
    assert_eq!(recs.len(), 3);
    let mut at = 0;
    for (i, (rec, (name, text))) in recs.iter().zip(names.iter().zip(&texts)).enumerate() {
        assert_eq!(rec["document_index"], i);
        assert_eq!(rec["source"], merged.display().to_string());
        let span = &rec["document_span"];
        assert_eq!(span["start"], at, "{name}");
        at += text.len();
        assert_eq!(span["end"], at, "{name}");
        // Each reads as the document alone, its spans moved into the merged input.
        let alone: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["parse", "--json", &fixture(name)]))).unwrap();
        assert_eq!(rec["symbol"], alone["symbol"], "{name}");
        assert_eq!(
            rec["items"].as_array().unwrap().len(),
            alone["items"].as_array().unwrap().len()
        );
        let s = &rec["header"]["symbol"]["span"];
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&all[a..b], alone["symbol"].as_str().unwrap());
    }
    // One document: one record.
    let o = run(&["parse", "--json", "--split", &fixture("cong_van.txt")]);
    assert_eq!(json_lines(&o).len(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn annotate_prints_the_page_with_its_marks() {
    let o = run(&["annotate", &fixture("formats/cong_van_trang_web.html")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>"), "the page itself");
    assert!(html.contains("<span class=\"vb vb-item\" data-label=\"1.\">"));
    let o = run(&["annotate", &fixture("cong_van.txt")]);
    assert!(stdout(&o).contains("<pre>"));
    let o = run(&["annotate", "/nonexistent/x.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not_found"));
}

#[test]
fn out_dir_writes_one_file_per_input() {
    let out = scratch("outdir");
    let o = run(&[
        "parse",
        "--json",
        "--pretty",
        "--out-dir",
        &out.display().to_string(),
        &fixtures().display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("cong_van.txt.json")).unwrap()).unwrap();
    let direct = json_lines(&run(&["parse", "--json", &fixture("cong_van.txt")])).remove(0);
    assert_eq!(written, direct);
    let n = std::fs::read_dir(&out).unwrap().count();
    let files = std::fs::read_dir(fixtures())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_file())
        .count();
    assert_eq!(n, files);
    // Two inputs that would write the same file are refused before anything is written.
    let other = scratch("outdir-b");
    std::fs::copy(fixture("cong_van.txt"), other.join("cong_van.txt")).unwrap();
    let o = run(&[
        "parse",
        "--json",
        "-o",
        &out.display().to_string(),
        &fixture("cong_van.txt"),
        &other.join("cong_van.txt").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::remove_dir_all(&other).unwrap();
}

/// Every span of a JSON value, `(start, end)`.
fn spans(v: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e), 2) = (m.get("start"), m.get("end"), m.len()) {
                out.push((s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize));
            }
            m.values().for_each(|x| spans(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

#[test]
fn offsets_in_chars_and_utf16_slice_the_same_text() {
    let f = fixture("party_chi_thi.md");
    let text = std::fs::read_to_string(&f).unwrap();
    let bytes = json_lines(&run(&["parse", "--json", &f])).remove(0);
    let chars = json_lines(&run(&["parse", "--json", "--offsets", "chars", &f])).remove(0);
    let utf16 = json_lines(&run(&["parse", "--json", "--offsets", "utf16", &f])).remove(0);
    let cps: Vec<char> = text.chars().collect();
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(chars["input_len"], cps.len());
    assert_eq!(utf16["input_len"], units.len());
    let (mut b, mut c, mut u) = (Vec::new(), Vec::new(), Vec::new());
    spans(&bytes, &mut b);
    spans(&chars, &mut c);
    spans(&utf16, &mut u);
    assert!(b.len() > 20);
    for ((b, c), u) in b.iter().zip(&c).zip(&u) {
        let want = &text[b.0..b.1];
        assert_eq!(cps[c.0..c.1].iter().collect::<String>(), want);
        assert_eq!(String::from_utf16(&units[u.0..u.1]).unwrap(), want);
    }
}

#[test]
fn utf16_files_are_decoded_and_their_units_are_the_spans() {
    let dir = scratch("utf16");
    let text = std::fs::read_to_string(fixture("cong_van.txt")).unwrap();
    let units: Vec<u16> = std::iter::once(0xFEFF).chain(text.encode_utf16()).collect();
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    let bom8 = [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat();
    let want = json_lines(&run(&["parse", "--json", &fixture("cong_van.txt")])).remove(0);
    for (name, bytes) in [("le.txt", &le), ("be.txt", &be), ("bom8.txt", &bom8)] {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let p = p.display().to_string();
        let doc = json_lines(&run(&["parse", "--json", "--offsets", "utf16", &p])).remove(0);
        for field in ["kind", "symbol", "date", "title", "issuer"] {
            assert_eq!(doc[field], want[field], "{name} {field}");
        }
        assert_eq!(
            doc["items"].as_array().unwrap().len(),
            want["items"].as_array().unwrap().len()
        );
        let span = &doc["items"][0]["span"];
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let ws = &want["items"][0]["span"];
        let wtext =
            &text[ws["start"].as_u64().unwrap() as usize..ws["end"].as_u64().unwrap() as usize];
        // The file's own code units (its mark included) are the spans' units.
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), wtext, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = fixtures().display().to_string();
    let f = fixture("cong_van.txt");
    for cmd in [
        format!("{BIN} --help"),
        format!("{BIN} parse --help"),
        format!("{BIN} parse {f}"),
        format!("{BIN} parse --json {dir}"),
        format!("{BIN} schema"),
    ] {
        // The reader is gone before the writer writes.
        let script = format!("{{ sleep 0.3; {cmd}; echo \"rc=$?\" >&2; }} | true");
        let o = Command::new("sh").arg("-c").arg(&script).output().unwrap();
        let err = stderr(&o);
        assert!(err.contains("rc=0"), "{cmd}: {err}");
        assert!(!err.contains("panicked"), "{cmd}: {err}");
        assert!(!err.contains("Usage"), "{cmd}: {err}");
    }
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = run(&["schema"]);
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/document.schema.json"),
    )
    .unwrap();
    assert_eq!(stdout(&o), committed);
}
