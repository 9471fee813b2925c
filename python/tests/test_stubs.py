"""Type stubs and annotations agree with the module at run time."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import vanban
from vanban import _vanban


def test_py_typed_is_installed() -> None:
    assert (Path(vanban.__file__).parent / "py.typed").is_file()
    assert (Path(vanban.__file__).parent / "_vanban.pyi").is_file()


def test_native_stub_lists_the_native_module() -> None:
    """Cheap equivalent of stubtest for the native module: same public names."""
    stub = (Path(vanban.__file__).parent / "_vanban.pyi").read_text(encoding="utf-8")
    names = {n for n in dir(_vanban) if not n.startswith("_")}
    for n in names:
        assert f"def {n}(" in stub or f"{n}:" in stub, f"{n} missing from _vanban.pyi"
    for line in stub.splitlines():
        if line.startswith("def "):
            assert line[4:].split("(")[0] in names, line


def test_public_functions_are_annotated() -> None:
    for fn in (vanban.parse, vanban.parse_file, vanban.parse_many, vanban.to_frames):
        sig = inspect.signature(fn)
        assert sig.return_annotation is not inspect.Signature.empty, fn.__name__
        assert fn.__doc__


def test_stubtest(tmp_path: Path) -> None:
    """mypy's stubtest checks the stubs and annotations against the installed module."""
    pytest.importorskip("mypy")
    # stubtest reads a multi-value ``Literal[...]`` alias as a Union and the runtime object
    # as something else: a false alarm for each enum alias (Role, MarkerKind, Code ...).
    from vanban import _api, _types

    literals = [
        f"{m.__name__}.{n}"
        for m in (_types, _api)
        for n in dir(m)
        if typing.get_origin(getattr(m, n)) is typing.Literal
    ]
    assert "vanban._types.Role" in literals and "vanban._api.InputFormat" in literals
    allow = tmp_path / "allowlist.txt"
    allow.write_text("".join(f"{n}\n" for n in literals), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "vanban", "--allowlist", str(allow)],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPY_CACHE_DIR": str(tmp_path / "mypy_cache")},
    )
    assert r.returncode == 0, r.stdout + r.stderr
