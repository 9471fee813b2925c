"""Documents as tables: one pandas DataFrame per kind of row (pandas is optional).

The tables follow the model, not a hand-kept list: every list of objects in ``Document``
(``citations``, ``recipients``, ``signatures``, ``dates`` ...) becomes a table, and so does
every list of objects in ``Item`` except ``children`` and ``paragraphs`` (``actors``,
``assignments``); lists inside those rows become ``<table>.<field>`` tables
(``assignments.actors``). Scalar fields become columns, nested objects ``<field>_<sub>``
columns, lists of objects a count ``n_<field>``, spans ``start``/``end`` (``label_span`` ->
``label_start``/``label_end``) in code points. So a field added to the model shows up as a
column or a table with no edit here.

Which columns a table has is decided here, from the generated classes; the native module
(`python/src/frames.rs`) reads the documents' JSON and fills the columns, one Python list each.
"""

from __future__ import annotations

import importlib
import json
from typing import (
    TYPE_CHECKING,
    AbstractSet,
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _vanban
from ._node import Node, _get, _Seq
from ._types import Document, Item, Span

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]

PANDAS_HINT = "vanban.to_frames needs pandas: pip install pandas (or install this package with its pandas extra)"

#: Columns that hold ISO dates of issue (``YYYY-MM-DD``): ``datetime64`` in the frames. Other
#: date-like columns (``dates.value``: ``2020-04``, ``P14D``, ranges) stay text.
_DATE_COLUMNS = {"documents": ("date",), "citations": ("date",)}

#: Tables built from ``Item`` fields in their own way.
_ITEM_TREE = ("children", "paragraphs")


def _node_class(spec: Any) -> Optional[type]:
    return spec if isinstance(spec, type) and issubclass(spec, Node) else None


def _seq_class(spec: Any) -> Optional[type]:
    return _node_class(spec.of) if isinstance(spec, _Seq) else None


def _object_lists(cls: type, skip: Tuple[str, ...]) -> List[Tuple[str, type]]:
    """``(field, element class)`` of every list-of-objects field of ``cls``."""
    out = []
    for name, spec in zip(cls._fields, cls._specs):  # type: ignore[attr-defined]
        elem = _seq_class(spec)
        if elem is not None and name not in skip:
            out.append((name, elem))
    return out


def _span_cols(name: str, prefix: str) -> Tuple[str, str]:
    if name == "span":
        base = prefix
    elif name.endswith("_span"):
        base = prefix + name[: -len("span")]
    else:
        base = prefix + name + "_"
    return base + "start", base + "end"


def _as_docs(docs: Any, ids: Optional[Sequence[Any]]) -> List[Tuple[Any, Document]]:
    """``(doc_id, document)`` pairs."""
    if isinstance(docs, Document):
        pairs = [(0, docs)]
    elif isinstance(docs, Mapping):
        pairs = list(docs.items())
    else:
        pairs = list(enumerate(docs))
    if ids is not None:
        ids = list(ids)
        if len(ids) != len(pairs):
            raise ValueError(f"to_frames: {len(ids)} ids for {len(pairs)} documents")
        pairs = [(i, d) for i, (_, d) in zip(ids, pairs)]
    for _, d in pairs:
        if not isinstance(d, Document):
            raise TypeError(f"to_frames expects vanban.Document objects, not {type(d).__name__}")
    return pairs


Getter = Tuple[str, str, Tuple[str, ...]]


def _getters(cls: type, prefix: str = "", path: Tuple[str, ...] = ()) -> List[Getter]:
    """``(column, how, path)`` of every column of ``cls`` (the columns of ``_columns``, in its
    order): ``how`` is ``value``, ``start``/``end`` of a span, or ``count`` of a list."""
    scalars: List[Getter] = []
    nested: List[Getter] = []
    counts: List[Getter] = []
    spans: List[Getter] = []
    for name, spec in zip(cls._fields, cls._specs):  # type: ignore[attr-defined]
        sub = _node_class(spec)
        here = path + (name,)
        if sub is Span:
            start, end = _span_cols(name, prefix)
            spans += [(start, "start", here), (end, "end", here)]
        elif sub is not None:
            nested += _getters(sub, f"{prefix}{name}_", here)
        elif _seq_class(spec) is not None:
            counts.append((f"n_{prefix}{name}", "count", here))
        else:
            scalars.append((prefix + name, "value", here))
    return scalars + nested + counts + spans


def _plan(only: Optional[AbstractSet[str]]) -> Dict[str, Any]:
    """What ``frame_columns`` builds: the tables asked for (all when ``only`` is None)."""
    def want(name: str) -> bool:
        return only is None or name in only

    def lists(cls: type, skip: Tuple[str, ...]) -> List[Any]:
        out = []
        for n, elem in _object_lists(cls, skip):
            if cls is Document and n == "items":
                continue
            inner = [(f, _getters(sub)) for f, sub in _object_lists(elem, ()) if only is None or want(f"{n}.{f}")]
            if want(n) or inner:
                out.append((n, _getters(elem), inner))
        return out

    item_lists = lists(Item, _ITEM_TREE)
    return {
        "documents": [g for g in _getters(Document) if "header_" not in g[0]] if want("documents") else None,
        "items": _getters(Item) if want("items") else None,
        "walk_items": want("items") or bool(item_lists),
        "item_lists": item_lists,
        "doc_lists": lists(Document, ()),
    }


def _fields(doc: Document) -> Dict[str, bytes]:
    """The document's top-level fields as JSON bytes (as ``parse`` left them, or encoded again
    for a document built from a dict)."""
    pending = doc._pending()
    if pending is not None and not _get(doc, "_d"):
        return pending
    return {k: json.dumps(v, ensure_ascii=False).encode() for k, v in doc._raw().items()}


def table_columns(
    docs: Union[Document, Iterable[Document], Mapping[Any, Document]],
    ids: Optional[Sequence[Any]] = None,
    only: Optional[AbstractSet[str]] = None,
) -> Dict[str, Tuple[List[str], List[List[Any]]]]:
    """The tables as ``{name: (columns, column values)}``, built by the native module."""
    pairs = _as_docs(docs, ids)
    doc_ids = [i for i, _ in pairs]
    out: Dict[str, Tuple[List[str], List[List[Any]]]] = {}
    for name, cols, values in _vanban.frame_columns([_fields(d) for _, d in pairs], _plan(only)):
        if only is not None and name not in only:
            continue
        if cols and cols[0] == "doc_id":
            values[0] = [doc_ids[k] for k in values[0]]
        out[name] = (cols, values)
    return out


def table_names() -> List[str]:
    """The names of the tables ``to_frames`` can build, in the order it builds them."""
    names = ["documents", "items"]
    for n, cls in _object_lists(Item, _ITEM_TREE):
        names += [n] + [f"{n}.{f}" for f, _ in _object_lists(cls, ())]
    for n, cls in _object_lists(Document, ()):
        if n != "items":
            names += [n] + [f"{n}.{f}" for f, _ in _object_lists(cls, ())]
    return names


def to_frames(
    docs: Union[Document, Iterable[Document], Mapping[Any, Document]],
    *,
    ids: Optional[Sequence[Any]] = None,
    tables: Optional[Iterable[str]] = None,
) -> Dict[str, "pandas.DataFrame"]:
    """Documents as pandas DataFrames, one row per object, keyed by document id.

    Args:
        docs: a ``Document``, a list of them, or a mapping ``{doc_id: Document}`` (e.g. file
            name to document).
        ids: document ids for a list (default: its positions).
        tables: the tables to build (``["documents", "citations", "items"]``); default all.
            Only what is asked for is built.

    Returns:
        ``{name: DataFrame}``: ``documents``, ``items``, one table per list of objects of a
        document (``citations``, ``recipients``, ``signatures``, ``diagnostics`` ...) or of an
        item (``actors``, ``assignments``), and ``<table>.<field>`` for the lists inside those
        (``assignments.actors``: who is assigned each task; ``citations.mentions``). Every
        table has a ``doc_id`` column; rows of item parts have ``item_id`` (the item's position
        depth first, as in ``items``); ``idx`` is a row's position in its list and
        ``parent_idx`` the position of the row it belongs to; ``start``/``end`` columns are
        code-point offsets into the document's text.

        Dtypes: dates of issue (``documents.date``, ``citations.date``) are ``datetime64``
        (``NaT`` when absent), integer columns that may be absent (``parent_id``, the offsets
        of optional spans) are nullable ``Int64``, never floats.

    Raises:
        ImportError: pandas is not installed.
        ValueError: ``tables`` names a table that does not exist.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as e:
        raise ImportError(PANDAS_HINT) from e
    only = None
    if tables is not None:
        if isinstance(tables, str):
            tables = [tables]
        only = set(tables)
        unknown = sorted(only - set(table_names()))
        if unknown:
            raise ValueError(f"to_frames: no table {unknown}; the tables are {table_names()}")
    frames: Dict[str, Any] = {}
    for name, (cols, values) in table_columns(docs, ids, only).items():
        df = pd.DataFrame(dict(zip(cols, values)), columns=cols)
        for col in cols:
            if col in _DATE_COLUMNS.get(name, ()):
                df[col] = pd.to_datetime(df[col], format="%Y-%m-%d", errors="coerce")
            elif col == "parent_id" or col.endswith(("start", "end")) or col.startswith("n_"):
                if df[col].dtype == object or df[col].dtype.kind == "f" or len(df) == 0:
                    df[col] = df[col].astype("Int64")
        frames[name] = df
    return frames


__all__ = ["to_frames", "table_columns", "table_names", "PANDAS_HINT"]
