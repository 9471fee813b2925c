//! # vanban
//!
//! A parser for Vietnamese directive documents (chỉ thị, thông báo kết luận, kết luận, công văn,
//! quyết định, nghị quyết, kế hoạch, công điện ...), State (NĐ 30/2020) and Party (HD 36) alike,
//! into a faithful model: header fields, the subject, addressees, preamble, the item tree,
//! closing, signatures, recipients and attachments, every node with a byte span into the input.
//!
//! ```
//! let text = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/CT-UBND\nAn Giang, ngày 05 tháng 01 năm 2024\n\nCHỈ THỊ\nVề việc phòng, chống dịch\n\n1. Sở Y tế chủ trì.\n\n2. Các sở phối hợp.\n\nChỉ thị này có hiệu lực từ ngày ký./.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";
//! let doc = vanban::parse(text);
//! assert_eq!(doc.kind.as_deref(), Some("chi_thi"));
//! assert_eq!(doc.symbol.as_deref(), Some("12/CT-UBND"));
//! assert_eq!(doc.items.len(), 2);
//! let span = doc.items[0].span;
//! assert_eq!(&text[span.start..span.end], "1. Sở Y tế chủ trì.");
//! ```
//!
//! The parser is total: any `&str` gives a [`Document`] plus diagnostics; it never panics.
//! Stages, in file order: [`normalize`] → [`lines`] → [`header`] → [`body`] → [`tail`], driven
//! by [`pipeline`]; tables of codes live in [`tables`]; spans convert to other units with
//! [`offsets`].

#![forbid(unsafe_code)]

pub mod actors;
pub mod annotate;
pub mod body;
pub mod citations;
pub mod dates;
pub mod diagnostics;
pub mod entities;
pub mod figures;
pub mod header;
pub mod keywords;
pub mod lines;
pub mod model;
pub mod mojibake;
pub mod normalize;
pub mod offsets;
pub mod patterns;
pub mod pipeline;
pub mod read;
pub mod render;
pub mod split;
pub mod symbols;
pub mod tables;
pub mod tail;
pub mod text;

pub use diagnostics::Code;
pub use model::*;
pub use offsets::{OffsetConverter, Unit};

/// Default input size limit: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Options of a parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Inputs larger than this many bytes are refused ([`Error::InputTooLarge`]).
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why a parse was refused (the only case: the input exceeds the size limit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    InputTooLarge { len: usize, max: usize },
}

impl Error {
    /// Stable `snake_case` code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => Code::InputTooLarge.as_str(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::InputTooLarge { len, max } => {
                write!(
                    f,
                    "input of {len} bytes is larger than the limit of {max} bytes"
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// Parses a document with the default options. Total: an input over the size limit gives an
/// empty document with an `input_too_large` diagnostic.
pub fn parse(input: &str) -> Document {
    match parse_with(input, &Options::default()) {
        Ok(doc) => doc,
        Err(e) => too_large(input, &e),
    }
}

/// Parses a document, refusing inputs over `options.max_bytes`.
pub fn parse_with(input: &str, options: &Options) -> Result<Document, Error> {
    if input.len() > options.max_bytes {
        return Err(Error::InputTooLarge {
            len: input.len(),
            max: options.max_bytes,
        });
    }
    Ok(pipeline::run(input))
}

pub use split::parse_all;

/// [`parse_all`] over an input a reader made: each document with its span, all spans into
/// [`read::Input::source`] (for an HTML page, the page; the markup left out is kept as `markup`
/// noise of the document it falls in).
pub fn parse_all_input(
    input: &read::Input,
    options: &Options,
) -> Result<Vec<(Span, Document)>, Error> {
    let mut docs = parse_all(input.text(), options)?;
    if let Some(mapped) = &input.mapped {
        let n = docs.len();
        for (i, (span, doc)) in docs.iter_mut().enumerate() {
            let mut whole = mapped.to_source(*span);
            // The first and the last document reach the page's ends.
            if i == 0 {
                whole.start = 0;
            }
            if i + 1 == n {
                whole.end = input.source.len();
            }
            *span = whole;
            let mut d = map_spans(std::mem::replace(doc, Document::empty(0)), |s| {
                mapped.to_source(s)
            });
            d.input_len = input.source.len();
            d.noise.extend(
                input
                    .dropped
                    .iter()
                    .filter(|r| r.start >= whole.start && r.start < whole.end.max(whole.start + 1))
                    .map(|r| Noise {
                        kind: NoiseKind::Markup,
                        span: Span::new(r.start, r.end),
                    }),
            );
            d.noise.sort_by_key(|n| (n.span.start, n.span.end));
            *doc = d;
        }
    }
    Ok(docs)
}

/// Parses an input a reader made ([`read::read_bytes`]), with spans into its
/// [`read::Input::source`]: for an HTML page, every span is mapped back to the page's bytes and
/// the markup left out (scripts, styles, navigation) is kept as `markup` noise.
pub fn parse_input(input: &read::Input, options: &Options) -> Result<Document, Error> {
    let mut doc = parse_with(input.text(), options)?;
    if let Some(mapped) = &input.mapped {
        doc = map_spans(doc, |s| mapped.to_source(s));
        doc.input_len = input.source.len();
        doc.noise.extend(input.dropped.iter().map(|r| Noise {
            kind: NoiseKind::Markup,
            span: Span::new(r.start, r.end),
        }));
        doc.noise.sort_by_key(|n| (n.span.start, n.span.end));
    }
    Ok(doc)
}

/// `doc` with every span (every `{start, end}` of its contract JSON) passed through `f`.
pub(crate) fn map_spans(doc: Document, f: impl Fn(Span) -> Span) -> Document {
    fn walk(v: &mut serde_json::Value, f: &dyn Fn(Span) -> Span) {
        use serde_json::Value;
        match v {
            Value::Object(map) => {
                let span = (map.len() == 2)
                    .then(|| Some((map.get("start")?.as_u64()?, map.get("end")?.as_u64()?)))
                    .flatten();
                if let Some((a, b)) = span {
                    let s = f(Span::new(a as usize, b as usize));
                    map.insert("start".into(), Value::from(s.start as u64));
                    map.insert("end".into(), Value::from(s.end as u64));
                } else {
                    map.values_mut().for_each(|v| walk(v, f));
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, f)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(&doc).expect("a document serialises");
    walk(&mut v, &f);
    serde_json::from_value(v).expect("a document with mapped spans deserialises")
}

fn too_large(input: &str, e: &Error) -> Document {
    let mut doc = Document::empty(input.len());
    doc.diagnostics.push(Diagnostic {
        code: Code::InputTooLarge,
        severity: Code::InputTooLarge.severity(),
        message: e.to_string(),
        span: Span::new(0, input.len()),
    });
    doc
}

/// The crate's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
