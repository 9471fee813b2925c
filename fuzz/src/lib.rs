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

/// The CPU time one parse may take, in milliseconds: more is a slow input (a failure).
pub const SLOW_PARSE_MS: u64 = 2000;

/// CPU time of the calling thread in nanoseconds (Linux: `/proc/thread-self/schedstat`);
/// `None` where the kernel does not say.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Parses `input` and checks the invariants. A parse that takes more than [`SLOW_PARSE_MS`] of
/// CPU time fails like a crash: measured here, in CPU time, so that a loaded machine does not
/// make a fast input look slow (libFuzzer's own `-timeout` counts wall time and is only the
/// backstop for hangs).
pub fn parse_and_check(input: &str) -> vanban::Document {
    let t0 = thread_cpu_ns();
    let doc = vanban::parse(input);
    if let (Some(a), Some(b)) = (t0, thread_cpu_ns()) {
        let ms = b.saturating_sub(a) / 1_000_000;
        assert!(
            ms <= SLOW_PARSE_MS,
            "slow input: one parse of {} bytes took {ms} ms of CPU time",
            input.len()
        );
    }
    invariants::check(input, &doc);
    doc
}
