//! Arbitrary bytes read as a Word file (the reader of `--input-format docx`): a zip that is
//! damaged, a zip bomb, XML that is not well-formed or numbering out of range is refused with
//! a code, never a panic; what is read parses with every invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = vanban::read::ReadOptions {
        format: Some(vanban::read::Format::Docx),
        ..Default::default()
    };
    match vanban::read::read_bytes(data.to_vec(), &opts) {
        Ok(input) => {
            vanban_fuzz::parse_and_check(input.text());
        }
        Err(e) => assert!(vanban::read::ReadError::CODES.contains(&e.code())),
    }
});
