#!/usr/bin/env bash
# Long files go in pieces (ZHNER_PIECE_CHARS makes the pieces small here):
# the same mentions and entities as one piece, offsets into the whole file,
# an index that spills its pointers to disk the same as one kept in memory,
# a TEI document whose body is the source and whose pointers resolve, GB18030
# the same as UTF-8, and a bad byte deep in a long file caught before any
# output of it is made, while the other files of the run are complete.
# usage: pieces.sh ZHNER TESTS_DIR
set -u
zhner=$(realpath "$1"); tests=$(realpath "$2")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1" >&2; fi; }

# about 11,000 characters of our own texts: eleven pieces of 1,000
mkdir -p "$tmp/in"
for i in $(seq 1 15); do cat "$tests/../examples/sample-page.txt" "$tests"/data/xref/*.txt; done \
  > "$tmp/in/long.txt"
printf '市委书记罗春林主持会议。\n' > "$tmp/in/short.txt"
small() { ZHNER_PIECE_CHARS=1000 "$zhner" -q "$@"; }

"$zhner" -q --output "$tmp/whole" "$tmp/in/long.txt"; rc=$?
ok "whole run exits 0" '[ $rc -eq 0 ]'
small --output "$tmp/pieces" "$tmp/in/long.txt"; rc=$?
ok "run in pieces exits 0" '[ $rc -eq 0 ]'
ok "at least 100 mentions" '[ "$(wc -l < "$tmp/whole/long.tsv")" -gt 100 ]'
ok "TSV in pieces = TSV whole" 'cmp -s "$tmp/whole/long.tsv" "$tmp/pieces/long.tsv"'
ok "JSONL in pieces = JSONL whole" 'cmp -s "$tmp/whole/long.jsonl" "$tmp/pieces/long.jsonl"'
ok "TEI: body = source, mentions and pointers resolve" \
  'python3 "$tests/check_xref.py" "$tmp/pieces" "$tmp/in/long.txt" > /dev/null'
ok "TEI numbers mentions across pieces" \
  '[ "$(grep -o "<annotation " "$tmp/pieces/long.xml" | wc -l)" -eq "$(($(wc -l < "$tmp/whole/long.tsv") - 1))" ]'
ok "index in pieces = index whole" 'cmp -s "$tmp/whole/index.xml" "$tmp/pieces/index.xml"'

# standard output: the same rows, no header
small --format tsv --output - "$tmp/in/long.txt" > "$tmp/stdout.tsv"
ok "stdout in pieces = file rows" 'cmp -s <(tail -n +2 "$tmp/whole/long.tsv") "$tmp/stdout.tsv"'

# GB18030, detected over the whole file: the same offsets and names
iconv -f UTF-8 -t GB18030 "$tmp/in/long.txt" > "$tmp/gb.txt"
small --format tsv --output - "$tmp/gb.txt" | cut -f2-5 > "$tmp/gb.tsv"
ok "GB18030 in pieces = UTF-8" 'cmp -s <(tail -n +2 "$tmp/whole/long.tsv" | cut -f2-5) "$tmp/gb.tsv"'

# a bad byte on line 150 of a long file, after many pieces: its offset and
# line, no output of it, the short file of the same run complete
mkdir -p "$tmp/bad"
head -n 149 "$tmp/in/long.txt" > "$tmp/bad/long.txt"
offset=$(stat -c %s "$tmp/bad/long.txt")
printf '中文\xff坏\n' >> "$tmp/bad/long.txt"
cat "$tmp/in/long.txt" >> "$tmp/bad/long.txt"
cp "$tmp/in/short.txt" "$tmp/bad/"
small --output "$tmp/badout" "$tmp/bad" 2> "$tmp/err"; rc=$?
ok "bad long file: exit 1" '[ $rc -eq 1 ]'
ok "error names the file, line and byte offset" \
  'grep -q "long.txt:150:3: invalid UTF-8 at byte offset $((offset + 6))" "$tmp/err"'
ok "no output of the bad file" '[ -z "$(ls -A "$tmp/badout" | grep long)" ]'
ok "the short file is complete" 'grep -q "罗春林" "$tmp/badout/short.tsv" && [ -s "$tmp/badout/short.xml" ]'
ok "the index has the short file only" \
  'grep -q "short.xml" "$tmp/badout/index.xml" && ! grep -q "long" "$tmp/badout/index.xml"'

# a NUL byte deep in a long file: binary, with its offset
head -c 20000 "$tmp/in/long.txt" > "$tmp/bin.txt"; printf 'a\0b' >> "$tmp/bin.txt"
small --format tsv --output - "$tmp/bin.txt" > /dev/null 2> "$tmp/err"; rc=$?
ok "NUL deep in a long file: binary at its offset" \
  '[ $rc -eq 1 ] && grep -q "bin.txt.*NUL byte at byte offset 20001" "$tmp/err"'

# an output that cannot be renamed into place: error, and the file is not
# in the index (its entities only it had are gone too)
mkdir -p "$tmp/blocked/long.xml/x"
small --output "$tmp/blocked" "$tmp/in/long.txt" "$tmp/in/short.txt" 2> "$tmp/err"; rc=$?
ok "unwritable output of a long file: exit 1" '[ $rc -eq 1 ] && grep -q "long.xml" "$tmp/err"'
ok "the index leaves it out" \
  'grep -q "short.xml" "$tmp/blocked/index.xml" && ! grep -q "long.xml" "$tmp/blocked/index.xml"'
ok "no temporary files left" '[ -z "$(ls -A "$tmp/blocked" | grep tmp)" ]'

# the index spilling its pointers to a temporary file (after 3 here) writes
# the same index: for files, for a file taken out again, and for a merge
ZHNER_INDEX_SPILL=3 small --output "$tmp/spilled" "$tmp/in/long.txt"
ok "spilled index = index in memory" 'cmp -s "$tmp/pieces/index.xml" "$tmp/spilled/index.xml"'
mkdir -p "$tmp/blocked2/long.xml/x"
ZHNER_INDEX_SPILL=3 small --output "$tmp/blocked2" "$tmp/in/long.txt" "$tmp/in/short.txt" 2> /dev/null
ok "spilled index without the file taken out = in memory" \
  'cmp -s "$tmp/blocked/index.xml" "$tmp/blocked2/index.xml"'
"$zhner" -q --output "$tmp/shard1" "$tmp/in/long.txt"
"$zhner" -q --output "$tmp/shard2" "$tmp/in/short.txt"
"$zhner" -q --output "$tmp/both" "$tmp/in/long.txt" "$tmp/in/short.txt"
ZHNER_INDEX_SPILL=3 "$zhner" merge "$tmp/merged" "$tmp/shard1/index.xml" "$tmp/shard2/index.xml" \
  2> /dev/null
ok "spilled merge = one run" 'cmp -s "$tmp/both/index.xml" "$tmp/merged/index.xml"'

echo "pieces: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
