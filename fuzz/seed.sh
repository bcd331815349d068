#!/usr/bin/env bash
# Seeds the fuzz corpora from the team's fixture reports and data files, each with the selector byte its
# target reads first (0 text, 1 HTML, 2 JSONL; a data file by its place in the lexicon's EMBEDDED list, read from files.rs).
# Run from the repository root: bash fuzz/seed.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pipeline="$root/fuzz/corpus/pipeline"
data="$root/fuzz/corpus/data_file"
mkdir -p "$pipeline" "$data"
seed() { { printf "\\x$(printf %02x "$1")"; cat "$2"; } > "$3"; }
for f in "$root"/tests/fixtures/reports/* "$root"/tests/fixtures/dev/reports/* "$root"/tests/fixtures/ledger/* "$root"/examples/*; do
  case "$f" in
    *.html|*.htm) seed 1 "$f" "$pipeline/$(basename "$f")" ;;
    *.jsonl) seed 2 "$f" "$pipeline/$(basename "$f")" ;;
    *) seed 0 "$f" "$pipeline/$(basename "$f")" ;;
  esac
done
index=0
for name in $(sed -n '/^const EMBEDDED/,/^];/p' "$root/crates/lexicon/src/files.rs" | grep -o '"[a-z_]*\.tsv"' | tr -d '"'); do
  seed "$index" "$root/data/en/$name" "$data/$name"
  index=$((index + 1))
done
echo "seeded $(ls "$pipeline" | wc -l) pipeline and $(ls "$data" | wc -l) data-file inputs"
