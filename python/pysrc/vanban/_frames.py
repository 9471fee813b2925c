"""Documents as tables: one pandas DataFrame per kind of row (pandas is optional).

The tables follow the model, not a hand-kept list: every list of objects in ``Document``
(``citations``, ``recipients``, ``signatures``, ``dates`` ...) becomes a table, and so does
every list of objects in ``Item`` except ``children`` and ``paragraphs`` (``actors``,
``assignments``); lists inside those rows become ``<table>.<field>`` tables
(``assignments.actors``). Scalar fields become columns, nested objects ``<field>_<sub>``
columns, lists of objects a count ``n_<field>``, spans ``start``/``end`` (``label_span`` ->
``label_start``/``label_end``) in code points. So a field added to the model shows up as a
column or a table with no edit here.
"""

from __future__ import annotations

import importlib
from typing import (
    TYPE_CHECKING,
    AbstractSet,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from ._node import Node, _Seq
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


def _columns(cls: type, prefix: str = "") -> List[str]:
    """Columns of one object of ``cls``: scalars, nested objects (``<field>_<sub>``), the length
    of each list of objects (``n_<field>``), then spans."""
    scalars: List[str] = []
    nested: List[str] = []
    counts: List[str] = []
    spans: List[str] = []
    for name, spec in zip(cls._fields, cls._specs):  # type: ignore[attr-defined]
        sub = _node_class(spec)
        if sub is Span:
            spans.extend(_span_cols(name, prefix))
        elif sub is not None:
            nested.extend(_columns(sub, f"{prefix}{name}_"))
        elif _seq_class(spec) is not None:
            counts.append(f"n_{prefix}{name}")
        else:
            scalars.append(prefix + name)
    return scalars + nested + counts + spans


def _flatten(node: Optional[Dict[str, Any]], cls: type, out: Dict[str, Any], prefix: str = "") -> Dict[str, Any]:
    """One row from the JSON object ``node`` of class ``cls`` (see ``_columns``)."""
    for name, spec in zip(cls._fields, cls._specs):  # type: ignore[attr-defined]
        value = node.get(name) if node is not None else None
        sub = _node_class(spec)
        if sub is Span:
            start, end = _span_cols(name, prefix)
            out[start] = value["start"] if value is not None else None
            out[end] = value["end"] if value is not None else None
        elif sub is not None:
            _flatten(value, sub, out, f"{prefix}{name}_")
        elif _seq_class(spec) is not None:
            out[f"n_{prefix}{name}"] = len(value) if value is not None else 0
        else:
            out[prefix + name] = value
    return out


Row = Dict[str, Any]


def _walk(
    items: List[Row], depth: int = 0, parent: Optional[int] = None, path: str = "",
    counter: Optional[List[int]] = None,
) -> Iterator[Tuple[int, Optional[int], int, str, Row]]:
    """``(item_id, parent_id, depth, path, item)`` depth first; ids number the items of a document."""
    counter = [0] if counter is None else counter
    for it in items:
        item_id = counter[0]
        counter[0] += 1
        here = f"{path} > {it['label']}" if path else it["label"]
        yield item_id, parent, depth, here, it
        yield from _walk(it.get("children") or [], depth + 1, item_id, here, counter)


def _as_docs(docs: Any, ids: Optional[Sequence[Any]]) -> List[Tuple[Any, Row]]:
    """``(doc_id, JSON of the document)`` pairs."""
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
    return [(i, d._raw()) for i, d in pairs]


def table_names() -> List[str]:
    """The names of the tables ``to_frames`` can build, in the order it builds them."""
    names = ["documents", "items"]
    for n, cls in _object_lists(Item, _ITEM_TREE):
        names += [n] + [f"{n}.{f}" for f, _ in _object_lists(cls, ())]
    for n, cls in _object_lists(Document, ()):
        if n != "items":
            names += [n] + [f"{n}.{f}" for f, _ in _object_lists(cls, ())]
    return names


def table_rows(
    docs: Union[Document, Iterable[Document], Mapping[Any, Document]],
    ids: Optional[Sequence[Any]] = None,
    only: Optional[AbstractSet[str]] = None,
) -> Dict[str, Tuple[List[str], List[Dict[str, Any]]]]:
    """The rows of the tables, as ``{name: (columns, rows)}`` (what ``to_frames`` wraps);
    ``only`` names the tables to build (default: all)."""
    pairs = _as_docs(docs, ids)
    out: Dict[str, Tuple[List[str], List[Dict[str, Any]]]] = {}
    want = (lambda name: True) if only is None else (lambda name: name in only)

    doc_lists = _object_lists(Document, ())
    item_lists = _object_lists(Item, _ITEM_TREE)

    # documents: scalar fields, the family, and the length of every list (the header's
    # fields are in the text already: kind, symbol, date ...).
    if want("documents"):
        doc_cols = ["doc_id"] + [c for c in _columns(Document) if "header_" not in c] + ["family"]
        rows: List[Dict[str, Any]] = []
        for doc_id, d in pairs:
            row = _flatten(d, Document, {"doc_id": doc_id})
            row["family"] = (d.get("header") or {}).get("family")
            rows.append(row)
        out["documents"] = (doc_cols, rows)
    # A list's table is built when it or one of its `<list>.<field>` tables is asked for.
    def wanted(name: str, cls: type) -> bool:
        return want(name) or any(want(f"{name}.{f}") for f, _ in _object_lists(cls, ()))

    item_lists = [(n, cls) for n, cls in item_lists if wanted(n, cls)]
    doc_lists = [(n, cls) for n, cls in doc_lists if n != "items" and wanted(n, cls)]

    # items: the tree, flattened depth first (walked only when an item table is wanted).
    pairs_for_items = pairs if item_lists or want("items") else []
    item_cols = ["doc_id", "item_id", "parent_id", "depth", "path", "text"] + _columns(Item)
    item_rows: List[Dict[str, Any]] = []
    item_parts: List[Tuple[Dict[str, Any], Row]] = []
    for doc_id, d in pairs_for_items:
        for item_id, parent, depth, path, it in _walk(d.get("items") or []):
            row = {
                "doc_id": doc_id,
                "item_id": item_id,
                "parent_id": parent,
                "depth": depth,
                "path": path,
                "text": "\n".join(p["text"] for p in it.get("paragraphs") or []),
            }
            item_rows.append(_flatten(it, Item, row))
            item_parts.append(({"doc_id": doc_id, "item_id": item_id, "item_label": it["label"]}, it))
    if want("items"):
        out["items"] = (item_cols, item_rows)
    for n, cls in item_lists:
        _list_tables(out, n, cls, ["doc_id", "item_id", "item_label"], item_parts)

    # One table per list of objects of the document.
    doc_parts = [({"doc_id": doc_id}, d) for doc_id, d in pairs]
    for n, cls in doc_lists:
        _list_tables(out, n, cls, ["doc_id"], doc_parts)
    if only is not None:
        out = {k: v for k, v in out.items() if k in only}
    return out


def _list_tables(
    out: Dict[str, Tuple[List[str], List[Row]]],
    name: str,
    cls: type,
    keys: List[str],
    owners: List[Tuple[Dict[str, Any], Row]],
) -> None:
    """Table ``name`` from the list field ``name`` of every owner (one row per element, with the
    owner's keys and ``idx``, the position in the list), and one table ``name.<field>`` per
    list of objects in the elements (``assignments.actors``, ``citations.mentions`` ...) whose
    rows point back with ``parent_idx``."""
    rows: List[Row] = []
    nested = _object_lists(cls, ())
    nested_rows: Dict[str, List[Row]] = {f: [] for f, _ in nested}
    for key, owner in owners:
        for idx, x in enumerate(owner.get(name) or []):
            rows.append(_flatten(x, cls, {**key, "idx": idx}))
            for f, sub in nested:
                for j, y in enumerate(x.get(f) or []):
                    nested_rows[f].append(_flatten(y, sub, {**key, "parent_idx": idx, "idx": j}))
    out[name] = (keys + ["idx"] + _columns(cls), rows)
    for f, sub in nested:
        out[f"{name}.{f}"] = (keys + ["parent_idx", "idx"] + _columns(sub), nested_rows[f])


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
    for name, (cols, rows) in table_rows(docs, ids, only).items():
        df = pd.DataFrame(rows, columns=cols)
        for col in cols:
            if col in _DATE_COLUMNS.get(name, ()):
                df[col] = pd.to_datetime(df[col], format="%Y-%m-%d", errors="coerce")
            elif col == "parent_id" or col.endswith(("start", "end")) or col.startswith("n_"):
                if df[col].dtype == object or df[col].dtype.kind == "f" or len(df) == 0:
                    df[col] = df[col].astype("Int64")
        frames[name] = df
    return frames


__all__ = ["to_frames", "table_rows", "table_names", "PANDAS_HINT"]
