"""The functions of ``vanban``: parse a text, a file, or many of them."""

from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import (
    Any,
    Callable,
    Iterable,
    Iterator,
    List,
    Literal,
    NamedTuple,
    Optional,
    Tuple,
    TypeVar,
    Union,
    overload,
)

from . import _vanban
from ._errors import ParseError
from ._types import Document

#: What ``parse_many`` and ``parse_iter`` take: a text (``str``) or a file (a path object).
Source = Union[str, "os.PathLike[str]"]
#: Called with the number of documents finished since its last call (``tqdm(...).update``).
Progress = Callable[[int], Any]
C = TypeVar("C")

#: Documents parsed per batch by ``parse_iter`` (a batch runs on every thread at once).
DEFAULT_BATCH_SIZE = 256


def _check_max_bytes(max_bytes: Any) -> Optional[int]:
    if max_bytes is None:
        return None
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be an int or None, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, not {max_bytes}")
    return max_bytes


def _check_threads(threads: Any) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads must be >= 1, not {threads}")
    return threads


def _looks_like_a_path(text: str) -> bool:
    return len(text) < 4096 and "\n" not in text and text.strip() == text and os.path.isfile(text)


def parse(text: Union[str, "os.PathLike[str]"], /, *, max_bytes: Optional[int] = None) -> Document:
    """Parses one document.

    Args:
        text: the document as a ``str`` (plain text or Markdown, NFC or NFD, any line ends),
            or a path object (``pathlib.Path``), read as ``parse_file`` reads it.
        max_bytes: refuse texts longer than this many UTF-8 bytes (default 64 MiB).

    Returns:
        A ``Document``. Every span in it is a range of code points into ``text``:
        ``doc.source(node.span)`` (``text[node.span.start:node.span.end]``) is the node's
        source. Parsing is total: odd or empty input gives a document with ``diagnostics``,
        never an exception.

    A ``str`` is always the document itself; one that names an existing file gives a
    ``UserWarning`` (did you mean ``parse_file``?).

    Raises:
        TypeError: ``text`` is neither a ``str`` nor a path object.
        ParseError: ``text`` is larger than ``max_bytes`` (``.code == "input_too_large"``).
    """
    if isinstance(text, os.PathLike):
        return parse_file(text, max_bytes=max_bytes)
    if not isinstance(text, str):
        raise TypeError(f"parse() expects a str or a path object, not {type(text).__name__}")
    if _looks_like_a_path(text):
        warnings.warn(
            f"parse() got {text!r}, which names a file: it was parsed as the text of a document. "
            "Use vanban.parse_file(path) (or pass a pathlib.Path) to parse the file.",
            UserWarning,
            stacklevel=2,
        )
    fields = _vanban.parse_fields(text, _check_max_bytes(max_bytes))
    return Document._from_fields(fields, text)


def read_text(
    path: Union[str, "os.PathLike[str]"], *, max_bytes: Optional[int] = None, lossy: bool = False
) -> str:
    """Reads a file as ``parse_file`` does and returns its text (the ``str`` spans point into).

    UTF-8 (with or without a byte-order mark) and UTF-16 (with a mark, or found by its zero
    bytes) are decoded; a mark is kept as the text's first character, so spans are the file's
    own code points. A file larger than ``max_bytes`` is refused before it is read.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"expected a path (str or os.PathLike), not {type(path).__name__}")
    text, _encoding = _vanban.read_text(os.fspath(path), _check_max_bytes(max_bytes), bool(lossy))
    return text


#: The formats ``format=`` names (``None``: told by the content).
InputFormat = Literal["text", "html", "docx", "pdf", "image"]


def _check_format(format: Any) -> Optional[str]:
    if format is None or isinstance(format, str):
        return format
    raise TypeError(f"format must be a str or None, not {type(format).__name__}")


def parse_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    format: Optional[InputFormat] = None,
    encoding: Optional[str] = None,
    lossy: bool = False,
    max_bytes: Optional[int] = None,
) -> Document:
    """Reads a file in its format and parses it; ``doc.text`` is what its spans point into.

    Args:
        path: a ``str`` or path object.
        format: ``"text"`` (plain text or Markdown), ``"html"`` ...; by default the format is
            told by the content, as the CLI does. For an HTML page ``doc.text`` is the page
            itself: spans point into its markup, so the page can be highlighted.
        encoding: by default a text file is read as the CLI reads it (see ``read_text``: UTF-8
            or UTF-16, found from the bytes); name a codec (``"cp1258"``) to decode it with
            Python (the file is then read as text).
        lossy: replace invalid UTF-8 with U+FFFD instead of refusing the file.
        max_bytes: refuse files larger than this many bytes (default 64 MiB), before reading.

    Raises:
        TypeError: ``path`` is not a str or path object.
        ValueError: ``format`` is not a format vanban names.
        FileNotFoundError, PermissionError, IsADirectoryError, OSError: the file cannot be read.
        ParseError: the file is refused: ``.code`` is ``input_too_large``, ``binary_input``,
            ``invalid_utf8``, ``unsupported_format`` (a format this build does not read) or
            ``malformed_input``.
        UnicodeDecodeError: with ``encoding``, the file is not valid in it.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"parse_file() expects a path (str or os.PathLike), not {type(path).__name__}")
    limit = _check_max_bytes(max_bytes)
    if encoding is not None:
        with open(path, encoding=encoding, errors="replace" if lossy else "strict", newline="") as f:
            text = f.read()
        return Document._from_fields(_vanban.parse_fields(text, limit), text)
    fields, source, _format = _vanban.parse_source(
        None, os.fspath(path), _check_format(format), limit, bool(lossy)
    )
    return Document._from_fields(fields, source)


def parse_bytes(
    data: Union[bytes, bytearray, memoryview],
    /,
    *,
    format: Optional[InputFormat] = None,
    lossy: bool = False,
    max_bytes: Optional[int] = None,
) -> Document:
    """Parses the bytes of a file (an upload, a blob from a database) as ``parse_file`` reads a
    file: in its format, told by the content unless ``format`` names it. ``doc.text`` is the
    decoded source the spans point into (for HTML, the page).

    Raises:
        TypeError: ``data`` is not bytes-like.
        ValueError: ``format`` is not a format vanban names.
        ParseError: the bytes are refused (as ``parse_file``).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() expects bytes, not {type(data).__name__}")
    fields, source, _format = _vanban.parse_source(
        bytes(data), None, _check_format(format), _check_max_bytes(max_bytes), bool(lossy)
    )
    return Document._from_fields(fields, source)


class DocumentPart(NamedTuple):
    """One document of an input that holds several (``parse_all``): where it lies in the text,
    as code points, and the document (its spans into the whole text)."""

    start: int
    end: int
    document: Document


def parse_all(text: str, /, *, max_bytes: Optional[int] = None) -> List[DocumentPart]:
    """Parses a text that may hold several documents (an issue of the Công báo, a merged
    export): each document after the tail of the one before, with its span in ``text``.
    A text of one document gives one part. ``text[part.start:part.end]`` is the document's
    source; its spans are offsets into ``text``.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ParseError: ``text`` is larger than ``max_bytes``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_all() expects a str, not {type(text).__name__}")
    return [
        DocumentPart(start, end, Document._from_fields(fields, text))
        for start, end, fields in _vanban.parse_all_fields(text, _check_max_bytes(max_bytes))
    ]


def annotate(
    source: Union[str, bytes, bytearray, "os.PathLike[str]"],
    /,
    *,
    format: Optional[InputFormat] = None,
    max_bytes: Optional[int] = None,
) -> str:
    """The annotated HTML of a document: the source with what the parse found (items,
    assignments, actors, citations, dates) wrapped in ``<span class="vb vb-…" data-…>``, as
    eyecite's ``annotate`` does. ``source`` is a text (``str``), a file's bytes, or a path; an
    HTML page is annotated in place (the page itself, marked), a text is escaped into a
    ``<pre>``. Write the result to a ``.html`` file or show it with ``IPython.display.HTML``.

    Raises:
        TypeError, ValueError, ParseError, OSError: as ``parse_bytes`` and ``parse_file``.
    """
    limit = _check_max_bytes(max_bytes)
    fmt = _check_format(format)
    if isinstance(source, os.PathLike):
        return _vanban.annotate(None, os.fspath(source), fmt, limit)
    if isinstance(source, str):
        return _vanban.annotate(source.encode("utf-8"), None, fmt or "text", limit)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _vanban.annotate(bytes(source), None, fmt, limit)
    raise TypeError(f"annotate() expects a str, bytes or a path, not {type(source).__name__}")


def _batches(items: Iterable[Any], size: int) -> Iterator[List[Any]]:
    it = iter(items)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


def _iter(
    items: Iterable[Any],
    as_tuples: bool,
    threads: Optional[int],
    max_bytes: Optional[int],
    batch_size: int,
    progress: Optional[Progress],
) -> Iterator[Any]:
    base = 0
    for batch in _batches(items, batch_size):
        entries, contexts = [], []
        for k, entry in enumerate(batch):
            where = f"texts[{base + k}]"
            if as_tuples:
                if not (isinstance(entry, tuple) and len(entry) == 2):
                    raise TypeError(f"{where}: with as_tuples=True each entry is a (text, context) pair")
                entry, ctx = entry
                contexts.append(ctx)
            if not isinstance(entry, (str, os.PathLike)):
                raise TypeError(
                    f"{where} is {type(entry).__name__}, expected str (a text) or a path object (a file)"
                )
            entries.append(entry)
        texts = [e for e in entries if isinstance(e, str)]
        paths = [os.fspath(e) for e in entries if not isinstance(e, str)]
        parsed = iter(
            [Document._from_fields(f, t) for f, t in zip(_vanban.parse_many_fields(texts, max_bytes, threads, base), texts)]
            if texts
            else []
        )
        files = iter(_parse_paths(paths, max_bytes, threads) if paths else [])
        docs = [next(parsed) if isinstance(e, str) else next(files) for e in entries]
        if progress is not None:
            progress(len(docs))
        if as_tuples:
            yield from zip(docs, contexts)
        else:
            yield from docs
        base += len(batch)


def _parse_paths(paths: List[str], max_bytes: Optional[int], threads: Optional[int]) -> List[Document]:
    """Files read in their formats and parsed, in order, on threads started for this call (the
    native reader and parser release the GIL)."""

    def one(path: str) -> Document:
        fields, source, _format = _vanban.parse_source(None, path, None, max_bytes, False)
        return Document._from_fields(fields, source)

    workers = min(len(paths), threads or os.cpu_count() or 1)
    if workers <= 1:
        return [one(p) for p in paths]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, paths))


def _check_common(items: Any, threads: Any, max_bytes: Any, batch_size: Any) -> Tuple[Optional[int], Optional[int]]:
    if isinstance(items, (str, bytes, os.PathLike)):
        raise TypeError("expected an iterable of texts or paths, not a single one; use parse()")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be an int >= 1, not {batch_size!r}")
    return _check_threads(threads), _check_max_bytes(max_bytes)


@overload
def parse_iter(
    items: Iterable[Source],
    *,
    as_tuples: Literal[False] = ...,
    threads: Optional[int] = ...,
    max_bytes: Optional[int] = ...,
    batch_size: int = ...,
    progress: Optional[Progress] = ...,
) -> Iterator[Document]: ...
@overload
def parse_iter(
    items: Iterable[Tuple[Source, C]],
    *,
    as_tuples: Literal[True],
    threads: Optional[int] = ...,
    max_bytes: Optional[int] = ...,
    batch_size: int = ...,
    progress: Optional[Progress] = ...,
) -> Iterator[Tuple[Document, C]]: ...
def parse_iter(
    items: Iterable[Any],
    *,
    as_tuples: bool = False,
    threads: Optional[int] = None,
    max_bytes: Optional[int] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Optional[Progress] = None,
) -> Iterator[Any]:
    """Parses documents as they come, yielding each in input order (a generator).

    ``items`` is read lazily, ``batch_size`` at a time; each batch is parsed on up to
    ``threads`` threads with the GIL released, so a stream of millions of texts (a file
    listing, a database cursor) runs in bounded memory. Each entry is a text (``str``) or a
    file (a path object); with ``as_tuples=True`` each is a ``(text_or_path, context)`` pair
    and ``(Document, context)`` pairs come out, as spaCy's ``nlp.pipe`` does: carry your ids
    through. ``progress`` is called with the number of documents finished after each batch
    (``tqdm(total=n).update`` fits).

    Raises:
        TypeError: an entry is neither a text nor a path (or no pair, with ``as_tuples``).
        ParseError: an entry is refused (``texts[i]`` in the message is its position).
        OSError: a file cannot be read.
    """
    threads, max_bytes = _check_common(items, threads, max_bytes, batch_size)
    return _iter(items, as_tuples, threads, max_bytes, batch_size, progress)


@overload
def parse_many(
    items: Iterable[Source],
    *,
    as_tuples: Literal[False] = ...,
    threads: Optional[int] = ...,
    max_bytes: Optional[int] = ...,
    progress: Optional[Progress] = ...,
) -> List[Document]: ...
@overload
def parse_many(
    items: Iterable[Tuple[Source, C]],
    *,
    as_tuples: Literal[True],
    threads: Optional[int] = ...,
    max_bytes: Optional[int] = ...,
    progress: Optional[Progress] = ...,
) -> List[Tuple[Document, C]]: ...
def parse_many(
    items: Iterable[Any],
    *,
    as_tuples: bool = False,
    threads: Optional[int] = None,
    max_bytes: Optional[int] = None,
    progress: Optional[Progress] = None,
) -> List[Any]:
    """Parses many documents in parallel; equal to ``[parse(x) for x in items]``.

    Each entry is a text (``str``) or a file (a path object, read as ``parse_file`` reads it).
    With ``as_tuples=True`` entries are ``(text_or_path, context)`` pairs and the result is
    ``[(Document, context)]``. The GIL is released while parsing, on up to ``threads`` threads
    started for this call only (default: the number of CPUs; nothing is kept running between
    calls, so it is safe in forked workers). ``progress`` (``tqdm(total=n).update``) is called
    with the number of documents finished as batches complete. For a stream too large to
    hold, use ``parse_iter``.

    Raises:
        TypeError: ``items`` is a single ``str``/path, or holds something else.
        ParseError: one entry is refused (the message names its index, ``texts[i]``).
        OSError: a file cannot be read.
    """
    threads_, max_bytes_ = _check_common(items, threads, max_bytes, 1)
    if progress is None:
        batch = items if isinstance(items, list) else list(items)
        size = max(1, len(batch))
    else:
        batch, size = items, DEFAULT_BATCH_SIZE  # type: ignore[assignment]
    return list(_iter(batch, as_tuples, threads_, max_bytes_, size, progress))


def expand(abbreviation: str) -> Optional[str]:
    """The expansion of an abbreviation used in directives (``"UBND"`` -> ``"Ủy ban nhân dân"``),
    from the core's registry of bodies; ``None`` when it is unknown."""
    if not isinstance(abbreviation, str):
        raise TypeError(f"abbreviation must be str, not {type(abbreviation).__name__}")
    return _vanban.expand(abbreviation)


__all__ = ["parse", "parse_file", "parse_bytes", "parse_all", "DocumentPart", "annotate", "parse_many", "parse_iter", "read_text", "expand", "ParseError"]
