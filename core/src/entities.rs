//! Stage 6: entities over the finished structure. Citations are found in the title, preamble,
//! items, closing and footnotes (not in attachments), listed once each, with later mentions
//! resolved to them; the document's reference to itself is not a citation. Spans are mapped back to the
//! input through [`crate::offsets::align`].

use crate::citations::{self, MentionKind};
use crate::model::{
    Actor, Assignment, Citation, CitationMention, DateExpr, Document, Figure, IssuerSource, Item,
    Motto, Role, Span,
};
use crate::offsets::Alignment;
use crate::tables;
use crate::text::Folded;
use std::cell::OnceCell;
use std::collections::HashMap;

/// A text of the document and its input span.
struct Source<'a> {
    text: &'a str,
    span: Span,
}

/// The texts before the items: the title and the preamble.
fn collect_front(doc: &Document) -> Vec<Source<'_>> {
    let title = doc.header.title.iter().map(|t| Source {
        text: &t.text,
        span: t.span,
    });
    let preamble = doc.preamble.iter().map(|p| Source {
        text: &p.text,
        span: p.span,
    });
    title.chain(preamble).collect()
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

/// What the finders read of one text, kept for the assignments: its fold, its dates, and its
/// alignment with the input (built once, when a first entity needs it).
struct Facts {
    folded: Folded,
    dates: Vec<crate::dates::DateFound>,
    align: OnceCell<Alignment>,
}

impl Facts {
    fn align(&self, input: &str, span: Span, text: &str) -> &Alignment {
        self.align
            .get_or_init(|| Alignment::of_folded(input, span, text, &self.folded))
    }
}

/// Finds and resolves the document's citations, dates, figures, mottos, actors and
/// assignments: text after text in document order (title, preamble, items depth first,
/// closing, footnotes), each text folded once for every finder; an item's actors are read
/// right after its own paragraphs.
pub fn annotate(doc: &mut Document, input: &str) {
    let own = doc.symbol.as_deref().map(crate::text::fold);
    let year = doc
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    let mut found = Found {
        input,
        own: own.as_deref(),
        year,
        ..Found::default()
    };
    for src in collect_front(doc) {
        found.text(&src);
    }
    let mut items = std::mem::take(&mut doc.items);
    for it in &mut items {
        found.item(it, None);
    }
    doc.items = items;
    for p in &doc.closing {
        found.text(&Source {
            text: &p.text,
            span: p.span,
        });
    }
    for f in &doc.footnotes {
        found.text(&Source {
            text: &f.text,
            span: f.span,
        });
    }
    doc.citations = found.cites;
    doc.dates = found.dates;
    doc.figures = found.figures;
    doc.mottos = found.mottos;
}

/// The entities found so far, text after text.
#[derive(Default)]
struct Found<'a> {
    input: &'a str,
    /// The document's own symbol (folded): not a citation.
    own: Option<&'a str>,
    /// The document's year, for partial dates.
    year: Option<i32>,
    cites: Vec<Citation>,
    /// The index in `cites` of every citation's key (a document cited thousands of times, or
    /// thousands of documents, stay linear).
    keys: HashMap<String, usize>,
    dates: Vec<DateExpr>,
    figures: Vec<Figure>,
    mottos: Vec<Motto>,
}

impl Found<'_> {
    /// Finds the entities of one text; returns what the assignments may read again.
    fn text(&mut self, src: &Source) -> Facts {
        let folded = Folded::new(src.text);
        let mentions = citations::mentions_in(src.text, &folded);
        let dates = crate::dates::expressions_in(&folded, self.year);
        let fact = Facts {
            folded,
            dates,
            align: OnceCell::new(),
        };
        self.citations(mentions, src, &fact);
        self.others(src, &fact);
        fact
    }

    /// The entities of an item's paragraphs, its actors and assignment, then its children's.
    fn item(&mut self, it: &mut Item, inherited: Option<&[Actor]>) {
        let facts: Vec<Facts> = it
            .paragraphs
            .iter()
            .map(|p| {
                self.text(&Source {
                    text: &p.text,
                    span: p.span,
                })
            })
            .collect();
        let pass = actors(it, self.input, &facts, inherited);
        drop(facts);
        it.actors.shrink_to_fit();
        it.assignments.shrink_to_fit();
        for c in &mut it.children {
            self.item(c, if pass.is_empty() { None } else { Some(&pass) });
        }
    }

    /// Adds a text's mentions of documents: each document listed once, later mentions resolved
    /// to it.
    fn citations(&mut self, found: Vec<citations::Mention>, src: &Source, fact: &Facts) {
        let Found {
            input,
            own,
            cites,
            keys,
            ..
        } = self;
        let (input, own) = (*input, *own);
        if found.is_empty() {
            return;
        }
        let al = fact.align(input, src.span, src.text);
        for m in found {
            let sp = al.span(m.start, m.end);
            let text = src.text[m.start..m.end].to_string();
            let mention = CitationMention {
                form: m.how,
                pinpoint: m.pinpoint.clone(),
                text: text.clone(),
                span: sp,
            };
            match m.how {
                MentionKind::Full => {
                    if own.is_some() && m.symbol.as_deref().map(crate::text::fold).as_deref() == own
                    {
                        continue; // the document's own number: a self-reference
                    }
                    let k = key(&m.symbol, m.kind, &m.date);
                    if let Some(&i) = keys.get(&k) {
                        let c = &mut cites[i];
                        if c.date.is_none() {
                            c.date = m.date.clone();
                        }
                        if c.issuer_source != Some(IssuerSource::Text) && m.issuer.is_some() {
                            c.issuer = m.issuer.clone();
                            c.issuer_source = Some(IssuerSource::Text);
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
                        issuer_source: m.issuer.as_ref().map(|_| IssuerSource::Text),
                        pinpoint: m.pinpoint.clone(),
                        name: citations::name_of(&text),
                        text,
                        span: sp,
                        mentions: vec![mention],
                    };
                    if c.issuer.is_none() {
                        if let Some(b) = c.parts.as_ref().and_then(issuer_from_code) {
                            c.issuer = Some(b.to_string());
                            c.issuer_source = Some(IssuerSource::Code);
                        }
                    }
                    keys.insert(k, cites.len());
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

    /// Adds a text's dates (found already, in `fact`), figures and mottos.
    fn others(&mut self, src: &Source, fact: &Facts) {
        let Found {
            input,
            dates,
            figures,
            mottos,
            ..
        } = self;
        let input = *input;
        let fs = crate::figures::figures_in(&fact.folded);
        let ms = crate::figures::mottos(src.text);
        if fact.dates.is_empty() && fs.is_empty() && ms.is_empty() {
            return;
        }
        let al = fact.align(input, src.span, src.text);
        for d in &fact.dates {
            dates.push(DateExpr {
                kind: d.kind,
                value: d.value.clone(),
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
}

/// The fold of texts joined with single spaces, from their folds (`facts`): folding goes char
/// by char, so this is `Folded::new` of the joined text, without folding it again.
fn joined_fold<'a>(parts: impl Iterator<Item = (&'a str, &'a Facts)>) -> Folded {
    let mut text = String::new();
    let mut offsets = Vec::new();
    let mut base = 0;
    for (k, (raw, fact)) in parts.enumerate() {
        let fv = &fact.folded;
        if k > 0 {
            text.push(' ');
            offsets.push(base);
            base += 1;
        }
        text.push_str(&fv.text);
        offsets.extend(fv.offsets[..fv.text.len()].iter().map(|o| o + base));
        base += raw.len();
    }
    offsets.push(base);
    Folded { text, offsets }
}

/// The longest heading line an item opens with before its text (chars).
const HEADING_CHARS: usize = 100;

/// An item's heading (`6. Tập trung xử lý vướng mắc về lao động`, then its text below): short,
/// ending no sentence.
fn is_heading(t: &str) -> bool {
    let t = t.trim_end_matches(['*', '_', ' ']);
    !t.ends_with(['.', ';', ',', '!', '?', '…']) && t.chars().count() <= HEADING_CHARS
}

/// Subject actors of an item and the assignment it makes, from the facts of its paragraphs
/// (`mine`); returns the actors its children carry out the assignment of when they name none
/// of their own (its own, or else those it inherited).
fn actors(it: &mut Item, input: &str, mine: &[Facts], inherited: Option<&[Actor]>) -> Vec<Actor> {
    let mut own: Vec<Actor> = Vec::new();
    // The first paragraph, or the second after a heading (`Về kiến nghị ...:` / `Giao Bộ ...`).
    let mut para = 0;
    // The first paragraph's fold and subjects, when they were read to choose.
    let mut first = None;
    let mut heading = false;
    if let (Some(p0), Some(_), Some(f0)) =
        (it.paragraphs.first(), it.paragraphs.get(1), mine.first())
    {
        let fv = &f0.folded;
        let found = crate::actors::subjects_in(&p0.text, fv);
        if found.is_empty() && (p0.text.ends_with(':') || fv.text.starts_with("ve ")) {
            para = 1;
        } else if found.is_empty() && is_heading(&p0.text) {
            // Under a heading, the text below names its subject at its start.
            heading = true;
            para = 1;
        }
        first = Some(found);
    }
    if let (Some(p), Some(fact)) = (it.paragraphs.get(para), mine.get(para)) {
        let al = fact.align(input, p.span, &p.text);
        let fv = &fact.folded;
        let found = match first {
            Some(found) if para == 0 => found,
            _ if heading => {
                if crate::text::is_caps(&p.text) {
                    Vec::new()
                } else {
                    crate::actors::subjects_at_start(&p.text, fv)
                }
            }
            _ => crate::actors::subjects_in(&p.text, fv),
        };
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
            for (s, e, name) in crate::actors::coordinators_in(&p.text, fv) {
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
            let text_fv = joined_fold(it.paragraphs.iter().map(|p| p.text.as_str()).zip(mine));
            let action = p.text[subject_end..]
                .trim_start_matches([' ', ',', ':'])
                .trim()
                .to_string();
            let deadline = it
                .paragraphs
                .iter()
                .zip(mine)
                .flat_map(|(p, fact)| fact.dates.iter().map(move |d| (p, d)))
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
                periodicity: crate::actors::periodicity_folded(&text_fv.text)
                    .map(|(_, v)| v.to_string()),
                report_to: crate::actors::report_to_in(&text, &text_fv),
                span,
            });
        }
    }
    it.actors = own;
    if it.actors.is_empty() {
        inherited.map(<[Actor]>::to_vec).unwrap_or_default()
    } else {
        it.actors.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_folds_are_folds_of_the_joined_text() {
        let sets: &[&[&str]] = &[
            &["Sở Y tế chủ trì;", "báo cáo UBND tỉnh hằng tháng."],
            &["", "Đắk Lắk 😀", ""],
            &["x"],
            &[],
        ];
        for parts in sets {
            let facts: Vec<Facts> = parts
                .iter()
                .map(|p| Facts {
                    folded: Folded::new(p),
                    dates: Vec::new(),
                    align: OnceCell::new(),
                })
                .collect();
            let got = joined_fold(parts.iter().copied().zip(&facts));
            let want = Folded::new(&parts.join(" "));
            assert_eq!(
                (got.text, got.offsets),
                (want.text, want.offsets),
                "{parts:?}"
            );
        }
    }
}
