#!/usr/bin/env python3
"""Check the team-written training corpus: every report has gold, every evidence string is verbatim in its
report, issues, stances, responses and statuses come from CONTRACT.md's vocabularies. Prints the totals.

Usage: python3 corpus/check.py [CORPUS_DIR]   (default: corpus/train beside this script)
Standard library only.
"""
import json
import os
import sys

ISSUES = {
    "ceasefire", "withdrawal", "hostages_prisoners", "humanitarian_aid", "guarantees",
    "disarmament_security", "governance", "reconstruction", "territory_borders", "sanctions_economic",
    "phasing_timeline", "political_status_recognition", "justice_accountability", "talks_process", "other",
}
STANCES = {"demand", "offer", "accept", "reject", "condition", "insist", "concede"}
RESPONSES = STANCES | {"withdraw"}
STATUSES = {"ongoing", "stalled", "agreement", "collapsed", "unclear"}
LISTS = ("parties", "mediators", "guarantors", "people", "positions", "proposals")


def problems_of(doc, text):
    found = []
    for key in LISTS:
        if not isinstance(doc.get(key), list):
            found.append(f"{key!r} must be a list")
            return found
    if doc.get("status") not in STATUSES:
        found.append(f"status {doc.get('status')!r}")
    for p in doc["positions"]:
        if p.get("issue") not in ISSUES:
            found.append(f"issue {p.get('issue')!r}")
        if p.get("stance") not in STANCES:
            found.append(f"stance {p.get('stance')!r}")
        if not p.get("party"):
            found.append("position without a party")
        if p.get("quantity") is not None and not isinstance(p["quantity"], (int, float)):
            found.append(f"quantity {p['quantity']!r} is not a number")
    entries = doc["positions"] + [r for q in doc["proposals"] for r in q.get("responses", [])]
    for q in doc["proposals"]:
        for r in q.get("responses", []):
            if r.get("response") not in RESPONSES:
                found.append(f"response {r.get('response')!r}")
    for e in entries:
        evidence = e.get("evidence") or ""
        if not evidence or evidence not in text:
            found.append(f"evidence not verbatim: {evidence[:70]!r}")
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "train")
    reports, gold = os.path.join(root, "reports"), os.path.join(root, "gold")
    texts = {os.path.splitext(n)[0]: n for n in os.listdir(reports) if n.endswith(".txt")}
    golds = {os.path.splitext(n)[0] for n in os.listdir(gold) if n.endswith(".json")}
    bad = 0
    for doc_id in sorted(texts.keys() ^ golds):
        print(f"{doc_id}: report without gold" if doc_id in texts else f"{doc_id}: gold without report")
        bad += 1
    positions, negotiations = 0, set()
    for doc_id in sorted(texts.keys() & golds):
        with open(os.path.join(reports, texts[doc_id]), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(gold, doc_id + ".json"), encoding="utf-8") as f:
            doc = json.load(f)
        if doc.get("id") != doc_id:
            print(f"{doc_id}: gold id is {doc.get('id')!r}")
            bad += 1
        for problem in problems_of(doc, text):
            print(f"{doc_id}: {problem}")
            bad += 1
        positions += len(doc.get("positions", []))
        negotiations.add(doc.get("negotiation"))
    print(f"{len(texts)} reports, {positions} positions, {len(negotiations)} negotiations, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
