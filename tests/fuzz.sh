#!/usr/bin/env bash
# Builds the libFuzzer target (clang, ASan + UBSan) and runs it for a set
# time on seeds made from the project's own texts: tests/data, the sentences
# of tests/cases.txt, and the same in GB18030, with a BOM and with spaced-out
# and line-broken OCR shapes. Any crash, leak or sanitizer report fails.
# usage: tests/fuzz.sh [SECONDS=60] [JOBS=1]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
secs=${1:-60}
jobs=${2:-1}
build=$root/build-fuzz
CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DZHNER_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz_extract >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/seeds" "$work/corpus"
n=0
seed() { n=$((n + 1)); cat > "$work/seeds/$n"; }
for f in "$here"/data/*/*.txt; do seed < "$f"; done
grep -P '^T\t' "$here/cases.txt" | cut -f2 | while IFS= read -r line; do
  printf '%s\n' "$line" > "$work/seeds/case-$((++n))"
  printf '%s\n' "$line" | iconv -f UTF-8 -t GB18030 > "$work/seeds/gb-$n"
  printf '\xef\xbb\xbf%s\r\n' "$line" > "$work/seeds/bom-$n"
  printf '%s\n' "$line" | sed 's/./& /g' > "$work/seeds/spaced-$n"
  printf '%s\n' "$line" | fold -w 5 > "$work/seeds/folded-$n"
done
printf '' | seed
printf '\xff\xfe\x00\x01' | seed
echo "fuzz: $(ls "$work/seeds" | wc -l) seeds, ${secs}s, $jobs job(s)"
mkdir -p "$build/artifacts" # what fails stays here, to replay: fuzz_extract FILE
cd "$work" # workers write fuzz-N.log here
par=()
((jobs > 1)) && par=(-jobs="$jobs" -workers="$jobs")
rc=0
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$build/tests/fuzz_extract" -max_total_time="$secs" -max_len=8192 -timeout=20 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/" ${par[@]+"${par[@]}"} \
  "$work/corpus" "$work/seeds" > "$work/fuzz.log" 2>&1 || rc=$?
cat "$work"/fuzz*.log | grep -v '^#[0-9]' | tail -25
ls "$build"/artifacts/crash-* "$build"/artifacts/leak-* "$build"/artifacts/timeout-* 2>/dev/null && rc=1
exit "$rc"
