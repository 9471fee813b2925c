"""The Python API: typed objects, JSON, pickling, parse_many, renderings."""

from __future__ import annotations

import copy
import json
import os
import pickle
import sys

import pytest

import vanban
from helpers import fixture_files, read_text


def test_typed_attributes(directive: str) -> None:
    doc = vanban.parse(directive)
    assert isinstance(doc, vanban.Document)
    assert doc.kind == "chi_thi"
    assert doc.symbol == "12/CT-UBND"
    assert doc.date == "2024-01-05"
    assert doc.schema_version == vanban.SCHEMA_VERSION
    assert isinstance(doc.items[0], vanban.Item)
    assert doc.items[0].label == "1."
    assert doc.items[0].marker == "arabic_dot"
    assert isinstance(doc.items[0].paragraphs[0], vanban.Paragraph)
    assert isinstance(doc.items[0].span, vanban.Span)
    assert isinstance(doc.header, vanban.Header)
    assert doc.signatures[0].signer == "Nguyễn Văn An"
    assert isinstance(doc.citations, list)
    assert all(isinstance(r, vanban.Recipient) for r in doc.recipients)
    # Objects have no __dict__: a typo is an error, not a silent new attribute.
    with pytest.raises(AttributeError):
        doc.itemz  # noqa: B018
    with pytest.raises(AttributeError):
        doc.itemz = []  # type: ignore[attr-defined]


def test_to_dict_and_json_round_trip(directive: str) -> None:
    doc = vanban.parse(directive)
    d = doc.to_dict()
    assert isinstance(d, dict) and isinstance(d["items"][0], dict)
    assert json.loads(doc.to_json()) == d
    assert json.loads(doc.to_json(indent=2)) == d
    assert vanban.Document.from_dict(d) == doc
    assert vanban.Document.from_dict(json.loads(doc.to_json())) == doc
    with pytest.raises(TypeError):
        vanban.Document.from_dict("{}")  # type: ignore[arg-type]


def test_unknown_fields_survive() -> None:
    """A field from a newer core than the generated classes is kept, readable and written back."""
    d = vanban.parse("Số: 1/CT-UBND").to_dict()
    d["future_list"] = [{"text": "x", "span": {"start": 0, "end": 1}}]
    d["header"]["seal"] = "yes"
    doc = vanban.Document.from_dict(d)
    assert doc.future_list == [{"text": "x", "span": {"start": 0, "end": 1}}]
    assert doc.header.seal == "yes"
    assert doc.to_dict() == d
    assert pickle.loads(pickle.dumps(doc)).to_dict() == d


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(directive: str, protocol: int) -> None:
    doc = vanban.parse(directive)
    back = pickle.loads(pickle.dumps(doc, protocol=protocol))
    assert back == doc
    assert back.to_dict() == doc.to_dict()
    assert type(back.items[0]) is vanban.Item
    item = pickle.loads(pickle.dumps(doc.items[0], protocol=protocol))
    assert item == doc.items[0]


def test_pickle_fixtures() -> None:
    docs = vanban.parse_many([read_text(p) for p in fixture_files()])
    assert pickle.loads(pickle.dumps(docs)) == docs
    assert copy.deepcopy(docs) == docs


def test_equality(directive: str) -> None:
    a, b = vanban.parse(directive), vanban.parse(directive)
    assert a == b and a is not b
    assert a != vanban.parse(directive + "\nthêm")
    assert a.items[0] != a.items[1]
    assert (a == 1) is False
    with pytest.raises(TypeError):
        hash(a)


def test_construct_by_hand() -> None:
    span = vanban.Span(start=0, end=2)
    p = vanban.Paragraph(text="ab", span=span)
    assert p.to_dict() == {"span": {"start": 0, "end": 2}, "text": "ab"}
    assert p == vanban.Paragraph.from_dict(p.to_dict())
    with pytest.raises(TypeError):
        vanban.Span(0, 2)  # type: ignore[misc]  # keyword-only


def test_repr(directive: str) -> None:
    doc = vanban.parse(directive)
    r = repr(doc)
    assert r.startswith("<vanban.Document chi_thi 12/CT-UBND 2024-01-05")
    assert "items=2" in r
    assert repr(doc.items[0]).startswith("Item(label='1.', marker='arabic_dot'")
    assert repr(doc.items[0].span) == f"Span({doc.items[0].span.start}, {doc.items[0].span.end})"
    assert "Nguyễn Văn An" in repr(doc.signatures)
    assert "symbol=Field(text=" in repr(doc.header)
    # str() is the outline, as the CLI prints it.
    assert str(doc) == doc.outline()
    assert "12/CT-UBND" in doc.outline()
    assert doc.markdown().startswith("# ")
    html = doc._repr_html_()
    assert "<pre" in html and "12/CT-UBND" in html
    assert "<script" not in vanban.parse("<script>alert(1)</script>")._repr_html_()


def test_render_checks_its_input() -> None:
    from vanban import _vanban

    with pytest.raises(ValueError, match="not a vanban document"):
        _vanban.render("{}", "outline")
    doc = vanban.parse("x")
    with pytest.raises(ValueError, match="unknown format"):
        _vanban.render(doc.to_json(), "pdf")


def test_parse_many_equals_a_loop() -> None:
    texts = [read_text(p) for p in fixture_files()] * 3 + ["", "x", "Số: 5/TB-VPCP"]
    want = [vanban.parse(t) for t in texts]
    assert vanban.parse_many(texts) == want
    for threads in (1, 2, 3, 64):
        assert vanban.parse_many(texts, threads=threads) == want
    assert vanban.parse_many(iter(texts)) == want
    assert vanban.parse_many(tuple(texts)) == want
    assert vanban.parse_many([]) == []


def test_parse_many_after_fork() -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this platform")
    texts = [read_text(p) for p in fixture_files()]
    want = [d.to_dict() for d in vanban.parse_many(texts, threads=2)]
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: parse in parallel again and report
        try:
            got = [d.to_dict() for d in vanban.parse_many(texts, threads=2)]
            os.write(w, b"ok" if got == want else b"differs")
        finally:
            os._exit(0)
    os.close(w)
    answer = os.read(r, 16)
    os.waitpid(pid, 0)
    assert answer == b"ok"


def test_parse_many_releases_the_gil() -> None:
    """Another Python thread runs while parse_many works."""
    import threading
    import time

    texts = [read_text(p) for p in fixture_files()] * 200
    ticks = []
    stop = threading.Event()

    def ticker() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        start = time.perf_counter()
        vanban.parse_many(texts, threads=2)
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
    during = [x for x in ticks if start < x < end]
    assert len(during) >= 2, "the ticker thread never ran while parsing"


def test_module_constants() -> None:
    assert vanban.DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    assert vanban._vanban.core_version()
    assert set(vanban.__all__) >= {"parse", "parse_file", "parse_many", "to_frames", "ParseError",
                                   "Document", "Item", "Citation", "Signature", "Span"}
    for name in vanban.__all__:
        assert hasattr(vanban, name), name


def test_python_version_supported() -> None:
    assert sys.version_info >= (3, 9)


def test_changes_show_in_to_dict_json_pickle_and_frames(directive: str) -> None:
    doc = vanban.parse(directive)
    fresh = vanban.parse(directive)
    doc.items[0].label = "I."
    doc.title = "Tiêu đề mới"
    doc.signatures[0].signer = None
    assert doc != fresh
    d = doc.to_dict()
    assert d["items"][0]["label"] == "I." and d["title"] == "Tiêu đề mới"
    assert d["signatures"][0]["signer"] is None
    assert json.loads(doc.to_json()) == d
    assert pickle.loads(pickle.dumps(doc)).to_dict() == d
    assert "Tiêu đề mới" in doc.outline()
    pytest.importorskip("pandas")
    frames = doc.to_frames()
    assert frames["items"].loc[0, "label"] == "I."
    assert frames["documents"].loc[0, "title"] == "Tiêu đề mới"


def test_to_dict_is_a_copy(directive: str) -> None:
    doc = vanban.parse(directive)
    d = doc.to_dict()
    d["items"][0]["label"] = "changed"
    d["title"] = "changed"
    assert doc.items[0].label == "1."
    assert doc.to_dict()["title"] != "changed"
    src = vanban.parse(directive).to_dict()
    again = vanban.Document.from_dict(src)
    src["items"].clear()
    assert len(again.items) == 2


def test_lazy_fields_read_once(directive: str) -> None:
    doc = vanban.parse(directive)
    assert doc.items is doc.items  # built on first read, then kept
    assert doc.header.symbol is doc.header.symbol


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_fields_decoded_on_first_read_equal_the_whole_contract(path) -> None:
    """`parse` keeps each top-level field as JSON until it is read; whatever is read first,
    the document equals the fully decoded contract, in the contract's order of fields."""
    from vanban import _vanban

    text = read_text(path)
    whole = _vanban.parse(text)
    fields = _vanban.parse_fields(text)
    assert list(fields) == list(json.loads(vanban.Document.from_dict(whole).to_json()))
    assert {k: json.loads(v) for k, v in fields.items()} == whole
    for first in (None, "citations", "items", "header", "kind"):
        doc = vanban.parse(text)
        if first is not None:
            getattr(doc, first)
            assert set(doc._d) == {first}  # only that field was decoded
        assert doc.to_dict() == whole
        assert list(json.loads(doc.to_json())) == list(fields)  # order kept
        assert doc == vanban.Document.from_dict(whole)
        assert pickle.loads(pickle.dumps(vanban.parse(text))) == doc
        assert copy.deepcopy(vanban.parse(text)) == doc
        assert dict(vanban.parse(text)).keys() == dict(doc).keys()


def test_built_by_hand_pickles() -> None:
    p = vanban.Paragraph(text="Điều 1.", span=vanban.Span(start=3, end=10))
    back = pickle.loads(pickle.dumps(p))
    assert back == p and back.span.end == 10
    assert copy.copy(p) == p and copy.deepcopy(p) == p


def test_expand_and_version():
    assert vanban.expand("UBND") == "Ủy ban nhân dân"
    assert vanban.expand("MTTQ") == "Mặt trận Tổ quốc"
    assert vanban.expand("không có") is None
    with pytest.raises(TypeError):
        vanban.expand(1)  # type: ignore[arg-type]
    assert vanban.__version__.count(".") == 2
