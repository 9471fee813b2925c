#!/usr/bin/env python3
"""Generates ``python/pysrc/vanban/_types.py`` from ``schema/document.schema.json``.

One class per object of the contract (``Document`` and every object in ``$defs``), with
``__slots__``, typed attributes, a keyword-only typed ``__init__`` and the field specs that
``vanban._node.Node`` uses to build objects from the native module's dicts; one ``Literal``
alias per string enum (``Role``, ``MarkerKind``, diagnostic ``Code`` ...). The annotations are
inline, so the generated module is its own stub (the package ships ``py.typed``).

    python python/tools/gen_types.py            # rewrite _types.py
    python python/tools/gen_types.py --check    # exit 1 if _types.py is stale

Run it after the core's schema changes (the test suite fails while the file is stale).
Standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCHEMA = REPO / "schema" / "document.schema.json"
OUT = HERE.parent / "pysrc" / "vanban" / "_types.py"

#: Hand-written bases (in ``_node.py``) of some generated classes.
MIXINS = {"Document": "DocumentMixin", "Span": "SpanMixin", "Item": "ItemMixin"}

#: The schema speaks of UTF-8 bytes; in Python every offset is a code point of the given str.
DOC_OVERRIDES = {
    "Span": (
        "A half-open range ``start..end`` of code points (``str`` indices) into the text given "
        "to ``vanban.parse``: ``text[span.start:span.end]`` is the source of the node."
    ),
    "Document.input_len": (
        "Length of the input in code points (``len(text)``); every span lies within "
        "``0..input_len``."
    ),
}


def one_line(s: str) -> str:
    """A description on one line (schema descriptions may wrap)."""
    return " ".join(s.split())


def q(s: str) -> str:
    """A double-quoted Python string literal."""
    return json.dumps(s, ensure_ascii=False)


def ref_name(ref: str) -> str:
    prefix = "#/$defs/"
    if not ref.startswith(prefix):
        raise SystemExit(f"gen_types: unsupported $ref {ref!r}")
    return ref[len(prefix):]


class Gen:
    def __init__(self, schema: dict) -> None:
        self.schema = schema
        self.defs: dict = schema.get("$defs", {})
        self.objects: dict[str, dict] = {}
        self.enums: dict[str, dict] = {}
        root_name = schema.get("title", "Document")
        self.objects[root_name] = schema
        for name, d in sorted(self.defs.items()):
            if self.enum_values(d) is not None:
                self.enums[name] = d
            elif d.get("type") == "object" or "properties" in d:
                self.objects[name] = d
            else:
                raise SystemExit(f"gen_types: $defs/{name} is neither an object nor an enum")

    @staticmethod
    def enum_values(d: dict) -> list[tuple[str, str]] | None:
        """``[(value, description)]`` of a string enum, or None."""
        if "enum" in d and all(isinstance(v, str) for v in d["enum"]):
            return [(v, "") for v in d["enum"]]
        if "oneOf" in d and all("const" in v and isinstance(v["const"], str) for v in d["oneOf"]):
            return [(v["const"], one_line(v.get("description", ""))) for v in d["oneOf"]]
        return None

    def type_of(self, p: dict) -> tuple[str, str, bool]:
        """``(annotation, spec expression, nullable)`` of a property schema."""
        if "$ref" in p:
            name = ref_name(p["$ref"])
            if name in self.objects:
                return name, name, False
            return name, "None", False
        for key in ("anyOf", "oneOf"):
            if key in p:
                alts = [a for a in p[key] if a.get("type") != "null"]
                nullable = len(alts) < len(p[key])
                if len(alts) == 1:
                    ann, spec, inner_null = self.type_of(alts[0])
                    return ann, spec, nullable or inner_null
                return "Any", "None", nullable
        if "allOf" in p and len(p["allOf"]) == 1:
            return self.type_of(p["allOf"][0])
        t = p.get("type")
        nullable = False
        if isinstance(t, list):
            nullable = "null" in t
            rest = [x for x in t if x != "null"]
            t = rest[0] if len(rest) == 1 else None
        if t == "array":
            ann, spec, _ = self.type_of(p.get("items", {}))
            spec = "None" if spec == "None" else f"_Seq({spec})"
            return f"List[{ann}]", spec, nullable
        if t == "object" and isinstance(p.get("additionalProperties"), dict):
            ann, spec, _ = self.type_of(p["additionalProperties"])
            spec = "None" if spec == "None" else f"_Map({spec})"
            return f"Dict[str, {ann}]", spec, nullable
        simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
                  "object": "Dict[str, Any]"}
        if isinstance(t, str) and t in simple:
            return simple[t], "None", nullable
        return "Any", "None", nullable

    def fields(self, d: dict) -> list[dict]:
        required = d.get("required", [])
        props = d.get("properties", {})
        out = []
        # The schema's order (by name), which is also the order of the keys of to_dict().
        for n in props:
            p = props[n]
            ann, spec, nullable = self.type_of(p)
            is_list = ann.startswith("List[")
            out.append({
                "name": n,
                "ann": f"Optional[{ann}]" if nullable or (n not in required and not is_list)
                else ann,
                "spec": spec,
                "required": n in required,
                "list": is_list,
                "desc": one_line(p.get("description", "")),
            })
        return out

    def render(self) -> str:
        w: list[str] = []
        w.append('"""Typed classes of the vanban document model.')
        w.append("")
        w.append("GENERATED by python/tools/gen_types.py from schema/document.schema.json: do not")
        w.append("edit; run the script after the schema changes.")
        w.append('"""')
        w.append("")
        w.append("from __future__ import annotations")
        w.append("")
        w.append("from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, Tuple")
        w.append("")
        bases = sorted(set(MIXINS.values()))
        w.append(f"from ._node import {', '.join(bases)}, Node, _Map, _Seq")
        w.append("")
        w.append("if TYPE_CHECKING:")
        w.append("    from typing_extensions import TypeAlias")
        w.append("")
        w.append("__all__ = [")
        for name in sorted(list(self.objects) + list(self.enums)):
            w.append(f"    {q(name)},")
        w.append("]")
        w.append("")
        for name, d in self.enums.items():
            values = self.enum_values(d) or []
            desc = one_line(d.get("description", ""))
            if desc:
                w.append(f"#: {desc}")
            w.append(f"{name}: TypeAlias = Literal[")
            for v, vdesc in values:
                comment = f"  # {vdesc}" if vdesc else ""
                w.append(f"    {q(v)},{comment}")
            w.append("]")
            w.append("")
        for name, d in self.objects.items():
            w.extend(self.render_class(name, d))
        w.append("")
        w.append("")
        w.append("def _bind(cls: type, specs: Tuple[Any, ...], lists: Tuple[str, ...]) -> None:")
        w.append("    cls._specs = specs  # type: ignore[attr-defined]")
        w.append("    cls._spec_of = dict(zip(cls._fields, specs))  # type: ignore[attr-defined]")
        w.append("    cls._field_set = frozenset(cls._fields)  # type: ignore[attr-defined]")
        w.append("    cls._list_fields = frozenset(lists)  # type: ignore[attr-defined]")
        w.append("")
        w.append("")
        for name, d in self.objects.items():
            fs = self.fields(d)
            w.append(f"_bind(")
            w.append(f"    {name},")
            w.append("    (" + "".join(f"{f['spec']}, " for f in fs).rstrip(" ") + "),")
            w.append("    (" + "".join(f"{q(f['name'])}, " for f in fs if f["list"]).rstrip(" ") + "),")
            w.append(")")
        w.append("")
        return "\n".join(w)

    def render_class(self, name: str, d: dict) -> list[str]:
        fs = self.fields(d)
        base = MIXINS.get(name, "Node")
        desc = DOC_OVERRIDES.get(name, one_line(d.get("description", "")))
        w = ["", f"class {name}({base}):"]
        doc = textwrap.wrap(desc or name, 92) + [""]
        doc.append("Attributes:")
        for f in fs:
            fdesc = DOC_OVERRIDES.get(f"{name}.{f['name']}", f["desc"])
            if f["ann"].endswith("Span]") or f["ann"] in ("Span", "Optional[Span]"):
                fdesc = (fdesc + " " if fdesc else "") + "(code points)"
            doc.extend(textwrap.wrap(f"{f['name']}: {fdesc}".rstrip(), 88,
                                     initial_indent="    ", subsequent_indent="        "))
        doc = [line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') for line in doc]
        w.append('    """' + doc[0])
        for line in doc[1:]:
            w.append(f"    {line}" if line else "")
        w.append('    """')
        w.append("")
        if fs:
            w.append("    __slots__ = (")
            for f in fs:
                w.append(f"        {q(f['name'])},")
            w.append("    )")
        else:
            w.append("    __slots__ = ()")
        w.append("    _fields = __slots__")
        w.append("")
        for f in fs:
            w.append(f"    {f['name']}: {f['ann']}")
        if fs:
            w.append("")
        # Keyword-only __init__: required fields first (no default), then the optional ones.
        params = []
        for f in sorted(fs, key=lambda f: not f["required"]):
            if f["required"]:
                params.append(f"{f['name']}: {f['ann']}")
            elif f["list"]:
                params.append(f"{f['name']}: Optional[{f['ann']}] = None")
            else:
                params.append(f"{f['name']}: {f['ann']} = None")
        if params:
            w.append("    def __init__(")
            w.append("        self,")
            w.append("        *,")
            for p in params:
                w.append(f"        {p},")
            w.append("    ) -> None:")
        else:
            w.append("    def __init__(self) -> None:")
        w.append("        self._d = {}")
        for f in fs:
            n = f["name"]
            if f["list"] and not f["required"]:
                w.append(f"        self.{n} = [] if {n} is None else {n}")
            else:
                w.append(f"        self.{n} = {n}")
        return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the output is stale")
    ap.add_argument("--schema", type=Path, default=SCHEMA)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    text = Gen(json.loads(a.schema.read_text(encoding="utf-8"))).render()
    current = a.out.read_text(encoding="utf-8") if a.out.exists() else ""
    if a.check:
        if current != text:
            diff = difflib.unified_diff(current.splitlines(), text.splitlines(),
                                        str(a.out), "generated", lineterm="", n=1)
            sys.stderr.write("\n".join(list(diff)[:60]) + "\n")
            sys.stderr.write(f"{a.out} is stale: run python {Path(__file__).relative_to(REPO)}\n")
            return 1
        return 0
    if current != text:
        a.out.write_text(text, encoding="utf-8")
        print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
