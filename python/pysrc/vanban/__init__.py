"""vanban: parse Vietnamese directive documents (chỉ thị, kết luận, công văn, quyết định ...).

    >>> import vanban
    >>> doc = vanban.parse(text)
    >>> doc.kind, doc.symbol, doc.date
    ('chi_thi', '12/CT-UBND', '2024-01-05')
    >>> item = doc.items[0]
    >>> text[item.span.start:item.span.end]    # spans are code-point offsets into `text`
    '1. Sở Y tế chủ trì ...'

Functions: ``parse``, ``parse_file``, ``parse_many`` (parallel, releases the GIL) and
``to_frames`` (pandas tables of many documents). Every object of the model (``Document``,
``Item``, ``Citation``, ``Signature`` ...) has typed attributes, ``to_dict()``, equality and
pickling; ``Document`` also has ``to_json()``, ``outline()`` and ``markdown()``.

Spans (``.span``, ``.label_span`` ...) are half-open ranges of code points into the ``str``
that was parsed, so ``text[span.start:span.end]`` is the source of a node, whatever the
accents, combining marks (NFD) or emoji in the text.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, List, Optional, Union

from . import _vanban
from ._errors import ParseError
from ._frames import to_frames
from ._types import *  # noqa: F401,F403  (the generated model classes)
from ._types import Document
from ._types import __all__ as __all__  # the generated classes' names (type checkers read this too)

#: Version of the JSON shape (``Document.schema_version``).
SCHEMA_VERSION: str = _vanban.SCHEMA_VERSION
#: Default size limit of an input, in UTF-8 bytes (64 MiB).
DEFAULT_MAX_BYTES: int = _vanban.DEFAULT_MAX_BYTES
#: Version of the Rust core this package was built with.
__version__: str = _vanban.core_version()


def expand(abbreviation: str) -> Optional[str]:
    """The expansion of an abbreviation used in directives (``"UBND"`` -> ``"Ủy ban nhân dân"``),
    from the core's registry of bodies; ``None`` when it is unknown."""
    if not isinstance(abbreviation, str):
        raise TypeError(f"abbreviation must be str, not {type(abbreviation).__name__}")
    return _vanban.expand(abbreviation)

__all__ = list(__all__)  # a copy: _types.__all__ stays as it is
__all__ += [
    "parse",
    "parse_file",
    "parse_many",
    "to_frames",
    "expand",
    "ParseError",
    "SCHEMA_VERSION",
    "DEFAULT_MAX_BYTES",
]


def _check_max_bytes(max_bytes: Any) -> Optional[int]:
    if max_bytes is None:
        return None
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be an int or None, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, not {max_bytes}")
    return max_bytes


def parse(text: str, /, *, max_bytes: Optional[int] = None) -> Document:
    """Parses one document.

    Args:
        text: the document as a ``str`` (plain text or Markdown, NFC or NFD, any line ends).
        max_bytes: refuse texts longer than this many UTF-8 bytes (default 64 MiB).

    Returns:
        A ``Document``. Every span in it is a range of code points into ``text``:
        ``text[node.span.start:node.span.end]`` is the node's source. Parsing is total: odd or
        empty input gives a document with ``diagnostics``, never an exception.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ParseError: ``text`` is larger than ``max_bytes`` (``.code == "input_too_large"``).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() expects a str, not {type(text).__name__}")
    return Document._from_fields(_vanban.parse_fields(text, _check_max_bytes(max_bytes)))


def parse_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    encoding: str = "utf-8",
    max_bytes: Optional[int] = None,
) -> Document:
    """Reads a file (UTF-8 by default, line ends kept as they are) and parses it.

    Spans are code-point offsets into the file's decoded text, i.e. into
    ``open(path, encoding=encoding, newline="").read()``.

    Raises:
        TypeError: ``path`` is not a str or path-like object.
        OSError: the file cannot be read (``FileNotFoundError`` ...).
        UnicodeDecodeError: the file is not valid in ``encoding``.
        ParseError: the text is larger than ``max_bytes``.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"parse_file() expects a path (str or os.PathLike), not {type(path).__name__}")
    with open(path, encoding=encoding, newline="") as f:
        text = f.read()
    return parse(text, max_bytes=max_bytes)


def parse_many(
    texts: Iterable[str],
    *,
    threads: Optional[int] = None,
    max_bytes: Optional[int] = None,
) -> List[Document]:
    """Parses many documents in parallel; equal to ``[parse(t) for t in texts]``.

    The GIL is released while parsing, on up to ``threads`` threads started for this call
    only (default: the number of CPUs; nothing is kept running between calls, so it is safe
    in forked workers).

    Raises:
        TypeError: ``texts`` is a ``str`` or holds something else than ``str``.
        ParseError: one text is larger than ``max_bytes`` (the message names its index).
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("parse_many() expects an iterable of str, not a single str; use parse()")
    if threads is not None:
        if isinstance(threads, bool) or not isinstance(threads, int):
            raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
        if threads < 1:
            raise ValueError(f"threads must be >= 1, not {threads}")
    batch = texts if isinstance(texts, list) else list(texts)
    fields = _vanban.parse_many_fields(batch, _check_max_bytes(max_bytes), threads)
    return [Document._from_fields(f) for f in fields]

