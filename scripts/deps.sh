#!/usr/bin/env bash
# Installs, with apt-get, whatever zhner needs that the machine lacks.
set -euo pipefail
pkgs=(build-essential cmake pkg-config libpcre2-dev uthash-dev libxml2-dev libxml2-utils
      libjson-c-dev libopencc-dev libopencc-data bc time friso-dict iso-codes python3 python3-jieba jing valgrind parallel clang libclang-rt-14-dev clang-format)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
