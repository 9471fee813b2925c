"""Inputs in other formats than text (tests/fixtures/formats): read by the core's readers,
the same JSON as the CLI's, spans into the source as given (an HTML page's own markup)."""

from __future__ import annotations

from pathlib import Path

import pytest

import vanban
from helpers import byte_to_code_points, cli_json, format_files, read_text


def test_there_are_format_fixtures() -> None:
    assert any(p.suffix == ".html" for p in format_files())


@pytest.mark.parametrize("path", format_files(), ids=lambda p: p.name)
def test_format_fixture_matches_cli(cli: Path, path: Path) -> None:
    want = cli_json(cli, [path])[0]
    doc = vanban.parse_file(path)
    if path.suffix == ".html":
        assert doc.text == read_text(path), "spans point into the page as given"
    # Spans point into doc.text (a Word file's extracted text), as the CLI's bytes into it.
    assert doc.text is not None
    assert doc.to_dict() == byte_to_code_points(doc.text, want)
    # The same bytes from memory give the same document.
    assert vanban.parse_bytes(path.read_bytes()) == doc
    assert vanban.parse_bytes(bytearray(path.read_bytes())) == doc


def test_an_html_page_is_read_as_a_page() -> None:
    page = next(p for p in format_files() if p.suffix == ".html")
    doc = vanban.parse_file(page)
    assert doc.symbol == "2041/SGDĐT-QLCL"
    assert doc.header.symbol is not None
    assert doc.source(doc.header.symbol.span) == "2041/SGDĐT-QLCL"
    assert [i.label for i in doc.items] == ["1.", "2.", "3."]
    markup = [doc.source(n.span) for n in doc.noise if n.kind == "markup"]
    assert any(m.startswith("<head>") and "<script>" in m for m in markup)
    # Named as text, the markup is read as the document's text.
    as_text = vanban.parse_file(page, format="text")
    assert as_text.text == doc.text and as_text != doc
    # parse_many of paths reads each in its format, in order, texts mixed in.
    text = "Số: 1/QĐ-UBND\nQUYẾT ĐỊNH\n"
    many = vanban.parse_many([page, text, page], threads=2)
    assert many[0] == doc and many[2] == doc and many[1] == vanban.parse(text)


def test_bad_formats_and_bytes_are_refused_plainly() -> None:
    with pytest.raises(ValueError, match='unknown format "odf"'):
        vanban.parse_bytes(b"x", format="odf")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vanban.parse_bytes("text")  # type: ignore[arg-type]
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse_bytes(b"PK\x03\x04" + b"\x00" * 40 + b"xl/workbook.xml")
    assert e.value.code == "unsupported_format"
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse_bytes(b"x" * 100, max_bytes=10)
    assert e.value.code == "input_too_large"


def test_annotate_marks_a_page_in_place_and_a_text_in_a_pre() -> None:
    page = next(p for p in format_files() if p.suffix == ".html")
    html = vanban.annotate(page)
    assert html.startswith("<!DOCTYPE html>")
    assert 'class="vb vb-citation"' in html and 'data-label="1."' in html
    assert vanban.annotate(page.read_bytes()) == html
    text = "Số: 1/QĐ-UBND\nQUYẾT ĐỊNH\nCăn cứ Luật Tổ chức chính quyền địa phương <2015>;\n"
    out = vanban.annotate(text)
    assert "<pre>" in out and "&lt;2015&gt;" in out
    with pytest.raises(TypeError):
        vanban.annotate(3)  # type: ignore[arg-type]


def test_parse_all_cuts_a_merged_text_into_its_documents() -> None:
    from helpers import REPO

    names = ["cong_van.txt", "quyet_dinh.txt"]
    texts = [read_text(REPO / "tests" / "fixtures" / n) for n in names]
    merged = "".join(texts)
    parts = vanban.parse_all(merged)
    assert [p.document.symbol for p in parts] == [vanban.parse(t).symbol for t in texts]
    assert parts[0].start == 0 and parts[0].end == len(texts[0]) and parts[1].end == len(merged)
    second = parts[1].document
    assert second.header.symbol is not None
    assert second.source(second.header.symbol.span) == second.symbol
    assert len(vanban.parse_all(texts[0])) == 1
