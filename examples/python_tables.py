"""Parse a folder of documents into CSV tables (one file per table), with vanban and pandas.

    pip install './python[pandas]'
    python examples/python_tables.py FOLDER OUT_DIR [--threads N]

Every .txt/.md file of FOLDER is parsed (in parallel, ``vanban.parse_many``); OUT_DIR gets
``documents.csv``, ``items.csv``, ``citations.csv``, ``recipients.csv``, ``signatures.csv`` ...
each with a ``doc_id`` column (the file name) and code-point ``start``/``end`` columns that index
the file's text as read with ``open(path, encoding="utf-8", newline="")``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import vanban


def main(argv: list) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args(argv)

    paths = sorted(p for p in a.folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md"))
    if not paths:
        print(f"no .txt or .md files in {a.folder}", file=sys.stderr)
        return 1
    texts = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    docs = vanban.parse_many(texts, threads=a.threads)
    frames = vanban.to_frames(docs, ids=[p.name for p in paths])

    a.out.mkdir(parents=True, exist_ok=True)
    for name, df in frames.items():
        df.to_csv(a.out / f"{name}.csv", index=False)
    sizes = ", ".join(f"{name} {len(df)}" for name, df in frames.items() if len(df))
    print(f"{len(docs)} documents -> {a.out}/ ({sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
