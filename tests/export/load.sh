#!/usr/bin/env bash
# The CSV export of the example reports, loaded in DuckDB (installed from PyPI into a throwaway venv when the
# machine's Python lacks it). usage: bash tests/export/load.sh [ACCORD_BINARY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
accord=${1:-target/release/accord}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python=python3
if ! python3 -c 'import duckdb' 2> /dev/null; then
  if ! python3 -m venv "$work/venv" 2> /dev/null; then
    apt-get update -q && apt-get install -y -q python3-venv
    python3 -m venv "$work/venv"
  fi
  "$work/venv/bin/pip" install -q duckdb
  python=$work/venv/bin/python
fi

"$accord" ingest examples --db "$work/ledger.db"
"$accord" export --db "$work/ledger.db" --format csv --out "$work/ledger.csv"
"$python" tests/export/load_csv.py "$work/ledger.csv"
