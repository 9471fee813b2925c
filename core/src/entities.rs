//! Stage 6: entities over the finished structure. Citations are found in the title, preamble,
//! items, closing and footnotes (not in attachments), listed once each, with later mentions resolved to
//! them; the document's reference to itself is not a citation. Spans are mapped back to the
//! input through [`crate::offsets::align`].

use crate::citations::{self, MentionKind};
use crate::model::{
    Actor, Assignment, Citation, CitationMention, DateExpr, Document, Figure, Item, Motto, Role,
    Span,
};
use crate::offsets::Alignment;
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
    for f in &doc.footnotes {
        out.push(Source {
            text: &f.text,
            span: f.span,
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
        let found = citations::mentions(src.text);
        if found.is_empty() {
            continue;
        }
        let al = Alignment::new(input, src.span, src.text);
        for m in found {
            let sp = al.span(m.start, m.end);
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
                        // `văn bản` names no type: another mention's type names it better
                        // (`văn bản số 92/TTr-UBND` ... `Tờ trình số 92/TTr-UBND`).
                        if c.kind.is_none()
                            || c.kind.as_deref() == Some("van_ban") && m.kind.is_some()
                        {
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
    others(doc, input);
    let year = doc
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    let mut items = std::mem::take(&mut doc.items);
    for it in &mut items {
        actors(it, input, year, None);
    }
    doc.items = items;
}

/// Dates, figures and mottos over the title and body.
fn others(doc: &mut Document, input: &str) {
    let year = doc
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    let mut dates = Vec::new();
    let mut figures = Vec::new();
    let mut mottos = Vec::new();
    for src in collect(doc) {
        let ds = crate::dates::expressions(src.text, year);
        let fs = crate::figures::figures(src.text);
        let ms = crate::figures::mottos(src.text);
        if ds.is_empty() && fs.is_empty() && ms.is_empty() {
            continue;
        }
        let al = Alignment::new(input, src.span, src.text);
        for d in ds {
            dates.push(DateExpr {
                kind: d.kind.as_str().to_string(),
                value: d.value,
                text: src.text[d.start..d.end].to_string(),
                span: al.span(d.start, d.end),
            });
        }
        for f in fs {
            figures.push(Figure {
                comparator: f.comparator.map(str::to_string),
                value: f.value,
                unit: f.unit.map(str::to_string),
                text: src.text[f.start..f.end].to_string(),
                span: al.span(f.start, f.end),
            });
        }
        for (s, e, t) in ms {
            mottos.push(Motto {
                text: t,
                span: al.span(s, e),
            });
        }
    }
    doc.dates = dates;
    doc.figures = figures;
    doc.mottos = mottos;
}

/// Subject actors of an item and the assignment it makes; a child without a subject of its
/// own carries out its parent's assignment.
fn actors(it: &mut Item, input: &str, year: Option<i32>, inherited: Option<&[Actor]>) {
    let mut own: Vec<Actor> = Vec::new();
    // The first paragraph, or the second after a heading (`Về kiến nghị ...:` / `Giao Bộ ...`).
    let mut para = it.paragraphs.first();
    if let (Some(p0), Some(p1)) = (it.paragraphs.first(), it.paragraphs.get(1)) {
        if crate::actors::subjects(&p0.text).is_empty()
            && (p0.text.ends_with(':') || crate::text::fold(&p0.text).starts_with("ve "))
        {
            para = Some(p1);
        }
    }
    if let Some(p) = para {
        let al = Alignment::new(input, p.span, &p.text);
        let found = crate::actors::subjects(&p.text);
        let subject_end = found.last().map_or(0, |a| a.end);
        for a in found {
            own.push(Actor {
                name: a.name,
                role: Some(a.role),
                span: al.span(a.start, a.end),
            });
        }
        let assigned: Vec<Actor> = if own.is_empty() {
            inherited.map(<[Actor]>::to_vec).unwrap_or_default()
        } else {
            own.clone()
        };
        if !assigned.is_empty() {
            let mut actors = assigned;
            for (s, e, name) in crate::actors::coordinators(&p.text) {
                actors.push(Actor {
                    name,
                    role: Some(Role::Coordinate),
                    span: al.span(s, e),
                });
            }
            let text: String = it
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let action = p.text[subject_end..]
                .trim_start_matches([' ', ',', ':'])
                .trim()
                .to_string();
            let deadline = it
                .paragraphs
                .iter()
                .flat_map(|p| {
                    crate::dates::expressions(&p.text, year)
                        .into_iter()
                        .map(move |d| (p, d))
                })
                .find(|(_, d)| d.kind == crate::dates::DateKind::Deadline);
            let span = it.paragraphs.iter().fold(p.span, |a, q| a.cover(q.span));
            it.assignments.push(Assignment {
                actors,
                action: if action.is_empty() {
                    p.text.clone()
                } else {
                    action
                },
                deadline: deadline.as_ref().and_then(|(_, d)| d.value.clone()),
                deadline_text: deadline
                    .as_ref()
                    .map(|(p, d)| p.text[d.start..d.end].to_string()),
                periodicity: crate::actors::periodicity(&text).map(|(_, v)| v.to_string()),
                report_to: crate::actors::report_to(&text),
                span,
            });
        }
    }
    it.actors = own;
    let pass: Vec<Actor> = if it.actors.is_empty() {
        inherited.map(<[Actor]>::to_vec).unwrap_or_default()
    } else {
        it.actors.clone()
    };
    for c in &mut it.children {
        actors(
            c,
            input,
            year,
            if pass.is_empty() { None } else { Some(&pass) },
        );
    }
}
