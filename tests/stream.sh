#!/bin/bash
# Streaming and sharding: standard input in JSONL gives the same mentions as
# file mode; GNU parallel --pipe gives the same lines as one process; shards
# run through GNU parallel and merged give byte-identical outputs to one run
# (on our own texts, and on ../shared/corpus when it is there).
# usage: stream.sh ZHNER TESTS_DIR
set -u
ZHNER=$(realpath "$1")
T=$(realpath "$2")
SHARED=$T/../../shared
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

texts=("$T"/data/xref/*.txt "$T"/../examples/*.txt)
# the texts as JSONL: the id is the file name without .txt
python3 - "${texts[@]}" >"$W/docs.jsonl" <<'PY'
import json, os, sys
for p in sys.argv[1:]:
    print(json.dumps({"id": os.path.basename(p)[:-4], "text": open(p, encoding="utf-8").read()},
                     ensure_ascii=False))
PY
"$ZHNER" -q - --input-format jsonl <"$W/docs.jsonl" >"$W/stream.jsonl" || fail "stream run"
"$ZHNER" -q -o "$W/files" --format tsv "${texts[@]}" || fail "file run"
python3 - "$W/stream.jsonl" "$W/files" "${texts[@]}" <<'PY' || fail "stream = file mode"
import json, os, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(lines) == len(sys.argv[3:]), f"{len(lines)} result lines for {len(sys.argv[3:])} documents"
for res, path in zip(lines, sys.argv[3:]):
    name = os.path.basename(path)[:-4]
    assert res["id"] == name, f"order: {res['id']} for {name}"
    got = [(m["start"], m["end"], m["type"], m["text"], m["entity"]) for m in res["mentions"]]
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(sys.argv[2], name + ".tsv"),
                                                     encoding="utf-8")][1:]
    want = [(int(r[1]), int(r[2]), r[3], r[4], r[5]) for r in rows]
    assert got == want, f"{name}: stream and file mode differ"
PY

# bad lines: a JSON error line in place, the others complete, exit 1
printf '{"id":"ok","text":"记者 王海涛 报道"}\nnot json\n{"id":"t"}\n' |
  "$ZHNER" -q - --input-format jsonl >"$W/bad.jsonl" 2>"$W/bad.err"
[ $? -eq 1 ] || fail "bad stream lines do not give exit 1"
[ "$(wc -l <"$W/bad.jsonl")" -eq 3 ] || fail "one result line per input line"
grep -q '"id":"ok","mentions":\[{' "$W/bad.jsonl" || fail "the good line is complete"
grep -q 'stdin:2: line-2: not a JSON object' "$W/bad.err" || fail "error names the line"

if command -v parallel >/dev/null; then
  # parallel --pipe as a mapper gives the same lines as one process
  parallel --will-cite -k --pipe -N2 "$ZHNER" -q - --input-format jsonl \
    <"$W/docs.jsonl" >"$W/piped.jsonl" || fail "parallel --pipe"
  cmp -s "$W/stream.jsonl" "$W/piped.jsonl" || fail "parallel --pipe output differs"

  # shards three ways, run by parallel, merged = one plain run
  shard_check() { # NAME FILES...
    local name=$1; shift
    local files=("$@") s
    "$ZHNER" -q -o "$W/$name-one" "${files[@]}" || fail "$name: plain run"
    for s in 0 1 2; do
      local part=() i
      for i in "${!files[@]}"; do ((i % 3 == s)) && part+=("${files[$i]}"); done
      ((${#part[@]})) && echo "$ZHNER -q -o $W/$name-s$s ${part[*]}"
    done | parallel --will-cite -j3 || fail "$name: shards"
    "$ZHNER" merge "$W/$name-merged" "$W/$name"-s*/index.xml 2>"$W/merge.err" ||
      fail "$name: merge: $(cat "$W/merge.err")"
    diff -r "$W/$name-one" "$W/$name-merged" >/dev/null || fail "$name: merged shards differ"
  }
  cd "$T/.." && shard_check own tests/data/xref/*.txt examples/*.txt
  # the recipe does the same over a folder
  ZHNER=$ZHNER recipes/parallel.sh tests/data/xref "$W/recipe" 2 2>/dev/null || fail "recipe"
  "$ZHNER" -q -o "$W/recipe-one" $(find tests/data/xref -name '*.txt' | sort)
  diff -r "$W/recipe" "$W/recipe-one" >/dev/null || fail "recipes/parallel.sh differs from one run"
  [ -d "$SHARED/corpus" ] && cd "$SHARED/.." && shard_check kaili shared/corpus/*.txt
else
  fail "GNU parallel is not installed (scripts/deps.sh installs it)"
fi

[ $failures -eq 0 ] && echo "stream: all passed" || echo "stream: $failures failed"
[ $failures -eq 0 ]
