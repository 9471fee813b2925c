//! Shared by the fuzz targets: the invariants every parse satisfies and the generator of
//! corpus-like documents, both from `tests/adversarial/` (also used by `core/tests`).

#[path = "../../tests/adversarial/invariants.rs"]
pub mod invariants;

#[path = "../../tests/adversarial/docgen.rs"]
pub mod docgen;

/// Choices for [`docgen`] read from libFuzzer's bytes.
pub struct Bytes<'a, 'b>(pub &'b mut arbitrary::Unstructured<'a>);

impl docgen::Choose for Bytes<'_, '_> {
    fn pick(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.0.choose_index(n).unwrap_or(0)
    }
}

/// Parses `input` and checks the invariants (and that a second parse gives the same document).
pub fn parse_and_check(input: &str) -> vanban::Document {
    let doc = vanban::parse(input);
    invariants::check(input, &doc);
    doc
}
