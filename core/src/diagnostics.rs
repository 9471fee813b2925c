//! Diagnostic codes: stable `snake_case` identifiers that tests and users match on.

use crate::model::{Diagnostic, Severity, Span};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($($variant:ident => $code:literal, $sev:ident, $doc:literal;)*) => {
        /// Stable diagnostic codes. The string form (`Code::as_str`) never changes once released.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// Every code, for documentation and schema generation.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable `snake_case` name.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Default severity of the code.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
        }
    };
}

codes! {
    EmptyInput => "empty_input", Error, "The input holds no text.";
    InputTooLarge => "input_too_large", Error, "The input is larger than the configured limit; nothing was parsed.";
    NoHeader => "no_header", Warning, "No header (issuing body, number, place and date) was found.";
    NoSymbol => "no_symbol", Warning, "No number and symbol (`Số ...`) was found.";
    BlankNumber => "blank_number", Info, "The number in the symbol is left blank (draft or unsigned copy).";
    NoDate => "no_date", Warning, "No date of issue was found.";
    BlankDate => "blank_date", Info, "The date line leaves the day or month blank.";
    InvalidDate => "invalid_date", Warning, "The date of issue is not a calendar date.";
    UnknownKind => "unknown_kind", Warning, "The document type could not be read from the type line or the symbol.";
    KindMismatch => "kind_mismatch", Info, "The type line and the type code of the symbol disagree.";
    NoTitle => "no_title", Info, "No subject (trích yếu) was found.";
    NoBody => "no_body", Warning, "No body text was found.";
    NumberingSkip => "numbering_skip", Warning, "Item numbering skips or repeats a number.";
    NoSignature => "no_signature", Warning, "No signature block was found.";
    UnsignedBlock => "unsigned_block", Info, "A signature block has no signer's name.";
    NoRecipients => "no_recipients", Info, "No `Nơi nhận` block was found.";
    TextAfterSignature => "text_after_signature", Info, "Text follows the signature block and was kept apart (attachment or site text).";
    LeadingNoise => "leading_noise", Info, "Text before the document (site text, front matter) was kept apart as noise.";
    TrailingNoise => "trailing_noise", Info, "Text after the document (site text) was kept apart as noise.";
    MixedNormalization => "mixed_normalization", Info, "The input mixes Unicode NFC and NFD forms; it was read as NFC.";
    ControlCharacters => "control_characters", Warning, "The input holds control characters; they were ignored.";
    ReplacementCharacters => "replacement_characters", Warning, "The input holds U+FFFD replacement characters (a decoding error upstream).";
    LegacyEncoding => "legacy_encoding", Warning, "Text looks like TCVN3/VNI font mojibake; it was kept as written.";
    LongLine => "long_line", Info, "A very long line was read as one paragraph.";
    RepeatedDiagnostics => "repeated_diagnostics", Info, "More diagnostics of one code than a list shows: the rest are counted in one entry whose span covers them.";
    FieldFromSearch => "field_from_search", Info, "A header field was not where the layout puts it; it was taken from a plain search of the document's first lines.";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The most diagnostics of one code a document lists; the rest are counted in one
/// `repeated_diagnostics` entry, so that a pathological input (two million items all numbered
/// `1.`) gives a list a reader can use and JSON in proportion to the input.
pub const DIAGNOSTICS_PER_CODE: usize = 20;

/// Collects diagnostics during a parse.
#[derive(Debug, Default)]
pub struct Sink {
    items: Vec<Diagnostic>,
    /// Per code past its cap: how many were left out and the span they cover.
    elided: Vec<(Code, usize, Span)>,
    counts: Vec<(Code, usize)>,
}

impl Sink {
    pub fn push(&mut self, code: Code, span: Span, message: impl Into<String>) {
        let n = match self.counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.counts.push((code, 1));
                1
            }
        };
        if n > DIAGNOSTICS_PER_CODE {
            match self.elided.iter_mut().find(|(c, _, _)| *c == code) {
                Some((_, k, cover)) => {
                    *k += 1;
                    *cover = cover.cover(span);
                }
                None => self.elided.push((code, 1, span)),
            }
            return;
        }
        self.items.push(Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
        });
    }

    /// The diagnostics, each code's left-out ones counted in a `repeated_diagnostics` entry
    /// whose span covers them.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut items = self.items;
        for (code, k, span) in self.elided {
            let code_name = code.as_str();
            items.push(Diagnostic {
                code: Code::RepeatedDiagnostics,
                severity: Code::RepeatedDiagnostics.severity(),
                message: format!(
                    "{k} more `{code_name}` diagnostics like the {DIAGNOSTICS_PER_CODE} above were not listed"
                ),
                span,
            });
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_and_serde_agrees() {
        for c in Code::ALL {
            let s = c.as_str();
            assert!(
                s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{s}"
            );
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{s}\""));
        }
    }

    #[test]
    fn repeated_codes_are_counted_past_the_cap() {
        let mut sink = Sink::default();
        for i in 0..100 {
            sink.push(Code::NumberingSkip, Span::new(i * 10, i * 10 + 2), "skip");
        }
        sink.push(Code::NoDate, Span::new(0, 0), "no date");
        let items = sink.finish();
        assert_eq!(items.len(), DIAGNOSTICS_PER_CODE + 2);
        let last = items.last().unwrap();
        assert_eq!(last.code, Code::RepeatedDiagnostics);
        assert_eq!(last.span, Span::new(200, 992));
        assert!(
            last.message.starts_with("80 more `numbering_skip`"),
            "{}",
            last.message
        );
    }
}
