//! Bytes to text: UTF-8 (with or without a byte-order mark) and UTF-16 (little or big endian,
//! with a mark, or without one when the zero bytes say so, as Windows' "Unicode" text is
//! saved). Formats that are not text are named by their magic bytes and refused.
//!
//! Offsets: a UTF-8 input is passed on as it is, its mark included (the parser reads U+FEFF as
//! an invisible character), so byte spans point into the file. A UTF-16 input is decoded with
//! its mark kept as the text's first character, so spans converted to UTF-16 units
//! ([`crate::Unit::Utf16`]) are the file's own code units (twice that in bytes, mark included).

use super::ReadError;

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 after a byte-order mark (the mark is kept in the text).
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8, decoded with U+FFFD for the bad bytes (asked for).
    Utf8Lossy,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Utf8Lossy => "utf-8-lossy",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Little- or big-endian UTF-16 without a mark: most of the high bytes of one parity are zero
/// (the ASCII letters, digits, spaces and line ends that every document has) and almost none of
/// the other parity's.
fn unmarked_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // At least a third of the units ASCII, and no NUL where the ASCII byte is.
    if odd * 3 >= pairs && even * 50 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even * 3 >= pairs && odd * 50 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], enc: Encoding) -> String {
    let unit = |c: &[u8]| match enc {
        Encoding::Utf16Be => u16::from_be_bytes([c[0], c[1]]),
        _ => u16::from_le_bytes([c[0], c[1]]),
    };
    let mut text: String = char::decode_utf16(bytes.chunks_exact(2).map(unit))
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        // A last odd byte is a truncated unit: kept visible, as a decoding error.
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Decodes the bytes of one input. Unpaired UTF-16 surrogates become U+FFFD (the parser flags
/// them with `replacement_characters`); invalid UTF-8 is refused unless `lossy`.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<Decoded, ReadError> {
    let marked = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(Encoding::Utf16Le),
        Some([0xFE, 0xFF]) => Some(Encoding::Utf16Be),
        _ => None,
    };
    let marked = match marked {
        Some(enc) => Some(enc),
        None => {
            if let Some(sniffed) = super::format::sniff_binary(&bytes) {
                return Err(ReadError::UnsupportedFormat {
                    format: sniffed.name(),
                });
            }
            unmarked_utf16(&bytes)
        }
    };
    if let Some(enc) = marked {
        return Ok(Decoded {
            text: decode_utf16(&bytes, enc),
            encoding: enc,
        });
    }
    let nul = memchr::memchr_iter(0, &bytes).count();
    if nul * 10 > bytes.len() {
        return Err(ReadError::Binary);
    }
    let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8Bom
    } else {
        Encoding::Utf8
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, encoding }),
        Err(e) if lossy => Ok(Decoded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            encoding: Encoding::Utf8Lossy,
        }),
        Err(e) => Err(ReadError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "ỦY BAN NHÂN DÂN\nSố: 12/CT-UBND\nCHỈ THỊ\n1. Sở Y tế chủ trì. 😀\n";

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for u in units {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf16_with_a_mark_keeps_the_mark_so_units_match_the_file() {
        for le in [true, false] {
            let d = decode(utf16(TEXT, le, true), false).unwrap();
            assert_eq!(d.text, format!("\u{FEFF}{TEXT}"));
            assert_eq!(
                d.encoding,
                if le {
                    Encoding::Utf16Le
                } else {
                    Encoding::Utf16Be
                }
            );
        }
    }

    #[test]
    fn utf16_without_a_mark_is_found_by_its_zero_bytes() {
        let d = decode(utf16(TEXT, true, false), false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, Encoding::Utf16Le));
        let d = decode(utf16(TEXT, false, false), false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, Encoding::Utf16Be));
    }

    #[test]
    fn damaged_utf16_is_decoded_with_replacement_characters() {
        let mut b = utf16("Số 1", true, true);
        b.extend([0x00, 0xD8]); // an unpaired high surrogate
        b.push(b'x'); // and a truncated unit
        let d = decode(b, false).unwrap();
        assert_eq!(d.text, "\u{FEFF}Số 1\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn utf8_with_a_mark_is_passed_on_as_it_is() {
        let b = format!("\u{FEFF}{TEXT}").into_bytes();
        let d = decode(b.clone(), false).unwrap();
        assert_eq!(d.text.as_bytes(), &b[..]);
        assert_eq!(d.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn other_formats_are_named_and_refused() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.7\n...", "pdf"),
            (
                b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml",
                "docx",
            ),
            (b"PK\x03\x04\x14\x00 something else", "zip"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "doc"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        ];
        for (bytes, name) in cases {
            assert_eq!(
                decode(bytes.to_vec(), true),
                Err(ReadError::UnsupportedFormat { format: name }),
                "{name}"
            );
        }
        assert_eq!(
            decode(b"ab\x00\x00\x00\x00\x01\x02".to_vec(), true),
            Err(ReadError::Binary)
        );
    }

    #[test]
    fn invalid_utf8_is_refused_unless_lossy() {
        let b = b"S\xe1 1/CT".to_vec();
        assert_eq!(
            decode(b.clone(), false),
            Err(ReadError::InvalidUtf8 { offset: 1 })
        );
        let d = decode(b, true).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("S\u{FFFD} 1/CT", Encoding::Utf8Lossy)
        );
    }
}
