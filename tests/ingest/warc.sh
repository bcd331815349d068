#!/usr/bin/env bash
# WARC input at two sizes: packs the benchmark pages of ../shared/eval (181 article-extraction pages and the
# 1,000 htmldate entries) into a crawl of one gzip member per record, with warcinfo, request, metadata,
# non-HTML and redirect records mixed in, then ingests it into a new database under /usr/bin/time -v; then
# the same for the crawl repeated N times (distinct URIs and record ids). Prints the run's own summary
# lines, the wall time and the peak resident memory of each size: flat memory means records are streamed.
# Usage: bash tests/ingest/warc.sh [--times N] [--extract]
#   --times N   the larger crawl repeats the pages N times (default 10)
#   --extract   also time `accord extract --json` (which keeps every document for the ledger at the end)
# Needs ../shared beside the repository, python3 and /usr/bin/time.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
eval_dir="$repo/../shared/eval"
[ -d "$eval_dir/dates" ] && [ -d "$eval_dir/article-extraction/html" ] \
  || { echo "warc.sh: $eval_dir/dates or article-extraction not found: put ../shared beside the repository" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "warc.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
times=10
extract=false
while [ $# -gt 0 ]; do
  case "$1" in
    --times) times="$2"; shift 2 ;;
    --extract) extract=true; shift ;;
    *) echo "warc.sh: unknown option $1 (valid: --times N, --extract)" >&2; exit 2 ;;
  esac
done
(cd "$repo" && cargo build --release -q -p accord-cli)
accord="$repo/target/release/accord"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {  # build COPIES OUT.warc.gz
  python3 - "$eval_dir" "$1" "$2" <<'PY'
import gzip, json, math, os, sys, uuid

eval_dir, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = []  # (url, path of the gzipped page)
truth = json.load(open(os.path.join(eval_dir, "article-extraction", "ground-truth.json")))
for name, entry in sorted(truth.items()):
    pages.append((entry["url"], os.path.join(eval_dir, "article-extraction", "html", name + ".html.gz")))
for listing in ("eval_mediacloud_2020.json", "eval_default.json"):
    text = open(os.path.join(eval_dir, "dates", listing), encoding="utf8").read()
    for url, entry in json.loads(text).items():  # NaN dates are read as float nan and not used
        folder = next(f for f in ("test_set", "cache", "eval")
                      if os.path.isfile(os.path.join(eval_dir, "dates", f, entry["file"] + ".gz")))
        pages.append((url, os.path.join(eval_dir, "dates", folder, entry["file"] + ".gz")))

counts = {"response": 0, "request": 0, "metadata": 0, "warcinfo": 0, "non-HTML": 0, "redirect": 0}

def record(kind, uri, content_type, content, counted_as=None):
    counts[counted_as or kind] += 1
    rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{kind} {uri} {sum(counts.values())}")
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: 2024-11-23T06:00:00Z\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {content_type}\r\nContent-Length: {len(content)}\r\n\r\n")
    # One gzip member per record, as crawlers write them.
    warc.write(gzip.compress(head.encode() + content + b"\r\n\r\n", compresslevel=5))

def http(status, content_type, body):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body

non_html = [("image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)), ("application/pdf", b"%PDF-1.7\n" + bytes(300)),
            ("application/json", b'{"items": []}')]
with open(out, "wb") as warc:
    record("warcinfo", None, "application/warc-fields", b"software: tests/ingest/warc.sh\r\n")
    for copy in range(copies):
        for i, (url, path) in enumerate(pages):
            uri = url if copy == 0 else f"{url}{'&' if '?' in url else '?'}copy={copy}"
            if i % 100 == 0:
                record("request", uri, "application/http; msgtype=request", f"GET {uri} HTTP/1.1\r\n\r\n".encode())
            record("response", uri, "application/http; msgtype=response",
                   http("200 OK", "text/html", gzip.open(path).read()))
            if i % 200 == 0:
                record("metadata", uri, "application/warc-fields", b"fetchTimeMs: 120\r\n")
                kind, body = non_html[(i // 200) % len(non_html)]
                record("response", f"{uri}.asset", "application/http; msgtype=response", http("200 OK", kind, body),
                       counted_as="non-HTML")
            if i == 500:
                record("response", f"{uri}/old", "application/http; msgtype=response",
                       http("301 Moved Permanently", "text/html", b"<a href=\"/\">moved</a>"), counted_as="redirect")
size = os.path.getsize(out)
print(f"built {os.path.basename(out)}: {counts['response']} HTML responses, "
      + ", ".join(f"{n} {kind}" for kind, n in counts.items() if kind != "response")
      + f"; {size / 2**20:.0f} MiB gzipped")
PY
}

measure() {  # measure LABEL COMMAND...: the command's own summary lines, its wall time and peak memory
  local label="$1"; shift
  # Pages with no article text are named on stderr and counted as failed: exit code 2 is expected.
  /usr/bin/time -v "$@" > "$work/stdout" 2> "$work/stderr" || [ $? -eq 2 ]
  grep -E 'HTML responses read| new, ' "$work/stderr" | sed 's/^/  /'
  echo "  $(grep -c 'no article text' "$work/stderr" || true) pages with no article text after cleaning"
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/stderr")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/stderr")
  printf '  %s: wall %s, peak RSS %d MiB\n' "$label" "$wall" $((rss / 1024))
}

for copies in 1 "$times"; do
  crawl="$work/crawl-x$copies.warc.gz"
  build "$copies" "$crawl"
  measure "ingest x$copies" "$accord" ingest --db "$work/x$copies.db" "$crawl"
  if $extract; then
    measure "extract --json x$copies" "$accord" extract --json "$crawl"
  fi
  rm -f "$crawl" "$work/x$copies.db"
done
