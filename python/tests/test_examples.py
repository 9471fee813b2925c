"""The Python examples of the repository run (the notebook and Spark run in python/ci.sh)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, TESTS


def test_python_tables_example(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    r = subprocess.run(
        [sys.executable, str(REPO / "examples" / "python_tables.py"), str(TESTS / "fixtures"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    docs = pd.read_csv(tmp_path / "documents.csv")
    assert sorted(docs["doc_id"]) == sorted(p.name for p in (TESTS / "fixtures").iterdir())
    items = pd.read_csv(tmp_path / "items.csv")
    assert {"doc_id", "item_id", "label", "start", "end"} <= set(items.columns)
    assert len(items) > 0


def test_examples_parse_as_python() -> None:
    for p in list((REPO / "examples").glob("*.py")) + list((REPO / "benches").glob("python_*.py")):
        compile(p.read_text(encoding="utf-8"), str(p), "exec")
