#!/usr/bin/env python3
"""Checks the project's own rules for a zhner output folder (TSV + TEI +
index.xml) against the source texts:

- every TSV mention appears in NAME.xml as mN with the same text and type,
  and its RFC 5147 annotation points at the same code points of the source;
- the body's string value is the source text, character for character;
- every @ref of a mention resolves to an entity of index.xml, and every
  entity's mention pointer (and affiliation @ref) resolves.

usage: check_xref.py OUTDIR SOURCE.txt...   (exit 0 = all good)
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
XID = "{http://www.w3.org/XML/1998/namespace}id"
ELEMENT = {("PER", "persName"), ("PER", "rs"), ("ORG", "orgName")}
errors = []


def index_entities(path):
    """index.xml's entities: id -> (names, documents pointed at, element)."""
    ents = {}
    for e in ET.parse(path).iter():
        if e.tag in (f"{TEI}person", f"{TEI}org"):
            names = [n.text for n in e if n.tag in (f"{TEI}persName", f"{TEI}orgName")]
            docs = {t.split("#")[0] for p in e.findall(f"{TEI}ptr")
                    for t in p.get("target").split()}
            ents[e.get(XID)] = (names, docs, e)
    return ents


def fail(msg):
    errors.append(msg)


def string_value(el):
    return "".join(el.itertext())


def check_doc(outdir, source, entities):
    name = os.path.basename(source)[:-4]
    text = open(source, encoding="utf-8").read()
    tree = ET.parse(os.path.join(outdir, name + ".xml"))
    body = tree.find(f".//{TEI}body")
    if string_value(body).strip("\n") != text.strip("\n"):
        fail(f"{name}: body text differs from the source")
    ids = {el.get(XID): el for el in tree.iter() if el.get(XID)}
    notes = {}
    for ann in tree.iter(f"{TEI}annotation"):
        m = re.fullmatch(r".*#char=(\d+),(\d+)", ann.get("target"))
        mention = ann.find(f"{TEI}ptr[@type='mention']").get("target")[1:]
        notes[mention] = (int(m.group(1)), int(m.group(2)))
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(outdir, name + ".tsv"),
                                                        encoding="utf-8")][1:]
    for k, row in enumerate(rows, 1):
        _, start, end, typ, mtext, entity = row
        el = ids.get(f"m{k}")
        if el is None:
            fail(f"{name}: mention m{k} ({mtext}) missing in the TEI")
            continue
        if (typ, el.tag[len(TEI):]) not in ELEMENT:
            fail(f"{name}: m{k} is {el.tag} for type {typ}")
        if re.sub(r"\s", "", string_value(el)) != mtext:
            fail(f"{name}: m{k} text {string_value(el)!r} != {mtext!r}")
        if notes.get(f"m{k}") != (int(start), int(end)):
            fail(f"{name}: m{k} annotation offsets {notes.get(f'm{k}')} != {start},{end}")
        if re.sub(r"\s", "", text[int(start):int(end)]) != mtext:
            fail(f"{name}: m{k} offsets do not slice {mtext!r} from the source")
        ref = el.get("ref", "")
        if ref != f"index.xml#{entity}" or entity not in entities:
            fail(f"{name}: m{k} @ref {ref} does not resolve in index.xml")
    return name, len(rows)


def main():
    outdir, sources = sys.argv[1], sys.argv[2:]
    index = ET.parse(os.path.join(outdir, "index.xml"))
    entities = {el.get(XID): el for el in index.iter() if el.tag in (f"{TEI}person", f"{TEI}org")}
    counts = {}
    for source in sources:
        name, n = check_doc(outdir, source, entities)
        counts[name] = n
    doc_ids = {}
    for ent in entities.values():
        for ptr in ent.iter(f"{TEI}ptr"):
            for target in ptr.get("target").split():
                doc, _, mid = target.partition("#")
                if doc[:-4] not in counts or not re.fullmatch(r"m\d+", mid) \
                        or int(mid[1:]) > counts[doc[:-4]]:
                    fail(f"index: {ent.get(XID)} points at {target}, which does not exist")
        for aff in ent.iter(f"{TEI}affiliation"):
            if aff.get("ref", "#")[1:] not in entities:
                fail(f"index: {ent.get(XID)} affiliation {aff.get('ref')} does not resolve")
        doc_ids[ent.get(XID)] = 1
    for e in errors[:20]:
        print(e)
    print(f"check_xref: {len(sources)} documents, {sum(counts.values())} mentions, "
          f"{len(entities)} entities, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
