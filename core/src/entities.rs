//! Stage 6: entities over the finished structure. Citations are found in the title, preamble,
//! items and closing (not in attachments), listed once each, with later mentions resolved to
//! them; the document's reference to itself is not a citation. Spans are mapped back to the
//! input through [`crate::offsets::align`].

use crate::citations::{self, MentionKind};
use crate::model::{Citation, CitationMention, Document, Item, Span};
use crate::offsets::align;
use crate::tables;

/// A text of the document and its input span.
struct Source<'a> {
    text: &'a str,
    span: Span,
}

fn collect<'a>(doc: &'a Document) -> Vec<Source<'a>> {
    fn walk<'a>(items: &'a [Item], out: &mut Vec<Source<'a>>) {
        for it in items {
            for p in &it.paragraphs {
                out.push(Source {
                    text: &p.text,
                    span: p.span,
                });
            }
            walk(&it.children, out);
        }
    }
    let mut out = Vec::new();
    if let Some(t) = &doc.header.title {
        out.push(Source {
            text: &t.text,
            span: t.span,
        });
    }
    for p in &doc.preamble {
        out.push(Source {
            text: &p.text,
            span: p.span,
        });
    }
    walk(&doc.items, &mut out);
    for p in &doc.closing {
        out.push(Source {
            text: &p.text,
            span: p.span,
        });
    }
    out
}

fn key(symbol: &Option<String>, kind: Option<&str>, date: &Option<String>) -> String {
    match symbol {
        Some(s) => format!("s:{}", crate::text::fold(s)),
        None => format!("d:{}:{}", kind.unwrap_or(""), date.as_deref().unwrap_or("")),
    }
}

/// The body a symbol's issuer code names, where the code tables know it.
fn issuer_from_code(parts: &crate::symbols::SymbolParts) -> Option<&'static str> {
    parts
        .issuer_codes
        .iter()
        .rev()
        .find_map(|c| tables::issuer_of_code(c))
        .or_else(|| {
            // `59/2020/QH14`: the legislature's code with its term number.
            parts
                .issuer_codes
                .first()
                .filter(|c| c.starts_with("QH"))
                .map(|_| "Quốc hội")
        })
}

/// Finds and resolves the document's citations.
pub fn annotate(doc: &mut Document, input: &str) {
    let own = doc.symbol.as_deref().map(crate::text::fold);
    let mut cites: Vec<Citation> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for src in collect(doc) {
        for m in citations::mentions(src.text) {
            let sp = align(input, src.span, src.text, m.start, m.end);
            let text = src.text[m.start..m.end].to_string();
            let form = match m.how {
                MentionKind::Full => "full",
                MentionKind::Number => "number",
                MentionKind::Anaphora => "anaphora",
            };
            let mention = CitationMention {
                form: form.to_string(),
                pinpoint: m.pinpoint.clone(),
                text: text.clone(),
                span: sp,
            };
            match m.how {
                MentionKind::Full => {
                    if own.is_some() && m.symbol.as_deref().map(crate::text::fold) == own {
                        continue; // the document's own number: a self-reference
                    }
                    let k = key(&m.symbol, m.kind, &m.date);
                    if let Some(i) = keys.iter().position(|x| *x == k) {
                        let c = &mut cites[i];
                        if c.date.is_none() {
                            c.date = m.date.clone();
                        }
                        if c.issuer_source.as_deref() != Some("text") && m.issuer.is_some() {
                            c.issuer = m.issuer.clone();
                            c.issuer_source = Some("text".into());
                        }
                        if c.kind.is_none() {
                            c.kind = m.kind.map(str::to_string);
                        }
                        c.mentions.push(mention);
                        continue;
                    }
                    let mut c = Citation {
                        kind: m.kind.map(str::to_string),
                        symbol: m.symbol.clone(),
                        parts: m.parts.clone(),
                        date: m.date.clone(),
                        issuer: m.issuer.clone(),
                        issuer_source: m.issuer.as_ref().map(|_| "text".to_string()),
                        pinpoint: m.pinpoint.clone(),
                        text,
                        span: sp,
                        mentions: vec![mention],
                    };
                    if c.issuer.is_none() {
                        if let Some(b) = c.parts.as_ref().and_then(issuer_from_code) {
                            c.issuer = Some(b.to_string());
                            c.issuer_source = Some("code".into());
                        }
                    }
                    keys.push(k);
                    cites.push(c);
                }
                MentionKind::Number => {
                    let target = cites.iter_mut().rev().find(|c| {
                        c.kind.as_deref() == m.kind
                            && (c.parts.as_ref().is_some_and(|p| {
                                p.number.trim_start_matches('0')
                                    == m.number.as_deref().unwrap_or("").trim_start_matches('0')
                            }))
                    });
                    if let Some(c) = target {
                        c.mentions.push(mention);
                    }
                }
                MentionKind::Anaphora => {
                    if let Some(c) = cites.iter_mut().rev().find(|c| c.kind.as_deref() == m.kind) {
                        c.mentions.push(mention);
                    }
                }
            }
        }
    }
    doc.citations = cites;
}
