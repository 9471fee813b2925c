"""The Python code of python/README.md runs as written."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from helpers import PYTHON


def blocks() -> list:
    readme = (PYTHON / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.S)


def test_readme_quick_start() -> None:
    pytest.importorskip("pandas")
    code = blocks()
    assert len(code) >= 3
    out = io.StringIO()
    namespace: dict = {}
    with contextlib.redirect_stdout(out):
        for block in code:
            exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
    printed = out.getvalue()
    assert "chi_thi 12/CT-UBND 2024-01-05" in printed
    assert "Về việc phòng, chống dịch bệnh mùa mưa" in printed
    assert "Nguyễn Văn An" in printed
    assert "1. Sở Y tế chủ trì" in printed
    assert "'assignments'" in printed and "'items'" in printed
