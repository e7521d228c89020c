#!/usr/bin/env bash
# No leak and no invalid access under valgrind: a page, a long file in small
# pieces (every output and the index), and standard input. Uninitialised-value
# reports are off: PCRE2's JIT code gives false ones.
# usage: valgrind.sh ZHNER TESTS_DIR
set -u
zhner=$(realpath "$1"); tests=$(realpath "$2")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
vg=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --undef-value-errors=no --error-exitcode=9)
for i in 1 2 3; do cat "$tests/../examples/sample-page.txt" "$tests"/data/xref/*.txt; done \
  > "$tmp/long.txt"
fail=0
ZHNER_PIECE_CHARS=1000 "${vg[@]}" "$zhner" -q -o "$tmp/out" "$tmp/long.txt" \
  "$tests/../examples/sample-page.txt" || { echo "FAIL: files and pieces"; fail=1; }
"${vg[@]}" "$zhner" -q - < "$tests/../examples/sample-page.txt" > /dev/null ||
  { echo "FAIL: standard input"; fail=1; }
[ -s "$tmp/out/long.xml" ] || { echo "FAIL: no output"; fail=1; }
echo "valgrind: $((fail == 0)) passed, $fail failed"
exit $fail
