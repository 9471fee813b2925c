//! Annotated HTML: the source with the parse's items, assignments, actors, citations and dates
//! wrapped in elements carrying classes and `data-` attributes (as eyecite's `annotate` does
//! for court opinions), so a reader sees what was found where.
//!
//! For text the source is escaped into a `<pre>`; for an HTML page the page itself is kept and
//! the elements are put around its text only: a mark that crosses a tag (a citation split over
//! two `<p>`s) is wrapped piece by piece, so the page stays well-formed.

use crate::model::{Document, Item, Span};
use std::fmt::Write;

/// One thing to wrap: its span, class and attributes.
#[derive(Debug, Clone)]
struct Mark {
    span: Span,
    class: &'static str,
    attrs: Vec<(&'static str, String)>,
}

fn push_items(items: &[Item], out: &mut Vec<Mark>) {
    for it in items {
        out.push(Mark {
            span: it.span,
            class: "vb-item",
            attrs: vec![("data-label", it.label.clone())],
        });
        for a in &it.assignments {
            let mut attrs = Vec::new();
            if let Some(d) = &a.deadline {
                attrs.push(("data-deadline", d.clone()));
            }
            out.push(Mark {
                span: a.span,
                class: "vb-assignment",
                attrs,
            });
        }
        for a in &it.actors {
            let mut attrs = vec![("data-name", a.name.clone())];
            if let Some(r) = a.role {
                attrs.push(("data-role", crate::render::role_name(r).to_string()));
            }
            out.push(Mark {
                span: a.span,
                class: "vb-actor",
                attrs,
            });
        }
        push_items(&it.children, out);
    }
}

fn marks(doc: &Document) -> Vec<Mark> {
    let mut out = Vec::new();
    push_items(&doc.items, &mut out);
    for c in &doc.citations {
        let mut attrs = Vec::new();
        for (k, v) in [
            ("data-kind", &c.kind),
            ("data-symbol", &c.symbol),
            ("data-date", &c.date),
            ("data-issuer", &c.issuer),
        ] {
            if let Some(v) = v {
                attrs.push((k, v.clone()));
            }
        }
        out.push(Mark {
            span: c.span,
            class: "vb-citation",
            attrs,
        });
    }
    for d in &doc.dates {
        let mut attrs = Vec::new();
        if let Some(v) = &d.value {
            attrs.push(("data-value", v.clone()));
        }
        out.push(Mark {
            span: d.span,
            class: "vb-date",
            attrs,
        });
    }
    // Outer marks first where they start together; empty ones are nothing to show.
    out.retain(|m| m.span.end > m.span.start && m.span.end <= doc.input_len);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn open_tag(out: &mut String, m: &Mark) {
    let _ = write!(out, "<span class=\"vb {}\"", m.class);
    for (k, v) in &m.attrs {
        let _ = write!(out, " {k}=\"");
        escape_into(out, v);
        out.push('"');
    }
    out.push('>');
}

/// Writes `source[from..to]` with the marks opened and closed at their offsets, nesting them
/// (a mark that would cross an open one is cut at its end and reopened after it). `literal`
/// says whether the source is escaped (text) or copied (the text of an HTML page).
fn write_marked(
    out: &mut String,
    source: &str,
    from: usize,
    to: usize,
    marks: &[Mark],
    escape: bool,
) {
    // Boundaries inside [from, to): the marks' starts and ends clipped to it.
    let mut events: Vec<(usize, bool, usize)> = Vec::new(); // (offset, is_open, mark index)
    for (i, m) in marks.iter().enumerate() {
        let (a, b) = (m.span.start.max(from), m.span.end.min(to));
        if a < b {
            events.push((a, true, i));
            events.push((b, false, i));
        }
    }
    // Closes before opens at one offset; opens outer first, closes inner first.
    events.sort_by(|x, y| {
        x.0.cmp(&y.0).then(x.1.cmp(&y.1)).then_with(|| {
            let (mx, my) = (&marks[x.2].span, &marks[y.2].span);
            if x.1 {
                my.end.cmp(&mx.end)
            } else {
                mx.start.cmp(&my.start).reverse()
            }
        })
    });
    let mut stack: Vec<usize> = Vec::new();
    let mut at = from;
    let text = |out: &mut String, a: usize, b: usize| {
        let s = source.get(a..b).unwrap_or("");
        if escape {
            escape_into(out, s);
        } else {
            out.push_str(s);
        }
    };
    for (off, is_open, i) in events {
        let off = off.min(to);
        if !source.is_char_boundary(off) {
            continue;
        }
        text(out, at, off);
        at = off;
        if is_open {
            open_tag(out, &marks[i]);
            stack.push(i);
        } else if let Some(pos) = stack.iter().rposition(|&j| j == i) {
            // Close the marks opened inside it, then it, then reopen them.
            let inner: Vec<usize> = stack.drain(pos..).skip(1).collect();
            for _ in 0..=inner.len() {
                out.push_str("</span>");
            }
            for &j in &inner {
                open_tag(out, &marks[j]);
                stack.push(j);
            }
        }
    }
    text(out, at, to);
    for _ in stack {
        out.push_str("</span>");
    }
}

const STYLE: &str = ".vb-item{display:inline;background:#f5f7ff}\
.vb-citation{background:#fff3c4;border-bottom:2px solid #e0a800}\
.vb-date{background:#dff5e1}\
.vb-actor{background:#e3f0ff;border-bottom:1px solid #3b82f6}\
.vb-assignment{text-decoration:underline dotted #9333ea}";

/// The annotated HTML page of a document parsed from `source` (text or Markdown): the text in
/// a `<pre>`, escaped, with the marks.
pub fn annotate_text(doc: &Document, source: &str) -> String {
    let marks = marks(doc);
    let mut out = String::with_capacity(source.len() * 2 + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>");
    escape_into(&mut out, doc.symbol.as_deref().unwrap_or("vanban"));
    let _ = write!(
        out,
        "</title><style>pre{{white-space:pre-wrap;font:15px/1.5 serif}}{STYLE}</style></head><body><pre>"
    );
    write_marked(&mut out, source, 0, source.len(), &marks, true);
    out.push_str("</pre></body></html>\n");
    out
}

/// The annotated page of a document parsed from an HTML page (`source`, its spans into it):
/// the page as it is, with the marks around its text; `tags` are the byte ranges of its tags
/// and of the parts left out (scripts, styles), which no mark enters.
pub fn annotate_page(doc: &Document, source: &str, tags: &[std::ops::Range<usize>]) -> String {
    let marks = marks(doc);
    let mut out = String::with_capacity(source.len() * 2 + 512);
    let mut at = 0;
    let mut style_done = false;
    for t in tags {
        if t.start < at {
            continue;
        }
        write_marked(&mut out, source, at, t.start, &marks, false);
        let tag = &source[t.start..t.end];
        out.push_str(tag);
        if !style_done && tag.len() >= 6 && tag[..6].eq_ignore_ascii_case("<head>") {
            let _ = write!(out, "<style>{STYLE}</style>");
            style_done = true;
        }
        at = t.end;
    }
    write_marked(&mut out, source, at, source.len(), &marks, false);
    if !style_done {
        out = format!("<style>{STYLE}</style>{out}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 12/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Giang, ngày 5 tháng 1 năm 2024\n\nCHỈ THỊ\nVề phòng, chống dịch\n\nThực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ <khẩn>;\n\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai trước ngày 30/6/2024.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n";

    /// The text of annotated HTML: tags removed, entities decoded.
    fn plain(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    #[test]
    fn text_is_kept_and_marks_nest() {
        let doc = crate::parse(DOC);
        let html = annotate_text(&doc, DOC);
        let body = &html[html.find("<pre>").unwrap() + 5..html.find("</pre>").unwrap()];
        assert_eq!(plain(body), DOC);
        assert!(html
            .contains("class=\"vb vb-citation\" data-kind=\"chi_thi\" data-symbol=\"15/CT-TTg\""));
        assert!(html.contains("class=\"vb vb-item\" data-label=\"1.\""));
        assert!(html.contains("vb-actor"));
        assert!(html.contains("&lt;khẩn&gt;"));
        // Every span opened is closed, in order.
        let mut depth = 0i32;
        for (i, _) in body.match_indices('<') {
            if body[i..].starts_with("</span>") {
                depth -= 1;
            } else if body[i..].starts_with("<span") {
                depth += 1;
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
    }

    #[test]
    fn crossing_marks_are_cut_and_reopened() {
        let src = "abcdefgh";
        let marks = vec![
            Mark {
                span: Span::new(1, 5),
                class: "vb-item",
                attrs: vec![],
            },
            Mark {
                span: Span::new(3, 7),
                class: "vb-date",
                attrs: vec![],
            },
        ];
        let mut out = String::new();
        write_marked(&mut out, src, 0, src.len(), &marks, true);
        assert_eq!(
            out,
            "a<span class=\"vb vb-item\">bc<span class=\"vb vb-date\">de</span></span><span class=\"vb vb-date\">fg</span>h"
        );
    }
}
