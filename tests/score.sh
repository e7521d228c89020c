#!/usr/bin/env bash
# bench/score.py on a text of our own with a gold file made to give known
# counts: a miss of the wrong type, an optional reference, a line break
# inside a name.
set -u
zhner=$1 tests=$2
out=$(python3 "$tests/../bench/score.py" --zhner "$zhner" --errors 5 "$tests/data/score") || {
  echo "$out"; exit 1; }
echo "$out"
fail=0
want() { grep -qP "$1" <<<"$out" || { echo "FAIL: no line matching $1"; fail=1; }; }
want '^PER\s+1\.000\s+0\.667\s+0\.800\s+2\s+0\s+1$'
want '^ORG\s+0\.500\s+1\.000\s+0\.667\s+1\s+1\s+0$'
want '^missed\tPER\tmeeting\t县委'
want '^spurious\tORG\tmeeting\t县委'
# bad gold: a clear message naming the file and line, exit 2
bad=$(mktemp -d)
trap 'rm -rf "$bad"' EXIT
printf '县委\n' >"$bad/a.txt"
printf '0\tx\tORG\n' >"$bad/a.gold.tsv"
msg=$(python3 "$tests/../bench/score.py" --zhner "$zhner" "$bad" 2>&1)
rc=$?
[ $rc -eq 2 ] && grep -q 'a.gold.tsv:1' <<<"$msg" || { echo "FAIL: bad gold: rc $rc: $msg"; fail=1; }
[ $fail -eq 0 ] && echo "score: passed"
exit $fail
