#!/usr/bin/env python3
"""Precision, recall and F1 of zhner per type on your own annotated texts.

usage: bench/score.py [--zhner BIN] [--pred TSV] [--errors N] DIR

DIR holds DOC.txt files and, beside each, DOC.gold.tsv: one mention a line,
"start<TAB>end<TAB>TYPE[<TAB>text]", code-point offsets into DOC.txt, end
exclusive, '#' lines skipped. A TYPE with a leading '?' is optional: never
missed, and a prediction overlapping it is not counted. Only PER and ORG are
scored. A match is exact: same type, same first and last character, where
white space at a mention's edges does not count (OCR line breaks).

zhner (default: build/zhner beside this script) runs on every DOC.txt with
a gold file, unless --pred gives its TSV output ("doc start end type ...").
Prints a table (type, P, R, F1, tp, fp, fn) and, with --errors, the first N
misses and spurious mentions with their context. Exit status: 0, or 2 on bad
input (the message names the file and line).
"""
import argparse
import os
import subprocess
import sys

TYPES = ("PER", "ORG")


def fail(msg):
    print(f"score: {msg}", file=sys.stderr)
    sys.exit(2)


def trim(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def read_gold(path, text):
    """Mentions of a gold file: [(start, end, type)], edges trimmed."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            try:
                s, e, t = int(cols[0]), int(cols[1]), cols[2]
            except (IndexError, ValueError):
                fail(f"{path}:{n}: want start, end, type")
            if not 0 <= s < e <= len(text):
                fail(f"{path}:{n}: span {s}-{e} outside the text ({len(text)} characters)")
            out.append((*trim(text, s, e), t))
    return out


def main():
    ap = argparse.ArgumentParser(description="Scores zhner against gold mentions.")
    ap.add_argument("dir")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--zhner", default=os.path.join(here, "..", "build", "zhner"))
    ap.add_argument("--pred")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()

    docs = sorted(f[:-9] for f in os.listdir(a.dir) if f.endswith(".gold.tsv"))
    docs = [d for d in docs if os.path.exists(os.path.join(a.dir, d + ".txt"))]
    if not docs:
        fail(f"{a.dir}: no DOC.txt with a DOC.gold.tsv beside it")
    texts = {}
    for d in docs:
        with open(os.path.join(a.dir, d + ".txt"), encoding="utf-8-sig") as f:
            texts[d] = f.read()
    gold = {d: read_gold(os.path.join(a.dir, d + ".gold.tsv"), texts[d]) for d in docs}
    if not a.pred:
        files = [os.path.join(a.dir, d + ".txt") for d in docs]
        r = subprocess.run([a.zhner, "--quiet", "--format", "tsv", "--output", "-", *files],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{a.zhner} failed: {r.stderr.strip()}")
        lines = r.stdout
    else:
        with open(a.pred, encoding="utf-8") as f:
            lines = f.read()
    pred = {}
    for n, line in enumerate(lines.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            fail(f"{a.pred or 'zhner output'}:{n}: want doc, start, end, type")
        doc = os.path.basename(cols[0])
        doc = doc[:-4] if doc.endswith(".txt") else doc
        if doc not in texts:
            continue
        try:
            s, e = int(cols[1]), int(cols[2])
        except ValueError:
            fail(f"{a.pred or 'zhner output'}:{n}: bad offsets")
        s, e = trim(texts[doc], s, e)
        pred.setdefault(doc, []).append((s, e, cols[3]))

    counts = {t: [0, 0, 0] for t in TYPES}  # tp, fp, fn
    errors = []
    for d in docs:
        g = [m for m in gold[d] if m[2] in TYPES]
        opt = [m for m in gold[d] if m[2].startswith("?") and m[2][1:] in TYPES]
        gset = set(g)
        p = [m for m in pred.get(d, []) if m[2] in TYPES]
        pset = set(p)
        for m in pset:
            if m in gset:
                counts[m[2]][0] += 1
            elif not any(o[2][1:] == m[2] and o[0] < m[1] and m[0] < o[1] for o in opt):
                counts[m[2]][1] += 1
                errors.append(("spurious", d, m))
        for m in gset - pset:
            counts[m[2]][2] += 1
            errors.append(("missed", d, m))

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
    total = [0, 0, 0]
    for t in TYPES:
        c = counts[t]
        total = [x + y for x, y in zip(total, c)]
        print(f"{t:6} {prf(*c)[0]:6.3f} {prf(*c)[1]:6.3f} {prf(*c)[2]:6.3f} {c[0]:6} {c[1]:6} {c[2]:6}")
    p, r, f1 = prf(*total)
    print(f"{'ALL':6} {p:6.3f} {r:6.3f} {f1:6.3f} {total[0]:6} {total[1]:6} {total[2]:6}")
    for kind, d, (s, e, t) in errors[: a.errors]:
        body = texts[d]
        ctx = body[max(0, s - 8):s] + "【" + body[s:e] + "】" + body[e:e + 8]
        print(f"{kind}\t{t}\t{d}\t{body[s:e]}\t{ctx}".replace("\n", " "))


if __name__ == "__main__":
    main()
