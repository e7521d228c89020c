#!/usr/bin/env bash
# The command line end to end: outputs, exit codes, bad input among good.
set -u
zhner=$1; tests=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1" >&2; fi; }

mkdir -p "$tmp/in/sub" "$tmp/out"
printf '市委书记罗春林主持会议。\n' > "$tmp/in/a.txt"
printf '\xef\xbb\xbf县长蒋志华\r\n指出，要抓落实。\r\n' > "$tmp/in/sub/b.txt"
printf '中文\xff坏字节\n' > "$tmp/in/bad.txt"
printf 'ignored' > "$tmp/in/notes.md"

"$zhner" --help > "$tmp/help" 2>&1; rc=$?
ok "--help exits 0" '[ $rc -eq 0 ] && grep -q "Exit status" "$tmp/help"'
"$zhner" --version > "$tmp/ver"; ok "--version" 'grep -q "^zhner [0-9]" "$tmp/ver"'
"$zhner" --bogus 2> "$tmp/err"; rc=$?
ok "unknown option exits 2" '[ $rc -eq 2 ] && grep -q "unknown option" "$tmp/err"'
"$zhner" --format xls x 2> /dev/null; rc=$?; ok "bad format exits 2" '[ $rc -eq 2 ]'

# a folder with a bad file among good ones: exit 1, good ones written
"$zhner" --quiet --output "$tmp/out" "$tmp/in" 2> "$tmp/err"; rc=$?
ok "bad file gives exit 1" '[ $rc -eq 1 ]'
ok "error names file and byte offset" 'grep -q "bad.txt.*byte offset 6" "$tmp/err"'
ok "good file a written (tsv jsonl xml)" '[ -s "$tmp/out/a.tsv" ] && [ -s "$tmp/out/a.jsonl" ] && [ -s "$tmp/out/a.xml" ]'
ok "nested file b written" '[ -s "$tmp/out/b.tsv" ]'
ok "no output for the bad file" '[ ! -e "$tmp/out/bad.tsv" ]'
ok "no temporary files left" '[ -z "$(ls -A "$tmp/out" | grep tmp)" ]'
ok "tsv header" 'head -1 "$tmp/out/a.tsv" | grep -q "^doc	start	end	type	text	entity$"'
ok "person in a" 'grep -q "	4	7	PER	罗春林	per-" "$tmp/out/a.tsv"'
ok "org in a" 'grep -q "	0	2	ORG	市委	org-" "$tmp/out/a.tsv"'
# BOM is code point 0 and CR counts: 蒋志华 at 3..6
ok "offsets count BOM" 'grep -q "	3	6	PER	蒋志华" "$tmp/out/b.tsv"'
ok "jsonl fields" 'grep -q "\"start\":4,\"end\":7,\"type\":\"PER\"" "$tmp/out/a.jsonl"'

# standard output: the call the evaluation uses
"$zhner" --format tsv --output - "$tmp/in/a.txt" "$tmp/in/sub/b.txt" > "$tmp/stdout" 2>/dev/null; rc=$?
ok "stdout run exits 0" '[ $rc -eq 0 ]'
ok "stdout has both docs in order" '[ "$(cut -f1 "$tmp/stdout" | uniq | tr "\n" " ")" = "$tmp/in/a.txt $tmp/in/sub/b.txt " ]'
"$zhner" --format jsonl --output - "$tmp/in/a.txt" > "$tmp/jsonl" 2>/dev/null
ok "stdout jsonl" 'grep -q "\"text\":\"罗春林\"" "$tmp/jsonl"'

# missing file: reported, the rest still done
"$zhner" --quiet --output - "$tmp/in/a.txt" "$tmp/nope.txt" > "$tmp/stdout" 2> "$tmp/err"; rc=$?
ok "missing file exits 1" '[ $rc -eq 1 ] && grep -q "nope.txt" "$tmp/err" && grep -q 罗春林 "$tmp/stdout"'

# bad gazetteers: exit 2, file and line named
mkdir -p "$tmp/gaz"; printf 'title titles.txt\n' > "$tmp/gaz/MANIFEST"; printf '书记\n主 任\n' > "$tmp/gaz/titles.txt"
"$zhner" --gazetteers "$tmp/gaz" --output - "$tmp/in/a.txt" > /dev/null 2> "$tmp/err"; rc=$?
ok "bad gazetteer exits 2 naming file:line" '[ $rc -eq 2 ] && grep -q "titles.txt:2:" "$tmp/err"'
# an entry listed twice in one file: exit 2, the second line named
printf '书记\n主任|主任委员\n局长\n主任\n' > "$tmp/gaz/titles.txt"
"$zhner" --gazetteers "$tmp/gaz" --output - "$tmp/in/a.txt" > /dev/null 2> "$tmp/err"; rc=$?
ok "gazetteer entry twice exits 2 naming file:line" '[ $rc -eq 2 ] && grep -q "titles.txt:4:1: .主任. is listed twice" "$tmp/err"'
# extra gazetteers add: a new title makes a cue
printf 'title more.txt\n' > "$tmp/gaz/MANIFEST"; printf '书记\n' > "$tmp/gaz/titles.txt"; printf '守林员\n' > "$tmp/gaz/more.txt"
"$zhner" --gazetteers "$tmp/gaz" --output - "$tmp/in/a.txt" > /dev/null 2>&1; rc=$?
ok "extra gazetteers load" '[ $rc -eq 0 ]'

# unwritable output folder: a clear error before any work
"$zhner" --output /proc/nope "$tmp/in/a.txt" 2> "$tmp/err"; rc=$?
ok "unwritable output exits 2" '[ $rc -eq 2 ] && grep -q "not writable" "$tmp/err"'

# same name in two folders: distinct deterministic output names
mkdir -p "$tmp/in2/x" "$tmp/in2/y"; cp "$tmp/in/a.txt" "$tmp/in2/x/p.txt"; cp "$tmp/in/a.txt" "$tmp/in2/y/p.txt"
"$zhner" --quiet --format tsv --output "$tmp/out2" "$tmp/in2" 2>/dev/null
ok "two p.txt give two outputs" '[ "$(ls "$tmp/out2" | wc -l)" -eq 2 ]'

# the same output whatever the number of jobs
"$zhner" --quiet --jobs 1 --output - "$tmp/in/a.txt" "$tmp/in/sub/b.txt" > "$tmp/j1" 2>/dev/null
"$zhner" --quiet --jobs 2 --output - "$tmp/in/a.txt" "$tmp/in/sub/b.txt" > "$tmp/j2" 2>/dev/null
ok "jobs 1 and 2 agree" 'cmp -s "$tmp/j1" "$tmp/j2"'

# a long text goes in pieces: every copy of a page keeps its mentions
page="$(dirname "$0")/../examples/sample-page.txt"
for i in $(seq 120); do cat "$page"; echo; done > "$tmp/long.txt"
"$zhner" --quiet --format tsv --output - "$page" > "$tmp/one.tsv"
"$zhner" --quiet --format tsv --output - "$tmp/long.txt" > "$tmp/long.tsv"
ok "long text in pieces keeps every copy's mentions" \
  '[ "$(wc -l < "$tmp/long.tsv")" -ge $((120 * $(wc -l < "$tmp/one.tsv"))) ]'
ok "the last copy's mentions are where they should be" \
  'last=$(tail -1 "$tmp/one.tsv" | cut -f2); n=$(($(wc -m < "$page") + 1)); grep -q "	$((last + 119 * n))	" "$tmp/long.tsv"'

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
