//! Throughput of the parser over the dev corpus, whole and per stage, against a floor.
//!
//! ```sh
//! cargo bench -p vanban --bench parse
//! ```
//!
//! First divan's table (per pass over the whole corpus; `bytes/s` and `items/s` = documents/s),
//! then a summary: MB/s and documents/s of each stage (normalize; structure = lines, header, body
//! and tail, i.e. `pipeline::run` minus normalize and entities; entities), the floor (one NFC pass
//! collected into a `String` plus line splitting over the same bytes) and the ratio parse /
//! floor, with the project's targets (≥ 50 MB/s per core, ≤ 10× the floor). The summary counts
//! on-CPU time of the thread, so that a busy machine does not skew it; wall time is shown too.

mod common;

use common::{fmt_time, mb_per_s, measure, Corpus, Timing};
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

/// The whole pipeline without the size check (`pipeline::run`); the summary subtracts normalize
/// and entities from it to give the structure stages (lines + header + body + tail).
#[divan::bench(sample_count = 40)]
fn pipeline_run(bencher: Bencher) {
    over_corpus(bencher, vanban::pipeline::run);
}

/// Stage 6: entities (citations, dates, figures, actors) over already parsed documents; the
/// copying of each document is counted too (the summary subtracts it).
#[divan::bench(sample_count = 40)]
fn stage_entities(bencher: Bencher) {
    let c = &*CORPUS;
    let docs: Vec<vanban::Document> = c.docs.iter().map(|d| vanban::parse(d)).collect();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.docs.len()))
        .bench(|| {
            for (doc, d) in docs.iter().zip(&c.docs) {
                let mut doc = doc.clone();
                vanban::entities::annotate(&mut doc, d);
                black_box(doc);
            }
        });
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

/// Medians measured here (not by divan) so that ratios can be printed. MB/s and documents/s
/// are given per on-CPU second of the measuring thread ("per core": what one core does, however
/// busy the machine is) and per wall-clock second.
fn summary(c: &Corpus) {
    let budget = Duration::from_secs(3);
    let pass = |f: &dyn Fn(&str)| {
        measure(budget, 10, || {
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
    let parsed: Vec<vanban::Document> = c.docs.iter().map(|d| vanban::parse(d)).collect();
    let t_parse = pass(&|d| drop(black_box(vanban::parse(d))));
    let t_norm = pass(&|d| drop(black_box(vanban::normalize::normalize(d))));
    let t_lines = measure(budget, 10, || {
        for n in &norms {
            black_box(vanban::lines::split(black_box(n)));
        }
    });
    let t_run = pass(&|d| drop(black_box(vanban::pipeline::run(d))));
    // Entities: annotate a copy of each parsed document, minus the copying.
    let t_clone = measure(budget, 10, || {
        for doc in &parsed {
            black_box(doc.clone());
        }
    });
    let t_clone_annotate = measure(budget, 10, || {
        for (doc, d) in parsed.iter().zip(&c.docs) {
            let mut doc = doc.clone();
            vanban::entities::annotate(&mut doc, d);
            black_box(doc);
        }
    });
    let t_json = measure(budget, 10, || {
        for doc in &parsed {
            black_box(doc.to_json());
        }
    });
    let t_floor = pass(&|d| {
        black_box(common::floor(d));
    });
    let sub = |a: Timing, b: Timing| Timing {
        wall: a.wall.saturating_sub(b.wall),
        cpu: a.cpu.saturating_sub(b.cpu),
        runs: a.runs.min(b.runs),
    };
    let t_entities = sub(t_clone_annotate, t_clone);
    let t_structure = sub(sub(t_run, t_norm), t_entities);
    let docs = c.docs.len() as f64;
    println!();
    println!("== summary: medians of repeated passes over the whole corpus, one thread ==");
    println!(
        "{:<36} {:>10} {:>9} {:>9} {:>6} | {:>10} {:>9}",
        "stage", "cpu/pass", "MB/s", "docs/s", "share", "wall/pass", "wall MB/s"
    );
    let row = |name: &str, t: Timing| {
        println!(
            "{:<36} {:>10} {:>9.1} {:>9.0} {:>5.0}% | {:>10} {:>9.1}",
            name,
            fmt_time(t.cpu),
            mb_per_s(c.bytes, t.cpu),
            docs / t.cpu.as_secs_f64(),
            100.0 * t.cpu.as_secs_f64() / t_parse.cpu.as_secs_f64(),
            fmt_time(t.wall),
            mb_per_s(c.bytes, t.wall),
        )
    };
    row("parse (vanban::parse)", t_parse);
    row("  normalize", t_norm);
    row("  structure (lines+header+body+tail)", t_structure);
    row("    of which lines::split", t_lines);
    row("  entities (entities::annotate)", t_entities);
    row("to_json (not part of parse)", t_json);
    row("floor (nfc() String + lines)", t_floor);
    let ratio = t_parse.cpu.as_secs_f64() / t_floor.cpu.as_secs_f64();
    println!("parse / floor = {ratio:.1}x (on-CPU time)");
    let mbs = mb_per_s(c.bytes, t_parse.cpu);
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "target >= 50 MB/s per core: {mbs:.1} MB/s ({})",
        verdict(mbs >= 50.0)
    );
    println!(
        "target <= 10x the floor:    {ratio:.1}x ({})",
        verdict(ratio <= 10.0)
    );
    let busy = t_parse.wall.as_secs_f64() / t_parse.cpu.as_secs_f64();
    if busy > 1.2 {
        println!(
            "note: wall time is {busy:.1}x the on-CPU time: the machine is busy, wall-clock figures are pessimistic"
        );
    }
}
