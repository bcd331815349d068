#!/usr/bin/env python3
"""Keep the real-report measuring stick: retrieval records, span gold, restored texts.

The reports are third-party news pages found with the search tool (corpus `pages`). Their text is never
committed: each split keeps `records.jsonl` (query, url, sha256, character count) and `gold/<id>.json`
(CONTRACT.md's per-document shape, with `span` [start, end) character offsets in place of evidence text).
Restored texts live in `texts/<id>.txt`, which git ignores.

Commands (run from anywhere; paths are relative to this folder):
  add SPLIT CAPTURE.json         a captured search result {"id", "query", "url", "excerpt", "negotiation"}:
                                 writes texts/ID.txt, appends or replaces ID's record in SPLIT/records.jsonl
  gold SPLIT DRAFT.json          a gold draft with verbatim `evidence` strings: finds each in the text,
                                 writes SPLIT/gold/ID.json with spans instead; fails on any evidence not found
  restore RESPONSE.json...       saved search-tool answers (the JSON the tool returns): every result whose url
                                 matches a record and whose excerpt has the record's sha256 is written to texts/
  missing [SPLIT...]             records whose text is absent or altered, with the query that re-finds each
  materialize SPLIT OUT_DIR      gold with evidence strings (for ../../../shared/eval/score.py) in OUT_DIR
  check [SPLIT...]               every record, text and gold file is whole and consistent
Standard library only.
"""
import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import sys
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = os.path.join(HERE, "texts")
SPLITS = ("dev", "test")
ISSUES = {
    "ceasefire", "withdrawal", "hostages_prisoners", "humanitarian_aid", "guarantees",
    "disarmament_security", "governance", "reconstruction", "territory_borders", "sanctions_economic",
    "phasing_timeline", "political_status_recognition", "justice_accountability", "talks_process", "other",
}
STANCES = {"demand", "offer", "accept", "reject", "condition", "insist", "concede"}
RESPONSES = STANCES | {"withdraw"}
STATUSES = {"ongoing", "stalled", "agreement", "collapsed", "unclear"}


def fail(message):
    sys.exit(f"realset: {message}")


def reserved_hosts():
    with open(os.path.join(HERE, "reserved-sites.txt"), encoding="utf-8") as f:
        return {line.strip().lower() for line in f if line.strip() and not line.startswith("#")}


def is_reserved(url, reserved):
    host = (urlparse(url).hostname or "").lower()
    return any(host == site or host.endswith("." + site) for site in reserved)


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_path(doc_id):
    return os.path.join(TEXTS, doc_id + ".txt")


def read_text(doc_id):
    with open(text_path(doc_id), encoding="utf-8", newline="") as f:
        return f.read()


def records_path(split):
    return os.path.join(HERE, split, "records.jsonl")


def load_records(split):
    path = records_path(split)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def save_records(split, records):
    os.makedirs(os.path.join(HERE, split), exist_ok=True)
    records.sort(key=lambda r: r["id"])
    with open(records_path(split), "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def records_lock(split):
    """Several annotators add to one split at once; the read-modify-write of records.jsonl is serialised."""
    os.makedirs(os.path.join(HERE, split), exist_ok=True)
    with open(os.path.join(HERE, split, ".records.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def check_split_name(split):
    if split not in SPLITS:
        fail(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")


def other_split_ids(split):
    return {r["id"] for s in SPLITS if s != split for r in load_records(s)}


def cmd_add(args):
    check_split_name(args.split)
    with open(args.capture, encoding="utf-8") as f:
        capture = json.load(f)
    for key in ("id", "query", "url", "excerpt", "negotiation"):
        if not capture.get(key):
            fail(f"{args.capture}: missing {key!r}")
    doc_id, url = capture["id"], capture["url"]
    if is_reserved(url, reserved_hosts()):
        fail(f"{args.capture}: {urlparse(url).hostname} is reserved for independent evaluation")
    if doc_id in other_split_ids(args.split):
        fail(f"{args.capture}: id {doc_id} is already in another split")
    text = capture["excerpt"]
    os.makedirs(TEXTS, exist_ok=True)
    with open(text_path(doc_id), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    record = {
        "id": doc_id,
        "negotiation": capture["negotiation"],
        "outlet": urlparse(url).hostname,
        "url": url,
        "query": capture["query"],
        "sha256": sha256(text),
        "chars": len(text),
    }
    with records_lock(args.split):
        records = [r for r in load_records(args.split) if r["id"] != doc_id]
        for r in records + [r for s in SPLITS if s != args.split for r in load_records(s)]:
            if r["url"] == url:
                fail(f"{args.capture}: url already recorded as {r['id']}")
        save_records(args.split, records + [record])
    print(f"{args.split}/{doc_id}: {record['chars']} chars, sha256 {record['sha256'][:12]}")


def locate(text, evidence, where):
    start = text.find(evidence)
    if start < 0:
        fail(f"{where}: evidence not found verbatim in the text: {evidence[:80]!r}")
    return [start, start + len(evidence)]


def validate_gold(doc, where):
    for key in ("parties", "mediators", "guarantors", "people", "positions", "proposals"):
        if not isinstance(doc.get(key), list):
            fail(f"{where}: {key!r} must be a list")
    if doc.get("status") not in STATUSES:
        fail(f"{where}: status must be one of {sorted(STATUSES)}")
    for p in doc["positions"]:
        if p.get("issue") not in ISSUES:
            fail(f"{where}: unknown issue {p.get('issue')!r}")
        if p.get("stance") not in STANCES:
            fail(f"{where}: unknown stance {p.get('stance')!r}")
        if not p.get("party"):
            fail(f"{where}: a position without a party")
    for proposal in doc["proposals"]:
        for response in proposal.get("responses", []):
            if response.get("response") not in RESPONSES:
                fail(f"{where}: unknown response {response.get('response')!r}")


def cmd_gold(args):
    check_split_name(args.split)
    with open(args.draft, encoding="utf-8") as f:
        doc = json.load(f)
    doc_id = doc.get("id")
    if doc_id not in {r["id"] for r in load_records(args.split)}:
        fail(f"{args.draft}: id {doc_id!r} has no record in {args.split}; run add first")
    text = read_text(doc_id)
    validate_gold(doc, args.draft)
    for entry in doc["positions"] + [r for p in doc["proposals"] for r in p.get("responses", [])]:
        if "evidence" not in entry:
            fail(f"{args.draft}: an entry without evidence")
        entry["span"] = locate(text, entry.pop("evidence"), args.draft)
    os.makedirs(os.path.join(HERE, args.split, "gold"), exist_ok=True)
    out = os.path.join(HERE, args.split, "gold", doc_id + ".json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{args.split}/gold/{doc_id}.json: {len(doc['positions'])} positions")


def all_records():
    return {r["id"]: r for s in SPLITS for r in load_records(s)}


def cmd_restore(args):
    by_url = {}
    for record in all_records().values():
        by_url.setdefault(record["url"], []).append(record)
    reserved = reserved_hosts()
    restored = 0
    for path in args.responses:
        with open(path, encoding="utf-8") as f:
            answer = json.load(f)
        for result in answer.get("results", []):
            url, excerpt = result.get("url", ""), result.get("excerpt", "")
            if is_reserved(url, reserved):
                print(f"refused {url}: reserved for independent evaluation", file=sys.stderr)
                continue
            for record in by_url.get(url, []):
                if sha256(excerpt) != record["sha256"]:
                    print(f"{record['id']}: {url} found, but its text has changed (sha256 differs)", file=sys.stderr)
                    continue
                os.makedirs(TEXTS, exist_ok=True)
                with open(text_path(record["id"]), "w", encoding="utf-8", newline="") as f:
                    f.write(excerpt)
                restored += 1
    print(f"restored {restored} texts")


def text_state(record):
    if not os.path.exists(text_path(record["id"])):
        return "absent"
    return "ok" if sha256(read_text(record["id"])) == record["sha256"] else "altered"


def cmd_missing(args):
    splits = args.splits or SPLITS
    missing = [(s, r) for s in splits for r in load_records(s) if text_state(r) != "ok"]
    for split, record in missing:
        print(f"{split}\t{record['id']}\t{text_state(record)}\tquery: {record['query']}\turl: {record['url']}")
    print(f"{len(missing)} texts to restore", file=sys.stderr)


def cmd_materialize(args):
    check_split_name(args.split)
    os.makedirs(args.out_dir, exist_ok=True)
    for record in load_records(args.split):
        if text_state(record) != "ok":
            fail(f"{record['id']}: text {text_state(record)}; run missing, then restore")
        text = read_text(record["id"])
        with open(os.path.join(HERE, args.split, "gold", record["id"] + ".json"), encoding="utf-8") as f:
            doc = json.load(f)
        for entry in doc["positions"] + [r for p in doc["proposals"] for r in p.get("responses", [])]:
            start, end = entry["span"]
            entry["evidence"] = text[start:end]
        with open(os.path.join(args.out_dir, record["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)


def cmd_check(args):
    reserved = reserved_hosts()
    problems = []
    seen_negotiations = {}
    for split in args.splits or SPLITS:
        for record in load_records(split):
            where = f"{split}/{record['id']}"
            if is_reserved(record["url"], reserved):
                problems.append(f"{where}: reserved site")
            gold_path = os.path.join(HERE, split, "gold", record["id"] + ".json")
            if not os.path.exists(gold_path):
                problems.append(f"{where}: no gold")
                continue
            with open(gold_path, encoding="utf-8") as f:
                doc = json.load(f)
            validate_gold(doc, where)
            state = text_state(record)
            if state != "ok":
                problems.append(f"{where}: text {state}")
                continue
            for entry in doc["positions"] + [r for p in doc["proposals"] for r in p.get("responses", [])]:
                start, end = entry.get("span", [-1, -1])
                if not 0 <= start < end <= record["chars"]:
                    problems.append(f"{where}: span {entry.get('span')} out of range")
            seen_negotiations.setdefault(record["negotiation"], set()).add(split)
    for negotiation, splits in seen_negotiations.items():
        if len(splits) > 1:
            problems.append(f"negotiation {negotiation!r} is in both splits")
    for problem in problems:
        print(problem)
    counts = {s: len(load_records(s)) for s in SPLITS}
    print(f"records: {counts}; negotiations: {len(seen_negotiations)}; problems: {len(problems)}", file=sys.stderr)
    sys.exit(1 if problems else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("add"); p.add_argument("split"); p.add_argument("capture"); p.set_defaults(run=cmd_add)
    p = sub.add_parser("gold"); p.add_argument("split"); p.add_argument("draft"); p.set_defaults(run=cmd_gold)
    p = sub.add_parser("restore"); p.add_argument("responses", nargs="+"); p.set_defaults(run=cmd_restore)
    p = sub.add_parser("missing"); p.add_argument("splits", nargs="*"); p.set_defaults(run=cmd_missing)
    p = sub.add_parser("materialize"); p.add_argument("split"); p.add_argument("out_dir")
    p.set_defaults(run=cmd_materialize)
    p = sub.add_parser("check"); p.add_argument("splits", nargs="*"); p.set_defaults(run=cmd_check)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
