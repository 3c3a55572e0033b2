#!/usr/bin/env bash
# kubegraph against jq (and yq) on the same dump, in the same run: wall time and peak RSS of
#
#   kubegraph -q -f DUMP search 'is(pod) and status.phase = Running' -o json
#   jq -c '.items[] | select(.kind=="Pod" and .status.phase=="Running") | .metadata.name' DUMP
#
# for a synthetic 100k-pod landscape in two shapes (`minimal`: about 1.1 KB per object on one
# line; `lean`: 1.4 KB, the generator's default) and three forms: one-line JSON (`kubectl get
# --raw`), pretty JSON (`kubectl get -o json`) and YAML (`kubectl get -o yaml`); `.gz` copies
# of the one-line and YAML dumps are read by kubegraph alone. kubegraph loads, builds every
# relation and answers the query; jq only filters. Prints a markdown table with the ratios.
#
#   bench/vs-jq.sh                          # 100000 pods, both shapes
#   PODS=10000 SHAPES=minimal bench/vs-jq.sh
#   YQ_PODS=10000 bench/vs-jq.sh            # yq (Debian's, Python) on a smaller YAML dump; 0: none
#   GZ=0 bench/vs-jq.sh                     # without the .gz runs
#   OUT=/tmp/vs-jq bench/vs-jq.sh           # where dumps go (default /tmp/kubegraph-vs-jq)
#   QUIET=/path/to/quiet.sh bench/vs-jq.sh  # run each timed command through a wrapper (one that
#                                           # pauses other work on a shared machine)
#
# Dumps are reused when present (same pods, shape and form give the same bytes).
set -euo pipefail

cd "$(dirname "$0")/.."
PODS=${PODS:-100000}
SHAPES=${SHAPES:-"minimal lean"}
YQ_PODS=${YQ_PODS:-10000}
OUT=${OUT:-/tmp/kubegraph-vs-jq}
QUIET=${QUIET:-}
GZ=${GZ:-1}
QUERY='is(pod) and status.phase = Running'
FILTER='.items[] | select(.kind=="Pod" and .status.phase=="Running") | .metadata.name'
mkdir -p "$OUT"

for tool in /usr/bin/time jq; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install time jq)" >&2; exit 1; }
done

cargo build --release -q -p kubegraph -p kubegraph-synth
KG=${KG:-target/release/kubegraph} # KG=/path/to/kubegraph: another build
SYNTH=target/release/kubegraph-synth

# dump PODS SHAPE FORM -> path (generated once; the object count is kept next to it)
dump() {
  local pods=$1 shape=$2 form=$3 ext
  case $form in yaml) ext=yaml ;; *) ext=json ;; esac
  local path="$OUT/synth-$pods-$shape-$form.$ext"
  if [ ! -s "$path" ]; then
    $SYNTH --pods "$pods" --detail "$shape" --format "$form" -o "$path" 2>"$path.summary"
    head -1 "$path.summary" | awk '{print $1}' >"$path.objects"
  fi
  echo "$path"
}

gz() {
  [ -s "$1.gz" ] || gzip -1 -k -f "$1"
  echo "$1.gz"
}

# timed OUTFILE CMD... -> "seconds peak_kB" (the command's stdout goes to OUTFILE)
timed() {
  local out=$1 t
  shift
  t=$(mktemp)
  $QUIET /usr/bin/time -f '%e %M' -o "$t" "$@" >"$out"
  tail -1 "$t"
  rm -f "$t"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM; $(jq --version)"
echo
printf '| shape | form | MB | objects | kubegraph s | kubegraph MB | other | other s | other MB | time ratio | memory ratio | kubegraph objects/s |\n'
printf '|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n'

row() { # shape form path objects kg_s kg_kb other other_s other_kb
  awk -v shape="$1" -v form="$2" -v bytes="$(stat -c %s "$3")" -v o="$4" -v ks="$5" -v kk="$6" \
    -v other="$7" -v os="$8" -v ok="$9" 'BEGIN {
    if (other == "-") { cmp = "| - | - | - | - | -" }
    else { cmp = sprintf("| %s | %.2f | %.0f | %.2f | %.2f", other, os, ok / 1024, ks / os, kk / ok) }
    printf "| %s | %s | %.0f | %d | %.2f | %.0f %s | %.0f |\n", shape, form, bytes / 1e6, o, ks, kk / 1024, cmp, o / ks
  }'
}

check() { # kubegraph's answer and the other tool's must name the same pods
  local kg=$1 other=$2
  local a b
  a=$(jq -r '.[].name' "$kg" | sort | md5sum)
  b=$(tr -d '"' <"$other" | sort | md5sum)
  [ "$a" = "$b" ] || { echo "kubegraph and the other tool disagree: $kg $other" >&2; exit 1; }
}

for shape in $SHAPES; do
  for form in one-line pretty yaml; do
    path=$(dump "$PODS" "$shape" "$form")
    objects=$(cat "$path.objects")
    cat "$path" >/dev/null # the page cache, so that no run pays for the disk
    read -r ks kk < <(timed "$OUT/kg.out" $KG -q -f "$path" search "$QUERY" -o json)
    if [ "$form" = yaml ]; then
      row "$shape" "$form" "$path" "$objects" "$ks" "$kk" - - -
    else
      read -r js jk < <(timed "$OUT/jq.out" jq -c "$FILTER" "$path")
      check "$OUT/kg.out" "$OUT/jq.out"
      row "$shape" "$form" "$path" "$objects" "$ks" "$kk" jq "$js" "$jk"
    fi
    if [ "$GZ" = 1 ] && [ "$form" != pretty ]; then
      zpath=$(gz "$path")
      read -r ks kk < <(timed "$OUT/kg.out" $KG -q -f "$zpath" search "$QUERY" -o json)
      row "$shape" "$form.gz" "$zpath" "$objects" "$ks" "$kk" - - -
    fi
  done
done

if [ "$YQ_PODS" != 0 ] && command -v yq >/dev/null; then
  path=$(dump "$YQ_PODS" minimal yaml)
  objects=$(cat "$path.objects")
  read -r ks kk < <(timed "$OUT/kg.out" $KG -q -f "$path" search "$QUERY" -o json)
  read -r ys yk < <(timed "$OUT/yq.out" yq -c "$FILTER" "$path")
  check "$OUT/kg.out" "$OUT/yq.out"
  row minimal "yaml ($YQ_PODS pods)" "$path" "$objects" "$ks" "$kk" yq "$ys" "$yk"
fi
rm -f "$OUT/kg.out" "$OUT/jq.out" "$OUT/yq.out"
