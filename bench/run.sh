#!/usr/bin/env bash
# Whole-process benchmark over generated forests, every tool run in
# alternation in one session (release builds): `cat` of the templates to
# /dev/null (the I/O floor), `stages parse` (examples/stages: discover,
# read, decode, parse and type every template in parallel, nothing else:
# the floor under check), `gplint check`, `gplint dump --format json`, and
# ../shared/bench/naive_check.py (the script baseline); then allocations
# of one in-process `check` (a counting allocator, `stages count`), and
# the 50 MB export template alone. The 1-minute load average is printed
# before and after each size's row: figures taken above 1 are noisy.
#
# Usage: bench/run.sh [SIZE...]        (default: 1000 10000 50000)
# Environment:
#   ROUNDS=3            alternating rounds per size up to 10,000 GPOs (one above)
#   FOREST_DIR=/tmp/gplint-bench   where forests are generated (kept between runs)
#   NAIVE=../shared/bench/naive_check.py
#   NAIVE_MAX=50000     largest size the script is run on
#   DUMP_MAX=50000      largest size `dump --format json` is run on
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("${@:-1000 10000 50000}")
read -r -a SIZES <<<"${SIZES[*]}"
ROUNDS="${ROUNDS:-3}"
FOREST_DIR="${FOREST_DIR:-/tmp/gplint-bench}"
NAIVE="${NAIVE:-../shared/bench/naive_check.py}"
NAIVE_MAX="${NAIVE_MAX:-50000}"
DUMP_MAX="${DUMP_MAX:-50000}"
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

cargo build --release --quiet --bin gplint --example forest --example stages
GPLINT="$CARGO_TARGET_DIR/release/gplint"
FOREST="$CARGO_TARGET_DIR/release/examples/forest"
STAGES="$CARGO_TARGET_DIR/release/examples/stages"
# A forest of 50,000 GPOs holds about 400,000 files and folders, past the
# default --max-files of 100,000 for one tree.
TREE=(--max-files 10000000)

# Runs a command, discarding its output; prints "seconds peak-KB". An
# exit code above 1 (gplint's 1 is "findings", the script's too) means the
# run did not do the work being timed: the benchmark stops and shows why.
measure() {
  local stats errors status=0
  stats=$(mktemp)
  errors=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$stats" "$@" >/dev/null 2>"$errors" || status=$?
  if ((status > 1)); then
    say "failed (exit $status): $*"
    head -n 5 "$errors" >&2
    rm -f "$stats" "$errors"
    exit 1
  fi
  tail -n 1 "$stats"
  rm -f "$stats" "$errors"
}

# Sets T and M to the seconds and peak KB of a command, through measure;
# stops the benchmark when the command failed.
timed() {
  local out
  out=$(measure "$@") || exit 1
  read -r T M <<<"$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
most() { sort -n | tail -n 1; }
load() { cut -d ' ' -f 1 /proc/loadavg; }
# The value of KEY in a line of key=value pairs.
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
echo "times in seconds (medians), peaks in MB (largest RSS), alloc/GPO of one in-process check"
echo
printf '%-6s %6s %6s %6s %6s %6s %6s %6s %6s %7s %9s %7s %7s %7s %7s %7s %s\n' \
  GPOs MB cat parse check dump naive peak dpeak alloc/GPO check/cat naive/ch dump/ch peak/MB us/GPO load before-after
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
  load_before=$(load)
  cat_t=() parse_t=() gp_t=() gp_m=() dump_t=() dump_m=() nv_t=()
  for ((r = 0; r < rounds; r++)); do
    timed "${floor[@]}"
    cat_t+=("$T")
    timed "$STAGES" parse "$dir/sysvol"
    parse_t+=("$T")
    timed "$GPLINT" check "$dir/sysvol" --expect "$dir/services.yaml" "${TREE[@]}"
    gp_t+=("$T") gp_m+=("$M")
    if ((size <= DUMP_MAX)); then
      timed "$GPLINT" dump "$dir/sysvol" --format json "${TREE[@]}"
      dump_t+=("$T") dump_m+=("$M")
    fi
    if ((size <= NAIVE_MAX)); then
      timed "$PYTHON" "$NAIVE" "$dir/sysvol" --expect "$dir/services.yaml"
      nv_t+=("$T")
    fi
  done
  # Counted apart: the counters cost time, so this run is not timed.
  allocations=$("$STAGES" count -- check "$dir/sysvol" --expect "$dir/services.yaml" "${TREE[@]}" 2>/dev/null | field allocations)
  load_after=$(load)
  c=$(printf '%s\n' "${cat_t[@]}" | median)
  p=$(printf '%s\n' "${parse_t[@]}" | median)
  g=$(printf '%s\n' "${gp_t[@]}" | median)
  m=$(printf '%s\n' "${gp_m[@]}" | most)
  d=$( ((${#dump_t[@]})) && printf '%s\n' "${dump_t[@]}" | median || echo -)
  dm=$( ((${#dump_m[@]})) && printf '%s\n' "${dump_m[@]}" | most || echo -)
  n=$( ((${#nv_t[@]})) && printf '%s\n' "${nv_t[@]}" | median || echo -)
  awk -v s="$size" -v mb="$mb" -v c="$c" -v p="$p" -v g="$g" -v d="$d" -v n="$n" -v m="$m" -v dm="$dm" \
    -v a="$allocations" -v lb="$load_before" -v la="$load_after" 'BEGIN {
    ratio = (c > 0) ? sprintf("%.1fx", g / c) : "-";
    vs = (n != "-" && g > 0) ? sprintf("%.1fx", n / g) : "-";
    dg = (d != "-" && g > 0) ? sprintf("%.1fx", d / g) : "-";
    dmb = (dm != "-") ? sprintf("%.0f", dm / 1024) : "-";
    per = (a != "") ? sprintf("%.0f", a / s) : "-";
    printf "%-6s %6s %6.2f %6.2f %6.2f %6s %6s %6.0f %6s %7s %9s %7s %7s %6.2fx %7.1f %s -> %s\n",
      s, mb, c, p, g, d, n, m / 1024, dmb, per, ratio, vs, dg, (m * 1024) / (mb * 1e6), g * 1e6 / s, lb, la }'
done

echo
export_dir="$FOREST_DIR/export"
if [[ ! -f "$export_dir/export.inf" ]]; then
  "$FOREST" --gpos 1 --export-mb 50 "$export_dir" 2>/dev/null
fi
printf 'accounts:\n  - name: CONTOSO\\svc-0000\n    logon: [service]\n' >"$export_dir/one.yaml"
export_mb=$(stat -c %s "$export_dir/export.inf" | awk '{printf "%.1f", $1/1e6}')
cat "$export_dir/export.inf" >/dev/null
timed "$GPLINT" check "$export_dir/export.inf" --expect "$export_dir/one.yaml"
t=$T m=$M
awk -v mb="$export_mb" -v t="$t" -v m="$m" 'BEGIN {
  printf "export template: %s MB, gplint check %.2f s (%.0f MB/s whole process, one core), peak %.0f MB\n", mb, t, mb / t, m / 1024 }'
