#!/usr/bin/env bash
# Whole-process benchmark: `gplint check` (release build) over generated
# forests, against `cat` of the same templates to /dev/null (the I/O
# floor) and ../shared/bench/naive_check.py (the script baseline), run
# alternately in one session; then the 50 MB export template alone.
#
# Usage: bench/run.sh [SIZE...]        (default: 1000 10000 50000)
# Environment:
#   ROUNDS=3            alternating rounds per size up to 10,000 GPOs (one above)
#   FOREST_DIR=/tmp/gplint-bench   where forests are generated (kept between runs)
#   NAIVE=../shared/bench/naive_check.py
#   NAIVE_MAX=50000     largest size the script is run on
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("${@:-1000 10000 50000}")
read -r -a SIZES <<<"${SIZES[*]}"
ROUNDS="${ROUNDS:-3}"
FOREST_DIR="${FOREST_DIR:-/tmp/gplint-bench}"
NAIVE="${NAIVE:-../shared/bench/naive_check.py}"
NAIVE_MAX="${NAIVE_MAX:-50000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

say() { printf '%s\n' "$*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  say "installing Debian's time package for /usr/bin/time (peak memory)"
  apt-get install -y time >/dev/null
fi
PYTHON=python3
if ! python3 -c 'import yaml' 2>/dev/null; then
  say "PyYAML missing: installing it with pip into a venv at /tmp/gplint-bench-venv"
  python3 -m venv /tmp/gplint-bench-venv
  /tmp/gplint-bench-venv/bin/pip install --quiet pyyaml
  PYTHON=/tmp/gplint-bench-venv/bin/python
fi

cargo build --release --quiet --bin gplint --example forest
GPLINT="$CARGO_TARGET_DIR/release/gplint"
FOREST="$CARGO_TARGET_DIR/release/examples/forest"

# Runs a command, discarding its output; prints "seconds peak-KB".
measure() {
  local stats
  stats=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$stats" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$stats"
  rm -f "$stats"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
echo
printf '%-7s %-9s %9s %9s %9s %10s %11s %10s %12s\n' GPOs MB cat_s gplint_s naive_s gplint/cat naive/gplint peak_MB us/GPO
for size in "${SIZES[@]}"; do
  dir="$FOREST_DIR/$size"
  if [[ ! -f "$dir/services.yaml" ]]; then
    "$FOREST" --gpos "$size" --export-mb 0 "$dir" 2>/dev/null
  fi
  list="$dir/templates.txt"
  find "$dir/sysvol" -name GptTmpl.inf -printf '%p\n' | sort >"$list"
  mb=$(find "$dir/sysvol" -name GptTmpl.inf -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s/1e6}')
  # The floor: cat of every template, in as few processes as xargs allows.
  floor=(xargs -d '\n' -a "$list" cat)
  "${floor[@]}" >/dev/null # warm the page cache: every tool reads warm files
  rounds=$ROUNDS
  ((size > 10000)) && rounds=1
  cat_t=() gp_t=() gp_m=() nv_t=()
  for ((r = 0; r < rounds; r++)); do
    read -r t _ < <(measure "${floor[@]}")
    cat_t+=("$t")
    read -r t m < <(measure "$GPLINT" check "$dir/sysvol" --expect "$dir/services.yaml")
    gp_t+=("$t") gp_m+=("$m")
    if ((size <= NAIVE_MAX)); then
      read -r t _ < <(measure "$PYTHON" "$NAIVE" "$dir/sysvol" --expect "$dir/services.yaml")
      nv_t+=("$t")
    fi
  done
  c=$(printf '%s\n' "${cat_t[@]}" | median)
  g=$(printf '%s\n' "${gp_t[@]}" | median)
  m=$(printf '%s\n' "${gp_m[@]}" | sort -n | tail -n 1)
  n=$( ((${#nv_t[@]})) && printf '%s\n' "${nv_t[@]}" | median || echo -)
  awk -v s="$size" -v mb="$mb" -v c="$c" -v g="$g" -v n="$n" -v m="$m" 'BEGIN {
    ratio = (c > 0) ? sprintf("%.2fx", g / c) : "-";
    vs = (n != "-" && g > 0) ? sprintf("%.1fx", n / g) : "-";
    printf "%-7s %-9s %9.2f %9.2f %9s %10s %11s %10.0f %12.1f\n", s, mb, c, g, n, ratio, vs, m / 1024, g * 1e6 / s }'
done

echo
export_dir="$FOREST_DIR/export"
if [[ ! -f "$export_dir/export.inf" ]]; then
  "$FOREST" --gpos 1 --export-mb 50 "$export_dir" 2>/dev/null
fi
printf 'accounts:\n  - name: CONTOSO\\svc-0000\n    logon: [service]\n' >"$export_dir/one.yaml"
export_mb=$(stat -c %s "$export_dir/export.inf" | awk '{printf "%.1f", $1/1e6}')
cat "$export_dir/export.inf" >/dev/null
read -r t m < <(measure "$GPLINT" check "$export_dir/export.inf" --expect "$export_dir/one.yaml")
awk -v mb="$export_mb" -v t="$t" -v m="$m" 'BEGIN {
  printf "export template: %s MB, gplint check %.2f s (%.0f MB/s whole process, one core), peak %.0f MB\n", mb, t, mb / t, m / 1024 }'
