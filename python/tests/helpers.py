"""Helpers of the Python test suite (imported by conftest.py and the tests).

The suite tests the *installed* package (pytest runs with ``--import-mode=importlib`` and the
package source lives in ``python/pysrc``, so nothing shadows it).

Environment:
    VANBAN_CLI     the Rust CLI for the parity tests (default: target/release/vanban, then
                   target/py/release/vanban); when set it must exist.
    VANBAN_CORPUS  a folder of extra documents (default: shared/corpus/docs beside the repo,
                   when present).
"""

from __future__ import annotations

import json
import os
import subprocess
import warnings
from pathlib import Path
from typing import Any, Dict, List, Optional

TESTS = Path(__file__).resolve().parent
PYTHON = TESTS.parent
REPO = PYTHON.parent


def document_files(folder: Path) -> List[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md"))


def fixture_files() -> List[Path]:
    """The repo's shared fixtures (tests/fixtures) and this suite's own (python/tests/fixtures)."""
    return document_files(REPO / "tests" / "fixtures") + document_files(TESTS / "fixtures")


def format_files() -> List[Path]:
    """The shared fixtures in other formats than text (tests/fixtures/formats: HTML pages ...)."""
    d = REPO / "tests" / "fixtures" / "formats"
    return sorted(p for p in d.iterdir() if p.is_file()) if d.is_dir() else []


def corpus_dir() -> Optional[Path]:
    env = os.environ.get("VANBAN_CORPUS")
    if env:
        return Path(env)
    for candidate in (REPO.parent / "shared" / "corpus" / "docs",):
        if candidate.is_dir():
            return candidate
    return None


def corpus_files() -> List[Path]:
    d = corpus_dir()
    return document_files(d) if d else []


def read_text(path: Path) -> str:
    """The file as Python reads it for vanban: UTF-8, line ends untouched."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def find_cli() -> Optional[Path]:
    env = os.environ.get("VANBAN_CLI")
    if env:
        p = Path(env)
        if not p.is_file():
            raise RuntimeError(f"VANBAN_CLI={env} does not exist")
        return p
    for candidate in (REPO / "target" / "release" / "vanban", REPO / "target" / "py" / "release" / "vanban"):
        if candidate.is_file():
            return candidate
    return None


def cli_json(cli: Path, paths: List[Path]) -> List[Dict[str, Any]]:
    """The CLI's contract JSON (byte spans) of each file, in order."""
    out = subprocess.run(
        [str(cli), "parse", "--json", *map(str, paths)],
        check=True,
        capture_output=True,
        timeout=300,
    ).stdout.decode("utf-8")
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(docs) == len(paths), "one JSON line per file"
    if len(paths) > 1:
        # Batch records name their file; the rest of a record is the Document.
        for doc, path in zip(docs, paths):
            assert doc.pop("source") == str(path)
    return docs


def byte_to_code_points(text: str, value: Any) -> Any:
    """The CLI's JSON with every span (and input_len) turned from UTF-8 bytes into code points.

    Written independently of the Rust converter on purpose: the parity tests check one
    against the other. Like it, an offset inside a character is rounded down to the
    character's start; such offsets are a core bug, reported as a warning.
    """
    table = {}
    b = 0
    for i, ch in enumerate(text):
        table[b] = i
        b += len(ch.encode("utf-8"))
    table[b] = len(text)

    def conv(off: int) -> int:
        off = min(off, b)
        if off not in table:
            warnings.warn(f"core bug: byte offset {off} is inside a character", stacklevel=2)
            while off not in table:
                off -= 1
        return table[off]

    def walk(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) == {"start", "end"} and all(isinstance(v[k], int) for k in v):
                return {"start": conv(v["start"]), "end": conv(v["end"])}
            return {k: (conv(x) if k == "input_len" else walk(x)) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(value)


def spans(value: Any) -> List[Dict[str, int]]:
    """Every span object in a JSON value."""
    out: List[Dict[str, int]] = []
    if isinstance(value, dict):
        if set(value) == {"start", "end"}:
            out.append(value)
        else:
            for v in value.values():
                out.extend(spans(v))
    elif isinstance(value, list):
        for v in value:
            out.extend(spans(v))
    return out


DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/CT-UBND\nAn Giang, ngày 05 tháng 01 năm 2024\n\n"
    "CHỈ THỊ\nVề việc phòng, chống dịch bệnh mùa mưa\n\n"
    "1. Sở Y tế chủ trì, phối hợp với các địa phương giám sát dịch bệnh.\n\n"
    "2. Sở Tài chính bố trí kinh phí theo Nghị định số 15/2023/NĐ-CP.\n\n"
    "Chỉ thị này có hiệu lực từ ngày ký./.\n\n"
    "Nơi nhận:\n- Bộ Y tế (để báo cáo);\n- Các sở, ngành (để thực hiện);\n- Lưu: VT.\n\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
)



def mypy(tmp_path: Path, target: "str | Path", *flags: str) -> "subprocess.CompletedProcess[str]":
    """mypy on a snippet of code (a ``str``) or a path, with its cache under ``tmp_path``."""
    import subprocess
    import sys

    if isinstance(target, str):
        path = tmp_path / f"snippet_{abs(hash(target))}.py"
        path.write_text(target, encoding="utf-8")
        target = path
    cmd = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy_cache"), *flags, str(target)]
    return subprocess.run(cmd, capture_output=True, text=True)
