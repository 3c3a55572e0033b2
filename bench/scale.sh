#!/usr/bin/env bash
# Scale runs: generate synthetic dumps of ~10k, ~100k and ~1M objects and time
# `kubegraph -q -f DUMP stats` on each (wall time, peak RSS), printing a markdown table.
#
#   bench/scale.sh                      # 3300, 33000 and 333000 pods (≈11k, 110k, 1.1M objects)
#   PODS="3300 33000" bench/scale.sh    # other sizes
#   DETAIL=full bench/scale.sh          # full-detail objects (≈3× the bytes)
#   OUT=/tmp/synth bench/scale.sh       # where dumps go (default /tmp; never the repo)
#   MEM_LIMIT_GB=20 bench/scale.sh      # address-space cap for kubegraph (default 20), so that
#                                       # a size that does not fit fails alone instead of
#                                       # waking the OOM killer on a shared machine
#
# Dumps are reused when present (same pods, seed and detail give the same bytes).
set -euo pipefail

cd "$(dirname "$0")/.."
PODS=${PODS:-"3300 33000 333000"}
DETAIL=${DETAIL:-lean}
OUT=${OUT:-/tmp}
MEM_LIMIT_GB=${MEM_LIMIT_GB:-20}

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time" >&2
  apt-get install -y time >/dev/null
fi

cargo build --release -q -p kubegraph -p kubegraph-synth

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM"
echo
printf '| pods | objects | input MB | wall s | objects/s | MB/s | peak RSS MB | RSS/input |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for pods in $PODS; do
  dump="$OUT/synth-$pods-$DETAIL.json"
  if [ ! -s "$dump" ]; then
    target/release/kubegraph-synth -q --pods "$pods" --detail "$DETAIL" -o "$dump"
  fi
  # Warm the page cache so the first run does not pay for the disk.
  cat "$dump" >/dev/null
  log=$(mktemp)
  if ! (ulimit -v $((MEM_LIMIT_GB * 1024 * 1024)) &&
    /usr/bin/time -v target/release/kubegraph -q -f "$dump" stats >"$log.out" 2>"$log"); then
    printf '| %d | ? | %.1f | failed within %d GB: %s |||||\n' "$pods" "$(stat -c %s "$dump" | awk '{print $1/1e6}')" \
      "$MEM_LIMIT_GB" "$(grep -m1 -iE 'memory|error|signal' "$log" | tr -d '|' | head -c 80)"
    rm -f "$log" "$log.out"
    continue
  fi
  objects=$(head -1 "$log.out" | sed -E 's/.*: ([0-9]+) objects.*/\1/')
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss_kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  bytes=$(stat -c %s "$dump")
  awk -v p="$pods" -v o="$objects" -v b="$bytes" -v w="$wall" -v r="$rss_kb" 'BEGIN {
    mb = b / 1e6; rss = r * 1024 / 1e6;
    printf "| %d | %d | %.1f | %.2f | %.0f | %.1f | %.0f | %.2f |\n", p, o, mb, w, o / w, mb / w, rss, rss / mb
  }'
  rm -f "$log" "$log.out"
done
