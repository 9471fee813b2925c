//! Arbitrary bytes read as an HTML page (the reader of `--input-format html`): no panic, the
//! extracted text parses with every invariant, and every span of the document mapped back into
//! the page lies inside it on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn spans(v: &serde_json::Value, out: &mut Vec<(u64, u64)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(a), Some(b), 2) = (m.get("start"), m.get("end"), m.len()) {
                out.push((a.as_u64().unwrap(), b.as_u64().unwrap()));
            } else {
                m.values().for_each(|v| spans(v, out));
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let opts = vanban::read::ReadOptions {
        format: Some(vanban::read::Format::Html),
        lossy: true,
        ..Default::default()
    };
    let Ok(input) = vanban::read::read_bytes(data.to_vec(), &opts) else {
        return;
    };
    vanban_fuzz::parse_and_check(input.text());
    let doc = vanban::parse_input(&input, &vanban::Options::default()).expect("within the limit");
    assert_eq!(doc.input_len, input.source.len());
    let mut all = Vec::new();
    spans(&serde_json::to_value(&doc).unwrap(), &mut all);
    for (a, b) in all {
        let (a, b) = (a as usize, b as usize);
        assert!(a <= b && b <= input.source.len(), "span {a}..{b} outside the page");
        assert!(
            input.source.is_char_boundary(a) && input.source.is_char_boundary(b),
            "span {a}..{b} cuts a character"
        );
    }
});
