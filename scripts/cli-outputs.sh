#!/usr/bin/env bash
# Runs the CLI's read-only commands on the demo and on every fixture folder and writes what each
# printed (stdout, stderr, exit code) under OUT, one file per command: a refactor that must not
# change behaviour is checked with `diff -r before/ after/`.
#
#   scripts/cli-outputs.sh target/debug/kubegraph /tmp/before
#   ... change the code, rebuild ...
#   scripts/cli-outputs.sh target/debug/kubegraph /tmp/after && diff -r /tmp/before /tmp/after
set -uo pipefail
bin=$(realpath "$1")
out=$2
fixtures=$(realpath "${FIXTURES:-$(dirname "$0")/../../shared/fixtures}")
mkdir -p "$out"

run() { # name, args...
  local name=$1; shift
  "$bin" --now 2026-12-01T00:00:00Z "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
}

each() { # label, source args...
  local l=$1; shift
  run "$l.stats" "$@" stats
  run "$l.stats-json" "$@" stats -o json
  run "$l.export-json" "$@" export -o json
  run "$l.export-dot" "$@" export -o dot
  run "$l.search-pods" "$@" search 'is(pod) | list kind, namespace, name, health, health.reason'
  run "$l.search-count" "$@" search 'all | count kind'
  run "$l.search-json" "$@" search 'is(workload) -owns[1:]->' -o json
  run "$l.search-csv" "$@" search 'is(service) -selects-> | list namespace, name, labels' -o csv
  run "$l.search-agg" "$@" search 'all | aggregate(kind: count() as n)'
  run "$l.search-explain" "$@" search 'is(pod) and namespace = default -uses-> | explain'
  run "$l.search-gremlin" "$@" search "G.V().Has('Type', 'service').Out()"
  run "$l.search-bad" "$@" search 'is(pod) and ('
  run "$l.why-errors" "$@" why 'health = error'
  run "$l.why-errors-json" "$@" why 'health = error' -o json
  run "$l.why-warnings" "$@" why 'health = warning'
  run "$l.show-deps" "$@" show deps 'is(workload)'
  run "$l.show-deps-json" "$@" show deps 'is(workload)' -o json
  run "$l.show-pods" "$@" show pods 'is(deployment)'
  run "$l.show-config" "$@" show config 'is(pod)'
  run "$l.show-config-json" "$@" show config 'is(pod)' -o json
  run "$l.connectivity" "$@" connectivity
  run "$l.connectivity-json" "$@" connectivity -o json
  run "$l.connectivity-csv" "$@" connectivity -o csv
  run "$l.connectivity-md" "$@" connectivity -o md
}

each demo --demo
run demo.why-payments --demo why deploy/payments/payments-api
run demo.why-shop --demo why shop
run demo.why-json --demo why deploy/payments/payments-api -o json
run demo.show-ns --demo show namespace shop
run demo.show-ns-json --demo show namespace shop -o json
run demo.show-deps-6 --demo show deps deploy/shop/recommendations --depth 6
run demo.show-pods --demo show pods deploy/payments/payments-api
run demo.show-config --demo show config monitoring/grafana-59d8c7b6f4-7wq2s
run demo.why-typo --demo why deploy/shop/recomendations
run demo.why-ambiguous --demo why web
run demo.reach --demo reach shop/web shop/cart --port 80/TCP
for dir in "$fixtures"/*/; do
  each "$(basename "$dir")" -f "$dir"
done
recipes=$fixtures/network-policy-recipes/expected/scenarios
run recipes.reach -f "$recipes/r09.yaml" reach default/client-mon default/apiserver --port 5000
# `explain` measures each step: its times differ from run to run.
sed -i -E 's/[0-9]+(\.[0-9]+)?(ns|µs|ms|s) *$/<time>/' "$out"/*.search-explain.out
echo "wrote $(ls "$out" | wc -l) files to $out"
