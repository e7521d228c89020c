#!/bin/bash
# Shard a folder of pages over N processes (or several hosts) with GNU
# parallel, then merge the shards' indexes into one.
#   recipes/parallel.sh CORPUS_DIR OUT_DIR [SHARDS] [-- extra parallel options]
# Several hosts: add e.g. `-- -S host1,host2 --workdir .` (zhner and the
# corpus must be at the same path there; the shard folders come back with
# --return, or write them to a shared file system).
set -euo pipefail
corpus=$1 out=$2 shards=${3:-$(nproc)}
shift $(($# < 3 ? $# : 3)); [ "${1:-}" = -- ] && shift
zhner=${ZHNER:-zhner}
tmp=$(mktemp -d "${out%/}.shards.XXXX")
# every file goes to shard (line number mod SHARDS); each shard is one zhner run
find "$corpus" -name '*.txt' | sort | awk -v n="$shards" '{print > ("'"$tmp"'/list." NR % n)}'
ls "$tmp"/list.* | parallel --will-cite "$@" "$zhner -q --jobs 1 -o {}.out \$(cat {})"
"$zhner" merge "$out" "$tmp"/list.*.out/index.xml
rm -rf "$tmp"
