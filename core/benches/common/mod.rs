//! Shared by the benchmarks: the dev corpus and a small, robust timer.
//!
//! The corpus is `../shared/corpus/docs/*` and `../shared/seeds/*` (relative to the repository
//! root; `VANBAN_SHARED` overrides the folder). Where it is absent the benchmarks say so and
//! fall back to `tests/fixtures/*`.

#![allow(dead_code)] // each bench target uses a part of this module

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The documents a benchmark runs over.
pub struct Corpus {
    /// Where the documents came from, for the report.
    pub source: String,
    pub names: Vec<String>,
    pub docs: Vec<String>,
    /// Total UTF-8 bytes of `docs`.
    pub bytes: usize,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("core/ has a parent")
        .to_path_buf()
}

fn read_dir_sorted(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

impl Corpus {
    /// The dev corpus, or the test fixtures when `../shared` is absent.
    pub fn load() -> Corpus {
        let root = repo_root();
        let shared = std::env::var_os("VANBAN_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared"));
        let mut paths = read_dir_sorted(&shared.join("corpus/docs"));
        paths.extend(read_dir_sorted(&shared.join("seeds")));
        let source = if paths.is_empty() {
            eprintln!(
                "note: the dev corpus ({}/corpus/docs, seeds) is absent: benchmarking tests/fixtures/* instead",
                shared.display()
            );
            paths = read_dir_sorted(&root.join("tests/fixtures"));
            "tests/fixtures/*".to_string()
        } else {
            "../shared/corpus/docs/* + ../shared/seeds/*".to_string()
        };
        let mut names = Vec::new();
        let mut docs = Vec::new();
        for p in paths {
            // The parser takes &str; lossy decoding mirrors `vanban parse --lossy`.
            let bytes = std::fs::read(&p).expect("readable corpus file");
            docs.push(String::from_utf8_lossy(&bytes).into_owned());
            names.push(p.file_name().unwrap().to_string_lossy().into_owned());
        }
        assert!(!docs.is_empty(), "no documents to benchmark");
        let bytes = docs.iter().map(String::len).sum();
        Corpus {
            source,
            names,
            docs,
            bytes,
        }
    }

    /// All documents joined by blank lines, `times` times over.
    pub fn concatenated(&self, times: usize) -> String {
        let one = self.docs.join("\n\n");
        let mut s = String::with_capacity((one.len() + 2) * times);
        for k in 0..times {
            if k > 0 {
                s.push_str("\n\n");
            }
            s.push_str(&one);
        }
        s
    }

    /// The document whose size is the median of the corpus (a typical document).
    pub fn typical(&self) -> (&str, &str) {
        let mut idx: Vec<usize> = (0..self.docs.len()).collect();
        idx.sort_by_key(|&i| self.docs[i].len());
        let i = idx[idx.len() / 2];
        (&self.names[i], &self.docs[i])
    }
}

/// `s` repeated (joined by blank lines) until it holds at least `bytes` bytes.
pub fn repeat_to(s: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + s.len() + 2);
    while out.len() < bytes {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(s);
    }
    out
}

/// Whether the binary runs as a benchmark (`cargo bench`) rather than as a test
/// (`cargo test --benches`, which runs each bench once).
pub fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// On-CPU time of the calling thread (Linux `/proc/thread-self/schedstat`), if available: on a
/// machine shared with other work it is what one core spends, whatever the waiting.
pub fn thread_cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Timing of a repeated run: medians of wall time and of on-CPU time per run.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub wall: Duration,
    /// On-CPU time of the thread (equals `wall` where it cannot be read).
    pub cpu: Duration,
    pub runs: usize,
}

/// Runs `f` for about `budget` (at least `min_runs` samples, after one warm-up run) and returns
/// the median wall and on-CPU time of one run. A sample repeats `f` until it lasts about 0.2 s,
/// since the kernel's per-thread CPU clock read this way advances in scheduler ticks.
pub fn measure<R>(budget: Duration, min_runs: usize, mut f: impl FnMut() -> R) -> Timing {
    let t = Instant::now();
    std::hint::black_box(f());
    let once = t.elapsed().max(Duration::from_micros(1));
    let reps = (0.2 / once.as_secs_f64()).ceil().clamp(1.0, 10_000.0) as u32;
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let start = Instant::now();
    while walls.len() < min_runs || (start.elapsed() < budget && walls.len() < 1000) {
        let c0 = thread_cpu_time();
        let t = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(f());
        }
        let wall = t.elapsed();
        let cpu = match (c0, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => wall,
        };
        walls.push(wall / reps);
        cpus.push(cpu / reps);
    }
    walls.sort();
    cpus.sort();
    Timing {
        wall: walls[walls.len() / 2],
        cpu: cpus[cpus.len() / 2],
        runs: walls.len() * reps as usize,
    }
}

/// Median wall time of `f` (see [`measure`]).
pub fn median_time<R>(budget: Duration, min_runs: usize, f: impl FnMut() -> R) -> Duration {
    measure(budget, min_runs, f).wall
}

/// Megabytes (10^6 bytes) per second.
pub fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

/// A duration in the most readable unit.
pub fn fmt_time(t: Duration) -> String {
    let s = t.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

/// The floor: one pass of NFC normalisation collected into a `String`, then line splitting.
pub fn floor(input: &str) -> usize {
    use unicode_normalization::UnicodeNormalization;
    let s: String = input.nfc().collect();
    let lines: Vec<&str> = s.lines().collect();
    std::hint::black_box(&lines);
    lines.len()
}
