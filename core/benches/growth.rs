//! Parse time must grow linearly with the input: the corpus concatenated 1×, 10×, 100×, one
//! typical document repeated to 1 MB and 10 MB, and every adversarial family of
//! `tests/adversarial/inputs.rs` at two sizes ten times apart.
//!
//! ```sh
//! cargo bench -p vanban --bench growth            # everything (about two minutes)
//! cargo bench -p vanban --bench growth -- quick   # adversarial families at 0.1 / 1 MB only
//! ```
//!
//! Prints the on-CPU time of each size (median) and the ratio of consecutive sizes next to the
//! ratio of their bytes: linear growth gives a time ratio close to the size ratio; more than 1.5× the size ratio
//! is flagged `SUPERLINEAR`. `cargo test --benches` runs a small version once.

mod common;
#[path = "../../tests/adversarial/inputs.rs"]
mod inputs;

use common::{bench_mode, fmt_time, mb_per_s, measure, Corpus};
use std::time::Duration;

const MB: usize = 1_000_000;

fn parse_unlimited(s: &str) -> vanban::Document {
    let opts = vanban::Options {
        max_bytes: usize::MAX,
    };
    vanban::parse_with(s, &opts).expect("no limit")
}

/// Times `inputs` (label, text) and prints one row each, with the ratio to the previous row.
/// Returns the worst (time ratio / size ratio).
fn series(name: &str, inputs: Vec<(String, String)>, runs: usize) -> f64 {
    println!("{name}");
    let mut prev: Option<(usize, Duration)> = None;
    let mut worst: f64 = 0.0;
    for (label, text) in inputs {
        // Bigger inputs get fewer runs; a few seconds per size at most.
        let budget = Duration::from_millis(if text.len() > 20 * MB { 1 } else { 1500 });
        let runs = if text.len() > 20 * MB { 1 } else { runs };
        let timing = measure(budget, runs, || parse_unlimited(&text));
        // On-CPU time: a busy machine does not fake a superlinear step.
        let t = timing.cpu;
        let mut line = format!(
            "  {:<22} {:>12} bytes {:>10} {:>8.1} MB/s",
            label,
            text.len(),
            fmt_time(t),
            mb_per_s(text.len(), t)
        );
        if let Some((pb, pt)) = prev {
            let size_ratio = text.len() as f64 / pb as f64;
            let time_ratio = t.as_secs_f64() / pt.as_secs_f64();
            let excess = time_ratio / size_ratio;
            worst = worst.max(excess);
            line += &format!(
                "   time x{time_ratio:.1} for size x{size_ratio:.1}{}",
                if excess > 1.5 { "  SUPERLINEAR" } else { "" }
            );
        }
        println!("{line}");
        prev = Some((text.len(), t));
    }
    worst
}

fn main() {
    let full = bench_mode() && !std::env::args().any(|a| a == "quick");
    let c = Corpus::load();
    let mut worst: Vec<(String, f64)> = Vec::new();
    if bench_mode() {
        println!(
            "corpus: {} documents, {} bytes ({})",
            c.docs.len(),
            c.bytes,
            c.source
        );
    }
    if full {
        let w = series(
            "corpus concatenated",
            [1usize, 10, 100]
                .iter()
                .map(|&k| (format!("{k}x"), c.concatenated(k)))
                .collect(),
            3,
        );
        worst.push(("corpus concatenated".into(), w));
        let (name, doc) = c.typical();
        let w = series(
            &format!(
                "one typical document ({name}, {} bytes) repeated",
                doc.len()
            ),
            [("1x".to_string(), doc.to_string())]
                .into_iter()
                .chain(
                    [MB, 10 * MB]
                        .iter()
                        .map(|&b| (format!("to {} MB", b / MB), common::repeat_to(doc, b))),
                )
                .collect(),
            3,
        );
        worst.push(("typical document repeated".into(), w));
    }
    let (small, big) = if bench_mode() {
        (MB / 10, MB)
    } else {
        (2_000, 20_000)
    };
    for f in inputs::ALL {
        // A family that is slow at the small size is measured ten times smaller (a quadratic
        // one would take minutes at 1 MB); its ratio tells the same.
        let (mut small, mut big) = (small, big);
        if bench_mode() {
            let t = std::time::Instant::now();
            std::hint::black_box(parse_unlimited(&(f.build)(small)));
            if t.elapsed() > Duration::from_millis(300) {
                (small, big) = (small / 10, small);
            }
        }
        let inputs = vec![
            (format!("{} kB", small / 1000), (f.build)(small)),
            (format!("{} kB", big / 1000), (f.build)(big)),
        ];
        if bench_mode() {
            let w = series(&format!("adversarial: {}", f.name), inputs, 3);
            worst.push((f.name.to_string(), w));
        } else {
            for (_, s) in inputs {
                std::hint::black_box(parse_unlimited(&s));
            }
        }
    }
    if bench_mode() {
        println!();
        println!("== growth summary: time ratio / size ratio (1.0 = linear) ==");
        for (name, w) in &worst {
            println!(
                "  {:<36} {:>5.2}{}",
                name,
                w,
                if *w > 1.5 { "  SUPERLINEAR" } else { "" }
            );
        }
    }
}
