"""Wrong types, the size limit, and inputs that must never make the parser fail."""

from __future__ import annotations

import pickle
import random
import unicodedata
from pathlib import Path

import pytest

import vanban


@pytest.mark.parametrize("bad", [None, 1, 1.5, b"bytes", bytearray(b"x"), ["a"], object()])
def test_parse_wants_str(bad: object) -> None:
    with pytest.raises(TypeError):
        vanban.parse(bad)  # type: ignore[arg-type]


def test_parse_text_is_positional_only(directive: str) -> None:
    with pytest.raises(TypeError):
        vanban.parse(text=directive)  # type: ignore[call-arg]


def test_parse_many_wants_str_items() -> None:
    with pytest.raises(TypeError):
        vanban.parse_many("a single str")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        vanban.parse_many(["ok", 2])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        vanban.parse_many(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vanban.parse_many(["a"], threads="2")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vanban.parse_many(["a"], threads=True)
    with pytest.raises(ValueError):
        vanban.parse_many(["a"], threads=0)


@pytest.mark.parametrize("bad", ["10", 1.0, True])
def test_max_bytes_type(bad: object) -> None:
    with pytest.raises(TypeError):
        vanban.parse("x", max_bytes=bad)  # type: ignore[arg-type]


def test_max_bytes_negative() -> None:
    with pytest.raises(ValueError):
        vanban.parse("x", max_bytes=-1)


def test_parse_file_errors(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        vanban.parse_file(3)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        vanban.parse_file(tmp_path / "missing.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Số: 1/CT".encode("latin-1", "replace") + b"\xff\xfe")
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse_file(bad)
    assert e.value.code == "invalid_utf8" and isinstance(e.value, ValueError)
    assert vanban.parse_file(bad, lossy=True).text == "S?: 1/CT\ufffd\ufffd"
    with pytest.raises(UnicodeDecodeError):
        vanban.parse_file(bad, encoding="utf-8")
    assert vanban.parse_file(bad, encoding="latin-1").text == "S?: 1/CT\xff\xfe"
    with pytest.raises(IsADirectoryError):
        vanban.parse_file(tmp_path)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj")
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse_file(pdf)
    # A damaged PDF (Poppler refuses it), or no Poppler on this machine.
    assert e.value.code in ("malformed_input", "ocr_unavailable") and "PDF" in str(e.value) or "pdftotext" in str(e.value)
    doc = tmp_path / "letter.doc"
    doc.write_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 600)
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse_file(doc)
    assert e.value.code == "unsupported_format" and "DOC" in str(e.value)
    big = tmp_path / "big.txt"
    big.write_text("x" * 1000)
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse_file(big, max_bytes=999)
    assert e.value.code == "input_too_large"
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes("CHỈ THỊ\r\nVề việc x\r\n".encode())
    assert vanban.parse_file(crlf).input_len == len("CHỈ THỊ\r\nVề việc x\r\n")


def test_size_limit(directive: str) -> None:
    n = len(directive.encode("utf-8"))
    assert vanban.parse(directive, max_bytes=n).symbol == "12/CT-UBND"
    with pytest.raises(vanban.ParseError) as e:
        vanban.parse(directive, max_bytes=n - 1)
    assert e.value.code == "input_too_large"
    assert isinstance(e.value, ValueError)
    assert str(n) in str(e.value)
    back = pickle.loads(pickle.dumps(e.value))
    assert back.code == "input_too_large" and str(back) == str(e.value)
    with pytest.raises(vanban.ParseError, match=r"texts\[1\]") as e2:
        vanban.parse_many(["short", directive], max_bytes=100)
    assert e2.value.code == "input_too_large"
    with pytest.raises(vanban.ParseError, match=r"texts\[1\]"):
        vanban.parse_many(["short", "x" * 200, "y" * 300] * 20, max_bytes=100, threads=2)
    assert vanban.parse("", max_bytes=0).input_len == 0


def test_big_input_releases_gil_and_parses() -> None:
    text = ("1. Sở Y tế chủ trì thực hiện nhiệm vụ.\n" * 2000)
    doc = vanban.parse(text)
    assert doc.input_len == len(text)


def odd_inputs() -> list:
    rng = random.Random(4)
    alphabet = "aăâđeêoôơuưyAĂÂĐ ̣́̀̉̃\n\r\t\x00\x0b\u200b\ufeff\ufffd😀🇻🇳-./:|*#ỦỴ0123456789"
    fuzz = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(40)]
    return [
        "",
        " ",
        "\n\n\n",
        "\r",
        "\r\n" * 50,
        "\x00",
        "\x00" * 1000,
        "Số: \x00 12/CT-UBND\x00",
        "😀",
        "😀" * 5000,
        "🇻🇳👨‍👩‍👧",
        unicodedata.normalize("NFD", "ỦY BAN NHÂN DÂN TỈNH\nSố: 1/CT-UBND\nCHỈ THỊ\n1. Một.\n"),
        "\u0301\u0323" * 100,
        "a" * 200_000,
        "1.\n" * 3000,
        "- \n" * 3000,
        "I.\nII.\nIII.\n1.\na)\n- \n+ \n",
        "Số:" * 1000,
        "ngày 99 tháng 99 năm 99999",
        "KT. CHỦ TỊCH\n" * 200,
        "Nơi nhận:\n" + "- x;\n" * 500,
        "\ud7ff\ue000\uffff\U0010ffff",
        "---\ntitle: x\n---\n",
        "| a | b |\n|---|---|\n" * 100,
        "<br>" * 1000,
    ] + fuzz


@pytest.mark.parametrize("text", odd_inputs(), ids=lambda t: f"len{len(t)}")
def test_odd_inputs_parse(text: str) -> None:
    doc = vanban.parse(text)
    assert doc.input_len == len(text)
    d = doc.to_dict()
    assert vanban.Document.from_dict(d) == doc
    assert isinstance(doc.outline(), str)
    assert isinstance(doc.markdown(), str)


def test_odd_inputs_parse_many() -> None:
    texts = odd_inputs()
    assert vanban.parse_many(texts, threads=2) == [vanban.parse(t) for t in texts]


def test_empty_input_has_a_diagnostic() -> None:
    doc = vanban.parse("")
    assert doc.items == [] and doc.kind is None
    assert any(d.code == "empty_input" for d in doc.diagnostics)
