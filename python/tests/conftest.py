"""Fixtures of the Python test suite; see helpers.py for the environment it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DIRECTIVE, find_cli


@pytest.fixture(scope="session")
def cli() -> Path:
    p = find_cli()
    if p is None:
        pytest.skip("Rust CLI not built: cargo build --release -p vanban-cli (or set VANBAN_CLI)")
    return p


@pytest.fixture
def directive() -> str:
    return DIRECTIVE
