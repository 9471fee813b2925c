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
    from ._types import Document

#: How a field's JSON value becomes Python: ``None`` (as is), a Node class (a dict becomes an
#: instance), or a ``_Seq`` / ``_Map`` of one of those.
Spec = Union[None, Type["Node"], "_Seq", "_Map"]
N = TypeVar("N", bound="Node")


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


def _unwrap(value: Any) -> Any:
    if isinstance(value, Node):
        return value.to_dict()
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    if isinstance(value, dict):
        return {k: _unwrap(v) for k, v in value.items()}
    return value


def _clip(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


class Node:
    """A typed view of one JSON object of the contract.

    Attributes are the contract's fields; ``to_dict()`` gives the JSON object back (with
    code-point spans). Objects compare equal when all their fields are equal, and pickle.
    """

    __slots__ = ("_extra",)

    #: Field names in schema order, and how each is built (set by the generated module).
    _fields: ClassVar[Tuple[str, ...]] = ()
    _specs: ClassVar[Tuple[Spec, ...]] = ()
    #: Fields that may be absent in the input and default to an empty list.
    _list_fields: ClassVar[FrozenSet[str]] = frozenset()
    _field_set: ClassVar[FrozenSet[str]] = frozenset()

    _extra: Dict[str, Any]

    @classmethod
    def _from_dict(cls: Type[N], d: Dict[str, Any]) -> N:
        self = cls.__new__(cls)
        seen = 0
        for name, spec in zip(cls._fields, cls._specs):
            if name in d:
                seen += 1
                value = _wrap(spec, d[name])
            else:
                value = [] if name in cls._list_fields else None
            object.__setattr__(self, name, value)
        fields = cls._field_set
        extra = {} if seen == len(d) else {k: v for k, v in d.items() if k not in fields}
        object.__setattr__(self, "_extra", extra)
        return self

    @classmethod
    def from_dict(cls: Type[N], d: Dict[str, Any]) -> N:
        """Builds the object from its JSON form (as given by ``to_dict()``)."""
        if not isinstance(d, dict):
            raise TypeError(f"{cls.__name__}.from_dict expects a dict, not {type(d).__name__}")
        return cls._from_dict(d)

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object of the contract as plain dicts, lists, str, int and None."""
        out = {name: _unwrap(getattr(self, name)) for name in self._fields}
        for k, v in self._extra.items():
            out[k] = _unwrap(v)
        return out

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: fields from a newer core than the generated classes.
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            extra = object.__getattribute__(self, "_extra")
        except AttributeError:
            raise AttributeError(name) from None
        if name in extra:
            return extra[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _values(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Node)
        return self._values() == other._values() and self._extra == other._extra

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> Tuple[Tuple[Any, ...], Dict[str, Any]]:
        return (self._values(), self._extra)

    def __setstate__(self, state: Tuple[Tuple[Any, ...], Dict[str, Any]]) -> None:
        values, extra = state
        for name, value in zip(self._fields, values):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_extra", dict(extra))

    def __iter__(self) -> Iterator[Tuple[str, Any]]:
        """``(field, value)`` pairs, so ``dict(node)`` works (values stay typed objects)."""
        for name in self._fields:
            yield name, getattr(self, name)
        yield from self._extra.items()

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


class DocumentMixin(Node):
    """Extras of ``Document``: JSON, renderings and tables."""

    __slots__ = ()
    kind: Optional[str]
    symbol: Optional[str]
    date: Optional[str]
    title: Optional[str]
    items: List[Any]
    citations: List[Any]
    signatures: List[Any]
    diagnostics: List[Any]

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """The contract JSON (code-point spans) as a string; ``indent`` pretty-prints it."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

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
