#!/usr/bin/env bash
# Publication dates on htmldate's 1,000 evaluation pages: runs the release binary over the pages that
# ../shared/eval/ingest/prep_dates.py unpacks and scores each document's `published` with dates_score.py
# (exact-day accuracy, a page without an answer counting as wrong), overall and per subset.
# Usage: bash tests/ingest/dates.sh [--errors FILE.tsv]   (needs ../shared beside the repository and python3)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
eval_dir="$repo/../shared/eval/ingest"
[ -f "$eval_dir/dates_score.py" ] || { echo "dates.sh: $eval_dir/dates_score.py not found: put ../shared beside the repository" >&2; exit 1; }
(cd "$repo" && cargo build --release -q -p accord-cli)
accord="$repo/target/release/accord"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$eval_dir/prep_dates.py" "$work" > /dev/null
# Failing pages (no text left after cleaning) are named on stderr and get no date: exit code 2 is expected.
(cd "$work" && "$accord" extract --json dates_html > out.json 2> stderr.txt) || [ $? -eq 2 ]
python3 - "$work/out.json" "$work/pred.json" <<'PY'
import json, sys
documents = json.load(open(sys.argv[1]))["documents"]
json.dump({d["id"]: d["published"] for d in documents}, open(sys.argv[2], "w"))
PY
echo "pages that gave no document: $(grep -c ': no article text\|: binary file' "$work/stderr.txt" || true)"
python3 "$eval_dir/dates_score.py" "$work/dates_gold.json" "$work/pred.json" "$@"
