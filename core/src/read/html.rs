//! HTML pages to text, with every span of the text mapped back to the page's bytes.
//!
//! The page is tokenised by `html5gum` (a WHATWG-conformant HTML5 tokenizer that gives the byte
//! span of every tag and text; chosen over `lol_html` by measurement: the same text on the
//! corpus and the fixtures, and about 40 KB of gzipped wasm where `lol_html` added 170 KB). Block elements, `<br>`, table rows and cells
//! become line breaks; runs of white space fold to one space as a browser shows them (kept in
//! `<pre>`); entities are decoded (`htmlize`, the HTML5 table); scripts, styles, the head,
//! navigation and embedded objects are dropped and reported as [`Dropped`] stretches so the
//! caller keeps them as noise. Nothing is recursive, so nesting depth costs no stack.

use super::source_map::MappedText;
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::ops::Range;

/// Elements whose start and end are line breaks (HTML's block-level and table elements).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Block elements that end a line but not a paragraph: table rows and cells, list entries
/// (the others end a paragraph, a blank line in the text).
const LINES: &[&str] = &["dd", "dt", "li", "td", "th", "tr"];

/// Elements whose content is not the document: dropped, and reported as noise. `footer` and
/// `aside` are HTML5's page chrome (a site's address and copyright, related links); a page's
/// `header` is kept, as publishers put the document's own header in it.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "svg", "math",
    "iframe", "object", "canvas", "select", "button",
];

/// The text of a page and the stretches of it that were dropped (scripts, styles, navigation).
#[derive(Debug, Clone, Default)]
pub struct HtmlText {
    pub text: MappedText,
    pub dropped: Vec<Range<usize>>,
    /// Every stretch of the page that is not text (tags, comments, the doctype, the dropped
    /// stretches), in order: where an annotator must not put its elements.
    pub markup: Vec<Range<usize>>,
}

#[derive(Default)]
struct State {
    out: MappedText,
    dropped: Vec<Range<usize>>,
    pre: usize,
    /// White space seen and not written yet (written as one space before the next text).
    space: Option<Range<usize>>,
    /// A break owed before the next text: the tag it comes from, and whether it ends a
    /// paragraph (a blank line) or only a line.
    brk: Option<(Range<usize>, bool)>,
    /// Open lists, innermost last: the counter of an `<ol>`, `None` for a `<ul>`.
    lists: Vec<Option<ListCounter>>,
    /// The label of a list entry (drawn by a browser, not in the page's text), written before
    /// the entry's first text, standing for its `<li>` tag.
    label: Option<(String, Range<usize>)>,
}

/// The numbering of an `<ol>`: its next value and its style (`type`: `1`, `a`, `A`, `i`, `I`).
struct ListCounter {
    next: i64,
    style: u8,
}

impl ListCounter {
    fn new(attr: &impl Fn(&str) -> Option<String>) -> Self {
        let style = attr("type")
            .and_then(|t| t.bytes().next())
            .filter(|b| b"1aAiI".contains(b))
            .unwrap_or(b'1');
        let next = attr("start")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1);
        Self { next, style }
    }

    /// The label of the next entry (`value` sets it), as these documents write it: `1.` for
    /// numbers and Roman numerals, `a)` for letters (NĐ 30/2020, Phụ lục I: điểm `a)`, `b)`).
    fn label(&mut self, value: Option<i64>) -> String {
        let n = value.unwrap_or(self.next);
        self.next = n + 1;
        match self.style {
            b'a' | b'A' if (1..=26).contains(&n) => {
                let c = (b'a' + (n - 1) as u8) as char;
                let c = if self.style == b'A' {
                    c.to_ascii_uppercase()
                } else {
                    c
                };
                format!("{c}) ")
            }
            b'i' | b'I' if (1..4000).contains(&n) => {
                let r = crate::text::roman(n as u32);
                if self.style == b'i' {
                    format!("{}. ", r.to_lowercase())
                } else {
                    format!("{r}. ")
                }
            }
            _ => format!("{n}. "),
        }
    }
}

impl State {
    fn owe_break(&mut self, at: Range<usize>, paragraph: bool) {
        self.space = None;
        match &mut self.brk {
            Some((_, p)) => *p |= paragraph,
            None => self.brk = Some((at, paragraph)),
        }
    }

    /// Writes an owed break: a line end, and a blank line after a paragraph.
    fn write_break(&mut self) {
        if let Some((at, paragraph)) = self.brk.take() {
            self.space = None;
            if self.out.text.is_empty() {
                return;
            }
            if !self.out.ends_with('\n') {
                self.out.push_replaced("\n", at.clone());
            }
            if paragraph && super::closes_sentence(&self.out.text) {
                self.out.push_replaced("\n", at);
            }
        }
    }

    fn hard_break(&mut self, at: Range<usize>) {
        self.space = None;
        self.write_break();
        if !self.out.text.is_empty() {
            self.out.push_replaced("\n", at);
        }
    }

    /// Writes what is owed before text: a line break, a list entry's label, or one space for
    /// folded white space.
    fn settle(&mut self) {
        if self.brk.is_some() {
            self.write_break();
        }
        if let Some((label, at)) = self.label.take() {
            self.space = None;
            self.out.push_replaced(&label, at);
            return;
        }
        if let Some(s) = self.space.take() {
            if !self.out.text.is_empty() && !self.out.ends_with('\n') {
                self.out.push_replaced(" ", s);
            }
        }
    }

    /// Whether a start or end tag named `name` is a block's; a `<br>` (and `</br>`, which
    /// browsers read as one) is a hard break, written here.
    fn is_block(&mut self, name: &str, at: &Range<usize>) -> bool {
        if name == "br" {
            self.hard_break(at.clone());
            return false;
        }
        BLOCKS.contains(&name)
    }

    fn start_tag(
        &mut self,
        name: &str,
        at: Range<usize>,
        leaf: bool,
        attr: impl Fn(&str) -> Option<String>,
    ) {
        if !self.is_block(name, &at) {
            return;
        }
        match name {
            "ol" if !leaf => self.lists.push(Some(ListCounter::new(&attr))),
            "ul" if !leaf => self.lists.push(None),
            "li" => {
                let value = attr("value").and_then(|v| v.trim().parse().ok());
                let label = match self.lists.last_mut() {
                    Some(Some(counter)) => counter.label(value),
                    Some(None) => "- ".to_string(),
                    None => String::new(),
                };
                self.label = (!label.is_empty()).then(|| (label, at.clone()));
            }
            "pre" if !leaf => self.pre += 1,
            _ => {}
        }
        self.owe_break(at, !LINES.contains(&name));
    }

    fn end_tag(&mut self, name: &str, at: Range<usize>) {
        if !self.is_block(name, &at) {
            return;
        }
        match name {
            "pre" => self.pre = self.pre.saturating_sub(1),
            "ol" | "ul" => {
                self.lists.pop();
            }
            _ => {}
        }
        self.label = None;
        self.owe_break(at, !LINES.contains(&name));
    }

    fn white(&mut self, at: Range<usize>) {
        match &mut self.space {
            Some(s) => s.end = at.end,
            None => self.space = Some(at),
        }
    }

    fn text(&mut self, raw: &str, base: usize) {
        let bytes = raw.as_bytes();
        let mut i = 0;
        let mut run = 0; // start of the verbatim run not written yet
        let flush = |st: &mut State, from: usize, to: usize| {
            if from < to {
                st.settle();
                st.out.push_verbatim(&raw[from..to], base + from);
            }
        };
        while i < bytes.len() {
            let b = bytes[i];
            let ws = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
            let nbsp = bytes[i..].starts_with(&[0xC2, 0xA0]);
            if ws || nbsp {
                flush(self, run, i);
                let w = if nbsp { 2 } else { 1 };
                if self.pre > 0 && !nbsp && b != b'\r' {
                    if b == b'\n' {
                        self.hard_break(base + i..base + i + 1);
                    } else {
                        self.settle();
                        self.out.push_verbatim(&raw[i..i + 1], base + i);
                    }
                } else if self.pre == 0 {
                    self.white(base + i..base + i + w);
                }
                i += w;
                run = i;
            } else if b == b'&' {
                let mut j = i + 1;
                while j < bytes.len()
                    && j - i <= 32
                    && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'#')
                {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b';' {
                    j += 1;
                }
                let entity = &raw[i..j];
                let decoded = htmlize::unescape(entity);
                if decoded != entity {
                    flush(self, run, i);
                    if decoded.chars().all(|c| c.is_whitespace()) && self.pre == 0 {
                        self.white(base + i..base + j);
                    } else {
                        self.settle();
                        self.out.push_replaced(&decoded, base + i..base + j);
                    }
                    run = j;
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
        flush(self, run, bytes.len());
    }
}

/// Elements without content or end tag (HTML's void elements).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Extracts the text of an HTML page. Total: any bytes give a text (malformed markup is read
/// as a browser's tokenizer reads it); only a failure inside the tokenizer itself is an error.
///
/// A paragraph element's end is a blank line, as Markdown writes paragraphs, when the text
/// before it closes a sentence (`.`, `;`, `:`, `!`, `?`, `…`); otherwise it is a line end, so a
/// header's lines (`ỦY BAN NHÂN DÂN` / `TỈNH …`) stay one block and pages that put each printed
/// line in its own `<p>` (converted from PDF or Word) keep their sentences whole.
pub fn extract(src: &str) -> Result<HtmlText, String> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style and other raw-text elements' content is not read as tags.
    emitter.naively_switch_states(true);
    let mut st = State::default();
    // The dropped element being skipped: its name, its start, how deep it nests in itself.
    let mut skip: Option<(Vec<u8>, usize, usize)> = None;
    let mut markup: Vec<Range<usize>> = Vec::new();
    for token in Tokenizer::new_with_emitter(src, emitter) {
        let token = token.map_err(|e| format!("{e:?}"))?;
        match &token {
            Token::StartTag(t) => markup.push(t.span.start..t.span.end),
            Token::EndTag(t) => markup.push(t.span.start..t.span.end),
            Token::Comment(c) => markup.push(c.span.start..c.span.end),
            Token::Doctype(d) => markup.push(d.span.start..d.span.end),
            _ => {}
        }
        match token {
            Token::StartTag(tag) => {
                let at = tag.span.start..tag.span.end;
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skipped, start, depth)) = &mut skip {
                    if name == "body" && skipped.as_slice() == b"head" {
                        // A head left open ends where the body starts.
                        st.dropped.push(*start..at.start);
                        skip = None;
                    } else if skipped.as_slice() == name.as_bytes() {
                        *depth += 1;
                    }
                    continue;
                }
                let leaf = tag.self_closing || VOID.contains(&name.as_str());
                if DROPPED.contains(&name.as_str()) {
                    if leaf {
                        st.dropped.push(at);
                    } else {
                        skip = Some((name.into_bytes(), at.start, 0));
                    }
                    continue;
                }
                let get = |a: &str| {
                    tag.attributes
                        .get(a.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                st.start_tag(&name, at, leaf, get);
            }
            Token::EndTag(tag) => {
                let at = tag.span.start..tag.span.end;
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skipped, start, depth)) = &mut skip {
                    if skipped.as_slice() == name.as_bytes() {
                        if *depth == 0 {
                            st.dropped.push(*start..at.end);
                            skip = None;
                        } else {
                            *depth -= 1;
                        }
                    }
                    continue;
                }
                st.end_tag(&name, at);
            }
            Token::String(text) if skip.is_none() => {
                let at = text.span.start..text.span.end;
                match src.get(at.clone()) {
                    // The raw bytes: entities are decoded one by one, so each maps back.
                    Some(raw) => st.text(raw, at.start),
                    None => {
                        st.settle();
                        st.out
                            .push_replaced(&String::from_utf8_lossy(&text.value), at);
                    }
                }
            }
            _ => {}
        }
    }
    // An element left open at the end of the page is dropped to its end.
    if let Some((_, start, _)) = skip {
        st.dropped.push(start..src.len());
    }
    if !(st.out.ends_with('\n') || st.out.text.is_empty()) {
        st.out.push_replaced("\n", src.len()..src.len());
    }
    st.dropped.sort_by_key(|r| r.start);
    markup.extend(st.dropped.iter().cloned());
    markup.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(markup.len());
    for r in markup {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    Ok(HtmlText {
        text: st.out,
        dropped: st.dropped,
        markup: merged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn lines(src: &str) -> Vec<String> {
        extract(src)
            .unwrap()
            .text
            .text
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn blocks_and_breaks_are_lines_and_white_space_folds() {
        let src = "<html><head><title>x</title><style>p{}</style></head><body>\
                   <p>ỦY BAN NHÂN DÂN<br>TỈNH   HÀ\n  GIANG</p><p>Số:&nbsp;12/QĐ-UBND</p>\
                   <script>var a = '<p>';</script><nav><a>Trang chủ</a></nav>\
                   <div><p>Căn cứ Luật&nbsp;Tổ chức &amp; hoạt động;</p></div></body></html>";
        assert_eq!(
            lines(src),
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH HÀ GIANG",
                "Số: 12/QĐ-UBND",
                "Căn cứ Luật Tổ chức & hoạt động;"
            ]
        );
    }

    #[test]
    fn spans_map_into_the_page() {
        let src = "<p>Chỉ thị số 15/CT-TTg của Thủ</p>\n<p>tướng &amp; Chính phủ</p>";
        let got = extract(src).unwrap();
        let t = &got.text.text;
        let a = t.find("Thủ").unwrap();
        let b = t.find("Chính phủ").unwrap() + "Chính phủ".len();
        let s = got.text.to_source(Span::new(a, b));
        assert_eq!(&src[s.start..s.end], "Thủ</p>\n<p>tướng &amp; Chính phủ");
        let amp = t.find('&').unwrap();
        let s = got.text.to_source(Span::new(amp, amp + 1));
        assert_eq!(&src[s.start..s.end], "&amp;");
    }

    #[test]
    fn table_cells_are_lines_and_pre_keeps_its_lines() {
        let src = "<table><tr><td>BỘ Y TẾ</td><td>CỘNG HÒA XÃ HỘI</td></tr></table>\
                   <pre>1. Một\n2. Hai</pre>";
        assert_eq!(
            lines(src),
            ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI", "1. Một", "2. Hai"]
        );
    }

    #[test]
    fn a_paragraph_that_closes_a_sentence_ends_with_a_blank_line() {
        let src = "<p>CHỈ THỊ</p><p>Về việc phòng, chống dịch</p>\
                   <p>Thời gian qua, dịch bệnh</p><p>diễn biến phức tạp.</p><p>1. Sở Y tế chủ trì;</p>\
                   <p>2. Sở Tài chính bảo đảm kinh phí.</p>";
        assert_eq!(
            lines(src),
            [
                "CHỈ THỊ",
                "Về việc phòng, chống dịch",
                "Thời gian qua, dịch bệnh",
                "diễn biến phức tạp.",
                "",
                "1. Sở Y tế chủ trì;",
                "",
                "2. Sở Tài chính bảo đảm kinh phí."
            ]
        );
    }

    #[test]
    fn list_entries_get_the_labels_a_browser_draws() {
        let src = "<ol><li>Sở Y tế chủ trì;<ol type=\"a\"><li>tiêm chủng;</li><li>xét nghiệm.</li>\
                   </ol></li><li value=\"5\">Sở Tài chính.</li></ol><ol type=\"I\" start=\"2\">\
                   <li>TỔ CHỨC THỰC HIỆN</li></ol><ul><li>Như mục 1;</li></ul>";
        let got = extract(src).unwrap();
        let t = &got.text.text;
        let l: Vec<&str> = t.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            l,
            [
                "1. Sở Y tế chủ trì;",
                "a) tiêm chủng;",
                "b) xét nghiệm.",
                "5. Sở Tài chính.",
                "II. TỔ CHỨC THỰC HIỆN",
                "- Như mục 1;"
            ]
        );
        // A label stands for its `<li>` tag.
        let s = got.text.to_source(Span::new(0, 3));
        assert_eq!(&src[s.start..s.end], "<li>");
        assert_eq!(crate::text::roman(1994), "MCMXCIV");
    }

    #[test]
    fn dropped_stretches_are_reported() {
        let src = "<body><script>x</script><p>a</p><nav>menu</nav></body>";
        let got = extract(src).unwrap();
        let d: Vec<&str> = got.dropped.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(d, ["<script>x</script>", "<nav>menu</nav>"]);
        assert_eq!(got.text.text, "a\n");
    }

    #[test]
    fn deep_nesting_and_garbage_do_not_fail() {
        let deep = "<div>".repeat(100_000) + "Số: 1/QĐ-UBND" + &"</div>".repeat(100_000);
        assert_eq!(lines(&deep), ["Số: 1/QĐ-UBND"]);
        for junk in [
            "<",
            "<<>>&&;",
            "<p <p>x</p",
            "&#xFFFFFFFF; &#0; &bogus;",
            "</p></div>",
        ] {
            extract(junk).unwrap();
        }
    }
}
