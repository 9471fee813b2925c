"""Spans are code-point offsets into the str given: text[s.start:s.end] is the source."""

from __future__ import annotations

import unicodedata

import vanban
from helpers import spans


def test_item_span_is_the_source(directive: str) -> None:
    doc = vanban.parse(directive)
    first = doc.items[0]
    assert directive[first.span.start:first.span.end].startswith("1. Sở Y tế chủ trì")
    assert directive[first.label_span.as_slice()] == "1."
    assert doc.input_len == len(directive)


def test_emoji_before_a_span(directive: str) -> None:
    text = directive.replace("Về việc", "😀🇻🇳 Về việc")
    doc = vanban.parse(text)
    for item in doc.items:
        assert text[item.label_span.start:item.label_span.end] == item.label
    sig = doc.signatures[0]
    assert text[sig.span.start:sig.span.end].strip().startswith("KT. CHỦ TỊCH")
    assert "😀" in (doc.title or "")


def test_nfd_spans(directive: str) -> None:
    nfd = unicodedata.normalize("NFD", directive)
    assert len(nfd) > len(directive)
    doc = vanban.parse(nfd)
    assert doc.symbol == "12/CT-UBND"
    assert doc.input_len == len(nfd)
    for item in doc.items:
        assert nfd[item.label_span.start:item.label_span.end] == item.label
        src = unicodedata.normalize("NFC", nfd[item.span.start:item.span.end])
        assert src.startswith(item.label)
    for s in spans(doc.to_dict()):
        assert 0 <= s["start"] <= s["end"] <= len(nfd)


def test_header_field_spans(directive: str) -> None:
    doc = vanban.parse(directive)
    sym = doc.header.symbol
    assert sym is not None
    assert "12/CT-UBND" in directive[sym.span.start:sym.span.end]
