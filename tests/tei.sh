#!/usr/bin/env bash
# TEI output: well-formed always; every TSV mention is in the TEI with the same
# text; the body's text equals the source; a second run is byte-identical;
# valid against ../shared/tei/tei_all.rng (jing) when that schema is present.
set -u
zhner=$1; tests=$2
root=$(cd "$tests/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1" >&2; fi; }
"$zhner" --quiet --output "$tmp/o1" "$root/examples" || { echo "zhner failed"; exit 1; }
"$zhner" --quiet --output "$tmp/o2" "$root/examples"
for x in "$tmp"/o1/*.xml; do
  b=$(basename "$x" .xml)
  [ "$b" = index ] && continue # the corpus index: tests/xref.sh
  ok "$b well-formed" 'xmllint --noout "$x"'
  ok "$b second run identical" 'cmp -s "$x" "$tmp/o2/$b.xml"'
  body=$(xmllint --xpath 'string(//*[local-name()="text"])' "$x")
  src=$(cat "$root/examples/$b.txt")
  ok "$b body text equals the source" '[ "$body" = "$src" ]'
  while IFS=$'\t' read -r doc s e type text ent; do
    [ "$doc" = doc ] && continue
    el=persName; [ "$type" = ORG ] && el=orgName
    got=$(xmllint --xpath "string(//*[local-name()=\"annotation\"][@target=\"$b.txt#char=$s,$e\"]/*[@type=\"mention\"]/@target)" "$x")
    id=${got#\#}
    name=$(xmllint --xpath "string(//*[@*[local-name()=\"id\"]=\"$id\"])" "$x" | tr -d ' \n')
    ok "$b mention $s-$e $text in TEI" '[ "$name" = "$text" ]'
  done < "$tmp/o1/$b.tsv"
done
schema=$root/../shared/tei/tei_all.rng
if [ -f "$schema" ] && command -v jing >/dev/null; then
  ok "valid TEI (jing)" 'jing "$schema" "$tmp"/o1/*.xml 2>/dev/null >"$tmp/jing.out" || { cat "$tmp/jing.out" >&2; false; }'
  echo "tei: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
else
  echo "tei: $pass passed, $fail failed (schema check skipped: no ../shared/tei or no jing)"
  [ "$fail" -eq 0 ] || exit 1
  exit 77
fi
