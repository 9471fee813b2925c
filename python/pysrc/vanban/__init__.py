"""vanban: parse Vietnamese directive documents (chỉ thị, kết luận, công văn, quyết định ...).

    >>> import vanban
    >>> doc = vanban.parse(text)
    >>> doc.kind, doc.symbol, doc.date
    ('chi_thi', '12/CT-UBND', '2024-01-05')
    >>> item = doc.items[0]
    >>> doc.source(item.span)          # spans are code-point offsets into `text`
    '1. Sở Y tế chủ trì ...'

Functions: ``parse`` (a text or a ``pathlib.Path``), ``parse_file`` and ``parse_bytes`` (text,
Markdown or an HTML page, told by the content or named by ``format=``), ``parse_many`` (parallel,
releases the GIL; texts or paths, ``as_tuples=True`` carries your ids), ``parse_iter`` (a
generator for streams), ``read_text`` and ``to_frames`` (pandas tables of many documents).
Every object of the model (``Document``, ``Item``, ``Citation``, ``Signature`` ...) has typed
attributes, ``to_dict()``, equality and pickling; ``Document`` also has ``to_json()``,
``from_json()``, ``source(span)``, ``all_items()``, ``outline()`` and ``markdown()``; ``Item``
has ``text`` and ``walk()``.

Spans (``.span``, ``.label_span`` ...) are half-open ranges of code points into the ``str``
that was parsed, so ``text[span.start:span.end]`` is the source of a node, whatever the
accents, combining marks (NFD) or emoji in the text.
"""

from . import _vanban
from ._api import DocumentPart, annotate, expand, parse, parse_all, parse_bytes, parse_file, parse_iter, parse_many, read_text
from ._errors import ParseError
from ._frames import to_frames
from ._types import *  # noqa: F401,F403  (the generated model classes and Literal types)
from ._types import __all__ as __all__  # the generated names (type checkers read this too)

#: Version of the JSON shape (``Document.schema_version``).
SCHEMA_VERSION: str = _vanban.SCHEMA_VERSION
#: Default size limit of an input, in UTF-8 bytes (64 MiB).
DEFAULT_MAX_BYTES: int = _vanban.DEFAULT_MAX_BYTES
#: Version of the Rust core this package was built with.
__version__: str = _vanban.core_version()

__all__ = list(__all__)  # a copy: _types.__all__ stays as it is
__all__ += [
    "parse",
    "parse_file",
    "parse_bytes",
    "annotate",
    "parse_all",
    "DocumentPart",
    "parse_many",
    "parse_iter",
    "read_text",
    "to_frames",
    "expand",
    "ParseError",
    "SCHEMA_VERSION",
    "DEFAULT_MAX_BYTES",
]
