//! Many documents in one input (an issue of the Công báo, a merged export): the input cut into
//! documents, each parsed with spans into the whole input.
//!
//! A document ends with its tail (signature, `Nơi nhận`, `Lưu:`): where the parse of the text
//! finds one, and the text after it parses with a header of its own (a number and symbol, or
//! the national or the Party's line, NĐ 30/2020 and HD 36), the next document starts on the
//! line after the tail; otherwise what follows stays the document's (an appendix, a note).
//!
//! Each parse is bounded by a national line ahead (a document's header holds one): so the work
//! grows with the input, not with a parse of the whole rest at every document. Documents
//! without a national line (a copy that lost it) are not cut apart.

use crate::model::{Document, Span};
use crate::{parse_with, Error, Options};

/// Folded national lines (`cộng hòa xã hội chủ nghĩa việt nam`, `đảng cộng sản việt nam`).
fn national_lines() -> impl Iterator<Item = &'static str> {
    crate::tables::NATIONAL_LINES
        .iter()
        .map(|(l, _)| *l)
        .filter(|l| !l.starts_with("doc lap"))
}

/// Starts of the lines of `text` that carry a national line (short lines only: the words
/// inside a sentence, `Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam`, are no header).
fn national_line_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.len() < 200 {
            let f = crate::text::fold(line);
            if national_lines().any(|n| f.contains(n)) {
                out.push(at);
            }
        }
        at += line.len();
    }
    out
}

/// Where the tail of `doc` ends (its last signature, recipient or archive line), if it has one.
fn tail_end(doc: &Document) -> Option<usize> {
    let ends = doc
        .signatures
        .iter()
        .map(|s| s.span.end)
        .chain(doc.recipients.iter().map(|r| r.span.end))
        .chain(doc.archive_span.map(|s| s.end));
    ends.max()
}

/// Whether `doc` has a header of its own.
fn has_header(doc: &Document) -> bool {
    doc.header.symbol.is_some() || doc.header.national_line.is_some()
}

/// The end of the line holding `at` (after its line end).
fn line_end(text: &str, at: usize) -> usize {
    text[at.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |k| at + k + 1)
}

/// `text[from..]` up to the second national line in it (or the end): a window that holds the
/// first document of `text[from..]` whole when its header has a national line.
fn window(text: &str, from: usize, lines: &[usize]) -> usize {
    let mut after = lines.iter().copied().filter(|&l| l >= from);
    let _first = after.next();
    after.next().unwrap_or(text.len())
}

/// Parses `input` as one or more documents. Returns each document's span in `input` with the
/// document, whose spans (and `input_len`) are into `input` too. An input of one document
/// gives one; nothing is dropped (the spans cover the input).
pub fn parse_all(input: &str, options: &Options) -> Result<Vec<(Span, Document)>, Error> {
    if input.len() > options.max_bytes {
        return Err(Error::InputTooLarge {
            len: input.len(),
            max: options.max_bytes,
        });
    }
    let lines = national_line_starts(input);
    let mut out = Vec::new();
    let mut start = 0;
    while start < input.len() {
        let end = next_cut(input, start, &lines, options)?.unwrap_or(input.len());
        let doc = parse_with(&input[start..end], options)?;
        out.push((Span::new(start, end), shifted(doc, start, input.len())));
        start = end;
    }
    if out.is_empty() {
        out.push((Span::new(0, input.len()), parse_with(input, options)?));
    }
    Ok(out)
}

/// Where the document starting at `start` ends, when another follows it: tried before each
/// national line after `start` in turn (the next document's header holds one), the cut being
/// the end of the tail found before it, when what follows parses with a header.
fn next_cut(
    input: &str,
    start: usize,
    lines: &[usize],
    options: &Options,
) -> Result<Option<usize>, Error> {
    let first_line_end = line_end(input, start);
    for &bound in lines.iter().filter(|&&l| l >= first_line_end) {
        let doc = parse_with(&input[start..bound], options)?;
        let Some(tail) = tail_end(&doc) else {
            continue;
        };
        let cut = start + line_end(&input[start..bound], tail);
        if input[cut..].trim().is_empty() {
            return Ok(None);
        }
        // The next document starts after the tail; or, when what follows the tail is an
        // appendix, at the block holding the national line (what lies between stays the
        // document's).
        for at in [cut, block_start(input, bound).max(cut)] {
            let next = parse_with(&input[at..window(input, at, lines)], options)?;
            if has_header(&next) {
                return Ok(Some(at));
            }
        }
    }
    Ok(None)
}

/// The start of the block of lines holding `at` (after the last blank line before it, at
/// most a few lines up: a header's issuer lines stand above its national line).
fn block_start(input: &str, at: usize) -> usize {
    let mut start = at;
    for _ in 0..4 {
        let Some(prev_end) = input[..start].strip_suffix('\n').map(str::len) else {
            break;
        };
        let prev_start = input[..prev_end].rfind('\n').map_or(0, |k| k + 1);
        if input[prev_start..prev_end].trim().is_empty() {
            break;
        }
        start = prev_start;
    }
    start
}

/// `doc`, parsed from `input[off..]`, with its spans moved into `input` (of `len` bytes).
fn shifted(doc: Document, off: usize, len: usize) -> Document {
    let mut doc = if off == 0 {
        doc
    } else {
        crate::map_spans(doc, |s| Span::new(s.start + off, s.end + off))
    };
    doc.input_len = len;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 12/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Giang, ngày 5 tháng 1 năm 2024\n\nCHỈ THỊ\nVề phòng, chống dịch\n\n1. Sở Y tế chủ trì.\n\n2. Sở Tài chính bảo đảm kinh phí.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n";

    #[test]
    fn documents_one_after_another_are_cut_apart() {
        let two = ONE
            .replace("12/CT", "13/CT")
            .replace("Nguyễn Văn A", "Trần Thị B");
        let three = ONE.replace("12/CT", "14/CT");
        let all = format!("{ONE}\n{two}\n\n{three}");
        let docs = parse_all(&all, &Options::default()).unwrap();
        let symbols: Vec<_> = docs
            .iter()
            .map(|(_, d)| d.symbol.clone().unwrap())
            .collect();
        assert_eq!(symbols, ["12/CT-UBND", "13/CT-UBND", "14/CT-UBND"]);
        // The spans cover the input, in order, and point into it.
        assert_eq!(docs[0].0.start, 0);
        assert_eq!(docs.last().unwrap().0.end, all.len());
        for w in docs.windows(2) {
            assert_eq!(w[0].0.end, w[1].0.start);
        }
        for (span, d) in &docs {
            let s = d.header.symbol.as_ref().unwrap().span;
            assert!(span.start <= s.start && s.end <= span.end);
            assert_eq!(&all[s.start..s.end], d.symbol.as_deref().unwrap());
            assert_eq!(d.input_len, all.len());
        }
        assert_eq!(
            docs[1].1.signatures[0].signer.as_deref(),
            Some("Trần Thị B")
        );
    }

    #[test]
    fn one_document_with_an_appendix_stays_one() {
        let with_appendix = format!("{ONE}\nPHỤ LỤC\nDanh sách các đơn vị\n1. Sở Y tế\n");
        let docs = parse_all(&with_appendix, &Options::default()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].0, Span::new(0, with_appendix.len()));
        assert_eq!(
            docs[0].1,
            parse_with(&with_appendix, &Options::default()).unwrap()
        );
        assert_eq!(parse_all("", &Options::default()).unwrap().len(), 1);
    }
}
