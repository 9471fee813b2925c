//! Throughput of the parser over the dev corpus, whole and per stage, against a floor.
//!
//! ```sh
//! cargo bench -p vanban --bench parse
//! ```
//!
//! First divan's table (per pass over the whole corpus; `bytes/s` and `items/s` = documents/s),
//! then a summary: MB/s and documents/s of each stage, the floor (one NFC pass collected into a
//! `String` plus line splitting over the same bytes) and the ratio parse / floor, with the
//! project's targets (≥ 50 MB/s per core, ≤ 10× the floor).

mod common;

use common::{fmt_time, mb_per_s, median_time, Corpus};
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use std::sync::LazyLock;
use std::time::Duration;

static CORPUS: LazyLock<Corpus> = LazyLock::new(Corpus::load);

fn over_corpus<R>(bencher: Bencher, f: impl Fn(&str) -> R + Sync) {
    let c = &*CORPUS;
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.docs.len()))
        .bench(|| {
            for d in &c.docs {
                black_box(f(black_box(d)));
            }
        });
}

/// The full parse (`vanban::parse`).
#[divan::bench(sample_count = 40)]
fn parse(bencher: Bencher) {
    over_corpus(bencher, vanban::parse);
}

/// Stage 1: normalisation with its offset map.
#[divan::bench(sample_count = 40)]
fn stage_normalize(bencher: Bencher) {
    over_corpus(bencher, vanban::normalize::normalize);
}

/// Stage 2 alone: line splitting and classification of the already normalised text.
#[divan::bench(sample_count = 40)]
fn stage_lines(bencher: Bencher) {
    let c = &*CORPUS;
    let norms: Vec<String> = c
        .docs
        .iter()
        .map(|d| vanban::normalize::normalize(d).text)
        .collect();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.docs.len()))
        .bench(|| {
            for n in &norms {
                black_box(vanban::lines::split(black_box(n)));
            }
        });
}

/// Everything after normalisation (lines + header + body + tail) is `pipeline::run` minus
/// `normalize`: this is `pipeline::run`, the summary subtracts.
#[divan::bench(sample_count = 40)]
fn pipeline_run(bencher: Bencher) {
    over_corpus(bencher, vanban::pipeline::run);
}

/// Serialising the parsed documents to the contract JSON (not part of `parse`).
#[divan::bench(sample_count = 40)]
fn to_json(bencher: Bencher) {
    let c = &*CORPUS;
    let docs: Vec<vanban::Document> = c.docs.iter().map(|d| vanban::parse(d)).collect();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.docs.len()))
        .bench(|| {
            for d in &docs {
                black_box(d.to_json());
            }
        });
}

/// The floor: NFC into a `String`, then lines.
#[divan::bench(sample_count = 40)]
fn floor_nfc_lines(bencher: Bencher) {
    over_corpus(bencher, common::floor);
}

fn main() {
    let c = &*CORPUS;
    println!(
        "corpus: {} documents, {} bytes ({})",
        c.docs.len(),
        c.bytes,
        c.source
    );
    divan::main();
    if common::bench_mode() {
        summary(c);
    }
}

/// Medians measured here (not by divan) so that ratios can be printed.
fn summary(c: &Corpus) {
    let budget = Duration::from_secs(3);
    let pass = |f: &dyn Fn(&str)| {
        median_time(budget, 10, || {
            for d in &c.docs {
                f(black_box(d));
            }
        })
    };
    let norms: Vec<String> = c
        .docs
        .iter()
        .map(|d| vanban::normalize::normalize(d).text)
        .collect();
    let t_parse = pass(&|d| drop(black_box(vanban::parse(d))));
    let t_norm = pass(&|d| drop(black_box(vanban::normalize::normalize(d))));
    let t_lines = median_time(budget, 10, || {
        for n in &norms {
            black_box(vanban::lines::split(black_box(n)));
        }
    });
    let t_run = pass(&|d| drop(black_box(vanban::pipeline::run(d))));
    let t_floor = pass(&|d| {
        black_box(common::floor(d));
    });
    let t_structure = t_run.saturating_sub(t_norm);
    let docs = c.docs.len() as f64;
    println!();
    println!("== summary (median of repeated passes over the whole corpus, one thread) ==");
    println!(
        "{:<34} {:>10} {:>9} {:>10} {:>7}",
        "stage", "time/pass", "MB/s", "docs/s", "share"
    );
    let row = |name: &str, t: Duration| {
        println!(
            "{:<34} {:>10} {:>9.1} {:>10.0} {:>6.0}%",
            name,
            fmt_time(t),
            mb_per_s(c.bytes, t),
            docs / t.as_secs_f64(),
            100.0 * t.as_secs_f64() / t_parse.as_secs_f64()
        )
    };
    row("parse (vanban::parse)", t_parse);
    row("  normalize", t_norm);
    row("  structure (run - normalize)", t_structure);
    row("    of which lines::split", t_lines);
    row("floor (nfc() String + lines)", t_floor);
    let ratio = t_parse.as_secs_f64() / t_floor.as_secs_f64();
    println!("parse / floor = {ratio:.1}x");
    let mbs = mb_per_s(c.bytes, t_parse);
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "target >= 50 MB/s per core: {mbs:.1} MB/s ({})",
        verdict(mbs >= 50.0)
    );
    println!(
        "target <= 10x the floor:    {ratio:.1}x ({})",
        verdict(ratio <= 10.0)
    );
}
