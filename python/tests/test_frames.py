"""Documents as pandas DataFrames, and the ImportError without pandas."""

from __future__ import annotations

import sys

import pytest

import vanban
from helpers import fixture_files, read_text

pd = pytest.importorskip("pandas")

TABLES = {"documents", "items", "actors", "assignments", "citations", "recipients", "signatures",
          "diagnostics"}


def test_one_document(directive: str) -> None:
    doc = vanban.parse(directive)
    frames = doc.to_frames()
    assert TABLES <= set(frames)
    assert all(isinstance(f, pd.DataFrame) for f in frames.values())
    docs = frames["documents"]
    assert len(docs) == 1
    assert docs.loc[0, "symbol"] == "12/CT-UBND"
    assert docs.loc[0, "n_items"] == len(doc.items)
    items = frames["items"]
    assert list(items["label"]) == [it.label for it in doc.items]
    assert (items["doc_id"] == 0).all()
    for row, it in zip(items.itertuples(), doc.items):
        assert directive[row.start:row.end] == directive[it.span.start:it.span.end]
        assert directive[row.label_start:row.label_end] == it.label
    sigs = frames["signatures"]
    assert list(sigs["signer"]) == ["Nguyễn Văn An"]
    rec = frames["recipients"]
    assert {"doc_id", "name", "purpose", "start", "end"} <= set(rec.columns)
    assert len(rec) == len(doc.recipients)


def test_many_documents_with_ids() -> None:
    paths = fixture_files()
    docs = {p.name: vanban.parse_file(p) for p in paths}
    frames = vanban.to_frames(docs)
    assert list(frames["documents"]["doc_id"]) == list(docs)
    items = frames["items"]
    n_items = sum(_count(d.items) for d in docs.values())
    assert len(items) == n_items
    # The tree: every parent_id names an item of the same document.
    for doc_id, group in items.groupby("doc_id"):
        ids = set(group["item_id"])
        assert all(p in ids for p in group["parent_id"].dropna())
        assert (group.loc[group["parent_id"].isna(), "depth"] == 0).all()
    cites = frames["citations"]
    assert len(cites) == sum(len(d.citations) for d in docs.values())
    assert {"doc_id", "kind", "symbol", "date", "issuer", "text", "start", "end"} <= set(cites.columns)
    for row in cites.itertuples():
        text = read_text(next(p for p in paths if p.name == row.doc_id))
        assert 0 <= row.start <= row.end <= len(text)
    same = vanban.to_frames(list(docs.values()), ids=list(docs))
    for name in frames:
        pd.testing.assert_frame_equal(frames[name], same[name])


def test_nested_tables_point_back() -> None:
    """Lists inside rows become <table>.<field> tables whose parent_idx names their row."""
    docs = [vanban.parse(read_text(p)) for p in fixture_files()]
    frames = vanban.to_frames(docs)
    nested = [name for name in frames if "." in name]
    assert nested, "the model has lists inside lists (signature inner marks at least)"
    for name in nested:
        parent, field = name.split(".")
        child, owner = frames[name], frames[parent]
        assert {"doc_id", "parent_idx", "idx"} <= set(child.columns)
        keys = [k for k in ("doc_id", "item_id") if k in owner.columns]
        counts = child.groupby(keys + ["parent_idx"]).size()
        for row in owner.itertuples():
            key = tuple(getattr(row, k) for k in keys) + (row.idx,)
            assert counts.get(key, 0) == getattr(row, f"n_{field}"), (name, key)
    # One row per element: sizes agree with the objects.
    for name in ("citations", "recipients", "signatures", "diagnostics"):
        assert len(frames[name]) == sum(len(getattr(d, name)) for d in docs), name


def _count(items: list) -> int:
    return sum(1 + _count(it.children) for it in items)


def test_empty_tables_have_columns() -> None:
    frames = vanban.to_frames([vanban.parse("")])
    assert len(frames["items"]) == 0
    assert {"doc_id", "item_id", "label", "start", "end"} <= set(frames["items"].columns)
    assert {"doc_id", "signer", "start", "end"} <= set(frames["signatures"].columns)
    assert len(vanban.to_frames([])["documents"]) == 0


def test_to_frames_checks_its_input() -> None:
    with pytest.raises(TypeError):
        vanban.to_frames(["not a document"])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        vanban.to_frames([vanban.parse("")], ids=[1, 2])


def test_without_pandas(monkeypatch: pytest.MonkeyPatch, directive: str) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    doc = vanban.parse(directive)
    with pytest.raises(ImportError, match=r"pip install pandas"):
        doc.to_frames()
    with pytest.raises(ImportError, match=r"pip install pandas"):
        vanban.to_frames([doc])
    # The rest of the package does not need pandas.
    assert vanban.parse(directive) == doc
