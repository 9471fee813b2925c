//! Word documents (Office Open XML, `.docx`) to text: `zip` opens the package, `quick-xml`
//! reads `word/document.xml` (and `word/numbering.xml`, `word/styles.xml` for the numbering).
//!
//! A paragraph (`w:p`) is a line; a blank line follows it when it closes a sentence, as for
//! HTML (the header's lines `ỦY BAN NHÂN DÂN` / `TỈNH …` stay one block). `w:br` and `w:cr`
//! break lines (a page break is a form feed), `w:tab` is a space, a table's cells are lines
//! (the header and the tail of these documents are two-column tables), deleted revisions
//! (`w:del`) and field instructions are left out. Word's automatic numbering (`w:numPr` on a
//! paragraph or its style) draws labels that are not in the text (`1.`, `a)`, `Điều 1.`): they
//! are written before the paragraph's text from the numbering definitions, with their counters
//! and restarts, or the items would be lost.
//!
//! Bad packages are refused, never a panic: a damaged zip or XML is `malformed_input`; a part
//! that unpacks larger than [`MAX_PART`] (a zip bomb) too.

use super::ReadError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::Read;

/// The largest a part of the package may unpack to.
pub const MAX_PART: u64 = 256 << 20;

fn malformed(message: impl Into<String>) -> ReadError {
    ReadError::Malformed {
        format: "docx",
        message: message.into(),
    }
}

/// The text of a part, `None` when the package has no such part.
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ReadError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(malformed(format!("{name}: {e}"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| malformed(format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(malformed(format!(
            "{name} unpacks to more than {} MB (a zip bomb?)",
            MAX_PART >> 20
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| malformed(format!("{name} is not UTF-8")))
}

/// The value of attribute `w:{name}` (any prefix).
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// One level of a list's numbering.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
}

/// The numbering definitions: `numId` -> its abstract levels (with overrides).
#[derive(Debug, Default)]
struct Numbering {
    nums: HashMap<String, Vec<Level>>,
    /// Style id -> (numId, level) of styles that number their paragraphs.
    styles: HashMap<String, (String, usize)>,
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> ReadError {
    malformed(format!("{part} is not well-formed XML: {e}"))
}

fn read_numbering(xml: &str) -> Result<HashMap<String, Vec<Level>>, ReadError> {
    let mut r = Reader::from_str(xml);
    let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
    let mut nums: HashMap<String, (String, HashMap<usize, i64>)> = HashMap::new();
    let mut cur_abstract: Option<String> = None;
    let mut cur_level: Option<usize> = None;
    let mut cur_num: Option<String> = None;
    let mut override_level: Option<usize> = None;
    loop {
        let ev = r.read_event().map_err(|e| xml_error("numbering.xml", e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"abstractNum" => cur_abstract = attr(e, b"abstractNumId"),
                b"lvl" => {
                    cur_level = attr(e, b"ilvl").and_then(|v| v.parse().ok());
                    if let (Some(a), Some(l)) = (&cur_abstract, cur_level) {
                        let levels = abstracts.entry(a.clone()).or_default();
                        if levels.len() <= l && l < 10 {
                            levels.resize(l + 1, Level::default());
                        }
                    }
                }
                b"start" | b"numFmt" | b"lvlText" => {
                    let v = attr(e, b"val").unwrap_or_default();
                    if let (Some(a), Some(l)) = (&cur_abstract, cur_level) {
                        if let Some(level) = abstracts.get_mut(a).and_then(|ls| ls.get_mut(l)) {
                            match e.local_name().as_ref() {
                                b"start" => level.start = v.parse().unwrap_or(1),
                                b"numFmt" => level.format = v,
                                _ => level.text = v,
                            }
                        }
                    }
                }
                b"num" => cur_num = attr(e, b"numId"),
                b"abstractNumId" => {
                    if let (Some(n), Some(a)) = (&cur_num, attr(e, b"val")) {
                        nums.entry(n.clone()).or_default().0 = a;
                    }
                }
                b"lvlOverride" => override_level = attr(e, b"ilvl").and_then(|v| v.parse().ok()),
                b"startOverride" => {
                    if let (Some(n), Some(l), Some(v)) = (
                        &cur_num,
                        override_level,
                        attr(e, b"val").and_then(|v| v.parse().ok()),
                    ) {
                        nums.entry(n.clone()).or_default().1.insert(l, v);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"abstractNum" => cur_abstract = None,
                b"lvl" => cur_level = None,
                b"num" => cur_num = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(nums
        .into_iter()
        .filter_map(|(id, (abs, overrides))| {
            let mut levels = abstracts.get(&abs)?.clone();
            for (l, start) in overrides {
                if let Some(level) = levels.get_mut(l) {
                    level.start = start;
                }
            }
            Some((id, levels))
        })
        .collect())
}

fn read_styles(xml: &str) -> Result<HashMap<String, (String, usize)>, ReadError> {
    let mut r = Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut style: Option<String> = None;
    let mut num: Option<String> = None;
    let mut ilvl = 0;
    loop {
        let ev = r.read_event().map_err(|e| xml_error("styles.xml", e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    style = attr(e, b"styleId");
                    num = None;
                    ilvl = 0;
                }
                b"numId" => num = attr(e, b"val"),
                b"ilvl" => ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let (Some(s), Some(n)) = (style.take(), num.take()) {
                    out.insert(s, (n, ilvl));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A counter's value written in a level's `numFmt`.
fn formatted(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" | "upperLetter" if (1..=26 * 4).contains(&n) => {
            // Word repeats the letter past z: aa, bb ...
            let c = (b'a' + ((n - 1) % 26) as u8) as char;
            let s: String = std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect();
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" if (1..4000).contains(&n) => crate::text::roman(n as u32).to_lowercase(),
        "upperRoman" if (1..4000).contains(&n) => crate::text::roman(n as u32),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// Numbering state while the body is read: counters per list and level.
#[derive(Default)]
struct Counters(HashMap<String, Vec<i64>>);

impl Counters {
    /// The label of the next paragraph numbered `num` at level `ilvl` (`None` when the list is
    /// not defined or its level draws nothing).
    fn next(&mut self, numbering: &Numbering, num: &str, ilvl: usize) -> Option<String> {
        let levels = numbering.nums.get(num)?;
        let level = levels.get(ilvl)?;
        if level.format == "none" {
            return None;
        }
        let counts = self.0.entry(num.to_string()).or_default();
        if counts.len() < levels.len() {
            counts.resize(levels.len(), 0);
        }
        counts[ilvl] = if counts[ilvl] == 0 {
            level.start.max(0)
        } else {
            counts[ilvl] + 1
        };
        // Deeper levels restart.
        for c in counts.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        if level.format == "bullet" {
            return Some("-".to_string());
        }
        let mut label = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(ilvl + 1) {
            let value = if counts[i] == 0 { l.start } else { counts[i] };
            label = label.replace(&format!("%{}", i + 1), &formatted(value, &l.format));
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

/// Whether text closes a sentence: a paragraph after it ends with a blank line.
fn closes_sentence(text: &str) -> bool {
    super::closes_sentence(text)
}

/// Reads a `.docx` package's bytes to text.
pub fn read(bytes: &[u8]) -> Result<String, ReadError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| malformed(format!("not a readable zip: {e}")))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| malformed("the package has no word/document.xml"))?;
    let numbering = Numbering {
        nums: match part(&mut zip, "word/numbering.xml")? {
            Some(xml) => read_numbering(&xml)?,
            None => HashMap::new(),
        },
        styles: match part(&mut zip, "word/styles.xml")? {
            Some(xml) => read_styles(&xml)?,
            None => HashMap::new(),
        },
    };
    body_text(&document, &numbering)
}

fn body_text(xml: &str, numbering: &Numbering) -> Result<String, ReadError> {
    let mut r = Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut counters = Counters::default();
    // Paragraph properties seen: its style, its own numbering.
    let mut p_style: Option<String> = None;
    let mut p_num: Option<String> = None;
    let mut p_ilvl: usize = 0;
    let mut in_ppr = false;
    let mut in_text = false;
    // Depth inside elements whose text is not the document's (deleted text, field codes).
    let mut skip = 0usize;
    let mut cells = 0usize;
    loop {
        let ev = r.read_event().map_err(|e| xml_error("document.xml", e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"p" if !empty => {
                        para.clear();
                        p_style = None;
                        p_num = None;
                        p_ilvl = 0;
                    }
                    b"pPr" if !empty => in_ppr = true,
                    b"pStyle" if in_ppr => p_style = attr(e, b"val"),
                    b"numId" if in_ppr => p_num = attr(e, b"val"),
                    b"ilvl" if in_ppr => {
                        p_ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0)
                    }
                    b"del" | b"instrText" | b"delText" if !empty => skip += 1,
                    b"t" if !empty && skip == 0 => in_text = true,
                    b"tab" if !in_ppr && skip == 0 => para.push(' '),
                    b"br" | b"cr" if skip == 0 => {
                        if attr(e, b"type").as_deref() == Some("page") {
                            para.push_str("\n\x0c\n");
                        } else {
                            para.push('\n');
                        }
                    }
                    b"tc" if !empty => cells += 1,
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                para.push_str(&t.decode().map_err(|e| xml_error("document.xml", e))?);
            }
            Event::GeneralRef(g) if in_text && skip == 0 => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &**g {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                para.extend(c);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"pPr" => in_ppr = false,
                b"del" | b"instrText" | b"delText" => skip = skip.saturating_sub(1),
                b"tc" => cells = cells.saturating_sub(1),
                b"p" => {
                    let numbered = p_num.clone().map(|n| (n, p_ilvl)).or_else(|| {
                        p_style
                            .as_ref()
                            .and_then(|s| numbering.styles.get(s).cloned())
                    });
                    let label = numbered
                        .filter(|(n, _)| n != "0")
                        .and_then(|(n, l)| counters.next(numbering, &n, l));
                    let text = para.trim_end();
                    if text.trim().is_empty() && label.is_none() {
                        // An empty paragraph is Word's blank line.
                        if !out.is_empty() && !out.ends_with("\n\n") {
                            out.push('\n');
                        }
                        continue;
                    }
                    if let Some(label) = label {
                        out.push_str(&label);
                        out.push(' ');
                    }
                    out.push_str(text.trim_start());
                    out.push('\n');
                    if cells == 0 && closes_sentence(text) {
                        out.push('\n');
                    }
                }
                // A table ends a block.
                b"tbl" if !out.is_empty() && !out.ends_with("\n\n") => out.push('\n'),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    fn numbered(num: &str, ilvl: u32, text: &str) -> String {
        format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#;

    #[test]
    fn automatic_numbering_is_drawn() {
        let numbering = Numbering {
            nums: read_numbering(NUMBERING).unwrap(),
            styles: HashMap::new(),
        };
        let body = [
            numbered("1", 0, "Sở Y tế chủ trì;"),
            numbered("1", 1, "tiêm chủng;"),
            numbered("1", 1, "xét nghiệm;"),
            numbered("1", 0, "Sở Tài chính:"),
            numbered("1", 1, "bảo đảm kinh phí."),
            numbered("2", 0, "Hiệu lực thi hành."),
            numbered("3", 0, "Như trên;"),
        ]
        .concat();
        let text = body_text(&doc(&body), &numbering).unwrap();
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "1. Sở Y tế chủ trì;",
                "a) tiêm chủng;",
                "b) xét nghiệm;",
                "2. Sở Tài chính:",
                "a) bảo đảm kinh phí.",
                "Điều 4. Hiệu lực thi hành.",
                "- Như trên;"
            ]
        );
    }

    #[test]
    fn cells_breaks_and_deleted_text() {
        let body = format!(
            "<w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}<w:p><w:r><w:t>Căn cứ</w:t></w:r><w:del><w:r><w:delText>cũ</w:delText></w:r></w:del><w:r><w:tab/><w:t>Luật &amp; Nghị định</w:t><w:br/><w:t>dòng hai;</w:t></w:r></w:p>",
            p("ỦY BAN NHÂN DÂN"),
            p("TỈNH HÀ GIANG"),
            p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            p("")
        );
        let text = body_text(&doc(&body), &Numbering::default()).unwrap();
        assert_eq!(
            text,
            "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCăn cứ Luật & Nghị định\ndòng hai;\n\n"
        );
    }

    #[test]
    fn bad_packages_are_refused() {
        for bytes in [&b"PK\x03\x04garbage"[..], b"", b"not a zip at all"] {
            assert_eq!(read(bytes).unwrap_err().code(), "malformed_input");
        }
        let e = body_text("<w:document><w:body><w:p></w:body>", &Numbering::default());
        assert_eq!(e.unwrap_err().code(), "malformed_input");
        assert_eq!(formatted(28, "lowerLetter"), "bb");
        assert_eq!(formatted(14, "upperRoman"), "XIV");
    }
}
