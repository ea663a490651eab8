#!/usr/bin/env bash
# Packs a built gplint binary as a release asset: gplint-TARGET.tar.gz
# (gplint-TARGET.zip for Windows) with the binary at the top, beside the
# licences and README, and its SHA-256 file, ARCHIVE.sha256, in the
# `sha256sum` format. The release workflow runs it for each target;
# tests/action_download.sh runs it on a local build, so that what the
# action downloads is what this makes.
#
# Usage: packaging/archive.sh TARGET BINARY OUTDIR
set -euo pipefail

target="${1:?target triple}"
binary="${2:?path of the built binary}"
out="${3:?output folder}"
root="$(cd "$(dirname "$0")/.." && pwd)"

stage=$(mktemp -d)
name=gplint
case "$target" in *windows*) name=gplint.exe ;; esac
cp "$binary" "$stage/$name"
files=("$name" LICENSE-MIT LICENSE-APACHE README.md)
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$root/README.md" "$stage/"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
case "$target" in
  *windows*)
    archive="gplint-$target.zip"
    # Python's zipfile where `zip` is missing (Git Bash on Windows has no zip).
    if command -v zip > /dev/null; then
      (cd "$stage" && zip -q -X "$out/$archive" "${files[@]}")
    else
      (cd "$stage" && python3 -m zipfile -c "$out/$archive" "${files[@]}")
    fi
    ;;
  *)
    archive="gplint-$target.tar.gz"
    tar -czf "$out/$archive" -C "$stage" "${files[@]}"
    ;;
esac
rm -rf "$stage"

if command -v sha256sum > /dev/null; then
  (cd "$out" && sha256sum "$archive" > "$archive.sha256")
else
  (cd "$out" && shasum -a 256 "$archive" > "$archive.sha256")
fi
echo "$out/$archive"
