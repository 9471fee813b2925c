"""What users reach for first: paths where they pass them, ids carried through, streams,
progress, a clean namespace, helpers on the model, and types that catch a typo."""

from __future__ import annotations

import importlib.metadata
import pickle
import warnings
from pathlib import Path
from typing import Iterator, List

import pytest

import vanban
from helpers import fixture_files, mypy


def test_the_namespace_holds_only_what_it_exports() -> None:
    public = {n for n in dir(vanban) if not n.startswith("_")}
    assert public <= set(vanban.__all__), public - set(vanban.__all__)
    for name in ("Any", "Iterable", "List", "Optional", "Union", "annotations", "os"):
        assert not hasattr(vanban, name), name
    for name in ("parse", "parse_file", "parse_many", "parse_iter", "read_text", "to_frames", "Kind"):
        assert name in vanban.__all__


def test_paths_are_read_where_a_user_passes_them(tmp_path: Path) -> None:
    path = fixture_files()[0]
    text = path.read_text(encoding="utf-8")
    want = vanban.parse(text)
    assert vanban.parse(path) == want
    assert vanban.parse_file(str(path)) == want
    assert vanban.parse_many([path, text, str(path)])[:2] == [want, want]
    with pytest.warns(UserWarning, match="parse_file"):
        as_text = vanban.parse(str(path))
    assert as_text.input_len == len(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vanban.parse("Số: 12/CT-UBND\nCHỈ THỊ\n")


def test_utf16_files_are_decoded_and_spans_are_their_code_points(tmp_path: Path) -> None:
    path = fixture_files()[0]
    text = path.read_text(encoding="utf-8")
    f = tmp_path / "utf16.txt"
    f.write_bytes(("\ufeff" + text).encode("utf-16-le"))
    doc = vanban.parse_file(f)
    assert doc.text == "\ufeff" + text
    assert doc.text == f.read_bytes().decode("utf-16-le")
    want = vanban.parse(text)
    assert (doc.kind, doc.symbol, doc.date) == (want.kind, want.symbol, want.date)
    for a, b in zip(doc.all_items(), want.all_items()):
        assert doc.source(a.span) == want.source(b.span)


def test_as_tuples_carries_ids_through() -> None:
    paths = fixture_files()
    pairs = [(p, p.name) for p in paths] + [("Số: 1/CT-UBND\nCHỈ THỊ\n", "inline")]
    out = vanban.parse_many(pairs, as_tuples=True, threads=2)
    assert [ctx for _, ctx in out] == [p.name for p in paths] + ["inline"]
    for (doc, _), p in zip(out, paths):
        assert doc == vanban.parse_file(p)
    with pytest.raises(TypeError, match="pair"):
        vanban.parse_many(["no pair"], as_tuples=True)


def test_parse_iter_reads_its_input_lazily_and_keeps_order() -> None:
    texts = [p.read_text(encoding="utf-8") for p in fixture_files()] * 5
    pulled: List[int] = []

    def source() -> Iterator[str]:
        for k, t in enumerate(texts):
            pulled.append(k)
            yield t

    it = vanban.parse_iter(source(), batch_size=4)
    first = next(it)
    assert len(pulled) == 4  # one batch, not the whole stream
    rest = list(it)
    assert [first, *rest] == [vanban.parse(t) for t in texts]


def test_progress_is_told_every_document() -> None:
    texts = ["Số: %d/CT-UBND\nCHỈ THỊ\n1. Một.\n" % i for i in range(600)]
    told: List[int] = []
    docs = vanban.parse_many(texts, progress=told.append)
    assert sum(told) == 600 and len(told) > 1
    assert [d.symbol for d in docs] == ["%d/CT-UBND" % i for i in range(600)]


def test_a_refusal_names_its_position_across_batches() -> None:
    texts = ["x"] * 10 + ["y" * 100]
    with pytest.raises(vanban.ParseError, match=r"texts\[10\]"):
        list(vanban.parse_iter(texts, batch_size=3, max_bytes=50))


def test_helpers_on_the_model(directive: str) -> None:
    nested = vanban.parse("CHỈ THỊ\nVề việc x\n\n1. Một:\na) Hai;\nb) Ba.\n2. Bốn.\n")
    assert [i.label for i in nested.all_items()] == ["1.", "a)", "b)", "2."]
    assert [i.label for i in nested.items[0].walk()] == ["1.", "a)", "b)"]
    doc = vanban.parse(directive)
    items = doc.all_items()
    assert [i.label for i in items] == [i.label for top in doc.items for i in top.walk()]
    first = doc.items[0]
    assert first.text == "\n".join(p.text for p in first.paragraphs)
    assert doc.source(first.span) == directive[first.span.start:first.span.end]
    assert doc.source((0, 3)) == directive[:3]
    back = vanban.Document.from_json(doc.to_json(), text=directive)
    assert back == doc and back.source(first.span) == doc.source(first.span)
    with pytest.raises(ValueError, match="text"):
        vanban.Document.from_json(doc.to_json()).source(first.span)
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.text == directive


def test_a_cited_law_has_its_name() -> None:
    doc = vanban.parse(
        "CHỈ THỊ\nVề việc thi hành luật\n\n"
        "1. Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13 ngày 19/6/2015 và Nghị định số "
        "30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ, các sở thực hiện.\n"
    )
    names = {c.symbol: c.name for c in doc.citations}
    assert names == {"76/2015/QH13": "Luật Tổ chức Chính phủ", "30/2020/NĐ-CP": None}


def test_to_frames_builds_the_tables_asked_for_with_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    docs = [vanban.parse_file(p) for p in fixture_files()]
    frames = vanban.to_frames(docs, tables=["documents", "citations", "assignments.actors"])
    assert set(frames) == {"documents", "citations", "assignments.actors"}
    assert str(frames["documents"]["date"].dtype).startswith("datetime64")
    assert str(frames["citations"]["date"].dtype).startswith("datetime64")
    assert str(frames["documents"]["archive_start"].dtype) == "Int64"
    assert pd.api.types.is_integer_dtype(frames["citations"]["start"])
    everything = vanban.to_frames(docs)
    pd.testing.assert_frame_equal(frames["citations"], everything["citations"])
    with pytest.raises(ValueError, match="no table"):
        vanban.to_frames(docs, tables=["nope"])


def test_a_typo_is_a_type_error(tmp_path: Path) -> None:
    """mypy --strict accepts the declared API and rejects a misspelt field or a wrong kind."""
    pytest.importorskip("mypy")
    good = tmp_path / "good.py"
    good.write_text(
        "from pathlib import Path\n"
        "from typing import Dict, List, Optional, Tuple\n"
        "import vanban\n"
        "doc = vanban.parse(Path('x.md'))\n"
        "items: List[vanban.Item] = doc.all_items()\n"
        "text: str = items[0].text\n"
        "src: str = doc.source(items[0].span)\n"
        "kind: Optional[vanban.Kind] = doc.kind\n"
        "name: Optional[str] = doc.citations[0].name\n"
        "pairs: List[Tuple[vanban.Document, int]] = vanban.parse_many([('a', 1)], as_tuples=True)\n"
        "again = vanban.Document.from_json(doc.to_json())\n"
        "start: int = doc.items[0].span.start\n"
        "signer: Optional[str] = doc.signatures[0].signer\n"
        "d: Dict[str, object] = doc.to_dict()\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import vanban\n"
        "doc = vanban.parse('x')\n"
        "print(doc.sybmol)\n"
        "print(doc.items[0].lable)\n"
        "ok: bool = doc.kind == 'chi_thi'\n"
        "k: vanban.Kind = 'chi_thii'\n"
        "vanban.parse(1)\n"
        "n: int = doc.symbol\n",
        encoding="utf-8",
    )
    r = mypy(tmp_path, good, "--strict")
    assert r.returncode == 0, r.stdout
    r = mypy(tmp_path, bad, "--strict")
    assert r.returncode == 1, r.stdout
    assert '"Document" has no attribute "sybmol"' in r.stdout, r.stdout
    assert '"Item" has no attribute "lable"' in r.stdout, r.stdout
    assert "chi_thii" in r.stdout, r.stdout
    assert "arg-type" in r.stdout and "assignment" in r.stdout, r.stdout
    assert r.stdout.count("error:") == 5, r.stdout


def test_to_frames_is_typed(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    try:  # the DataFrame type comes from pandas' stubs
        importlib.metadata.version("pandas-stubs")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("pandas-stubs is not installed")
    f = tmp_path / "frames.py"
    f.write_text(
        "import vanban\n"
        "frames = vanban.to_frames([vanban.parse('x')], tables=['items'])\n"
        "reveal_type(frames)\n",
        encoding="utf-8",
    )
    r = mypy(tmp_path, f)
    assert "dict[str, pandas.core.frame.DataFrame]" in r.stdout, r.stdout


def test_the_package_itself_passes_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    package = Path(__file__).resolve().parents[1] / "pysrc" / "vanban"  # the source, not site-packages
    r = mypy(tmp_path, package, "--strict")
    assert r.returncode == 0, r.stdout
