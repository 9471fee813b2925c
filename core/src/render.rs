//! Human-readable renderings of a [`Document`]: a plain outline (the CLI's default) and
//! Markdown. Plain strings, so every host (CLI, Python `__repr__`, the web demo) shows the same.

use crate::model::{Document, Item, Purpose, Role, Severity};
use std::fmt::Write;

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn or_dash(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("—")
}

/// The name of a purpose code.
pub fn purpose_name(p: Purpose) -> &'static str {
    match p {
        Purpose::Report => "report",
        Purpose::Info => "info",
        Purpose::Execute => "execute",
        Purpose::Coordinate => "coordinate",
        Purpose::Direct => "direct",
        Purpose::Monitor => "monitor",
    }
}

/// The name of a role code.
pub fn role_name(r: Role) -> &'static str {
    match r {
        Role::Lead => "lead",
        Role::Coordinate => "coordinate",
        Role::Responsible => "responsible",
        Role::Advise => "advise",
        Role::Monitor => "monitor",
        Role::Subject => "subject",
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn outline_items(out: &mut String, items: &[Item], depth: usize) {
    for it in items {
        let first = it.paragraphs.first().map_or("", |p| p.text.as_str());
        let extra = if it.paragraphs.len() > 1 {
            format!("  [{} ¶]", it.paragraphs.len())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{}{} {}{}",
            "  ".repeat(depth + 1),
            it.label,
            clip(first, 90),
            extra
        );
        outline_items(out, &it.children, depth + 1);
    }
}

/// A plain-text outline: header fields, the item tree with labels, signatures, recipients and
/// diagnostics.
pub fn outline(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "kind:       {}", or_dash(&doc.kind));
    let _ = writeln!(out, "symbol:     {}", or_dash(&doc.symbol));
    let _ = writeln!(out, "date:       {}", or_dash(&doc.date));
    let _ = writeln!(out, "place:      {}", or_dash(&doc.place));
    let _ = writeln!(out, "issuer:     {}", or_dash(&doc.issuer));
    if let Some(p) = &doc.header.parent {
        let _ = writeln!(out, "parent:     {}", p.text);
    }
    let _ = writeln!(
        out,
        "title:      {}",
        doc.title
            .as_deref()
            .map_or("—".to_string(), |t| clip(t, 100))
    );
    if !doc.addressees.is_empty() {
        let _ = writeln!(out, "addressees:");
        for a in &doc.addressees {
            let _ = writeln!(out, "  - {}", a.name);
        }
    }
    if !doc.preamble.is_empty() {
        let _ = writeln!(out, "preamble:   {} paragraph(s)", doc.preamble.len());
    }
    if !doc.items.is_empty() {
        let _ = writeln!(out, "items:");
        outline_items(&mut out, &doc.items, 0);
    }
    for p in &doc.closing {
        let _ = writeln!(out, "closing:    {}", clip(&p.text, 90));
    }
    for s in &doc.signatures {
        let _ = writeln!(
            out,
            "signature:  {} {} / {} / {}",
            s.authority.as_deref().unwrap_or(""),
            s.organ.as_deref().unwrap_or(""),
            s.position.as_deref().unwrap_or("—"),
            s.signer.as_deref().unwrap_or("—")
        );
    }
    if !doc.recipients.is_empty() {
        let _ = writeln!(out, "recipients:");
        for r in &doc.recipients {
            match r.purpose {
                Some(p) => {
                    let _ = writeln!(out, "  - {} ({})", r.name, purpose_name(p));
                }
                None => {
                    let _ = writeln!(out, "  - {}", r.name);
                }
            }
        }
    }
    if let Some(a) = &doc.archive {
        let _ = writeln!(out, "archive:    {a}");
    }
    for a in &doc.attachments {
        let _ = writeln!(out, "attachment: {}", clip(&a.title, 90));
    }
    for f in &doc.footnotes {
        let _ = writeln!(out, "footnote:   [{}] {}", f.label, clip(&f.text, 90));
    }
    if !doc.citations.is_empty() {
        let _ = writeln!(out, "citations:");
        for c in &doc.citations {
            let _ = writeln!(
                out,
                "  - {} {} {} {}",
                or_dash(&c.kind),
                or_dash(&c.symbol),
                or_dash(&c.date),
                c.issuer.as_deref().unwrap_or("")
            );
        }
    }
    let assignments: Vec<&crate::model::Assignment> = doc
        .all_items()
        .into_iter()
        .flat_map(|it| it.assignments.iter())
        .collect();
    if !assignments.is_empty() {
        let _ = writeln!(out, "assignments:");
        for a in assignments {
            let who: Vec<String> = a
                .actors
                .iter()
                .map(|x| format!("{} ({})", x.name, x.role.map_or("subject", role_name)))
                .collect();
            let by = a
                .deadline
                .as_deref()
                .map(|d| format!(" — by {d}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  - {}: {}{}", who.join(", "), clip(&a.action, 70), by);
        }
    }
    if !doc.diagnostics.is_empty() {
        let _ = writeln!(out, "diagnostics:");
        for d in &doc.diagnostics {
            let _ = writeln!(
                out,
                "  {} {} @{}..{}: {}",
                severity_name(d.severity),
                d.code,
                d.span.start,
                d.span.end,
                d.message
            );
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

fn md_items(out: &mut String, items: &[Item], depth: usize) {
    for it in items {
        let first = it.paragraphs.first().map_or("", |p| p.text.as_str());
        let _ = writeln!(out, "{}- **{}** {}", "  ".repeat(depth), it.label, first);
        for p in it.paragraphs.iter().skip(1) {
            let _ = writeln!(out, "{}  {}", "  ".repeat(depth), p.text);
        }
        md_items(out, &it.children, depth + 1);
    }
}

/// Markdown: header table, the items as nested lists, citations, assignments, signature,
/// recipients and diagnostics.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        md_escape(doc.title.as_deref().unwrap_or("(no title)"))
    );
    let _ = writeln!(out, "| field | value |\n|---|---|");
    for (k, v) in [
        ("kind", &doc.kind),
        ("symbol", &doc.symbol),
        ("date", &doc.date),
        ("place", &doc.place),
        ("issuer", &doc.issuer),
        ("archive", &doc.archive),
    ] {
        let _ = writeln!(out, "| {k} | {} |", md_escape(or_dash(v)));
    }
    if !doc.addressees.is_empty() {
        let _ = writeln!(
            out,
            "\n**Kính gửi:** {}",
            doc.addressees
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    if !doc.preamble.is_empty() {
        let _ = writeln!(out);
        for p in &doc.preamble {
            let _ = writeln!(out, "{}\n", p.text);
        }
    }
    if !doc.items.is_empty() {
        let _ = writeln!(out, "\n## Items\n");
        md_items(&mut out, &doc.items, 0);
    }
    if !doc.closing.is_empty() {
        let _ = writeln!(out);
        for p in &doc.closing {
            let _ = writeln!(out, "{}\n", p.text);
        }
    }
    if !doc.citations.is_empty() {
        let _ = writeln!(
            out,
            "\n## Citations\n\n| kind | symbol | date | issuer | text |\n|---|---|---|---|---|"
        );
        for c in &doc.citations {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                or_dash(&c.kind),
                md_escape(or_dash(&c.symbol)),
                or_dash(&c.date),
                md_escape(or_dash(&c.issuer)),
                md_escape(&clip(&c.text, 80))
            );
        }
    }
    let assignments: Vec<(&Item, &crate::model::Assignment)> = doc
        .all_items()
        .into_iter()
        .flat_map(|it| it.assignments.iter().map(move |a| (it, a)))
        .collect();
    if !assignments.is_empty() {
        let _ = writeln!(
            out,
            "\n## Assignments\n\n| item | actor | role | action | deadline |\n|---|---|---|---|---|"
        );
        for (it, a) in assignments {
            for (k, actor) in a.actors.iter().enumerate() {
                let (action, deadline) = if k == 0 {
                    (clip(&a.action, 90), a.deadline.clone().unwrap_or_default())
                } else {
                    (String::new(), String::new())
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    md_escape(&it.label),
                    md_escape(&actor.name),
                    actor.role.map_or("—", role_name),
                    md_escape(&action),
                    deadline
                );
            }
        }
    }
    if !doc.mottos.is_empty() {
        let _ = writeln!(
            out,
            "\n**Mottos:** {}",
            doc.mottos
                .iter()
                .map(|m| format!("“{}”", m.text))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !doc.signatures.is_empty() {
        let _ = writeln!(out, "\n## Signature\n");
        for s in &doc.signatures {
            let _ = writeln!(
                out,
                "- {} {} / {} / **{}**",
                s.authority.as_deref().unwrap_or(""),
                s.organ.as_deref().unwrap_or(""),
                s.position.as_deref().unwrap_or("—"),
                s.signer.as_deref().unwrap_or("—")
            );
        }
    }
    if !doc.recipients.is_empty() {
        let _ = writeln!(out, "\n## Nơi nhận\n");
        for r in &doc.recipients {
            let _ = writeln!(
                out,
                "- {}{}",
                r.name,
                r.purpose
                    .map_or(String::new(), |p| format!(" ({})", purpose_name(p)))
            );
        }
    }
    if !doc.footnotes.is_empty() {
        let _ = writeln!(out, "\n## Footnotes\n");
        for f in &doc.footnotes {
            let _ = writeln!(out, "[^{}]: {}", f.label, md_escape(&f.text));
        }
    }
    if !doc.diagnostics.is_empty() {
        let _ = writeln!(out, "\n## Diagnostics\n");
        for d in &doc.diagnostics {
            let _ = writeln!(
                out,
                "- `{}` {} ({}..{})",
                d.code, d.message, d.span.start, d.span.end
            );
        }
    }
    out
}
