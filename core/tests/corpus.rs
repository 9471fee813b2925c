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

#[path = "../../tests/adversarial/invariants.rs"]
mod invariants;

#[test]
fn corpus_invariants() {
    let Some(paths) = shared_docs() else { return };
    assert!(!paths.is_empty());
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = vanban::parse(&text);
        // Spans sound, items nested and in order, paragraphs inside their item.
        invariants::check(&text, &doc);
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
