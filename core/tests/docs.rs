//! `docs/reference.md` — every field of the JSON, every kind code, diagnostic and refusal code —
//! is generated from the model's JSON Schema and the core's tables, and must be current
//! (`UPDATE_SCHEMA=1 cargo test -p vanban --test docs` rewrites it).

use serde_json::Value;

fn type_of(p: &Value) -> String {
    if let Some(r) = p.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return format!("[{name}](#{})", name.to_lowercase());
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alts) = p.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = alts.iter().map(type_of).collect();
            return parts.join(" \\| ");
        }
    }
    match p.get("type") {
        Some(Value::String(t)) if t == "array" => {
            format!("[{}]", p.get("items").map(type_of).unwrap_or_default())
        }
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" \\| "),
        _ => "any".into(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn description(p: &Value) -> String {
    one_line(p.get("description").and_then(Value::as_str).unwrap_or(""))
}

fn object(out: &mut String, name: &str, d: &Value, order: Option<&[&str]>) {
    out.push_str(&format!("### {name}\n\n{}\n\n", description(d)));
    out.push_str("| field | type | |\n| --- | --- | --- |\n");
    let props = d["properties"]
        .as_object()
        .expect("an object has properties");
    let mut names: Vec<&str> = props.keys().map(String::as_str).collect();
    if let Some(order) = order {
        names = order.to_vec();
    }
    for n in names {
        let p = &props[n];
        out.push_str(&format!(
            "| `{n}` | {} | {} |\n",
            type_of(p),
            description(p)
        ));
    }
    out.push('\n');
}

fn variants(d: &Value) -> Vec<(String, String)> {
    if let Some(alts) = d.get("oneOf").and_then(Value::as_array) {
        return alts
            .iter()
            .map(|v| {
                (
                    v["const"].as_str().unwrap_or("").to_string(),
                    description(v),
                )
            })
            .collect();
    }
    d.get("enum")
        .and_then(Value::as_array)
        .map(|vs| {
            vs.iter()
                .filter_map(Value::as_str)
                .map(|v| (v.to_string(), String::new()))
                .collect()
        })
        .unwrap_or_default()
}

fn reference() -> String {
    let schema: Value = serde_json::from_str(&vanban::json_schema()).unwrap();
    let defs = schema["$defs"].as_object().unwrap();
    let mut out = String::from(
        "# Reference\n\n\
         Generated from the model (`schema/document.schema.json`) and the core's tables by\n\
         `core/tests/docs.rs`: do not edit by hand. What each surface guarantees about these fields\n\
         is in [contract.md](contract.md).\n\n\
         Offsets: every `start`/`end` (and `input_len`) is in UTF-8 bytes in Rust and the CLI (or\n\
         `--offsets chars|utf16`), code points in Python, UTF-16 code units in JavaScript.\n\n\
         ## Objects\n\n",
    );
    object(
        &mut out,
        "Document",
        &schema,
        Some(vanban::model::DOCUMENT_FIELDS),
    );
    for (name, d) in defs {
        if d.get("properties").is_some() {
            object(&mut out, name, d, None);
        }
    }
    out.push_str("## Closed sets\n\n");
    for (name, d) in defs {
        let vs = variants(d);
        if vs.is_empty() || name == "Code" || name == "Kind" {
            continue;
        }
        out.push_str(&format!(
            "### {name}\n\n{}\n\n| value | |\n| --- | --- |\n",
            description(d)
        ));
        for (v, desc) in vs {
            out.push_str(&format!("| `{v}` | {desc} |\n"));
        }
        out.push('\n');
    }
    out.push_str(
        "### Kind\n\nKind codes of documents and of cited documents (`kind`, `citations[].kind`), \
         with the type code their symbols carry and the regulation that defines them.\n\n\
         | kind | type line | symbol code | defined by |\n| --- | --- | --- | --- |\n",
    );
    for t in vanban::tables::DOC_TYPES {
        let code = if t.code.is_empty() {
            "—".to_string()
        } else {
            format!("`{}`", t.code)
        };
        out.push_str(&format!(
            "| `{}` | {} | {code} | {} |\n",
            t.kind,
            t.display,
            t.source.reference()
        ));
    }
    out.push_str("\n## Diagnostics\n\nEvery diagnostic has a stable `code`, a `severity`, a plain `message` and a `span`.\n\n| code | severity | meaning |\n| --- | --- | --- |\n");
    let codes = variants(&defs["Code"]);
    for (code, desc) in codes {
        let c = vanban::Code::ALL
            .iter()
            .find(|c| c.as_str() == code)
            .unwrap();
        out.push_str(&format!("| `{code}` | {:?} | {desc} |\n", c.severity()));
    }
    out.push_str(
        "\n## Refusals\n\nAn input that is not parsed at all is refused with one of these codes: \
         a `vanban.ParseError` (or `OSError`) in Python, a thrown `Error` with `code` in JS, and in \
         the CLI a record `{\"source\", \"error\": {\"code\", \"message\"}}` (batch) or a line on \
         standard error (exit 1).\n\n| code | when |\n| --- | --- |\n",
    );
    let when = |code: &str| {
        match code {
        "input_too_large" => "larger than the size limit (`max_bytes`, `--max-bytes`, `maxBytes`); a file is refused by its size before it is read",
        "not_found" => "no such file (Python: `FileNotFoundError`)",
        "permission_denied" => "the file cannot be opened (Python: `PermissionError`)",
        "is_directory" => "a folder where a file was expected (Python: `IsADirectoryError`)",
        "io_error" => "any other read failure (Python: `OSError`)",
        "binary_input" => "many NUL bytes and no UTF-16 mark: not a text document",
        "invalid_utf8" => "not valid UTF-8 (read it lossily: `--lossy`, `lossy=True`)",
        "unsupported_format" => "a format this build does not read (Word, RTF, a spreadsheet, a zip ...; named in the message): convert it",
        "malformed_input" => "a format vanban reads, damaged beyond reading (the message says how)",
        "ocr_unavailable" => "a scan, and no OCR on this machine: install `tesseract-ocr` and `tesseract-ocr-vie` (and `poppler-utils` for PDFs)",
        "ocr_failed" => "Tesseract failed on a page (its message is given)",
        "no_text_layer" => "a scan (an image, a PDF without a text layer) with OCR turned off (`--no-ocr`)",
        "encrypted_input" => "a password-protected PDF: decrypt it first",
        _ => "",
    }
    };
    for code in vanban::read::ReadError::CODES {
        assert!(
            !when(code).is_empty(),
            "refusal {code} has no description here"
        );
        out.push_str(&format!("| `{code}` | {} |\n", when(code)));
    }
    out.push_str(
        "| `output_too_large` | JS: the document's JSON would be longer than a JS string holds (ask for `fields`) |\n\
         | `write_error` | CLI with `--out-dir`: an output file cannot be written |\n\
         | `internal_error` | a bug in the core on this input (please report it with the input) |\n",
    );
    out
}

#[test]
fn the_reference_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/reference.md");
    let want = reference();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/reference.md is stale: rerun with UPDATE_SCHEMA=1 cargo test -p vanban --test docs"
    );
}
