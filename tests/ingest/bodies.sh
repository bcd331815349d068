#!/usr/bin/env bash
# Article bodies on the article-extraction benchmark (181 pages in ../shared/eval/article-extraction): runs the
# release binary with --json --with-text and scores each document's cleaned text as its body with
# ../shared/eval/ingest/ae_score.py (word 4-gram shingles; P, R and F1 of the per-page means).
# Usage: bash tests/ingest/bodies.sh [--per-page FILE.tsv]   (needs ../shared beside the repository and python3)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$repo/../shared/eval"
[ -f "$shared/ingest/ae_score.py" ] || { echo "bodies.sh: $shared/ingest/ae_score.py not found: put ../shared beside the repository" >&2; exit 1; }
(cd "$repo" && cargo build --release -q -p accord-cli)
accord="$repo/target/release/accord"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages"
for page in "$shared"/article-extraction/html/*.html.gz; do
  name=$(basename "$page" .gz)
  gzip -dc "$page" > "$work/pages/$name"
done
# A page with no text left is named on stderr and scores as an empty body: exit code 2 is expected then.
"$accord" extract --json --with-text "$work/pages" > "$work/out.json" 2> "$work/stderr.txt" || [ $? -eq 2 ]
python3 - "$work/out.json" "$work/pred.json" <<'PY'
import json, sys
documents = json.load(open(sys.argv[1]))["documents"]
json.dump({d["id"]: {"articleBody": d["text"]} for d in documents}, open(sys.argv[2], "w"))
PY
echo "pages that gave no document: $(grep -c ': no article text\|: binary file' "$work/stderr.txt" || true)"
python3 "$shared/ingest/ae_score.py" "$shared/article-extraction/ground-truth.json" "$work/pred.json" "$@"
