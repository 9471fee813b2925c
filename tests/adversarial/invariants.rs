//! The invariants every parse must satisfy, whatever the input. Shared by `core/tests/props.rs`,
//! `core/tests/adversarial.rs` and the fuzz targets (`fuzz/`); include with
//! `#[path = "../../tests/adversarial/invariants.rs"] mod invariants;`.
//!
//! * every span in the JSON (any object with `start` and `end`) lies in `0..=input.len()`,
//!   `start <= end`, both on char boundaries; `input_len` is the input's length;
//! * items: the label span opens the item's span; the item's paragraphs lie inside it, in order;
//!   children lie inside their parent; siblings are in order and do not overlap; `input[span]`
//!   starts with the label (compared loosely: see [`loose`]);
//! * preamble, items and closing come in that order.

#![allow(dead_code)] // each includer uses a part

use unicode_normalization::UnicodeNormalization;

/// Checks every invariant; panics with a message naming the broken one.
pub fn check(input: &str, doc: &vanban::Document) {
    assert_eq!(doc.input_len, input.len(), "input_len");
    let json: serde_json::Value = serde_json::from_str(&doc.to_json()).expect("JSON parses");
    check_json_spans(&json, input, "$");
    check_items(input, &doc.items, None);
    check_order(doc);
}

/// Every `{start, end}` object of the JSON is a sound span of `input`.
pub fn check_json_spans(v: &serde_json::Value, input: &str, path: &str) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(|x| x.as_u64()),
                m.get("end").and_then(|x| x.as_u64()),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= input.len(),
                    "{path}: span {s}..{e} out of 0..{}",
                    input.len()
                );
                assert!(
                    input.is_char_boundary(s) && input.is_char_boundary(e),
                    "{path}: span {s}..{e} not on char boundaries"
                );
            }
            for (k, x) in m {
                check_json_spans(x, input, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_json_spans(x, input, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

/// A text as compared for labels: NFC, odd spaces as spaces, without the characters the
/// normaliser deletes (zero-width, bidi marks, controls other than line ends) and without
/// markdown emphasis.
pub fn loose(s: &str) -> String {
    s.nfc()
        .filter(|&c| {
            !(matches!(
                c,
                '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{FEFF}'
                    | '\u{00AD}'
                    | '*'
                    | '_'
            ) || c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        })
        .map(|c| {
            if c.is_whitespace() && c != '\n' && c != '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// At most `n` bytes of `s`, cut on a char boundary.
pub fn prefix(s: &str, n: usize) -> &str {
    let mut k = n.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    &s[..k]
}

fn within(outer: vanban::Span, inner: vanban::Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Items nest: label, paragraphs and children inside the item, siblings in order.
pub fn check_items(input: &str, items: &[vanban::Item], parent: Option<&vanban::Item>) {
    let mut prev_end = parent.map_or(0, |p| p.label_span.end);
    for it in items {
        let sp = it.span;
        if let Some(p) = parent {
            assert!(
                within(p.span, sp),
                "child {:?} {sp:?} outside its parent {:?} {:?}",
                it.label,
                p.label,
                p.span
            );
        }
        assert!(
            sp.start >= prev_end,
            "item {:?} {sp:?} overlaps or precedes its previous sibling (ends at {prev_end})",
            it.label
        );
        prev_end = sp.end;
        if !it.label.is_empty() {
            assert_eq!(
                it.label_span.start, sp.start,
                "item {:?}: the label does not open the item",
                it.label
            );
            assert!(within(sp, it.label_span), "item {:?}: label span", it.label);
            let src = &input[sp.start..sp.end];
            assert!(
                loose(src).starts_with(&loose(&it.label)),
                "item {:?}: its source {:?} does not start with the label",
                it.label,
                prefix(src, 60)
            );
        }
        let mut p_end = sp.start;
        for p in &it.paragraphs {
            assert!(
                within(sp, p.span),
                "item {:?} {sp:?}: paragraph {:?} outside",
                it.label,
                p.span
            );
            assert!(
                p.span.start >= p_end,
                "item {:?}: paragraphs out of order at {:?}",
                it.label,
                p.span
            );
            p_end = p.span.end;
        }
        check_items(input, &it.children, Some(it));
    }
}

/// Preamble, then items, then closing.
pub fn check_order(doc: &vanban::Document) {
    let pre_end = doc.preamble.iter().map(|p| p.span.end).max().unwrap_or(0);
    let items_start = doc.items.first().map(|i| i.span.start);
    let items_end = doc.items.last().map(|i| i.span.end);
    let closing_start = doc.closing.first().map(|p| p.span.start);
    if let Some(s) = items_start {
        assert!(
            pre_end <= s,
            "preamble ends at {pre_end} after the first item at {s}"
        );
    }
    if let Some(c) = closing_start {
        assert!(
            items_end.unwrap_or(pre_end) <= c,
            "closing at {c} starts before the items or preamble end"
        );
    }
}

/// The structure that must not depend on the Unicode form of the input: kind, symbol, date,
/// the item labels as a tree, the signature count.
pub fn structure(doc: &vanban::Document) -> String {
    fn tree(items: &[vanban::Item], out: &mut String) {
        out.push('[');
        for it in items {
            out.push_str(&it.label);
            tree(&it.children, out);
            out.push(',');
        }
        out.push(']');
    }
    let mut s = format!(
        "kind={:?} symbol={:?} date={:?} signatures={} items=",
        doc.kind,
        doc.symbol,
        doc.date,
        doc.signatures.len()
    );
    tree(&doc.items, &mut s);
    s
}
