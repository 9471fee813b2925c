//! Readers of inputs, apart from the parser: bytes from a file or a stream, read within a size
//! limit, and decoded to the text the parser takes. Every host (the CLI, Python's `parse_file`,
//! the web demo's dropped files) reads through here, so a file is accepted or refused the same
//! way everywhere.
//!
//! Refusals are [`ReadError`]s with a stable `snake_case` code ([`ReadError::code`]).

#[cfg(feature = "docx")]
pub mod docx;
pub mod format;
#[cfg(feature = "html")]
pub mod html;
pub mod ocr;
pub mod source_map;
pub mod text;

pub use format::{Format, Sniffed};
pub use ocr::OcrOptions;
pub use source_map::MappedText;
pub use text::{decode, Decoded, Encoding};

use std::io::Read;
use std::path::Path;

/// Why an input was refused before it was parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the size limit; `len` is known when the size was known before reading.
    TooLarge {
        len: Option<u64>,
        max: usize,
    },
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// Any other I/O failure, with the system's message.
    Io(String),
    /// Many NUL bytes and no UTF-16 byte-order mark: not a text document.
    Binary,
    /// Not valid UTF-8; `offset` is the first bad byte.
    InvalidUtf8 {
        offset: usize,
    },
    /// A format vanban does not read yet (named: `pdf`, `docx`, `doc`, `zip`, `html`, `rtf` ...).
    UnsupportedFormat {
        format: &'static str,
    },
    /// A format vanban reads, damaged beyond reading (a corrupt zip, XML that is not
    /// well-formed, a zip whose parts unpack larger than the limit).
    Malformed {
        format: &'static str,
        message: String,
    },
    /// A scan, and no OCR on this machine (Tesseract, its Vietnamese model, or Poppler for
    /// PDFs is not installed): the message names what to install.
    OcrUnavailable {
        message: String,
    },
    /// Tesseract failed on a page, with its message.
    OcrFailed {
        message: String,
    },
    /// A scan (an image, or a PDF without a text layer) with OCR turned off.
    NoTextLayer,
    /// An encrypted (password-protected) PDF.
    Encrypted,
}

impl ReadError {
    /// Every code a refusal can carry, for documentation and tests.
    pub const CODES: &'static [&'static str] = &[
        "input_too_large",
        "not_found",
        "permission_denied",
        "is_directory",
        "io_error",
        "binary_input",
        "invalid_utf8",
        "unsupported_format",
        "malformed_input",
        "ocr_unavailable",
        "ocr_failed",
        "no_text_layer",
        "encrypted_input",
    ];

    /// Stable `snake_case` code.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::TooLarge { .. } => "input_too_large",
            ReadError::NotFound => "not_found",
            ReadError::PermissionDenied => "permission_denied",
            ReadError::IsDirectory => "is_directory",
            ReadError::Io(_) => "io_error",
            ReadError::Binary => "binary_input",
            ReadError::InvalidUtf8 { .. } => "invalid_utf8",
            ReadError::UnsupportedFormat { .. } => "unsupported_format",
            ReadError::Malformed { .. } => "malformed_input",
            ReadError::OcrUnavailable { .. } => "ocr_unavailable",
            ReadError::OcrFailed { .. } => "ocr_failed",
            ReadError::NoTextLayer => "no_text_layer",
            ReadError::Encrypted => "encrypted_input",
        }
    }

    fn from_io(e: &std::io::Error) -> ReadError {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadError::IsDirectory,
            _ => ReadError::Io(e.to_string()),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { len: Some(len), max } => write!(
                f,
                "input of {len} bytes is larger than the limit of {max} bytes"
            ),
            ReadError::TooLarge { len: None, max } => {
                write!(f, "input is larger than the limit of {max} bytes")
            }
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::PermissionDenied => f.write_str("permission denied"),
            ReadError::IsDirectory => f.write_str("is a folder, not a file"),
            ReadError::Io(m) => write!(f, "cannot read: {m}"),
            ReadError::Binary => {
                f.write_str("looks like a binary file (many NUL bytes), not a text document")
            }
            ReadError::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8, or read it lossily"
            ),
            ReadError::UnsupportedFormat { format } => write!(
                f,
                "a {} file: vanban reads text, Markdown, HTML, PDF and scans; convert it to one of them first",
                format.to_uppercase()
            ),
            ReadError::Malformed { format, message } => write!(
                f,
                "a damaged {} file: {message}",
                format.to_uppercase()
            ),
            ReadError::OcrUnavailable { message } => {
                write!(f, "a scan, and OCR is not available: {message}")
            }
            ReadError::OcrFailed { message } => write!(f, "OCR failed: {message}"),
            ReadError::NoTextLayer => {
                f.write_str("a scan (no text layer) and OCR is off: turn OCR on to read it")
            }
            ReadError::Encrypted => {
                f.write_str("an encrypted PDF: remove its password (qpdf --decrypt) first")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads at most `max` bytes from `r`; one byte more is a [`ReadError::TooLarge`], found
/// without reading the rest (so an endless stream is refused, not read until memory runs out).
pub fn read_limited<R: Read>(r: R, max: usize) -> Result<Vec<u8>, ReadError> {
    read_limited_hint(r, max, 0)
}

fn read_limited_hint<R: Read>(r: R, max: usize, hint: usize) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::with_capacity(hint.min(max).saturating_add(1));
    let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    r.take(cap)
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::from_io(&e))?;
    if buf.len() > max {
        return Err(ReadError::TooLarge { len: None, max });
    }
    Ok(buf)
}

/// Reads a file within `max` bytes: a regular file whose size is over the limit is refused
/// before any byte is read; anything else (a pipe, `/dev/zero`) is read up to the limit.
pub fn read_file(path: &Path, max: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| ReadError::from_io(&e))?;
    let meta = file.metadata().map_err(|e| ReadError::from_io(&e))?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory);
    }
    let mut hint = 0;
    if meta.is_file() {
        if meta.len() > max as u64 {
            return Err(ReadError::TooLarge {
                len: Some(meta.len()),
                max,
            });
        }
        hint = usize::try_from(meta.len()).unwrap_or(0);
    }
    read_limited_hint(file, max, hint)
}

/// How to read an input's bytes.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The format, when the caller knows it; `None` tells it by the content.
    pub format: Option<Format>,
    /// Read invalid UTF-8 with U+FFFD instead of refusing it.
    pub lossy: bool,
    /// How scans and PDFs are read.
    pub ocr: OcrOptions,
}

/// An input read into the text the parser takes.
///
/// Spans of the parse point into [`Input::source`]: the page itself for HTML (so a caller can
/// highlight it), the text for plain text and Markdown, the extracted text for the formats
/// whose bytes are not text.
#[derive(Debug, Clone)]
pub struct Input {
    /// What spans point into.
    pub source: String,
    /// The text the parser reads, mapped back to `source`; `None` when it is `source`.
    pub mapped: Option<MappedText>,
    pub format: Format,
    /// How the source's bytes were decoded, for the formats that are text.
    pub encoding: Option<Encoding>,
    /// Stretches of `source` the reader left out of the text (scripts, styles, navigation).
    pub dropped: Vec<std::ops::Range<usize>>,
    /// For a page: every stretch of `source` that is markup (tags, comments, the dropped
    /// stretches), in order; empty for the other formats.
    pub markup: Vec<std::ops::Range<usize>>,
}

impl Input {
    /// Plain text as it is.
    pub fn plain(text: String) -> Input {
        Input {
            source: text,
            mapped: None,
            format: Format::Text,
            encoding: None,
            dropped: Vec::new(),
            markup: Vec::new(),
        }
    }

    /// The text the parser reads.
    pub fn text(&self) -> &str {
        self.mapped.as_ref().map_or(&self.source, |m| &m.text)
    }
}

/// Reads the bytes of one input in its format (told by its content unless `opts.format` names
/// it): text and Markdown decoded, HTML pages to their text with spans into the page; formats
/// this build does not read are refused with `unsupported_format`.
pub fn read_bytes(bytes: Vec<u8>, opts: &ReadOptions) -> Result<Input, ReadError> {
    let sniffed = format::sniff_binary(&bytes);
    let format = match (opts.format, sniffed) {
        (Some(f), _) => f,
        (None, Some(Sniffed::Refused(format))) => {
            return Err(ReadError::UnsupportedFormat { format })
        }
        (None, Some(Sniffed::Readable(f))) => f,
        (None, None) => Format::Text,
    };
    match format {
        Format::Text | Format::Html => {
            if let Some(s) = sniffed.filter(|_| opts.format.is_some()) {
                // Named text, but the bytes are another format's.
                return Err(ReadError::UnsupportedFormat { format: s.name() });
            }
            let decoded = decode(bytes, opts.lossy)?;
            let html =
                format == Format::Html || (opts.format.is_none() && format::is_html(&decoded.text));
            if html {
                return read_html(decoded);
            }
            Ok(Input {
                encoding: Some(decoded.encoding),
                ..Input::plain(decoded.text)
            })
        }
        Format::Docx => read_docx(&bytes),
        Format::Pdf => Ok(extracted(ocr::read_pdf(&bytes, &opts.ocr)?, Format::Pdf)),
        Format::Image => Ok(extracted(
            ocr::read_image(&bytes, &opts.ocr)?,
            Format::Image,
        )),
    }
}

#[cfg(feature = "docx")]
fn read_docx(bytes: &[u8]) -> Result<Input, ReadError> {
    Ok(extracted(docx::read(bytes)?, Format::Docx))
}

#[cfg(not(feature = "docx"))]
fn read_docx(_: &[u8]) -> Result<Input, ReadError> {
    Err(ReadError::UnsupportedFormat { format: "docx" })
}

/// Reads the bytes of one input as [`read_bytes`] does, refusing them first when they are
/// more than `max` (the hosts that are handed bytes, not files: Python's `parse_bytes`, wasm's
/// `parseBytes`).
pub fn read_bytes_within(
    bytes: Vec<u8>,
    max: usize,
    opts: &ReadOptions,
) -> Result<Input, ReadError> {
    if bytes.len() > max {
        return Err(ReadError::TooLarge {
            len: Some(bytes.len() as u64),
            max,
        });
    }
    read_bytes(bytes, opts)
}

/// Whether `text` closes a sentence (white space aside): a paragraph that ends so is followed
/// by a blank line in the text a reader writes (HTML's `<p>`, Word's `w:p`), otherwise by a
/// line end. Measured on the corpus written as pages of both kinds (a `<p>` per paragraph, a
/// `<p>` per printed line): a blank line after every paragraph splits headers and wrapped
/// sentences apart, a line end after every one loses the paragraphs.
pub(crate) fn closes_sentence(text: &str) -> bool {
    matches!(
        text.trim_end().chars().next_back(),
        Some('.' | ';' | ':' | '!' | '?' | '…')
    )
}

/// The input of a format whose bytes are not text: spans point into the extracted text.
fn extracted(text: String, format: Format) -> Input {
    Input {
        format,
        ..Input::plain(text)
    }
}

#[cfg(feature = "html")]
fn read_html(decoded: Decoded) -> Result<Input, ReadError> {
    let page = html::extract(&decoded.text).map_err(|message| ReadError::Malformed {
        format: "html",
        message,
    })?;
    Ok(Input {
        source: decoded.text,
        mapped: Some(page.text),
        format: Format::Html,
        encoding: Some(decoded.encoding),
        dropped: page.dropped,
        markup: page.markup,
    })
}

#[cfg(not(feature = "html"))]
fn read_html(_: Decoded) -> Result<Input, ReadError> {
    Err(ReadError::UnsupportedFormat { format: "html" })
}

/// Reads a file within `max` bytes in its format: [`read_file`] then [`read_bytes`].
pub fn read_input(path: &Path, max: usize, opts: &ReadOptions) -> Result<Input, ReadError> {
    read_bytes(read_file(path, max)?, opts)
}

/// Reads and decodes a file: [`read_file`] then [`decode`].
pub fn read_text(path: &Path, max: usize, lossy: bool) -> Result<Decoded, ReadError> {
    decode(read_file(path, max)?, lossy)
}

/// The annotated HTML of a document parsed from `input` ([`crate::annotate`]): the page itself
/// for HTML, the text in a `<pre>` otherwise.
pub fn annotate(input: &Input, doc: &crate::Document) -> String {
    if input.mapped.is_some() {
        crate::annotate::annotate_page(doc, &input.source, &input.markup)
    } else {
        crate::annotate::annotate_text(doc, &input.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_stream_is_refused_at_the_limit() {
        let zeros = std::io::repeat(0).take(10_000_000);
        assert_eq!(
            read_limited(zeros, 1000),
            Err(ReadError::TooLarge {
                len: None,
                max: 1000
            })
        );
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), b"abc");
    }

    #[test]
    fn codes_are_listed_and_snake_case() {
        let all = [
            ReadError::TooLarge { len: None, max: 1 },
            ReadError::NotFound,
            ReadError::PermissionDenied,
            ReadError::IsDirectory,
            ReadError::Io("x".into()),
            ReadError::Binary,
            ReadError::InvalidUtf8 { offset: 0 },
            ReadError::UnsupportedFormat { format: "pdf" },
            ReadError::Malformed {
                format: "docx",
                message: "x".into(),
            },
            ReadError::OcrUnavailable {
                message: "x".into(),
            },
            ReadError::OcrFailed {
                message: "x".into(),
            },
            ReadError::NoTextLayer,
            ReadError::Encrypted,
        ];
        for e in &all {
            assert!(ReadError::CODES.contains(&e.code()), "{}", e.code());
            assert!(!e.to_string().is_empty());
        }
        assert_eq!(all.len(), ReadError::CODES.len());
    }

    #[test]
    fn files_over_the_limit_are_refused_by_size() {
        let dir = std::env::temp_dir().join(format!("vanban-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("big.txt");
        std::fs::write(&f, "x".repeat(100)).unwrap();
        assert_eq!(
            read_file(&f, 10),
            Err(ReadError::TooLarge {
                len: Some(100),
                max: 10
            })
        );
        assert_eq!(read_file(&f, 100).unwrap().len(), 100);
        assert_eq!(read_file(&dir, 100), Err(ReadError::IsDirectory));
        assert_eq!(
            read_file(&dir.join("none.txt"), 100),
            Err(ReadError::NotFound)
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
