"""Base class of the typed document objects, and the hand-written extras of a few of them.

The classes themselves (``Document``, ``Item``, ``Citation`` ...) are generated from the JSON
Schema of the contract into ``_types.py`` by ``python/tools/gen_types.py``. Everything generic
lives here: building objects from the native module's dicts, ``to_dict``, equality, pickling and
``repr``. A key the generated classes do not know yet (a newer core) is kept, readable as an
attribute and written back by ``to_dict``, so nothing is lost between two regenerations.
"""

from __future__ import annotations

import html
import json
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Dict,
    FrozenSet,
    Iterator,
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from . import _vanban

if TYPE_CHECKING:
    from ._types import Document, Item, Span

#: A span, or a ``(start, end)`` pair.
SpanLike = Union["Span", Tuple[int, int]]

#: How a field's JSON value becomes Python: ``None`` (as is), a Node class (a dict becomes an
#: instance), or a ``_Seq`` / ``_Map`` of one of those.
Spec = Union[None, Type["Node"], "_Seq", "_Map"]
N = TypeVar("N", bound="Node")
D = TypeVar("D", bound="DocumentMixin")


class _Seq:
    __slots__ = ("of",)

    def __init__(self, of: Spec) -> None:
        self.of = of


class _Map:
    __slots__ = ("of",)

    def __init__(self, of: Spec) -> None:
        self.of = of


def _wrap(spec: Spec, value: Any) -> Any:
    if value is None or spec is None:
        return value
    if isinstance(spec, _Seq):
        return [_wrap(spec.of, v) for v in value]
    if isinstance(spec, _Map):
        return {k: _wrap(spec.of, v) for k, v in value.items()}
    if isinstance(value, dict):
        return spec._from_dict(value)
    return value


def _raw(value: Any) -> Any:
    """The JSON form of a field value, sharing unchanged parts with the input (read only)."""
    if isinstance(value, Node):
        return value._raw()
    if isinstance(value, list):
        return [_raw(v) for v in value]
    if isinstance(value, dict):
        return {k: _raw(v) for k, v in value.items()}
    return value


def _copy(value: Any) -> Any:
    """A deep copy of JSON data (dicts, lists and scalars)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _clip(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


_UNSET = object()
_get = object.__getattribute__


class Node:
    """A typed view of one JSON object of the contract.

    Attributes are the contract's fields; ``to_dict()`` gives the JSON object back (with
    code-point spans). Objects compare equal when all their fields are equal, and pickle.

    Objects are built lazily: a node keeps the dict it was read from and turns a field into
    typed objects the first time it is read (then it is a plain slot). Parsing stays cheap
    when only a few fields are wanted, and ``to_dict``, ``to_json``, pickling and
    ``to_frames`` read the dicts directly.
    """

    __slots__ = ("_d",)

    #: Field names in schema order, and how each is built (set by the generated module).
    _fields: ClassVar[Tuple[str, ...]] = ()
    _specs: ClassVar[Tuple[Spec, ...]] = ()
    _spec_of: ClassVar[Dict[str, Spec]] = {}
    #: Fields that default to an empty list when the input lacks them.
    _list_fields: ClassVar[FrozenSet[str]] = frozenset()
    _field_set: ClassVar[FrozenSet[str]] = frozenset()

    #: The JSON object this node was read from ({} for a node built by hand).
    _d: Dict[str, Any]

    @classmethod
    def _from_dict(cls: Type[N], d: Dict[str, Any]) -> N:
        self = cls.__new__(cls)
        object.__setattr__(self, "_d", d)
        return self

    @classmethod
    def from_dict(cls: Type[N], d: Dict[str, Any]) -> N:
        """Builds the object from its JSON form (as given by ``to_dict()``); the dict is copied."""
        if not isinstance(d, dict):
            raise TypeError(f"{cls.__name__}.from_dict expects a dict, not {type(d).__name__}")
        return cls._from_dict(_copy(d))

    if not TYPE_CHECKING:  # a type checker sees the declared fields only: a typo is an error

        def __getattr__(self, name: str) -> Any:
            return self._lazy(name)

    def _lazy(self, name: str) -> Any:
        # Called only when a slot is still unset (not read yet) or the name is no field.
        cls = type(self)
        if name == "_d":  # unpickled from an empty state: __setstate__ was not called
            object.__setattr__(self, "_d", {})
            return _get(self, "_d")
        d = _get(self, "_d")
        spec = cls._spec_of.get(name, _UNSET)
        if spec is not _UNSET:
            if name in d:
                value = _wrap(spec, d[name])  # type: ignore[arg-type]
            else:
                value = [] if name in cls._list_fields else None
            object.__setattr__(self, name, value)
            return value
        if name in d and not name.startswith("_"):
            # A field of a newer core than the generated classes: the JSON value as it is.
            return d[name]
        raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}")

    def _raw(self) -> Dict[str, Any]:
        """The JSON object, sharing unchanged parts with the input: read it, never change it."""
        d = _get(self, "_d")
        out = None
        for name in self._fields:
            try:
                value = _get(self, name)
            except AttributeError:  # never read: still as in d
                continue
            if out is None:
                out = dict(d)
            out[name] = _raw(value)
        if out is None:
            return cast(Dict[str, Any], d)
        return out

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object of the contract as plain dicts, lists, str, int and None (a copy)."""
        return cast(Dict[str, Any], _copy(self._raw()))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Node)
        return self._raw() == other._raw()

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> Dict[str, Any]:
        return self._raw()

    def __setstate__(self, state: Dict[str, Any]) -> None:
        object.__setattr__(self, "_d", state)

    def __iter__(self) -> Iterator[Tuple[str, Any]]:
        """``(field, value)`` pairs, so ``dict(node)`` works (values stay typed objects)."""
        for name in self._fields:
            yield name, getattr(self, name)
        d = _get(self, "_d")
        for k in d:
            if k not in self._field_set:
                yield k, d[k]

    def _repr_value(self, value: Any) -> str:
        if isinstance(value, str):
            return repr(_clip(value))
        if isinstance(value, list):
            if value and isinstance(value[0], Node):
                return f"[{len(value)} × {type(value[0]).__name__}]"
            return repr(value) if len(repr(value)) <= 60 else f"[{len(value)} values]"
        if isinstance(value, Node) and not isinstance(value, SpanMixin):
            inner = repr(value)
            return inner if len(inner) <= 80 else f"{type(value).__name__}(…)"
        return repr(value)

    def __repr__(self) -> str:
        parts = []
        # Scalars first, then lists and objects; spans, the least readable, last.
        pairs = sorted(
            self,
            key=lambda kv: 2 if isinstance(kv[1], SpanMixin) else int(isinstance(kv[1], (Node, list))),
        )
        for name, value in pairs:
            if value is None or value == [] or value == {}:
                continue
            parts.append(f"{name}={self._repr_value(value)}")
        return f"{type(self).__name__}({', '.join(parts)})"


class SpanMixin(Node):
    """Extras of ``Span``."""

    __slots__ = ()
    start: int
    end: int

    def as_slice(self) -> slice:
        """``slice(start, end)``: ``text[span.as_slice()]`` is the source of the node."""
        return slice(self.start, self.end)

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"


class ItemMixin(Node):
    """Extras of ``Item``."""

    __slots__ = ()
    if TYPE_CHECKING:
        label: str
        paragraphs: List[Any]
        children: List[Item]

    @property
    def text(self) -> str:
        """The item's own text: its paragraphs joined by line breaks (label and children apart)."""
        return "\n".join(p.text for p in self.paragraphs)

    def walk(self) -> Iterator[Item]:
        """This item and every item below it, depth first."""
        stack: List[Item] = [cast("Item", self)]
        while stack:
            it = stack.pop()
            yield it
            stack.extend(reversed(it.children))


class DocumentMixin(Node):
    """Extras of ``Document``: JSON, renderings and tables.

    A document from ``vanban.parse`` starts with its top-level fields still as JSON text
    (``_j``: field name -> ``bytes``, in contract order); a field is decoded the first time it
    is read, and all of them at once by anything that needs the whole JSON (``to_dict``,
    ``to_json``, equality, pickling, ``to_frames``). Reading ``doc.symbol`` and
    ``doc.citations`` of many documents never builds their items.
    """

    __slots__ = ("_j", "_t")
    if TYPE_CHECKING:
        kind: Optional[str]
        symbol: Optional[str]
        date: Optional[str]
        title: Optional[str]
        items: List[Item]
        citations: List[Any]
        signatures: List[Any]
        diagnostics: List[Any]

    @classmethod
    def _from_fields(cls: Type[D], fields: Dict[str, bytes], text: Optional[str] = None) -> D:
        """A document whose fields are decoded from their JSON text when first read."""
        self = cls.__new__(cls)
        object.__setattr__(self, "_d", {})
        object.__setattr__(self, "_j", fields)
        object.__setattr__(self, "_t", text)
        return self

    @classmethod
    def from_json(cls: Type[D], data: Union[str, bytes], *, text: Optional[str] = None) -> D:
        """A document from its contract JSON (``to_json()``, the CLI's ``--json --offsets
        chars``, a stored record); ``text``, the parsed text, makes ``source()`` work."""
        if not isinstance(data, (str, bytes, bytearray)):
            raise TypeError(f"from_json expects str or bytes, not {type(data).__name__}")
        d = json.loads(data)
        if not isinstance(d, dict):
            raise ValueError("from_json: the JSON is not an object")
        self = cls._from_dict(d)
        object.__setattr__(self, "_t", text)
        return self

    @property
    def text(self) -> Optional[str]:
        """The text that was parsed (``None`` for a document built from JSON without it)."""
        try:
            return cast(Optional[str], _get(self, "_t"))
        except AttributeError:
            return None

    def source(self, span: "SpanLike") -> str:
        """The source text a span covers: ``doc.source(item.span)`` is ``text[start:end]``.

        Raises:
            ValueError: the document does not hold its text (built from JSON without it).
        """
        text = self.text
        if text is None:
            raise ValueError(
                "this document does not hold its text: parse it with vanban.parse / parse_file, "
                "or pass text= to Document.from_json"
            )
        start, end = (span.start, span.end) if not isinstance(span, tuple) else span
        return text[start:end]

    def all_items(self) -> List[Item]:
        """Every item of the tree, depth first (an item before its children), as in Rust."""
        out: List[Item] = []
        stack = list(reversed(self.items))
        while stack:
            it = stack.pop()
            out.append(it)
            stack.extend(reversed(it.children))
        return out

    def _pending(self) -> Optional[Dict[str, bytes]]:
        try:
            return cast(Optional[Dict[str, bytes]], _get(self, "_j"))
        except AttributeError:  # built from a dict or unpickled: nothing pending
            return None

    def _decode_all(self) -> None:
        """Decodes every field still pending, keeping the contract's order of fields."""
        j = self._pending()
        if j is None:
            return
        d = _get(self, "_d")
        object.__setattr__(self, "_d", {k: d[k] if k in d else json.loads(v) for k, v in j.items()})
        object.__setattr__(self, "_j", None)

    def _lazy(self, name: str) -> Any:
        if not name.startswith("_"):
            j = self._pending()
            if j is not None and name in j:
                d = _get(self, "_d")
                if name not in d:
                    d[name] = json.loads(j[name])
        return Node._lazy(self, name)

    def _raw(self) -> Dict[str, Any]:
        self._decode_all()
        return Node._raw(self)

    def __iter__(self) -> Iterator[Tuple[str, Any]]:
        self._decode_all()
        return Node.__iter__(self)

    def __getstate__(self) -> Any:
        return (self._raw(), self.text)

    def __setstate__(self, state: Any) -> None:
        d, text = state if isinstance(state, tuple) else (state, None)
        object.__setattr__(self, "_d", d)
        object.__setattr__(self, "_j", None)
        object.__setattr__(self, "_t", text)

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """The contract JSON (code-point spans) as a string; ``indent`` pretty-prints it."""
        return json.dumps(self._raw(), ensure_ascii=False, indent=indent)

    def outline(self) -> str:
        """A plain-text outline: header fields, the item tree, signatures, recipients,
        citations and diagnostics (the Rust CLI's default output; spans in code points)."""
        return _vanban.render(self.to_json(), "outline")

    def markdown(self) -> str:
        """The document as Markdown: header table, items as nested lists, citations, actors,
        signature, recipients and diagnostics."""
        return _vanban.render(self.to_json(), "markdown")

    def to_frames(self, doc_id: Any = 0) -> Dict[str, Any]:
        """This document as pandas DataFrames (see ``vanban.to_frames``); needs pandas."""
        from ._frames import to_frames

        return to_frames([cast("Document", self)], ids=[doc_id])

    def __str__(self) -> str:
        return self.outline()

    def __repr__(self) -> str:
        head = " ".join(x for x in (self.kind, self.symbol, self.date) if x) or "(no header)"
        title = f" {_clip(self.title, 50)!r}" if self.title else ""
        counts = " ".join(
            f"{name}={len(v)}"
            for name, v in (
                ("items", self.items),
                ("citations", self.citations),
                ("signatures", self.signatures),
                ("diagnostics", self.diagnostics),
            )
        )
        return f"<vanban.Document {head}{title}: {counts}>"

    def _repr_html_(self) -> str:
        head = html.escape(" · ".join(x for x in (self.kind, self.symbol, self.date) if x))
        title = html.escape(self.title or "(no title)")
        return (
            '<div class="vanban-document">'
            f"<div><b>{title}</b></div>"
            f'<div style="color:#666">{head}</div>'
            '<pre style="white-space:pre-wrap;margin-top:.5em">'
            f"{html.escape(self.outline())}</pre></div>"
        )
