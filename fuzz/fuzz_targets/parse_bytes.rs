//! Arbitrary bytes, decoded as UTF-8 with replacement (like `vanban parse --lossy`), parse
//! without panicking and satisfy every span invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    vanban_fuzz::parse_and_check(&input);
});
