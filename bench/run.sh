#!/usr/bin/env bash
# Throughput and memory of zhner against a floor measured in the same run:
# `wc -m` (reading and decoding UTF-8) on the same ≥ 20 MB file.
# usage: bench/run.sh [ZHNER] [MB]   (needs ../shared for its text)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
zhner=${1:-$here/../build/zhner}
mb=${2:-20}
shared=$here/../../shared
[ -d "$shared/corpus" ] || { echo "bench: ../shared not found"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# a corpus of the shared pages repeated to the wanted size
src=("$shared"/corpus/*.txt "$shared"/eval/pd_dev/*.txt)
while [ "$(stat -c %s "$tmp/big.txt" 2>/dev/null || echo 0)" -lt $((mb * 1000000)) ]; do
  cat "${src[@]}" >> "$tmp/big.txt"
done
size=$(stat -c %s "$tmp/big.txt")
secs() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
floor=$(secs wc -m "$tmp/big.txt")
# split into 100 files for the jobs comparison
split -n l/100 -d -a 3 --additional-suffix=.txt "$tmp/big.txt" "$tmp/part-"
mkdir "$tmp/parts"; mv "$tmp"/part-*.txt "$tmp/parts/"
tsv=$(secs "$zhner" -q --jobs 1 --format tsv --output - "$tmp/big.txt")
tei=$(secs "$zhner" -q --jobs 1 --format tei --output "$tmp/out" "$tmp/big.txt")
j1=$(secs "$zhner" -q --jobs 1 --format tsv --output "$tmp/o1" "$tmp/parts")
j2=$(secs "$zhner" -q --jobs 2 --format tsv --output "$tmp/o2" "$tmp/parts")
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rss=$(peak "$zhner" -q --jobs 1 --format tsv --output - "$tmp/big.txt")
# memory must not grow with the input: the same text four times over
for k in 1 2 3 4; do cat "$tmp/big.txt"; done > "$tmp/big4.txt"
rss4=$(peak "$zhner" -q --jobs 1 --format tsv --output - "$tmp/big4.txt")
rm -rf "$tmp/out"
rsstei=$(peak "$zhner" -q --jobs 1 --output "$tmp/out" "$tmp/big.txt")
rm -rf "$tmp/out"
rsstei4=$(peak "$zhner" -q --jobs 1 --output "$tmp/out" "$tmp/big4.txt")
awk -v size="$size" -v floor="$floor" -v tsv="$tsv" -v tei="$tei" -v j1="$j1" -v j2="$j2" -v rss="$rss" \
  -v rss4="$rss4" -v rsstei="$rsstei" -v rsstei4="$rsstei4" 'BEGIN {
  mb = size / 1e6
  printf "corpus            %.1f MB\n", mb
  printf "floor (wc -m)     %.2f s  %.1f MB/s\n", floor, mb / floor
  printf "zhner tsv  -j1    %.2f s  %.2f MB/s  %.1fx the floor\n", tsv, mb / tsv, tsv / floor
  printf "zhner tei  -j1    %.2f s  %.2f MB/s  %.1fx the floor\n", tei, mb / tei, tei / floor
  printf "jobs 2 vs jobs 1  %.2fx faster\n", j1 / j2
  printf "peak memory       %.0f MB (tsv, -j1); %.0f MB on a file 4x as long\n", rss / 1024, rss4 / 1024
  printf "peak memory       %.0f MB (tsv, jsonl, tei and index, -j1); %.0f MB on a file 4x as long\n", rsstei / 1024, rsstei4 / 1024
}'
