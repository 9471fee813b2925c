//! Corpus-like documents from the structure-aware generator (`tests/adversarial/docgen.rs`,
//! driven by `arbitrary`): headers, symbols, dates, markers of every family, signature marks,
//! `Nơi nhận`, markdown, pipes, page breaks, NFD lines. Every span invariant holds, the parse is
//! deterministic, and NFC and NFD copies give the same structure.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;
use vanban_fuzz::{docgen, invariants, parse_and_check, Bytes};

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let input = docgen::document(&mut Bytes(&mut u));
    let doc = parse_and_check(&input);
    assert_eq!(doc, vanban::parse(&input), "the parse is deterministic");
    let nfc: String = input.nfc().collect();
    let nfd: String = input.nfd().collect();
    let a = parse_and_check(&nfc);
    let b = parse_and_check(&nfd);
    assert_eq!(
        invariants::structure(&a),
        invariants::structure(&b),
        "NFC and NFD copies differ"
    );
});
