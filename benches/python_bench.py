"""Benchmark of the Python binding.

    python benches/python_bench.py [--cli PATH] [--repeat N] [FOLDER ...]

Parses a folder of documents (default: the shared corpus when present, else the repository's
fixtures) and reports, in one run:

* ``parse_many`` on 2 threads against a loop of ``parse`` (the speed-up ratio), and against
  ``parse_many`` on 1 thread;
* the binding's cost per document over the Rust CLI (``vanban parse --json`` on all files
  in one process, less the CLI's start-up), split into the native call (parse, code-point
  spans, dicts) and the typed Python objects;
* the per-call overhead on an empty input.

Times are the best of ``--repeat`` runs. Needs the package installed (``pip install ./python``)
and, for the CLI figures, ``cargo build --release -p vanban-cli``.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

import vanban
from vanban import _vanban

REPO = Path(__file__).resolve().parent.parent


def default_folders() -> List[Path]:
    env = os.environ.get("VANBAN_CORPUS")
    for candidate in ([Path(env)] if env else [REPO.parent / "shared" / "corpus" / "docs"]):
        if candidate.is_dir():
            return [candidate]
    return [REPO / "tests" / "fixtures", REPO / "python" / "tests" / "fixtures"]


def find_cli(given: Optional[str]) -> Optional[Path]:
    if given:
        return Path(given)
    for c in (os.environ.get("VANBAN_CLI"), REPO / "target" / "release" / "vanban", REPO / "target" / "py" / "release" / "vanban"):
        if c and Path(c).is_file():
            return Path(c)
    return None


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def best_interleaved(fns: Dict[str, Callable[[], object]], repeat: int) -> Dict[str, float]:
    """Best time of each function, running them in turn so that a change of machine load
    touches all alike."""
    times: Dict[str, List[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for k, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t)
    return {k: min(v) for k, v in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--cli", help="the Rust CLI (default: target/release/vanban, target/py/release/vanban)")
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()

    paths = [p for d in (a.folders or default_folders()) if d.is_dir() for p in sorted(d.iterdir())
             if p.suffix in (".txt", ".md") and p.is_file()]
    if not paths:
        print("no documents found", file=sys.stderr)
        return 1
    texts = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    n = len(texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{n} documents, {mb:.2f} MB, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"core {_vanban.core_version()}, best of {a.repeat}, load average {os.getloadavg()[0]:.1f}")

    # Warm up (page cache, allocator) and check the contract once.
    assert vanban.parse_many(texts, threads=2) == [vanban.parse(t) for t in texts]

    t = best_interleaved(
        {
            "loop": lambda: [vanban.parse(t) for t in texts],
            "many2": lambda: vanban.parse_many(texts, threads=2),
            "many1": lambda: vanban.parse_many(texts, threads=1),
            "native": lambda: [_vanban.parse(t, None) for t in texts],
            "native2": lambda: _vanban.parse_many(texts, None, 2),
            "empty": lambda: [vanban.parse("") for _ in range(1000)],
            "empty_native": lambda: [_vanban.parse("", None) for _ in range(1000)],
        },
        a.repeat,
    )
    t_loop, t_many2, t_many1, t_native, t_native2 = (t[k] for k in ("loop", "many2", "many1", "native", "native2"))
    t_empty, t_empty_native = t["empty"] / 1000, t["empty_native"] / 1000

    def row(name: str, t: float) -> str:
        return f"  {name:<38} {t * 1e3:9.1f} ms  {mb / t:7.1f} MB/s  {t / n * 1e3:7.3f} ms/doc"

    print("\nthroughput")
    print(row("loop of vanban.parse", t_loop))
    print(row("vanban.parse_many(threads=1)", t_many1))
    print(row("vanban.parse_many(threads=2)", t_many2))
    print(row("native only: loop of _vanban.parse", t_native))
    print(row("native only: _vanban.parse_many(2)", t_native2))
    print(f"\n  parse_many(threads=2) vs loop of parse: {t_loop / t_many2:.2f}x faster")
    print(f"  parse_many(threads=2) vs parse_many(threads=1): {t_many1 / t_many2:.2f}x")
    print(f"  native part (dicts) on 2 threads vs loop: {t_native / t_native2:.2f}x")

    cli = find_cli(a.cli)
    if cli is None:
        print("\n(no Rust CLI: cargo build --release -p vanban-cli for the overhead figures)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("")

        def run(files: List[str]) -> None:
            subprocess.run([str(cli), "parse", "--json", *files], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        c = best_interleaved(
            {
                "start": lambda: run([str(empty)]),
                "all": lambda: run([str(p) for p in paths]),
                "binding": lambda: [vanban.parse(t) for t in texts],
                "native": lambda: [_vanban.parse(t, None) for t in texts],
            },
            a.repeat,
        )
        t_start, t_cli = c["start"], c["all"]
        # Measured again beside the CLI, in the same rounds.
        t_loop, t_native = c["binding"], c["native"]
    rust = max(t_cli - t_start, 1e-9)
    print("\nper document, against the Rust CLI (parse + JSON, one process for all files)")
    print(f"  CLI start-up                         {t_start * 1e3:9.2f} ms")
    print(f"  Rust CLI                             {rust / n * 1e3:9.3f} ms/doc  ({mb / rust:.1f} MB/s)")
    print(f"  native call (parse, spans, dicts)    {t_native / n * 1e3:9.3f} ms/doc  (+{(t_native - rust) / n * 1e3:.3f} ms)")
    print(f"  vanban.parse (typed objects)         {t_loop / n * 1e3:9.3f} ms/doc  (+{(t_loop - rust) / n * 1e3:.3f} ms)")
    print(f"  binding overhead over the CLI        {(t_loop / rust - 1) * 100:9.0f} %")
    print(f"  per call on an empty input           {t_empty * 1e6:9.1f} µs  (native {t_empty_native * 1e6:.1f} µs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
