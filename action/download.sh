#!/usr/bin/env bash
# Installs gplint's release binary for this runner: downloads the archive
# of its target, checks it against the release's SHA-256 file, unpacks the
# binary and puts its folder on the job's PATH. action.yml runs it;
# tests/action_download.sh runs it against a locally built archive.
#
# Environment:
#   GPLINT_VERSION      a release tag (v0.1.0), or "latest"
#   GPLINT_RELEASES     the releases' base address, <repository>/releases
#                       (file:// works, for the test)
#   GPLINT_INSTALL_DIR  where the binary goes
#   RUNNER_OS, RUNNER_ARCH  as GitHub Actions sets them
set -euo pipefail

# The release's target triple for a runner; the names are those of
# .github/workflows/release.yml's matrix.
target_for() {
  case "$1/$2" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    # Windows on Arm runs x64 programs under emulation.
    Windows/X64 | Windows/ARM64) echo x86_64-pc-windows-msvc ;;
    *) return 1 ;;
  esac
}

sha256_of() {
  if command -v sha256sum > /dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

fail() {
  echo "::error title=gplint download::$*" >&2
  exit 1
}

main() {
  local version="${GPLINT_VERSION:?set GPLINT_VERSION to a tag or latest}"
  local releases="${GPLINT_RELEASES:?set GPLINT_RELEASES}"
  local dir="${GPLINT_INSTALL_DIR:?set GPLINT_INSTALL_DIR}"
  local target
  target=$(target_for "${RUNNER_OS:-}" "${RUNNER_ARCH:-}") \
    || fail "no gplint release binary for ${RUNNER_OS:-?} on ${RUNNER_ARCH:-?}; install it with 'cargo install --locked gplint' instead"
  local archive="gplint-$target.tar.gz" binary=gplint
  case "$target" in
    *windows*) archive="gplint-$target.zip" binary=gplint.exe ;;
  esac
  local base="$releases/download/$version"
  [ "$version" = latest ] && base="$releases/latest/download"

  mkdir -p "$dir"
  local work
  work=$(mktemp -d)
  # curl: --fail turns a 404 (no such release or target) into an error.
  local get=(curl --fail --silent --show-error --location --retry 3)
  "${get[@]}" --output "$work/$archive" "$base/$archive" \
    || fail "cannot download $base/$archive: is $version a gplint release?"
  "${get[@]}" --output "$work/$archive.sha256" "$base/$archive.sha256" \
    || fail "cannot download $base/$archive.sha256"

  local expected actual
  expected=$(cut -d' ' -f1 < "$work/$archive.sha256" | tr -d '\r\n' | tr 'A-F' 'a-f')
  actual=$(sha256_of "$work/$archive")
  [ -n "$expected" ] && [ "$expected" = "$actual" ] \
    || fail "$archive has SHA-256 $actual but the release says ${expected:-nothing}: not installed"

  case "$archive" in
    *.zip) (cd "$work" && unzip -q -o "$archive" "$binary") ;;
    *) tar -xzf "$work/$archive" -C "$work" "$binary" ;;
  esac
  mv -f "$work/$binary" "$dir/$binary"
  chmod +x "$dir/$binary"
  rm -rf "$work"
  if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$dir" >> "$GITHUB_PATH"
  fi
  echo "gplint $version ($target, SHA-256 $actual) installed in $dir"
}

main "$@"
