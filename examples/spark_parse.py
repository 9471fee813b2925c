"""Parse a folder of Vietnamese directive documents with vanban in PySpark (local mode).

    pip install ./python pyspark pyarrow pandas   # from this repository (vanban is not published yet)
    python examples/spark_parse.py [FOLDER ...]

Without FOLDER it parses the documents bundled with the repository (tests/fixtures,
python/tests/fixtures), and the folder VANBAN_CORPUS names, if set. A DataFrame of (doc_id, text)
goes through ``mapInPandas``: each Spark task parses its batch with ``vanban.parse_many`` and
returns rows of ``vanban.to_frames`` tables (one table per job here: documents and items). The
script then asks Spark SQL a question (items per kind of document) and checks the result
against a plain local parse, so it doubles as a test (exit status 1 on a mismatch).
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path
from typing import Iterator, List

REPO = Path(__file__).resolve().parent.parent

# Spark's Python workers must use this interpreter (the one with vanban installed).
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
# Local mode: keep Spark's driver on the loopback interface.
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

# PySpark 4.3 warns that it does not fully support pandas 3; what this script uses works.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)

import pandas as pd  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

import vanban  # noqa: E402

DOC_COLUMNS = "doc_id string, kind string, symbol string, date timestamp, issuer string, title string, n_items long, n_citations long, n_signatures long"
ITEM_COLUMNS = "doc_id string, item_id long, depth long, path string, label string, marker string, text string, start long, end long"


def folders(args: List[str]) -> List[Path]:
    if args:
        return [Path(a) for a in args]
    out = [REPO / "tests" / "fixtures", REPO / "python" / "tests" / "fixtures"]
    corpus = os.environ.get("VANBAN_CORPUS")  # more documents, named by the caller
    if corpus and Path(corpus).is_dir():
        out.append(Path(corpus))
    return out


def read_documents(dirs: List[Path]) -> pd.DataFrame:
    rows = []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.suffix in (".txt", ".md") and p.is_file():
                with open(p, encoding="utf-8", newline="") as f:
                    rows.append({"doc_id": f"{d.name}/{p.name}", "text": f.read()})
    return pd.DataFrame(rows, columns=["doc_id", "text"])


def parse_documents(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: a batch of (doc_id, text) -> one row per document."""
    for batch in batches:
        docs = vanban.parse_many(list(batch["text"]), threads=1)  # Spark already runs tasks in parallel
        table = vanban.to_frames(docs, ids=list(batch["doc_id"]), tables=["documents"])["documents"]
        yield table[[c.split()[0] for c in DOC_COLUMNS.split(", ")]]


def parse_items(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: a batch of (doc_id, text) -> one row per item (spans in code points)."""
    for batch in batches:
        docs = vanban.parse_many(list(batch["text"]), threads=1)
        table = vanban.to_frames(docs, ids=list(batch["doc_id"]), tables=["items"])["items"]
        yield table[[c.split()[0] for c in ITEM_COLUMNS.split(", ")]]


def main(argv: List[str]) -> int:
    texts = read_documents(folders(argv))
    if texts.empty:
        print("no .txt or .md documents found", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("vanban-parse")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.createDataFrame(texts).repartition(2)
        documents = df.mapInPandas(parse_documents, DOC_COLUMNS)
        items = df.mapInPandas(parse_items, ITEM_COLUMNS)
        documents.createOrReplaceTempView("documents")
        items.createOrReplaceTempView("items")
        answer = spark.sql(
            """
            SELECT d.kind, COUNT(DISTINCT d.doc_id) AS documents, COUNT(i.item_id) AS items,
                   ROUND(COUNT(i.item_id) / COUNT(DISTINCT d.doc_id), 1) AS items_per_document
            FROM documents d LEFT JOIN items i ON i.doc_id = d.doc_id
            GROUP BY d.kind ORDER BY items DESC
            """
        ).toPandas()
        parsed = documents.toPandas().sort_values("doc_id").reset_index(drop=True)
        n_items = items.count()
    finally:
        spark.stop()
    elapsed = time.perf_counter() - t0
    print(f"Spark parsed {len(parsed)} documents ({n_items} items) in {elapsed:.1f} s (incl. Spark start-up)")
    print("Items per kind of document:")
    print(answer.to_string(index=False))

    # The same parse without Spark must give the same table.
    local_docs = vanban.parse_many(list(texts["text"]))
    local = vanban.to_frames(local_docs, ids=list(texts["doc_id"]))
    want = local["documents"][list(parsed.columns)].sort_values("doc_id").reset_index(drop=True)
    ok = parsed.astype(object).where(parsed.notna(), None).equals(want.astype(object).where(want.notna(), None))
    ok = ok and n_items == len(local["items"])
    print("matches a local parse:", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
