#!/usr/bin/env python3
"""Scores the scan path (scan -> OCR -> parse) against the corpus gold.

`../shared/inputs/README.md` maps signed scans (image-only PDFs) to the corpus documents that
transcribe them; their gold holds for the scans too. This script runs `vanban parse --json` on
each mapped scan (vanban OCRs it with Tesseract) and scores the results with the corpus scorer,
passing its other arguments through (`--min score=0.85`, `--per-doc`, `-v`).

    python3 scripts/formats/score_scans.py [--vanban target/release/vanban] [score.py args]

With `--ocr-dir DIR`, each scan's text is also written to DIR (`<scan>.txt`, from `vanban text`),
to look at what OCR read. Exits as score.py does; prints SKIP and exits 0 when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def mapping(readme: Path) -> dict[str, str]:
    """corpus document name (`072.txt`) -> scan file name, from the README's table."""
    out = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].endswith(".pdf"):
            continue
        m = re.search(r"(\d{3}\.(?:txt|md))", cells[1])
        if m:
            out[m.group(1)] = cells[0]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vanban", default=str(REPO / "target" / "release" / "vanban"))
    ap.add_argument("--ocr-dir", type=Path)
    ap.add_argument("--run", help=argparse.SUPPRESS)  # internal: the scorer's command
    args, rest = ap.parse_known_args()
    scans = SHARED / "inputs" / "scans"
    if args.run:
        doc = Path(args.run).name
        scan = scans / mapping(SHARED / "inputs" / "README.md")[doc]
        return subprocess.call([args.vanban, "parse", "--json", str(scan)])
    if not (SHARED / "tools" / "score.py").is_file() or not scans.is_dir():
        print("SKIP: ../shared/inputs is absent (a fresh clone): the scan path is not scored")
        return 0
    pairs = mapping(SHARED / "inputs" / "README.md")
    if len(pairs) < 7:
        print(f"score_scans: expected the seven mapped scans, found {len(pairs)}", file=sys.stderr)
        return 2
    if args.ocr_dir:
        args.ocr_dir.mkdir(parents=True, exist_ok=True)
        for doc, scan in sorted(pairs.items()):
            out = args.ocr_dir / (Path(scan).stem + ".txt")
            with open(out, "wb") as f:
                subprocess.run([args.vanban, "text", str(scans / scan)], stdout=f, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for doc in pairs:
            shutil.copy(SHARED / "corpus" / "gold" / (Path(doc).stem + ".json"), gold)
        cmd = f"{sys.executable} {Path(__file__).resolve()} --vanban {args.vanban} --run {{}}"
        return subprocess.call(
            [
                sys.executable,
                str(SHARED / "tools" / "score.py"),
                "--cmd",
                cmd,
                "--gold",
                str(gold),
                "--root",
                str(SHARED),
                "--manifest",
                str(SHARED / "corpus" / "MANIFEST.tsv"),
                *rest,
            ]
        )


if __name__ == "__main__":
    sys.exit(main())
