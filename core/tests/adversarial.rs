//! Adversarial inputs, generated in code (`tests/adversarial/inputs.rs`): each parses, holds every
//! span invariant and carries the expected diagnostics. Time is not asserted here (a busy CI
//! machine would make that flaky): linear growth is checked by `cargo bench -p vanban --bench
//! growth`, which runs the same generators at two sizes ten times apart.

#[path = "../../tests/adversarial/inputs.rs"]
mod inputs;
#[path = "../../tests/adversarial/invariants.rs"]
mod invariants;

use vanban::Document;

const MB: usize = 1_000_000;

fn codes(doc: &Document) -> Vec<&'static str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// Parses with no size limit, checks the invariants and the expected codes.
fn parse_checked(name: &str, input: &str, expect: &[&str]) -> Document {
    let opts = vanban::Options {
        max_bytes: usize::MAX,
    };
    let doc = vanban::parse_with(input, &opts).expect("no limit");
    invariants::check(input, &doc);
    let got = codes(&doc);
    for code in expect {
        assert!(got.contains(code), "{name}: expected {code}, got {got:?}");
    }
    doc
}

#[test]
fn every_family_at_a_small_size() {
    for f in inputs::ALL {
        // One unit of the pattern, then a few hundred units (where the codes must show).
        parse_checked(f.name, &(f.build)(1), &[]);
        parse_checked(f.name, &(f.build)(5_000), f.expect);
    }
}

#[test]
fn one_megabyte_of_bare_markers() {
    let input = inputs::bare_dot_lines(MB);
    let doc = parse_checked("1 MB of `1.`", &input, &[]);
    // Bare markers are items (or paragraphs), never lost and never page numbers.
    assert!(doc
        .noise
        .iter()
        .all(|n| n.kind != vanban::NoiseKind::PageBreak));
}

#[test]
fn one_megabyte_of_numbered_items() {
    let input = inputs::same_number_lines(MB);
    let doc = parse_checked("1 MB of `1. Một.`", &input, &["numbering_skip"]);
    // 10 bytes a line: every line is an item.
    assert_eq!(doc.items.len(), MB / 10);
}

#[test]
fn ten_thousand_nested_markers() {
    let input = inputs::nested_marker_lines(10_000);
    let doc = parse_checked("10,000 nested markers", &input, &[]);
    // Most lines open an item (a marker that cannot follow its predecessor, like `đ)` right after
    // `a)`, continues it).
    assert!(doc.all_items().len() >= 7_000, "{}", doc.all_items().len());
    // Nesting is bounded by the families, not by the input.
    fn depth(items: &[vanban::Item]) -> usize {
        items
            .iter()
            .map(|i| 1 + depth(&i.children))
            .max()
            .unwrap_or(0)
    }
    assert!(depth(&doc.items) <= inputs::FAMILIES.len());
}

#[test]
fn one_five_megabyte_line() {
    let input = inputs::one_long_line(5 * MB);
    assert!(!input.contains('\n'));
    parse_checked("one 5 MB line", &input, &[]);
}

#[test]
fn one_long_line_with_citations_and_markers() {
    // (Kept small: entity alignment is quadratic in a paragraph's mentions today, see the
    // growth benchmark; 40 kB take 15 s in debug, 250 kB minutes.)
    let input = inputs::one_long_line_rich(15_000);
    parse_checked("one long rich line", &input, &[]);
}

#[test]
fn only_white_space() {
    for input in [
        String::new(),
        inputs::only_whitespace(1),
        inputs::only_whitespace(100_000),
        "\u{feff}".to_string(),
        "\u{200b}\u{200f}\n\u{202e}".to_string(),
    ] {
        let doc = parse_checked("white space", &input, &["empty_input"]);
        assert!(doc.items.is_empty() && doc.preamble.is_empty() && doc.kind.is_none());
    }
}

#[test]
fn nul_bytes_and_control_characters() {
    let doc = parse_checked(
        "controls",
        &inputs::control_characters(10_000),
        &["control_characters"],
    );
    assert!(
        !doc.all_items().is_empty(),
        "the `1.` lines survive the NULs"
    );
    parse_checked(
        "NULs",
        &inputs::only_nul(10_000),
        &["control_characters", "empty_input"],
    );
    let doc = parse_checked(
        "NUL in a label",
        "1.\u{0} Một.\n2. Hai.\n",
        &["control_characters"],
    );
    assert_eq!(doc.items.len(), 2);
}

#[test]
fn right_to_left_marks_are_ignored() {
    let plain = vanban::parse(inputs::SAMPLE);
    let marked: String = inputs::SAMPLE
        .lines()
        .map(|l| format!("\u{200f}{l}\u{202c}\n"))
        .collect();
    let doc = parse_checked("RTL marks", &marked, &[]);
    assert_eq!(
        invariants::structure(&doc),
        invariants::structure(&plain),
        "RTL marks change nothing"
    );
    parse_checked("bidi soup", &inputs::bidi_marks(50_000), &[]);
}

#[test]
fn byte_order_mark() {
    let plain = vanban::parse(inputs::SAMPLE);
    let input = format!("\u{feff}{}", inputs::SAMPLE);
    let doc = parse_checked("BOM", &input, &[]);
    assert_eq!(invariants::structure(&doc), invariants::structure(&plain));
    assert_eq!(doc.symbol.as_deref(), Some("12/CT-UBND"));
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let plain = vanban::parse(inputs::SAMPLE);
    for (name, input) in [
        ("CRLF", inputs::SAMPLE.replace('\n', "\r\n")),
        ("CR", inputs::SAMPLE.replace('\n', "\r")),
        ("U+2028", inputs::SAMPLE.replace('\n', "\u{2028}")),
        ("NEL", inputs::SAMPLE.replace('\n', "\u{85}")),
    ] {
        let doc = parse_checked(name, &input, &[]);
        assert_eq!(
            invariants::structure(&doc),
            invariants::structure(&plain),
            "{name}"
        );
    }
    parse_checked("mixed line ends", &inputs::mixed_line_ends(50_000), &[]);
}

#[test]
fn tcvn3_mojibake_is_flagged() {
    let doc = parse_checked(
        "TCVN3",
        "Ñy ban nh©n d©n tØnh\nSè: 12/CT-UBND\nChØ thÞ\nVÒ viÖc t¨ng c\u{ad}êng phßng, chèng dÞch\n\
         1. Së Y tÕ chñ tr×, phèi hîp víi c¸c së, ngµnh;\n",
        &["legacy_encoding"],
    );
    assert!(!doc.all_items().is_empty());
    // Unicode Vietnamese with the same letters is not flagged.
    let doc = vanban::parse(inputs::SAMPLE);
    assert!(!codes(&doc).contains(&"legacy_encoding"));
    parse_checked(
        "TCVN3 mixed",
        &inputs::tcvn3_mojibake(100_000),
        &["legacy_encoding"],
    );
}

#[test]
fn nfd_and_combining_marks() {
    let plain = vanban::parse(inputs::SAMPLE);
    let doc = parse_checked("NFD", &inputs::nfd(1), &["mixed_normalization"]);
    assert_eq!(invariants::structure(&doc), invariants::structure(&plain));
    parse_checked(
        "combining run",
        &inputs::combining_run(200_000),
        &["mixed_normalization"],
    );
    parse_checked("leading combining", &inputs::leading_combining(50_000), &[]);
}

/// Found by `fuzz/parse_bytes` (fixed in 54f5b7e): the `control_characters` diagnostic spanned
/// one byte from the first control character, which split a two-byte C1 control (U+0080..U+009F
/// but U+0085).
#[test]
fn c1_control_characters_keep_spans_on_char_boundaries() {
    for input in ["a\u{80}b", "\u{9b}1. Một.\n", "Số: 1/CT\u{9f}\n"] {
        parse_checked("C1 control", input, &["control_characters"]);
    }
}

#[test]
fn replacement_characters_are_flagged() {
    parse_checked(
        "U+FFFD",
        &inputs::replacement_chars(10_000),
        &["replacement_characters"],
    );
}

#[test]
fn input_limits() {
    let text = inputs::SAMPLE;
    // At the limit: parsed. One byte over: refused with the sizes in the error.
    let at = vanban::Options {
        max_bytes: text.len(),
    };
    assert!(vanban::parse_with(text, &at).is_ok());
    let under = vanban::Options {
        max_bytes: text.len() - 1,
    };
    let err = vanban::parse_with(text, &under).unwrap_err();
    assert_eq!(
        err,
        vanban::Error::InputTooLarge {
            len: text.len(),
            max: text.len() - 1
        }
    );
    assert_eq!(err.code(), "input_too_large");
    assert!(err.to_string().contains(&text.len().to_string()));
    // A zero limit refuses everything but the empty input.
    let zero = vanban::Options { max_bytes: 0 };
    assert!(vanban::parse_with("", &zero).is_ok());
    assert!(vanban::parse_with("a", &zero).is_err());
    // The default is 64 MiB, and `parse` stays total over it: an empty document with an
    // `input_too_large` diagnostic spanning the input.
    assert_eq!(vanban::Options::default().max_bytes, 64 * 1024 * 1024);
    assert_eq!(vanban::DEFAULT_MAX_BYTES, 64 * 1024 * 1024);
    let big = "1. Một.\n".repeat(vanban::DEFAULT_MAX_BYTES / 8 + 1);
    assert!(big.len() > vanban::DEFAULT_MAX_BYTES);
    let doc = vanban::parse(&big);
    assert_eq!(codes(&doc), ["input_too_large"]);
    assert!(doc.items.is_empty());
    assert_eq!(doc.input_len, big.len());
    assert_eq!(doc.diagnostics[0].span, vanban::Span::new(0, big.len()));
    invariants::check(&big, &doc);
}
