#!/bin/bash
# The TEI cross-reference: per-document files and index.xml agree with the TSV
# and with each other; short forms merge (and unresolvable ones stay apart);
# a second run is byte-identical; shards merged give the single run's index.
# With ../shared present, also the Kaili acceptance and jing validation.
# usage: xref.sh ZHNER TESTS_DIR
set -u
ZHNER=$1
T=$2
SHARED=$T/../../shared
D=$T/data/xref
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$ZHNER" -q -o "$W/a" "$D"/*.txt || fail "run on $D"
python3 "$T/check_xref.py" "$W/a" "$D"/*.txt || fail "check_xref on own texts"

# the merging rules and what stays separate, read from index.xml
PYTHONPATH=$T python3 - "$W/a/index.xml" <<'EOF' || fail "merging rules"
import sys
from check_xref import TEI, index_entities
ents = index_entities(sys.argv[1])
def entity_of(variant, doc=None):
    found = [k for k, (names, docs, _) in ents.items()
             if variant in names and (doc is None or doc + ".xml" in docs)]
    assert len(found) == 1, f"{variant} in {doc}: {len(found)} entities {found}"
    return found[0]
bad = 0
def expect(cond, msg):
    global bad
    if not cond:
        print("  not so:", msg); bad += 1
party = entity_of("中共遵义市委")
expect(entity_of("市委", "zunyi-a") == party, "市委 in a document about 遵义 is 中共遵义市委")
expect(ents[party][0][0] == "中国共产党遵义市委员会", "canonical name of the party committee")
expect("zunyi-b.xml" in ents[party][1], "the same committee in the second document")
cppcc = entity_of("政协第九届遵义市委员会")
expect(entity_of("市政协", "zunyi-a") == cppcc, "市政协 = 政协第九届遵义市委员会")
expect(entity_of("中国人民政治协商会议第九届遵义市委员会") == cppcc, "full CPPCC name")
expect(ents[entity_of("市政府", "zunyi-a")][0][0] == "遵义市人民政府", "市政府 -> 遵义市人民政府")
expect(ents[entity_of("市人大常委会", "zunyi-a")][0][0] == "遵义市人民代表大会常务委员会",
       "市人大常委会 -> full name")
expect(entity_of("红星机械") == entity_of("遵义红星机械有限公司"), "company short form")
expect(entity_of("遵义交投") == entity_of("遵义市交通建设投资集团有限公司"),
       "a short name the text declares (以下简称…)")
zone = entity_of("新蒲经济开发区")
expect(entity_of("贵州新蒲经济开发区") == zone, "a zone named without its province joins it")
expect(entity_of("贵州新蒲经济开发区管委会") != zone, "the zone's committee stays apart from the zone")
zhang = entity_of("张建国")
expect(ents[zhang][1] == {"zunyi-a.xml", "zunyi-b.xml"}, "张建国 in both documents")
expect(entity_of("刘先生") != zhang and entity_of("刘先生").startswith("ref-"),
       "刘先生 stays a reference of its own")
aff = [a.get("ref")[1:] for a in ents[zhang][2].iter(TEI + "affiliation")]
expect(party in aff, "张建国's affiliation points at the party committee")
occ = [o.text for o in ents[zhang][2].iter(TEI + "occupation")]
expect("市委书记" in occ, "张建国's role 市委书记")
# a document that names no place: 市委 and 市政府 stay short, per document
short = entity_of("市委", "noplace")
expect(short != party and short.startswith("org-short-"), "unresolved 市委 stays apart")
expect(ents[short][2].find(TEI + "note") is not None, "unresolved entity carries a note")
sys.exit(1 if bad else 0)
EOF

# --place resolves short forms of a document that names no place
"$ZHNER" -q -o "$W/p" --place 安顺市 "$D/noplace.txt" || fail "--place run"
grep -q '<orgName type="full">中国共产党安顺市委员会</orgName>' "$W/p/index.xml" ||
  fail "--place 安顺市 does not resolve 市委"
"$ZHNER" -q -o "$W/p" --place 安顺 "$D/noplace.txt" 2>/dev/null
[ $? -eq 2 ] || fail "--place without a level is not a usage error"

# a second run is byte-identical, whatever the number of threads
"$ZHNER" -q -o "$W/b" --jobs 1 "$D"/*.txt && diff -r "$W/a" "$W/b" >/dev/null ||
  fail "second run differs"

# shards merged = one run
"$ZHNER" -q -o "$W/s1" "$D/zunyi-a.txt" && "$ZHNER" -q -o "$W/s2" "$D/zunyi-b.txt" "$D/noplace.txt" &&
  "$ZHNER" merge "$W/m" "$W/s2/index.xml" "$W/s1/index.xml" 2>/dev/null || fail "merge"
diff -r "$W/a" "$W/m" >/dev/null || fail "merged shards differ from one run"
# a document in two shards is an error
"$ZHNER" merge "$W/m2" "$W/s1/index.xml" "$W/a/index.xml" 2>/dev/null
[ $? -eq 2 ] || fail "merging a document twice is not refused"

if [ -d "$SHARED/corpus" ]; then
  C=$SHARED/corpus
  "$ZHNER" -q -o "$W/k" "$C"/*.txt || fail "run on the Kaili pages"
  python3 "$T/check_xref.py" "$W/k" "$C"/*.txt || fail "check_xref on the Kaili pages"
  PYTHONPATH=$T python3 - "$W/k/index.xml" <<'EOF' || fail "Kaili acceptance"
import sys
from check_xref import TEI, XID, index_entities
ents = index_entities(sys.argv[1])
def holders(name):
    return [e for names, _, e in ents.values() if name in names]
tan = holders("谭夔")
assert len(tan) == 1, "谭夔 is one entity"
docs = {t.split("#")[0] for p in tan[0].findall(TEI + "ptr") for t in p.get("target").split()}
assert len(docs) == 3, f"谭夔 in three pages, got {docs}"
assert "市委书记" in [o.text for o in tan[0].iter(TEI + "occupation")], "role 市委书记"
party = [e for names, _, e in ents.values() if e.tag == TEI + "org"
         and names[0] == "中国共产党凯里市委员会"]
assert len(party) == 1, "one entity for 中共凯里市委"
assert "#" + party[0].get(XID) in [a.get("ref") for a in tan[0].iter(TEI + "affiliation")], \
    "谭夔's affiliation points at 中共凯里市委"
cppcc = {e.get(XID) for n in ("市政协", "中国人民政治协商会议第十届凯里市委员会",
                              "政协第十届凯里市委员会") for e in holders(n)}
assert len(cppcc) == 1, f"the CPPCC names resolve to one entity: {cppcc}"
EOF
fi

if [ -f "$SHARED/tei/tei_all.rng" ] && command -v jing >/dev/null; then
  out=$(jing "$SHARED/tei/tei_all.rng" "$W/a"/*.xml "$W/p"/*.xml ${C:+"$W/k"/*.xml} 2>/dev/null)
  [ -z "$out" ] || fail "jing: $(echo "$out" | head -5)"
else
  # without the schema: well-formedness at least
  xmllint --noout "$W/a"/*.xml || fail "xmllint"
fi

[ $failures -eq 0 ] && echo "xref: all passed" || echo "xref: $failures failed"
[ $failures -eq 0 ]
