#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, and run zhner on the
# bundled example page into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
build/zhner --output output examples/
echo "setup: results in output/ (sample-page.tsv, .jsonl and .xml)"
