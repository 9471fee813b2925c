//! Span unit conversion for the edges. The core speaks UTF-8 byte offsets into the original
//! input; Python wants code points and JavaScript wants UTF-16 code units. One converter, built
//! once per document, maps byte offsets to either unit.

/// Units an edge wants spans in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (identity).
    Bytes,
    /// Unicode scalar values (Python `str` indices).
    CodePoints,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// Maps byte offsets of one input to another unit in O(log n) per offset.
///
/// It stores a checkpoint every 64 bytes, so building it is one pass and memory is ~1/8 of the
/// input.
#[derive(Debug, Clone)]
pub struct OffsetConverter<'a> {
    input: &'a str,
    unit: Unit,
    /// `checkpoints[i]` = converted offset of byte `i * STEP` rounded down to a char boundary.
    checkpoints: Vec<(usize, usize)>,
}

const STEP: usize = 64;

/// The units of the whole chars in `bytes` (a slice between two char boundaries), counted
/// from the bytes: a code point per byte that is no continuation byte (`10xxxxxx`), and one more
/// UTF-16 unit per four-byte sequence (lead byte `11110xxx`). Loops the compiler vectorises.
fn units_in(bytes: &[u8], unit: Unit) -> usize {
    let starts = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    match unit {
        Unit::Bytes => bytes.len(),
        Unit::CodePoints => starts,
        Unit::Utf16 => starts + bytes.iter().filter(|&&b| b >= 0xF0).count(),
    }
}

impl<'a> OffsetConverter<'a> {
    pub fn new(input: &'a str, unit: Unit) -> Self {
        let mut checkpoints = Vec::with_capacity(input.len() / STEP + 2);
        checkpoints.push((0usize, 0usize));
        if unit != Unit::Bytes {
            // A checkpoint at the first char boundary at or after every STEP bytes, its units
            // counted from the bytes since the previous one (as `convert` counts).
            let (mut prev, mut converted) = (0usize, 0usize);
            let mut b = STEP;
            while b < input.len() {
                while !input.is_char_boundary(b) {
                    b += 1;
                }
                if b >= input.len() {
                    break;
                }
                converted += units_in(&input.as_bytes()[prev..b], unit);
                checkpoints.push((b, converted));
                prev = b;
                b += STEP;
            }
        }
        OffsetConverter {
            input,
            unit,
            checkpoints,
        }
    }

    /// Converts a byte offset (clamped to the input and rounded down to a char boundary).
    pub fn convert(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.input.len());
        while !self.input.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.unit == Unit::Bytes {
            return byte;
        }
        let idx = match self.checkpoints.binary_search_by(|(b, _)| b.cmp(&byte)) {
            Ok(i) => return self.checkpoints[i].1,
            Err(i) => i - 1,
        };
        let (b0, converted) = self.checkpoints[idx];
        converted + units_in(&self.input.as_bytes()[b0..byte], self.unit)
    }

    /// Converts every `{"start": n, "end": m}` object inside a JSON value in place, for JSON
    /// already built as a value (the bindings write theirs converted with
    /// [`OffsetConverter::to_json`]).
    pub fn convert_json_spans(&self, value: &mut serde_json::Value) {
        use serde_json::Value;
        match value {
            Value::Object(map) => {
                let is_span = map.len() == 2
                    && map.get("start").is_some_and(Value::is_u64)
                    && map.get("end").is_some_and(Value::is_u64);
                if is_span {
                    for key in ["start", "end"] {
                        let b = map[key].as_u64().unwrap_or(0) as usize;
                        map.insert(key.to_string(), Value::from(self.convert(b) as u64));
                    }
                } else {
                    for (k, v) in map.iter_mut() {
                        if k == "input_len" {
                            if let Some(b) = v.as_u64() {
                                *v = Value::from(self.convert(b as usize) as u64);
                            }
                        } else {
                            self.convert_json_spans(v);
                        }
                    }
                }
            }
            Value::Array(items) => {
                for v in items {
                    self.convert_json_spans(v);
                }
            }
            _ => {}
        }
    }
}

impl OffsetConverter<'_> {
    /// The contract JSON of `doc` (parsed from this converter's input) with every span and
    /// `input_len` in this converter's unit, written in one pass: the same JSON as
    /// `serde_json::to_value` + [`OffsetConverter::convert_json_spans`] + `to_string`, without
    /// building the value tree (the bindings' hot path).
    pub fn to_json(&self, doc: &crate::model::Document) -> String {
        String::from_utf8(self.to_json_bytes(doc)).expect("serde_json writes UTF-8")
    }

    /// [`OffsetConverter::to_json`] as UTF-8 bytes, for an edge that hands bytes on (Python's
    /// `json.loads` reads them) and need not check the UTF-8 of megabytes again.
    pub fn to_json_bytes(&self, doc: &crate::model::Document) -> Vec<u8> {
        let mut out = Vec::with_capacity(doc.input_len * 2 + 1024);
        self.write_json(doc, &mut out)
            .expect("writing into a Vec does not fail");
        out
    }

    /// Some top-level fields of `doc` ([`crate::model::Document::fields`]) as a JSON object,
    /// spans converted as in [`OffsetConverter::to_json`] (`input_len` too).
    pub fn fields_to_json(&self, fields: &crate::model::Fields<'_>) -> String {
        use serde::Serialize;
        let mut out = Vec::with_capacity(1024);
        let mut ser = serde_json::Serializer::with_formatter(
            &mut out,
            SpanFormatter {
                conv: self,
                frames: Vec::with_capacity(16),
                key: Vec::with_capacity(16),
                in_key: false,
            },
        );
        fields
            .serialize(&mut ser)
            .expect("writing into a Vec does not fail");
        String::from_utf8(out).expect("serde_json writes UTF-8")
    }

    /// [`OffsetConverter::to_json`] written to `w` as it is made, for an edge that streams (the
    /// CLI writes a large document to its output without holding its JSON).
    pub fn write_json<W: std::io::Write>(
        &self,
        doc: &crate::model::Document,
        w: W,
    ) -> std::io::Result<()> {
        use serde::Serialize;
        let mut ser = serde_json::Serializer::with_formatter(
            w,
            SpanFormatter {
                conv: self,
                frames: Vec::with_capacity(16),
                key: Vec::with_capacity(16),
                in_key: false,
            },
        );
        doc.serialize(&mut ser).map_err(std::io::Error::from)
    }
}

/// What the JSON writer is inside of: an object (whose last key is in `SpanFormatter::key`
/// when it is the innermost frame) or an array.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Object,
    Array,
}

/// A compact JSON formatter that converts the integers written as the value of a `start`,
/// `end` or `input_len` key (the fields of `Span` and `Document::input_len`, the only integers
/// with those names in the contract) from bytes to the converter's unit.
struct SpanFormatter<'c, 'a> {
    conv: &'c OffsetConverter<'a>,
    frames: Vec<Frame>,
    /// The key being written, or the last key written in the innermost object.
    key: Vec<u8>,
    in_key: bool,
}

impl SpanFormatter<'_, '_> {
    fn converts(&self) -> bool {
        self.frames.last() == Some(&Frame::Object)
            && matches!(self.key.as_slice(), b"start" | b"end" | b"input_len")
    }
}

impl serde_json::ser::Formatter for SpanFormatter<'_, '_> {
    fn write_u64<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        value: u64,
    ) -> std::io::Result<()> {
        let value = if self.converts() {
            self.conv
                .convert(usize::try_from(value).unwrap_or(usize::MAX)) as u64
        } else {
            value
        };
        writer.write_all(itoa_u64(value, &mut [0u8; 20]))
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.frames.push(Frame::Array);
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.frames.pop();
        writer.write_all(b"]")
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.frames.push(Frame::Object);
        self.key.clear();
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.frames.pop();
        // The enclosing object's key is no longer known; none of `start`, `end` or
        // `input_len` holds an object, so nothing is lost.
        self.key.clear();
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.in_key = true;
        self.key.clear();
        if first {
            Ok(())
        } else {
            writer.write_all(b",")
        }
    }

    fn end_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if self.in_key {
            self.key.extend_from_slice(fragment.as_bytes());
        }
        writer.write_all(fragment.as_bytes())
    }
}

/// The decimal digits of `v` (written at the end of `buf`).
fn itoa_u64(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

/// The alignment of a paragraph's text — derived from `input[span]` by normalisation, markup
/// removal and joining of lines — with its source: for every char of the text, the input range it
/// was read from. Built in one walk over both (matching folded chars, skipping input the text
/// dropped: markup, line breaks, combining marks of NFD input), then queried per entity.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// (text byte offset, input start, input end) of every non-space char of the text, in order.
    chars: Vec<(usize, usize, usize)>,
    span: crate::model::Span,
}

impl Alignment {
    pub fn new(input: &str, span: crate::model::Span, text: &str) -> Self {
        Self::of_folded(input, span, text, &crate::text::Folded::new(text))
    }

    /// [`Alignment::new`] of a text already folded (`folded` is the fold of `text`): its chars
    /// are read from the fold (a white space char, and only one, folds to an ASCII white space
    /// byte).
    ///
    /// Fast path: a non-ASCII input char that is the text's char itself, byte for byte (nearly
    /// always: the text is the input with markup and line breaks taken out), folds to the
    /// text's folded byte, so it matches without being decoded and folded. Other input chars
    /// are folded and compared, as before.
    pub fn of_folded(
        input: &str,
        span: crate::model::Span,
        raw: &str,
        text: &crate::text::Folded,
    ) -> Self {
        use crate::text::fold_char;
        let lo = span.start.min(input.len());
        let src = &input[lo..span.end.min(input.len()).max(lo)];
        let sb = src.as_bytes();
        // The next input byte to read; ASCII bytes are folded where they stand.
        let mut j = 0;
        let (rb, tf, offsets) = (raw.as_bytes(), text.text.as_bytes(), &text.offsets[..]);
        let n = tf.len().min(offsets.len().saturating_sub(1));
        let mut chars = Vec::with_capacity(n);
        let mut k = 0;
        while k < n {
            let (want, ti, te) = (tf[k], offsets[k], offsets[k + 1]);
            k += 1;
            if is_space(want) {
                continue;
            }
            // Fast path: a run of the text equal, byte for byte, to the input at `j` (nearly
            // all of it: the text is the input without markup and line breaks), its first
            // char this one. The char folds to `want`, so the search below would stop at its
            // copy at `j`. Between two chars of the run, the input is a copy of the text's
            // white space between them, which folds to white space, never to a `want`: the
            // search would stop at each next char's copy too, taken here at once.
            let same = common_prefix(
                rb.get(ti..).unwrap_or_default(),
                sb.get(j..).unwrap_or_default(),
            );
            if te > ti && same >= te - ti {
                let (from, at, end) = (ti, j, ti + same);
                let (mut ti, mut te) = (ti, te);
                loop {
                    let start = at + (ti - from);
                    j = at + (te - from);
                    let e = absorb_marks(src, &mut j);
                    chars.push((ti, lo + start, lo + e));
                    if e > at + (te - from) {
                        break; // the input goes on past the text's copy: the run is left
                    }
                    while k < n && is_space(tf[k]) {
                        k += 1;
                    }
                    if k >= n || offsets[k + 1] > end {
                        break;
                    }
                    (ti, te) = (offsets[k], offsets[k + 1]);
                    k += 1;
                }
                continue;
            }
            let mut found = None;
            while found.is_none() && j < sb.len() {
                let at = j;
                let b = sb[j];
                let folded = if b.is_ascii() {
                    j += 1;
                    b.to_ascii_lowercase()
                } else {
                    let ic = src[j..]
                        .chars()
                        .next()
                        .unwrap_or(char::REPLACEMENT_CHARACTER);
                    j += ic.len_utf8();
                    fold_char(ic)
                };
                if folded == want {
                    found = Some(at);
                }
            }
            let Some(ii) = found else { break };
            let e = absorb_marks(src, &mut j);
            chars.push((ti, lo + ii, lo + e));
        }
        Alignment { chars, span }
    }

    /// The input span of the text's byte range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> crate::model::Span {
        let first = self.chars.partition_point(|c| c.0 < start);
        let last = self.chars.partition_point(|c| c.0 < end);
        match (
            self.chars.get(first),
            last.checked_sub(1).and_then(|k| self.chars.get(k)),
        ) {
            (Some(a), Some(b)) if first < last => crate::model::Span::new(a.1, b.2.max(a.1)),
            (Some(a), _) => crate::model::Span::new(a.1, a.1),
            _ => crate::model::Span::new(self.span.start, self.span.start),
        }
    }
}

/// Whether a folded byte is white space (the fold of a white space char: see
/// [`Alignment::of_folded`]).
#[inline]
fn is_space(f: u8) -> bool {
    f == b' ' || (b'\t'..=b'\r').contains(&f)
}

/// How many bytes of a run of the text equal to the input [`Alignment::of_folded`] compares at
/// once: a longer run is taken in pieces (so that a run cut short and started again is not
/// compared again to its end: linear time).
const RUN_LOOK: usize = 256;

/// The length of the common prefix of `a` and `b`, up to [`RUN_LOOK`]; eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len()).min(RUN_LOOK);
    let mut i = 0;
    while i + 8 <= n {
        match (
            <[u8; 8]>::try_from(&a[i..i + 8]),
            <[u8; 8]>::try_from(&b[i..i + 8]),
        ) {
            (Ok(x), Ok(y)) if x == y => i += 8,
            _ => break,
        }
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The combining marks at byte `j` of `src` (never ASCII), which belong to the char before
/// them: moves `j` past them and returns the end of the char's input range.
#[inline]
fn absorb_marks(src: &str, j: &mut usize) -> usize {
    let sb = src.as_bytes();
    let mut e = *j;
    while *j < sb.len() && !cannot_be_combining(sb, *j) {
        let Some(nc) = src[*j..].chars().next() else {
            break;
        };
        if !unicode_normalization::char::is_combining_mark(nc) {
            break;
        }
        *j += nc.len_utf8();
        e = *j;
    }
    e
}

/// Whether the char at byte `j` of `b` (a char boundary) is surely not a combining mark, from
/// its first two bytes: ASCII, `C2`..`CB` (U+0080..U+02FF, below the combining diacritics at
/// U+0300) or `E1 B8`..`E1 BB` (U+1E00..U+1EFF, the Vietnamese letters). Those, nearly all the
/// chars of a text, are not decoded and looked up.
#[inline]
fn cannot_be_combining(b: &[u8], j: usize) -> bool {
    let lead = b[j];
    lead < 0xCC || lead == 0xE1 && b.get(j + 1).is_some_and(|c| (0xB8..=0xBB).contains(c))
}

/// Maps a byte range `start..end` of `text` back to an input span (one-off; use [`Alignment`]
/// to map many ranges of one text).
pub fn align(
    input: &str,
    span: crate::model::Span,
    text: &str,
    start: usize,
    end: usize,
) -> crate::model::Span {
    Alignment::new(input, span, text).span(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_and_utf16() {
        let s = "Số 15-CT/TU 😀 ủy";
        for unit in [Unit::Bytes, Unit::CodePoints, Unit::Utf16] {
            let conv = OffsetConverter::new(s, unit);
            for (b, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                let expect = match unit {
                    Unit::Bytes => b,
                    Unit::CodePoints => s[..b].chars().count(),
                    Unit::Utf16 => s[..b].encode_utf16().count(),
                };
                assert_eq!(conv.convert(b), expect, "{unit:?} at {b}");
            }
        }
    }

    #[test]
    fn every_offset_of_a_long_mixed_input() {
        // Chars of 1 to 4 bytes, so that checkpoints fall inside chars and are moved on.
        let s = "aạ😀 Ủy\n".repeat(100);
        for unit in [Unit::CodePoints, Unit::Utf16] {
            let conv = OffsetConverter::new(&s, unit);
            assert!(conv.checkpoints.len() > 10);
            for (b, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                let expect = match unit {
                    Unit::CodePoints => s[..b].chars().count(),
                    _ => s[..b].encode_utf16().count(),
                };
                assert_eq!(conv.convert(b), expect, "{unit:?} at {b}");
            }
        }
    }

    #[test]
    fn long_input_uses_checkpoints() {
        let s = "ạ".repeat(1000) + "x😀y";
        let conv = OffsetConverter::new(&s, Unit::Utf16);
        assert_eq!(conv.convert(s.len()), 1000 + 4);
        let conv = OffsetConverter::new(&s, Unit::CodePoints);
        assert_eq!(conv.convert(s.len()), 1000 + 3);
        // Not on a char boundary: rounded down.
        assert_eq!(conv.convert(1), 0);
    }

    #[test]
    fn align_through_markup_and_nfd() {
        use unicode_normalization::UnicodeNormalization;
        let input = "x **Chỉ thị số\n15/CT-TTg** y";
        let text = "x Chỉ thị số 15/CT-TTg y";
        let sp = align(
            input,
            crate::model::Span::new(0, input.len()),
            text,
            2,
            text.len() - 2,
        );
        assert_eq!(&input[sp.start..sp.end], "Chỉ thị số\n15/CT-TTg");
        let nfd: String = input.nfd().collect();
        let sp = align(
            &nfd,
            crate::model::Span::new(0, nfd.len()),
            text,
            2,
            2 + "Chỉ thị số".len(),
        );
        assert_eq!(
            nfd[sp.start..sp.end].nfc().collect::<String>(),
            "Chỉ thị số"
        );
    }

    #[test]
    fn white_space_folds_to_ascii_white_space() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let f = crate::text::fold_char(c);
            let folded_space = f.is_ascii_whitespace() || f == b'\x0B';
            assert_eq!(folded_space, c.is_whitespace(), "{c:?}");
        }
    }

    /// [`Alignment::of_folded`] as first written: every input char folded and compared.
    fn reference(input: &str, span: crate::model::Span, text: &str) -> Vec<(usize, usize, usize)> {
        use crate::text::fold_char;
        let f = crate::text::Folded::new(text);
        let lo = span.start.min(input.len());
        let src = &input[lo..span.end.min(input.len()).max(lo)];
        let sb = src.as_bytes();
        let mut j = 0;
        let mut chars = Vec::new();
        for (&want, &ti) in f.text.as_bytes().iter().zip(&f.offsets) {
            if want.is_ascii_whitespace() || want == b'\x0B' {
                continue;
            }
            let mut found = None;
            while j < sb.len() {
                let at = j;
                let ic = src[j..].chars().next().unwrap();
                j += ic.len_utf8();
                if fold_char(ic) == want {
                    found = Some(at);
                    break;
                }
            }
            let Some(ii) = found else { break };
            let mut e = j;
            while let Some(nc) = src[j..].chars().next().filter(|c| !c.is_ascii()) {
                if !unicode_normalization::char::is_combining_mark(nc) {
                    break;
                }
                j += nc.len_utf8();
                e = j;
            }
            chars.push((ti, lo + ii, lo + e));
        }
        chars
    }

    #[test]
    fn runs_agree_with_the_char_by_char_search() {
        use unicode_normalization::UnicodeNormalization;
        let texts = [
            "x Chỉ thị số 15/CT-TTg y",
            "Ủy ban nhân dân tỉnh Đắk Lắk yêu cầu: các sở, ban, ngành",
            "a\u{301}b e\u{302}\u{301} \u{301}x",
            "Số 😀 漢字 – “x” \u{a0}y",
            "",
        ];
        for t in texts {
            let nfd: String = t.nfd().collect();
            let long = t.repeat(40);
            let inputs = [
                t.to_string(),
                format!("1. **{t}**\n"),
                t.replace(' ', "\n"),
                t.replace(' ', "  "),
                nfd.clone(),
                format!("*{nfd}*"),
                long.clone(),
                long.replace("ch", "c\nh"),
            ];
            for text in [t.to_string(), long.clone()] {
                for input in &inputs {
                    for span in [
                        crate::model::Span::new(0, input.len()),
                        crate::model::Span::new(0, input.len() / 2),
                    ] {
                        if !input.is_char_boundary(span.end) {
                            continue;
                        }
                        let got = Alignment::new(input, span, &text).chars;
                        assert_eq!(got, reference(input, span, &text), "{text:?} in {input:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn combining_marks_only_where_looked_for() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if cannot_be_combining(b, 0) {
                assert!(!unicode_normalization::char::is_combining_mark(c), "{c:?}");
            }
        }
        assert!(cannot_be_combining("ệ".as_bytes(), 0) && cannot_be_combining("ơ".as_bytes(), 0));
        assert!(!cannot_be_combining("\u{301}".as_bytes(), 0));
    }

    #[test]
    fn json_written_with_converted_spans_equals_the_converted_value() {
        let inputs = [
            "",
            "CHỈ THỊ\nSố 15-CT/TU\n\n1. Sở Y tế chủ trì 😀 theo Chỉ thị số 15/CT-TTg ngày 27/3/2020.\n",
            "Ủy ban nhân dân tỉnh\r\n**Chỉ thị** số 05/CT-UBND\r\na) Cho\u{0301} x; [1] y",
        ];
        for input in inputs {
            let doc = crate::parse(input);
            for unit in [Unit::Bytes, Unit::CodePoints, Unit::Utf16] {
                let conv = OffsetConverter::new(input, unit);
                let mut value = serde_json::to_value(&doc).unwrap();
                conv.convert_json_spans(&mut value);
                let written: serde_json::Value = serde_json::from_str(&conv.to_json(&doc)).unwrap();
                assert_eq!(written, value, "{unit:?} {input:?}");
            }
        }
        for v in [0u64, 7, 10, 99, 100, 12345, u64::MAX] {
            assert_eq!(itoa_u64(v, &mut [0u8; 20]), v.to_string().as_bytes());
        }
    }

    #[test]
    fn json_spans_converted() {
        let s = "ủy ban";
        let conv = OffsetConverter::new(s, Unit::CodePoints);
        let mut v = serde_json::json!({"a": {"span": {"start": 0, "end": 4}}, "input_len": 8});
        conv.convert_json_spans(&mut v);
        assert_eq!(v["a"]["span"]["end"], 2);
        assert_eq!(v["input_len"], 6);
    }
}
