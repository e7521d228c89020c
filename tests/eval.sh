#!/usr/bin/env bash
# Scores on ../shared (skipped without it): the floors of the issues.
set -u
zhner=$1
here=$(cd "$(dirname "$0")" && pwd)
ev=$here/../../shared/eval/evaluate.sh
[ -x "$ev" ] || { echo "eval: ../shared not found, skipped"; exit 77; }
out=$("$ev" "$zhner") || { echo "$out"; exit 1; }
echo "$out"
echo "$out" | python3 -c '
import sys
lines = [l for l in sys.stdin if l.startswith("F1 ")]
floors = [(0.97, 0.92), (0.80, 0.62)]  # Kaili, People'"'"'s Daily: PER, ORG (the issues'"'"' targets)
bad = 0
for line, (per, org) in zip(lines, floors):
    f = line.split()
    p, o = float(f[2]), float(f[4])
    if p < per or o < org:
        print(f"below floor: PER {p} < {per} or ORG {o} < {org}"); bad = 1
print(f"eval: {2 - bad} passed, {bad} failed")
sys.exit(bad)
'
