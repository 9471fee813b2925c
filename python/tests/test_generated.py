"""The typed classes are generated from the schema, and the generated file is up to date."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import vanban
from helpers import PYTHON, REPO

SCHEMA = REPO / "schema" / "document.schema.json"
GEN = PYTHON / "tools" / "gen_types.py"


def test_generated_types_are_fresh() -> None:
    """Fails when schema/document.schema.json changed and _types.py was not regenerated."""
    if not SCHEMA.is_file():
        pytest.skip("not in a source checkout")
    r = subprocess.run([sys.executable, str(GEN), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr + "\nRun: python python/tools/gen_types.py"


def test_installed_types_match_the_source() -> None:
    """The installed wheel was built from the current _types.py (rebuild it if not)."""
    src = PYTHON / "pysrc" / "vanban" / "_types.py"
    if not src.is_file():
        pytest.skip("not in a source checkout")
    from vanban import _types

    assert open(_types.__file__, encoding="utf-8").read() == src.read_text(encoding="utf-8")


def test_every_schema_object_has_a_class() -> None:
    if not SCHEMA.is_file():
        pytest.skip("not in a source checkout")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for name, d in schema["$defs"].items():
        cls = getattr(vanban, name)
        if "properties" in d:
            assert set(cls._fields) == set(d["properties"]), name
            assert cls.__doc__
    assert set(vanban.Document._fields) == set(schema["properties"])


def test_every_field_is_filled(directive: str) -> None:
    doc = vanban.parse(directive)
    d = json.loads(doc.to_json())
    assert set(d) == set(vanban.Document._fields)
    # Every field of the JSON is a field of the generated classes (nothing left untyped).
    assert {k for k, _ in doc} == set(vanban.Document._fields)
    assert {k for k, _ in doc.items[0]} == set(vanban.Item._fields)
    assert {k for k, _ in doc.header} == set(vanban.Header._fields)
