//! The map from the text a reader extracted to the bytes of its source (an HTML page), so that
//! spans of the parse point into the source a caller holds and can highlight.
//!
//! The text is made of pieces: *verbatim* pieces are copies of source bytes (offsets shift by
//! a constant inside them), *replaced* pieces stand for a stretch of source (an entity, a run of
//! white space folded to one space, a tag read as a line break) and map as a whole.

use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Start in the text.
    text: usize,
    /// The source bytes it comes from.
    src: usize,
    src_end: usize,
    verbatim: bool,
}

/// Text extracted from a source, with the map back to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    pub text: String,
    pieces: Vec<Piece>,
}

impl MappedText {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `s`, a copy of the source bytes at `src..src + s.len()`.
    pub fn push_verbatim(&mut self, s: &str, src: usize) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.src_end == src && last.text + (last.src_end - last.src) == at {
                last.src_end = src + s.len();
                return;
            }
        }
        self.pieces.push(Piece {
            text: at,
            src,
            src_end: src + s.len(),
            verbatim: true,
        });
    }

    /// Appends `s`, which stands for the source bytes `src` (an entity, folded white space, a
    /// tag read as a line break).
    pub fn push_replaced(&mut self, s: &str, src: std::ops::Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text: self.text.len(),
            src: src.start,
            src_end: src.end.max(src.start),
            verbatim: false,
        });
        self.text.push_str(s);
    }

    /// Whether the text ends with `c`.
    pub fn ends_with(&self, c: char) -> bool {
        self.text.ends_with(c)
    }

    fn piece_at(&self, at: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text <= at);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The source offset where text offset `at` starts.
    fn start(&self, at: usize) -> usize {
        match self.piece_at(at) {
            Some(p) if p.verbatim => (p.src + (at - p.text)).min(p.src_end),
            Some(p) => p.src,
            None => 0,
        }
    }

    /// The source offset where a text stretch ending (exclusive) at `at` ends.
    fn end(&self, at: usize) -> usize {
        if at == 0 {
            return self.start(0);
        }
        match self.piece_at(at - 1) {
            Some(p) if p.verbatim => (p.src + (at - p.text)).min(p.src_end),
            Some(p) => p.src_end,
            None => 0,
        }
    }

    /// A span of the text as a span of the source.
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.start(span.start);
        if span.end <= span.start {
            return Span::empty(start);
        }
        Span::new(start, self.end(span.end).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_and_replaced_pieces_map_back() {
        // source: `<p>Thủ&nbsp;tướng</p>`
        let src = "<p>Thủ&nbsp;tướng</p>";
        let mut m = MappedText::new();
        m.push_verbatim("Thủ", 3);
        m.push_replaced(" ", 8..14);
        m.push_verbatim("tướng", 14);
        m.push_replaced("\n", 22..26);
        assert_eq!(m.text, "Thủ tướng\n");
        let whole = m.to_source(Span::new(0, "Thủ tướng".len()));
        assert_eq!(&src[whole.start..whole.end], "Thủ&nbsp;tướng");
        let word = m.to_source(Span::new(5, m.text.len() - 1));
        assert_eq!(&src[word.start..word.end], "&nbsp;tướng");
        let tuong = m.to_source(Span::new(6, 6 + "tướng".len()));
        assert_eq!(&src[tuong.start..tuong.end], "tướng");
        assert_eq!(m.to_source(Span::empty(6)), Span::empty(14));
    }

    #[test]
    fn adjacent_verbatim_copies_merge() {
        let mut m = MappedText::new();
        m.push_verbatim("ab", 0);
        m.push_verbatim("cd", 2);
        assert_eq!(m.pieces.len(), 1);
        m.push_verbatim("ef", 10);
        assert_eq!(m.pieces.len(), 2);
        assert_eq!(m.to_source(Span::new(1, 5)), Span::new(1, 11));
    }
}
