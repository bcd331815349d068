"""Load an `accord export --format csv` file in DuckDB, as an analyst would, and check what it reads.

usage: python3 load_csv.py LEDGER.csv
DuckDB must read the file with no options beyond `header`: every column named, one record per ledger row,
numbers and dates typed, and the evidence text exactly what Python's RFC 4180 reader gives.
"""

import csv
import sys

import duckdb

COLUMNS = [
    "negotiation", "kind", "date", "party", "issue", "stance", "detail", "quantity", "unit", "proposal",
    "document", "published", "outlet", "url", "span_start", "span_end", "evidence", "speaker", "attribution",
    "modality", "concession", "condition",
]


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        expected = list(csv.DictReader(f))
    relation = duckdb.sql(f"SELECT * FROM read_csv('{path}', header = true)")
    names = relation.columns
    if names != COLUMNS:
        sys.exit(f"{path}: DuckDB reads the columns {names}")
    rows = relation.fetchall()
    if len(rows) != len(expected) or not rows:
        sys.exit(f"{path}: DuckDB reads {len(rows)} rows, the CSV holds {len(expected)}")
    types = dict(zip(names, (str(t) for t in relation.types)))
    for column, wanted in [("span_start", "BIGINT"), ("span_end", "BIGINT"), ("quantity", "DOUBLE"), ("date", "DATE")]:
        if types[column] != wanted:
            sys.exit(f"{path}: DuckDB types {column} as {types[column]}, not {wanted}")
    evidence = names.index("evidence")
    for got, want in zip(rows, expected):
        if got[evidence] != want["evidence"]:
            sys.exit(f"{path}: DuckDB reads the evidence {got[evidence]!r}, the CSV holds {want['evidence']!r}")
    print(f"duckdb {duckdb.__version__}: {len(rows)} rows, {len(names)} columns, types as documented")


if __name__ == "__main__":
    main(sys.argv[1])
