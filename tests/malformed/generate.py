#!/usr/bin/env python3
"""Writes a folder of malformed inputs for Accord's robustness test, and a manifest of what each should do.

Usage: python3 tests/malformed/generate.py OUT_DIR

Every input's name starts with a tag `mNNN-` (ASCII, so it can be found in document ids and on stderr however
the rest of the name is escaped). `OUT_DIR/../manifest.tsv` lists `tag<TAB>expect<TAB>what`, where expect is
`document` (must be extracted), `named` (must be refused on stderr with a reason) or `either`. The bytes are
the same on every run: random content comes from a seeded generator.
"""

import codecs
import gzip
import json
import os
import random
import sys

REPORT = (
    "Negotiators from Armenia and Azerbaijan met in Abu Dhabi on Tuesday for a third round of talks.\n\n"
    "Azerbaijan demanded changes to Armenia's constitution before any peace treaty is signed, its foreign "
    "ministry said in a statement.\n\n"
    "Armenia rejected the demand, saying the constitution was a domestic matter, and offered to open "
    "border crossings within 30 days.\n\n"
    "The United Arab Emirates, which hosted the round, said it was ready to host another.\n"
)

REPORT_ACCENTED = REPORT.replace("Tuesday", "Tuesday (café talks, déjà vu)")

MIB = 1024 * 1024


class Corpus:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.manifest = []
        self.rng = random.Random(20261203)

    def tag(self, expect, what):
        self.count += 1
        tag = f"m{self.count:03d}-"
        self.manifest.append((tag, expect, what))
        return tag

    def path(self, name):
        return os.path.join(self.out.encode(), name if isinstance(name, bytes) else name.encode())

    def file(self, expect, what, suffix, data):
        name = self.tag(expect, what).encode() + (suffix if isinstance(suffix, bytes) else suffix.encode())
        with open(self.path(name), "wb") as f:
            f.write(data)
        return name

    def jsonl(self, expect, what, lines):
        tag = self.tag(expect, what)
        body = b"".join(line if isinstance(line, bytes) else line.encode() for line in lines)
        with open(self.path(f"{tag}{what}.jsonl"), "wb") as f:
            f.write(body.replace(b"@TAG@", tag.encode()))

    def link(self, expect, what, target):
        name = self.tag(expect, what) + what
        os.symlink(target, self.path(name))
        return name

    def write_manifest(self):
        with open(os.path.join(os.path.dirname(os.path.abspath(self.out)), "manifest.tsv"), "w") as f:
            for tag, expect, what in self.manifest:
                f.write(f"{tag}\t{expect}\t{what}\n")


def entry(**fields):
    return json.dumps(fields) + "\n"


def random_bytes(rng, n, low=0, high=255):
    return bytes(rng.randint(low, high) for _ in range(n))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    c = Corpus(out)
    rng = c.rng
    utf8 = REPORT.encode()

    c.file("document", "plain report", "plain.txt", utf8)
    c.file("document", "html report", "page.html",
           f"<html><head><title>Abu Dhabi round</title></head><body><article>"
           f"{''.join(f'<p>{p}</p>' for p in REPORT.split(chr(10) * 2))}</article></body></html>".encode())

    # Random bytes: refused as binary (or, rarely, named for another reason); never a document of noise.
    for i in range(6):
        c.file("named", "random bytes", f"random-{i}.txt", random_bytes(rng, 4096))
    for i in range(3):
        c.file("named", "high bytes", f"high-{i}.txt", random_bytes(rng, 4096, 0x80, 0xFF))
    c.file("named", "random bytes as html", "random.html", random_bytes(rng, 8192))
    c.file("named", "random bytes as jsonl", "random.jsonl", random_bytes(rng, 8192))

    # Encodings: all read as the same report.
    damaged = bytearray(utf8)
    for at in (40, 200, 380):
        damaged[at] = 0xFF
    c.file("document", "utf-8 with three bad bytes", "bad-bytes.txt", bytes(damaged))
    c.file("document", "windows-1252", "cp1252.txt", REPORT_ACCENTED.encode("cp1252"))
    c.file("document", "latin-1 html declared", "latin1.html",
           f"<html><head><meta charset=\"iso-8859-1\"></head><body><p>{REPORT_ACCENTED}</p></body></html>"
           .encode("latin-1"))
    c.file("document", "utf-16le with bom", "utf16le.txt", codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"))
    c.file("document", "utf-16be with bom", "utf16be.txt", codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"))
    c.file("document", "utf-32le with bom", "utf32le.txt", codecs.BOM_UTF32_LE + REPORT.encode("utf-32-le"))
    c.file("document", "utf-8 with bom", "utf8bom.txt", codecs.BOM_UTF8 + utf8)
    c.file("document", "mixed utf-8 and windows-1252", "mixed.txt",
           REPORT_ACCENTED.encode() + REPORT_ACCENTED.encode("cp1252"))
    c.file("document", "crlf line ends", "crlf.txt", utf8.replace(b"\n", b"\r\n"))
    c.file("document", "cr line ends", "cr.txt", utf8.replace(b"\n", b"\r"))

    # NULs and control bytes.
    with_nuls = bytearray(utf8)
    for at in (10, 120, 300):
        with_nuls[at:at] = b"\x00"
    c.file("document", "stray nuls", "nuls.txt", bytes(with_nuls))
    c.file("named", "only nuls", "all-nuls.txt", b"\x00" * 4096)
    c.file("named", "control bytes", "controls.txt", bytes(rng.randint(1, 31) for _ in range(4096)))

    # Empty and nearly empty.
    c.file("named", "empty", "empty.txt", b"")
    c.file("named", "whitespace only", "blank.txt", b" \n\t\n   \r\n" * 100)
    c.file("named", "bom only", "bom.txt", codecs.BOM_UTF8)
    c.file("named", "empty html", "empty.html", b"")

    # Long lines: a 19 MiB line is read within the cap; a line over the cap abandons the rest with a reason.
    padding = " " * (19 * MIB)
    c.jsonl("document", "19 MiB line", [entry(id="@TAG@long", text=REPORT + padding)])
    c.jsonl("named", "line over the cap", ["{\"id\": \"@TAG@over\", \"text\": \"", "x" * (21 * MIB), "\"}\n",
                                           entry(id="@TAG@after", text=REPORT)])
    c.file("document", "19 MiB text file", "long.txt", utf8 + b" " * (19 * MIB))
    c.file("named", "text over the size cap", "huge.txt", utf8 + b"y" * (21 * MIB))

    # Deep nesting.
    for depth in (12_800, 100_000):
        c.file("document", f"html nested {depth} deep", f"deep-{depth}.html",
               b"<html><body>" + b"<div>" * depth + f"<p>{REPORT}</p>".encode() + b"</div>" * depth
               + b"</body></html>")
    c.file("either", "unclosed nesting", "unclosed.html", b"<html><body>" + b"<div><span><b>" * 20_000 + utf8)

    # Pages without a body.
    c.file("named", "scripts only", "scripts.html",
           b"<html><head><script>var a = 1;</script></head><body>"
           + b"<script>document.write('x');</script>" * 200 + b"<style>p { color: red }</style></body></html>")
    c.file("either", "navigation only", "nav.html",
           b"<html><body><nav><a href=/>Home</a> <a href=/world>World</a></nav><footer>Contact us</footer>"
           b"</body></html>")
    c.file("named", "gzip named html", "gzip.html", gzip.compress(f"<html><body><p>{REPORT}</p></body></html>"
                                                                 .encode(), mtime=0))
    c.file("named", "png named txt", "image.txt", b"\x89PNG\r\n\x1a\n" + random_bytes(rng, 2048))
    c.file("named", "pdf named txt", "doc.txt", b"%PDF-1.7\n" + random_bytes(rng, 2048))

    # JSONL, broken and mistyped: good lines are read, bad ones named by line.
    c.jsonl("either", "broken jsonl", [entry(id="@TAG@good", text=REPORT), "{\"id\": \"@TAG@cut\", \"text\": \n",
                                       "not json at all\n", entry(id="@TAG@again", text=REPORT)])
    c.jsonl("named", "mistyped jsonl", [entry(id="@TAG@n", text=5), entry(id="@TAG@l", text=["a", "b"]),
                                        "[1, 2, 3]\n", "\"a string\"\n", "null\n", entry(id=7, body=None)])
    c.jsonl("named", "jsonl with bad utf-8", [b"{\"id\": \"@TAG@x\", \"text\": \"\xff\xfe\xfd\"}\n"])
    c.jsonl("either", "jsonl with empty lines", ["\n\n", entry(id="@TAG@ok", text=REPORT), "\n   \n"])
    c.jsonl("named", "jsonl without text", [entry(id="@TAG@none", title="Talks resume", url="https://a.example/")])

    # Special files: named and skipped, never read.
    os.mkfifo(c.path(c.tag("named", "fifo") + "fifo.txt"))
    os.mkfifo(c.path(c.tag("named", "fifo as jsonl") + "fifo.jsonl"))
    c.link("named", "link to dev zero", "/dev/zero")
    c.link("named", "jsonl link to dev zero", "/dev/zero")
    c.link("named", "link to dev null", "/dev/null")
    loop_a = c.tag("named", "symlink loop")
    os.symlink(f"{loop_a}b", c.path(f"{loop_a}a"))
    os.symlink(f"{loop_a}a", c.path(f"{loop_a}b"))
    c.link("named", "dangling link", "does-not-exist.txt")
    c.link("named", "link to its own folder", ".")
    target = c.file("document", "link target", "target.txt", utf8)
    c.link("either", "link to a good file", target.decode())

    # Odd names: the tag stays readable however the rest is printed.
    for what, suffix in [("newline in name", b"new\nline.txt"), ("escape in name", b"esc\x1b[31m.txt"),
                         ("bad utf-8 in name", b"bad\xff\xfe.txt"), ("spaces in name", b"  spaced  .txt"),
                         ("unicode name", "\u0645\u0641\u0627\u0648\u0636\u0627\u062a.txt".encode()),
                         ("long name", b"n" * 230 + b".txt"), ("no extension", b"noext"),
                         ("upper-case extension", b"PAGE.HTML"), ("dash first", b"-dash.txt")]:
        c.file("document", what, suffix, utf8)
    sub = c.tag("document", "folder named like a file")
    os.makedirs(c.path(f"{sub}folder.txt"))
    with open(c.path(f"{sub}folder.txt/{sub}inner.txt"), "wb") as f:
        f.write(utf8)

    # Mutated copies of the report: bytes flipped, cut, repeated.
    for i in range(20):
        data = bytearray(utf8)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randint(0, 255)
        c.file("either", "mutated report", f"mutated-{i}.txt", bytes(data))
    c.file("either", "cut mid-character", "cut.txt", REPORT_ACCENTED.encode()[:REPORT_ACCENTED.encode().index(b"\xc3") + 1])
    c.file("document", "one sentence repeated", "repeated.txt", (REPORT.split("\n\n")[1] + " ") .encode() * 2000)

    c.write_manifest()
    print(f"wrote {c.count} inputs to {out}")


if __name__ == "__main__":
    main()
