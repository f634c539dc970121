#!/usr/bin/env bash
# Fetches MovieLens 100K for `make eval-real` into a cache outside the repository and prints its folder.
# The data is GroupLens's (https://grouplens.org/datasets/movielens/100k/; F. M. Harper and J. A. Konstan,
# "The MovieLens Datasets: History and Context", ACM TiiS 5(4), 2015). Its licence forbids redistribution:
# it is never committed, and nothing derived from it is kept in the repository. It comes from the PyPI
# wheel of RecBole 1.2.1, which ships it; the wheel's sha256 is checked before anything is unpacked.
set -euo pipefail
WHEEL="recbole-1.2.1-py3-none-any.whl"
SHA256="9c9948202011f37eb0a7c6768129313f00d6403ad221ec940d5e2d5d5f33a407"
cache="${GUANG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guang}"
dir="$cache/ml-100k"
files=(ml-100k.inter ml-100k.item ml-100k.kg ml-100k.link)
have=1
for f in "${files[@]}"; do [ -s "$dir/$f" ] || have=0; done
if [ "$have" = 1 ]; then echo "$dir"; exit 0; fi
mkdir -p "$cache"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "[eval-real] downloading $WHEEL from PyPI (2 MB) into $cache" >&2
python3 -m pip download --quiet --no-deps --dest "$tmp" "recbole==1.2.1" >&2
echo "$SHA256  $tmp/$WHEEL" | sha256sum --check --quiet >&2
python3 - "$tmp/$WHEEL" "$tmp/out" "${files[@]}" <<'PY'
import sys, zipfile
wheel, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    for n in names:
        z.extract(f"recbole/dataset_example/ml-100k/{n}", out)
PY
mkdir -p "$dir"
for f in "${files[@]}"; do mv "$tmp/out/recbole/dataset_example/ml-100k/$f" "$dir/$f"; done
echo "$dir"
