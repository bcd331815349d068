#!/usr/bin/env bash
# Score an Accord binary on one split of the real-report set: bash tests/real/score.sh SPLIT [ACCORD] [score.py flags]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
split=$1; shift
accord=${1:-$here/../../target/release/accord}
[ $# -gt 0 ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/realset.py" materialize "$split" "$work/gold"
mkdir "$work/texts"
while IFS= read -r id; do cp "$here/texts/$id.txt" "$work/texts/"; done \
  < <(python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in open(sys.argv[1]) if l.strip()]' "$here/$split/records.jsonl")
"$accord" extract --json "$work/texts" > "$work/out.json" || [ $? -eq 2 ]
python3 "$here/../../../shared/eval/score.py" "$work/gold" "$work/out.json" "$@"
