//! What an input is, told by its content (magic bytes, `<html`, a zip holding
//! `word/document.xml`) or named by the caller (`--input-format`, `format=`).

/// The formats vanban reads, and the ones it names to refuse them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown (UTF-8 or UTF-16).
    Text,
    /// An HTML page.
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF: its text layer, or OCR of its pages when it has none.
    Pdf,
    /// An image of a page (PNG, JPEG, TIFF, GIF, BMP), read by OCR.
    Image,
}

impl Format {
    /// Every name [`Format::from_name`] takes, for help texts and tests.
    pub const NAMES: &'static [&'static str] = &["text", "html", "docx", "pdf", "image"];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Image => "image",
        }
    }

    /// [`Format::from_name`], or the message a caller shows for a name it does not know.
    pub fn named(name: &str) -> Result<Format, String> {
        Format::from_name(name).ok_or_else(|| {
            format!(
                "unknown format {name:?}: expected one of {}",
                Format::NAMES.join(", ")
            )
        })
    }

    /// The format a caller names (`text`, `md`, `html`, `docx`, `pdf`, `image`, `png` ...).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" | "markdown" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            "image" | "png" | "jpeg" | "jpg" | "tiff" | "tif" | "gif" | "bmp" => Format::Image,
            _ => return None,
        })
    }
}

/// What the content says an input is: a readable [`Format`], or the name of a format vanban
/// refuses (`doc`, `xlsx`, `zip`, `rtf` ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Readable(Format),
    Refused(&'static str),
}

impl Sniffed {
    /// The name a refusal gives (`pdf`, `docx`, `image`, `doc` ...).
    pub fn name(self) -> &'static str {
        match self {
            Sniffed::Readable(f) => f.as_str(),
            Sniffed::Refused(name) => name,
        }
    }
}

/// Magic bytes of binary formats.
const MAGIC: &[(&[u8], Sniffed)] = &[
    (b"%PDF-", Sniffed::Readable(Format::Pdf)),
    (b"\x89PNG\r\n\x1a\n", Sniffed::Readable(Format::Image)),
    (b"\xFF\xD8\xFF", Sniffed::Readable(Format::Image)),
    (b"II*\x00", Sniffed::Readable(Format::Image)),
    (b"MM\x00*", Sniffed::Readable(Format::Image)),
    (b"GIF87a", Sniffed::Readable(Format::Image)),
    (b"GIF89a", Sniffed::Readable(Format::Image)),
    (b"BM", Sniffed::Readable(Format::Image)),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Sniffed::Refused("doc")),
    (b"{\\rtf", Sniffed::Refused("rtf")),
];

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// The format of a binary input by its first bytes, or `None` for text (which [`sniff`] then
/// tells apart as HTML or plain text).
pub fn sniff_binary(bytes: &[u8]) -> Option<Sniffed> {
    if bytes.starts_with(b"PK\x03\x04") {
        // An Office file is a zip whose entries name its parts; the central directory at the
        // end names them all, the first local headers name the first ones.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
        let has = |needle: &[u8]| contains(head, needle) || contains(tail, needle);
        return Some(if has(b"word/document.xml") {
            Sniffed::Readable(Format::Docx)
        } else if has(b"xl/") {
            Sniffed::Refused("xlsx")
        } else if has(b"ppt/") {
            Sniffed::Refused("pptx")
        } else if has(b"content.xml") || has(b"mimetypeapplication/vnd.oasis") {
            Sniffed::Refused("odt")
        } else {
            Sniffed::Refused("zip")
        });
    }
    // `BM` alone is too short to trust: a bitmap's header also gives its file size.
    if bytes.starts_with(b"BM") {
        let ok = bytes.len() >= 14
            && u32::from_le_bytes([bytes[2], bytes[3], bytes[4], bytes[5]]) as usize == bytes.len();
        return ok.then_some(Sniffed::Readable(Format::Image));
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, s)| s)
}

/// Whether decoded text is an HTML page: after white space, a byte-order mark and comments, it
/// starts with `<!doctype html`, `<html`, `<head`, `<body` or `<meta`, or, within its first
/// kilobytes, holds `<html` or `<body` and starts with a tag. Markdown with inline HTML (a `<br>`
/// in a table) stays text.
pub fn is_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = t.chars().take(2048).flat_map(char::to_lowercase).collect();
    let starts = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<?xml",
    ];
    if starts.iter().any(|s| head.starts_with(s)) {
        return !head.starts_with("<?xml") || head.contains("<html");
    }
    head.starts_with('<') && (head.contains("<html") || head.contains("<body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_formats_are_told_by_their_first_bytes() {
        assert_eq!(
            sniff_binary(b"%PDF-1.7\n..."),
            Some(Sniffed::Readable(Format::Pdf))
        );
        assert_eq!(
            sniff_binary(b"\x89PNG\r\n\x1a\n...."),
            Some(Sniffed::Readable(Format::Image))
        );
        assert_eq!(
            sniff_binary(b"PK\x03\x04....[Content_Types].xml....word/document.xml"),
            Some(Sniffed::Readable(Format::Docx))
        );
        assert_eq!(
            sniff_binary(b"PK\x03\x04....xl/workbook.xml"),
            Some(Sniffed::Refused("xlsx"))
        );
        assert_eq!(
            sniff_binary(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."),
            Some(Sniffed::Refused("doc"))
        );
        assert_eq!(sniff_binary(b"BM is how a line can start"), None);
        assert_eq!(sniff_binary("CHỈ THỊ".as_bytes()), None);
    }

    #[test]
    fn html_is_told_from_markdown_with_tags() {
        assert!(is_html("<!DOCTYPE html><html><body><p>x</p>"));
        assert!(is_html("\u{feff}\n  <html lang=\"vi\">"));
        assert!(is_html("<!-- saved --><div>x</div><body>"));
        assert!(!is_html("# CHỈ THỊ\n\nMột dòng<br>hai dòng"));
        assert!(!is_html("<p>một đoạn</p> trong Markdown"));
        assert!(!is_html("<?xml version=\"1.0\"?><w:document/>"));
    }

    #[test]
    fn names_round_trip() {
        for name in Format::NAMES {
            assert_eq!(Format::from_name(name).unwrap().as_str(), *name);
        }
        assert_eq!(Format::from_name("PNG"), Some(Format::Image));
        assert_eq!(Format::from_name("odt"), None);
    }
}
