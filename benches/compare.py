#!/usr/bin/env python3
"""vanban against the regular expressions a data team would otherwise write.

    python benches/compare.py                 # from the repository root
    python benches/compare.py --rounds 9 -v   # more rounds, per-document notes

Runs, on the same corpus and in the same process:

* ``regex``: a straightforward extractor written with Python's ``re`` (``RegexExtractor`` below):
  the header fields (kind, symbol, date, place, issuer) and the citations of other documents
  (``Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ``: type noun + số + symbol +
  date + của issuer, and ``Chỉ thị ngày 27/3/2020 của ...`` without a number);
* ``vanban``: the Python binding (``import vanban``; build it with ``bash benches/compare.sh``
  or see python/README.md). Where the package is not importable the script says so and runs the
  CLI instead (``target/release/vanban parse --json FILE...``, one process for the whole corpus,
  its start-up and JSON encoding and decoding included).

and prints the throughput of each (median of interleaved rounds), the speed ratio, and against
the gold files (``../shared/corpus/gold``) each one's citation precision, recall and F1 and the
accuracy of the header fields, matched exactly as ``../shared/tools/score.py`` matches them
(that file is imported when present): a citation is keyed by its symbol with spaces removed, or
by kind + date when it has no symbol.

The corpus is ``../shared/corpus/docs/*`` and ``../shared/seeds/*``; without ``../shared`` it
falls back to ``tests/fixtures/*`` (speed only: there is no gold). Standard library only.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from typing import Callable, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.environ.get("VANBAN_SHARED", os.path.join(REPO, "..", "shared"))

# --------------------------------------------------------------------------------------------
# The regex extractor: what a capable engineer writes in an afternoon with `re`.
# --------------------------------------------------------------------------------------------

# Document type names (as they open a type line or a citation) and their codes.
KINDS: List[Tuple[str, str]] = [
    ("thông tư liên tịch", "thong_tu_lien_tich"),
    ("thông báo kết luận", "thong_bao"),
    ("chỉ thị", "chi_thi"),
    ("thông báo", "thong_bao"),
    ("kết luận", "ket_luan"),
    ("nghị quyết", "nghi_quyet"),
    ("quyết định", "quyet_dinh"),
    ("quy định", "quy_dinh"),
    ("quy chế", "quy_che"),
    ("hướng dẫn", "huong_dan"),
    ("kế hoạch", "ke_hoach"),
    ("chương trình", "chuong_trinh"),
    ("công văn", "cong_van"),
    ("công điện", "cong_dien"),
    ("báo cáo", "bao_cao"),
    ("tờ trình", "to_trinh"),
    ("biên bản", "bien_ban"),
    ("đề án", "de_an"),
    ("phương án", "phuong_an"),
    ("giấy mời", "giay_moi"),
    ("thông tư", "thong_tu"),
    ("nghị định", "nghi_dinh"),
    ("bộ luật", "bo_luat"),
    ("luật", "luat"),
    ("pháp lệnh", "phap_lenh"),
    ("hiến pháp", "hien_phap"),
    ("văn bản", "van_ban"),
    ("điện", "dien"),
]
KIND_OF_NAME = dict(KINDS)

# Type codes inside symbols (`15/CT-TTg`, `15-CT/TU`).
KIND_OF_CODE = {
    "CT": "chi_thi", "TB": "thong_bao", "KL": "ket_luan", "NQ": "nghi_quyet",
    "QĐ": "quyet_dinh", "QD": "quyet_dinh", "HD": "huong_dan", "KH": "ke_hoach",
    "CTr": "chuong_trinh", "CV": "cong_van", "CĐ": "cong_dien", "BC": "bao_cao",
    "TTr": "to_trinh", "BB": "bien_ban", "ĐA": "de_an", "PA": "phuong_an", "GM": "giay_moi",
    "TT": "thong_tu", "TTLT": "thong_tu_lien_tich", "NĐ": "nghi_dinh", "QH": "luat",
    "QC": "quy_che", "QyĐ": "quy_dinh",
}

NATIONAL = re.compile(
    r"CỘNG\s+HÒA|CỘNG\s+HOÀ|ĐỘC\s+LẬP|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|Hạnh\s+phúc", re.I
)
SYMBOL = re.compile(
    r"(?:^|\s)Số\s*:?\s*((?:\d+[A-Za-z]?)?\s*[/-]\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ\-/.]*)",
    re.M,
)
DATE_LINE = re.compile(
    r"(?<![\w/-])((?:TP\.[ \t]*|[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:-[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)?[ \t]*){1,5}),\s*ngày\s+"
    r"(\d{1,2})\s*(?:tháng|/|-)\s*(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})"
)


def is_caps(line: str) -> bool:
    """A line in capitals (character classes cannot say it: Vietnamese upper and lower case
    letters interleave in Unicode)."""
    return line == line.upper() and any(ch.isalpha() for ch in line)


# Type nouns as written: `chỉ thị`, `Chỉ thị`, `CHỈ THỊ` (explicit variants are faster than re.I).
TYPE_NOUNS = "|".join(
    re.escape(v) for name, _ in KINDS for v in (name, name[:1].upper() + name[1:], name.upper())
)
DATE_RE = r"ngày\s+(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)(\d{4})"
ISSUER_RE = r"(?:\s*,?\s+của\s+([^,;.()\n]+?))?"
ISSUER_END = r"(?=\s*(?:[,;.()\n]|$|\s(?:về|quy\s+định|hướng\s+dẫn|và|đã|được|trong)\s))"
CITATION = re.compile(
    r"\b(" + TYPE_NOUNS + r")\s+(?:[Ss]ố\s*:?\s*)?"
    r"(\d+[A-Za-z]?\s*[/-]\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ]*(?:\s*[-/]\s*[A-ZĐ0-9][\wĐđ]*)*)"
    r"(?:\s*,?\s*" + DATE_RE + r")?" + ISSUER_RE + ISSUER_END
)
CITATION_DATE_ONLY = re.compile(r"\b(" + TYPE_NOUNS + r")\s+" + DATE_RE + ISSUER_RE + ISSUER_END)
BODY_HEAD = re.compile(
    r"(ỦY BAN|UBND|BỘ|TỔNG CỤC|CỤC|VỤ|SỞ|PHÒNG|VĂN PHÒNG|BAN|THỦ TƯỚNG|CHÍNH PHỦ|TỈNH ỦY|"
    r"THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|ĐẢNG BỘ|HỘI ĐỒNG|BẢO HIỂM|NGÂN HÀNG|TỔNG LIÊN ĐOÀN|TRUNG TÂM|"
    r"QUỐC HỘI|TÒA ÁN|VIỆN KIỂM SÁT|KIỂM TOÁN)\b"
)
PLACE_WORDS = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(.+)$")


def _clean(text: str) -> str:
    """NFC, one kind of line end, no markdown emphasis, table pipes as line breaks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("**", " ").replace("__", " ")
    text = re.sub(r"(?<!\w)\*|\*(?!\w)", "", text)
    text = text.replace("|", "\n")
    return text


def _iso(d: str, m: str, y: str) -> Optional[str]:
    di, mi, yi = int(d), int(m), int(y)
    if not (1 <= di <= 31 and 1 <= mi <= 12 and 1900 <= yi <= 2100):
        return None
    return "%04d-%02d-%02d" % (yi, mi, di)


def _sentence_case(name: str) -> str:
    """`ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK` -> `Ủy ban nhân dân tỉnh Đắk Lắk`."""
    low = name.lower()
    m = PLACE_WORDS.search(low)
    if m:
        place = " ".join(w[:1].upper() + w[1:] for w in m.group(2).split())
        low = low[: m.start(2)] + place
    return low[:1].upper() + low[1:]


class RegexExtractor:
    """Header fields and citations of one document, by regular expressions."""

    def __call__(self, raw: str) -> Dict:
        text = _clean(raw)
        lines = [ln.strip() for ln in text.split("\n")]
        # The header is around the number line (`Số: ...`); web copies put site text above it.
        at = next((i for i, ln in enumerate(lines[:400]) if SYMBOL.match(ln)), None)
        lo = 0 if at is None else max(0, at - 15)
        window = lines[lo : lo + 60]
        head = "\n".join(window)
        out: Dict = {
            "kind": None, "symbol": None, "date": None, "place": None, "issuer": None,
            "citations": [],
        }
        sm = SYMBOL.search(head)
        if sm:
            out["symbol"] = re.sub(r"\s+", "", sm.group(1)).rstrip(".,;")
        dm = DATE_LINE.search(head)
        if dm:
            out["place"] = dm.group(1).strip() or None
            out["date"] = _iso(dm.group(2), dm.group(3), dm.group(4))
        # Type line: a line in capitals that is a type name (or opens with one).
        for ln in window:
            if not ln or not is_caps(ln):
                continue
            low = ln.lower()
            for name, code in KINDS:
                if low == name or low.startswith(name + " "):
                    out["kind"] = code
                    break
            if out["kind"]:
                break
        if out["kind"] is None and out["symbol"]:
            for part in re.split(r"[/-]", out["symbol"]):
                if part in KIND_OF_CODE:
                    out["kind"] = KIND_OF_CODE[part]
                    break
        if out["kind"] is None and re.search(r"^\s*V/v\b", head, re.M | re.I):
            out["kind"] = "cong_van"
        # Issuer: the capitals lines above the number and before the national or Party line,
        # grouped into bodies (a line that opens with a body's head noun starts a new one,
        # others continue the previous: `ỦY BAN NHÂN DÂN` / `TỈNH ĐẮK LẮK`); the last body is
        # the most specific (`BỘ TÀI CHÍNH` / `TỔNG CỤC THUẾ`).
        groups: List[str] = []
        for ln in lines[lo : at if at is not None else 15]:
            cut = NATIONAL.search(ln)
            part = (ln[: cut.start()] if cut else ln).strip(" -_=*.")
            if len(part) >= 2 and is_caps(part) and not re.search(r"\d|PAGE", part):
                if BODY_HEAD.match(part) or not groups:
                    groups.append(part)
                else:
                    groups[-1] += " " + part
            if cut:
                break
        if groups:
            out["issuer"] = _sentence_case(re.sub(r"\s+", " ", groups[-1]))
        out["citations"] = self.citations(text, out["symbol"])
        return out

    @staticmethod
    def citations(text: str, own_symbol: Optional[str]) -> List[Dict]:
        # Attachments (PHỤ LỤC ...) are not the document's own text.
        cut = re.search(r"^\s*(PHỤ LỤC|SAO Y|SAO LỤC)\b", text, re.M)
        body = text[: cut.start()] if cut else text
        body = re.sub(r"\s*\n\s*", " ", body)  # hard wraps
        found: List[Dict] = []
        keys = set()

        def add(kind: str, symbol: Optional[str], date: Optional[str], issuer: Optional[str]) -> None:
            key = ("s", symbol) if symbol else ("d", kind, date)
            if key in keys:
                return
            keys.add(key)
            found.append({"kind": kind, "symbol": symbol, "date": date,
                          "issuer": issuer.strip() if issuer else None})

        own = re.sub(r"\s+", "", own_symbol) if own_symbol else None
        for m in CITATION.finditer(body):
            symbol = re.sub(r"\s+", "", m.group(2)).rstrip(".,;-/")
            if symbol == own:
                continue  # the document's own number
            date = _iso(m.group(3), m.group(4), m.group(5)) if m.group(3) else None
            add(KIND_OF_NAME[m.group(1).lower()], symbol, date, m.group(6))
        for m in CITATION_DATE_ONLY.finditer(body):
            date = _iso(m.group(2), m.group(3), m.group(4))
            if date:
                add(KIND_OF_NAME[m.group(1).lower()], None, date, m.group(5))
        return found


# --------------------------------------------------------------------------------------------
# vanban: the Python binding, or the CLI.
# --------------------------------------------------------------------------------------------


def _fields(d: Dict) -> Dict:
    cites = []
    for c in d.get("citations") or []:
        cites.append({"kind": c.get("kind"), "symbol": c.get("symbol"), "date": c.get("date"),
                      "issuer": c.get("issuer")})
    return {k: d.get(k) for k in ("kind", "symbol", "date", "place", "issuer")} | {"citations": cites}


def binding() -> Optional[Callable[[str], Dict]]:
    try:
        import vanban  # noqa: F401
    except ImportError:
        return None

    def run(text: str) -> Dict:
        return _fields_of(vanban.parse(text))

    return run


def _fields_of(doc) -> Dict:
    """The header fields and citations of a ``vanban.Document``."""
    cites = [
        {"kind": c.kind, "symbol": c.symbol, "date": c.date, "issuer": c.issuer}
        for c in (getattr(doc, "citations", None) or [])
    ]
    return {"kind": doc.kind, "symbol": doc.symbol, "date": doc.date, "place": doc.place,
            "issuer": doc.issuer, "citations": cites}


def cli_batch(cli: str, paths: List[str]) -> List[Dict]:
    """One CLI process for all documents (JSON Lines, in argument order)."""
    r = subprocess.run([cli, "parse", "--json", "--lossy", *paths], capture_output=True, check=True)
    return [_fields(json.loads(line)) for line in r.stdout.decode("utf-8").splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------
# Scoring, as ../shared/tools/score.py does it.
# --------------------------------------------------------------------------------------------


def load_score():
    path = os.path.join(SHARED, "tools", "score.py")
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("vanban_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


class Tally:
    def __init__(self) -> None:
        self.hit = self.gold = self.pred = 0

    def prf(self) -> Tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))


def score(score_mod, gold: Dict, out: Dict, cites: Tally, fields: Dict[str, List[int]],
          notes: List[str]) -> None:
    norm = score_mod.norm
    for f in ("kind", "symbol", "date", "place", "issuer"):
        allowed = [gold.get(f)] + gold.get(f + "_also", [])
        got = out.get(f)
        if f == "symbol" and got:
            got = re.sub(r"\s+", "", got)
        ok = norm(got) in [norm(v) for v in allowed]
        fields[f][0] += ok
        fields[f][1] += 1
    gold_c = {score_mod.cite_key(c): c for c in gold.get("citations", [])}
    pred_c: Dict = {}
    for c in out.get("citations", []):
        pred_c.setdefault(score_mod.cite_key(c), c)
    cites.gold += len(gold_c)
    cites.pred += len(pred_c)
    cites.hit += len(set(gold_c) & set(pred_c))
    for k in set(gold_c) - set(pred_c):
        notes.append("missed %s" % (k,))
    for k in set(pred_c) - set(gold_c):
        notes.append("extra %s" % (k,))


# --------------------------------------------------------------------------------------------


def corpus() -> Tuple[str, List[str]]:
    paths = sorted(glob.glob(os.path.join(SHARED, "corpus", "docs", "*")))
    paths += sorted(glob.glob(os.path.join(SHARED, "seeds", "*")))
    if paths:
        return "../shared/corpus/docs/* + ../shared/seeds/*", paths
    print("note: ../shared is absent: using tests/fixtures/* (no gold: speed only)")
    return "tests/fixtures/*", sorted(glob.glob(os.path.join(REPO, "tests", "fixtures", "*")))


def cpu_now() -> float:
    """CPU seconds of this process and of its finished children (the CLI): on a busy machine
    wall time measures the neighbours too."""
    ch = os.times()
    return time.process_time() + ch.children_user + ch.children_system


def timed(f: Callable[[], object]) -> Tuple[float, float]:
    """(wall, CPU) seconds of one call."""
    t, c = time.perf_counter(), cpu_now()
    f()
    return time.perf_counter() - t, cpu_now() - c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds of each (default 7)")
    ap.add_argument("--cli", default=os.path.join(REPO, "target", "release", "vanban"),
                    help="the CLI, used when the Python package is not importable")
    ap.add_argument("--force-cli", action="store_true", help="use the CLI even if the package imports")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-document citation notes")
    a = ap.parse_args()

    source, paths = corpus()
    texts = [open(p, "rb").read().decode("utf-8", "replace") for p in paths]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    print("corpus: %d documents, %d bytes (%s)" % (len(texts), nbytes, source))

    regex = RegexExtractor()
    run_vanban = None if a.force_cli else binding()
    if run_vanban is not None:
        import vanban

        how = "Python binding (vanban %s, %s)" % (
            getattr(vanban, "__version__", "?"), os.path.dirname(vanban.__file__))

        def vanban_all() -> List[Dict]:
            return [run_vanban(t) for t in texts]

        def vanban_many() -> List[Dict]:
            return [_fields_of(d) for d in vanban.parse_many(texts)]
    else:
        vanban_many = None
        if not (os.path.exists(a.cli) or shutil.which(a.cli)):
            print("the Python package `vanban` is not importable and the CLI %s is missing:" % a.cli)
            print("build one: bash benches/compare.sh, or cargo build --release -p vanban-cli")
            return 2
        how = "CLI %s (the Python package is not importable: one process for the corpus, " \
              "start-up and JSON included)" % os.path.relpath(a.cli, REPO)

        def vanban_all() -> List[Dict]:
            return cli_batch(a.cli, paths)

    print("vanban via " + how)

    def regex_all() -> List[Dict]:
        return [regex(t) for t in texts]

    # Warm up, then interleave the rounds so that machine load touches both alike.
    out_regex = regex_all()
    out_vanban = vanban_all()
    t_regex: List[Tuple[float, float]] = []
    t_vanban: List[Tuple[float, float]] = []
    for _ in range(a.rounds):
        t_regex.append(timed(regex_all))
        t_vanban.append(timed(vanban_all))
    print()
    print("%-8s %10s %9s %9s | %10s %9s" % ("", "cpu/pass", "MB/s", "docs/s", "wall/pass", "wall MB/s"))
    med = {}
    for name, ts in (("regex", t_regex), ("vanban", t_vanban)):
        w = statistics.median(x[0] for x in ts)
        c = statistics.median(x[1] for x in ts)
        med[name] = c
        print("%-8s %7.1f ms %9.2f %9.0f | %7.1f ms %9.2f" % (
            name, c * 1e3, nbytes / 1e6 / c, len(texts) / c, w * 1e3, nbytes / 1e6 / w))
    ratio = med["regex"] / med["vanban"]
    print("speed (CPU time): vanban is %.1fx %s than the regex extractor (target: >= 20x faster: %s)" % (
        ratio if ratio >= 1 else 1 / ratio, "faster" if ratio >= 1 else "slower",
        "met" if ratio >= 20 else "MISSED"))
    if vanban_many is not None:
        # What a batch job gets: parse_many on every core, against the one-core regex loop.
        # Wall clock (CPU time adds the threads up); not the per-core figure above.
        vanban_many()
        walls = [timed(vanban_many)[0] for _ in range(a.rounds)]
        w = statistics.median(walls)
        w_regex = statistics.median(x[0] for x in t_regex)
        print("parse_many on %d CPUs: %.1f ms a pass (wall), %.2f MB/s: %.1fx the regex "
              "extractor's wall time (one core)" % (
                  os.cpu_count() or 1, w * 1e3, nbytes / 1e6 / w, w_regex / w))

    score_mod = load_score()
    gold_dir = os.path.join(SHARED, "corpus", "gold")
    if score_mod is None or not os.path.isdir(gold_dir):
        print("no gold (../shared/corpus/gold and tools/score.py): accuracy not measured")
        return 0
    by_path = {os.path.realpath(p): i for i, p in enumerate(paths)}
    results = {"regex": out_regex, "vanban": out_vanban}
    tallies = {k: Tally() for k in results}
    fields = {k: {f: [0, 0] for f in ("kind", "symbol", "date", "place", "issuer")} for k in results}
    n = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        gold = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        i = by_path.get(os.path.realpath(os.path.join(SHARED, gold["doc"])))
        if i is None:
            continue
        n += 1
        for k, outs in results.items():
            notes: List[str] = []
            score(score_mod, gold, outs[i], tallies[k], fields[k], notes)
            if a.verbose and notes:
                print("## %s %s: %s" % (k, gold["doc"], "; ".join(notes)))
    print()
    print("accuracy on %d gold documents (matching of ../shared/tools/score.py)" % n)
    print("%-8s %28s   %s" % ("", "citations P / R / F1 (n)", "kind  symbol date  place issuer"))
    for k in results:
        p, r, f1 = tallies[k].prf()
        acc = "  ".join("%.3f" % (fields[k][f][0] / max(1, fields[k][f][1]))
                        for f in ("kind", "symbol", "date", "place", "issuer"))
        print("%-8s %.3f / %.3f / %.3f (%3d/%3d)   %s" % (
            k, p, r, f1, tallies[k].hit, tallies[k].gold, acc))
    if tallies["vanban"].pred == 0:
        print("note: vanban gave no citations (the entity stage is not in this build)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
