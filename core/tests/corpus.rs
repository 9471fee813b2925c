//! Invariants over the real documents in `../shared` (the corpus and seeds). Skipped, with a
//! message, on a fresh clone where `../shared` is absent. Accuracy against the gold files is
//! measured by `../shared/tools/score.py` (see scripts/test-all.sh).

use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

fn shared_docs() -> Option<Vec<PathBuf>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if !root.is_dir() {
        eprintln!("SKIP: ../shared is absent (a fresh clone); corpus invariants not checked");
        return None;
    }
    let mut out = Vec::new();
    for dir in ["corpus/docs", "seeds"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            out.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    out.sort();
    Some(out)
}

fn spans_ok(v: &serde_json::Value, input: &str) -> bool {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(|x| x.as_u64()),
                m.get("end").and_then(|x| x.as_u64()),
            ) {
                let (s, e) = (s as usize, e as usize);
                if !(s <= e
                    && e <= input.len()
                    && input.is_char_boundary(s)
                    && input.is_char_boundary(e))
                {
                    return false;
                }
            }
            m.values().all(|x| spans_ok(x, input))
        }
        serde_json::Value::Array(a) => a.iter().all(|x| spans_ok(x, input)),
        _ => true,
    }
}

fn items_nested(items: &[vanban::Item], parent: Option<vanban::Span>) -> bool {
    let mut last_end = 0;
    for it in items {
        if let Some(p) = parent {
            if !p.contains(&it.span) {
                return false;
            }
        }
        if it.span.start < last_end {
            return false;
        }
        last_end = it.span.end;
        if !it.paragraphs.iter().all(|p| it.span.contains(&p.span))
            || !items_nested(&it.children, Some(it.span))
        {
            return false;
        }
    }
    true
}

#[test]
fn corpus_invariants() {
    let Some(paths) = shared_docs() else { return };
    assert!(!paths.is_empty());
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = vanban::parse(&text);
        let v: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
        assert!(spans_ok(&v, &text), "{}: span out of bounds", p.display());
        assert!(
            items_nested(&doc.items, None),
            "{}: items not nested in order",
            p.display()
        );
        // NFD input gives the same structure.
        let nfd: String = text.nfd().collect();
        let d2 = vanban::parse(&nfd);
        assert_eq!(
            d2.items.len(),
            doc.items.len(),
            "{}: NFD changes the items",
            p.display()
        );
        assert_eq!(d2.symbol, doc.symbol, "{}", p.display());
        assert_eq!(d2.signatures.len(), doc.signatures.len(), "{}", p.display());
    }
}
