# Stub of the native module (python/src/lib.rs). Checked against the built module by
# `python -m mypy.stubtest vanban` (python/ci.sh).
from typing import Any, Dict, List, Optional

__all__ = ["parse", "parse_many", "render", "core_version", "SCHEMA_VERSION", "DEFAULT_MAX_BYTES"]

SCHEMA_VERSION: str
DEFAULT_MAX_BYTES: int

def parse(text: str, max_bytes: Optional[int] = None) -> Dict[str, Any]: ...
def parse_many(
    texts: List[str], max_bytes: Optional[int] = None, threads: Optional[int] = None
) -> List[Dict[str, Any]]: ...
def render(doc_json: str, format: str) -> str: ...
def core_version() -> str: ...
