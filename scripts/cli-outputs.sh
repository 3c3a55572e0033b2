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

run_stdin() { # name, stdin text, args...
  local name=$1 input=$2; shift 2
  printf '%s' "$input" | "$bin" --now 2026-12-01T00:00:00Z "$@" >"$out/$name.out" 2>"$out/$name.err"
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
  run "$l.connectivity-dot" "$@" connectivity -o dot
  for f in mermaid graphml cypher; do
    run "$l.export-$f" "$@" export -o "$f"
  done
  for f in table ndjson yaml csv markdown dot mermaid graphml cytoscape; do
    run "$l.search-nodes-$f" "$@" search 'is(service) or is(deployment) or missing' -o "$f"
  done
  run "$l.search-dump" "$@" search 'is(configmap) | head 3 | dump'
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
# Every result of the query language in every format, on the demo.
list='is(pod) | sort name desc | list name, namespace, spec.containers[*].image as images, labels.nope'
agg='is(pod) | aggregate(namespace: count() as n, sum(spec.containers[*].resources.limits.memory) as mem, avg(spec.containers[*].resources.requests.cpu) as cpu, min(spec.priority))'
for f in table json ndjson yaml csv markdown dot mermaid graphml cytoscape; do
  run "demo.search-list-$f" --demo search "$list" -o "$f"
  run "demo.search-agg-$f" --demo search "$agg" -o "$f"
  run "demo.search-dump-$f" --demo search 'is(secret) | dump' -o "$f"
  run "demo.search-count-$f" --demo search 'is(pod) | count namespace' -o "$f"
  run "demo.search-format-$f" --demo search "is(pvc) <-[0:1]- | format $f"
  run "demo.search-gremlin-$f" --demo search "G.V().Has('Type', 'pod', 'Namespace', 'shop').Out()" -o "$f"
  run "demo.search-explain-$f" --demo search 'is(pod) and namespace = shop -uses-> | sort name | list name, labels.nope | explain' -o "$f"
  run "demo.search-tag-$f" --demo search 'is(deployment) and namespace = shop | tag update owner "team a"' -o "$f"
done
run demo.search-count-plain --demo search 'is(pod) | count'
run demo.search-count-path --demo search 'is(pod) | count ancestors.node.name'
run demo.search-format-last --demo search 'missing | format json | head 1 | format csv'
run demo.search-format-bad --demo search 'is(pod) | format jsno'
run demo.search-format-bad-then-bad --demo search 'is(pod) | format jsno | lst'
run demo.search-format-none --demo search 'is(pod) | format'
run demo.search-format-o-bad --demo search 'missing' -o xml
run demo.search-count-format --demo search 'is(pod) | count | format json'
run demo.search-count-format-table --demo search 'is(pod) | count | format table'
run demo.search-count-badpath-format --demo search 'is(pod) | count health.x | format csv'
run demo.search-dump-format --demo search 'is(pod) | dump | format csv'
run demo.search-dump-after --demo search 'is(pod) | dump | head 1'
run demo.search-agg-format --demo search 'is(pod) | aggregate(count() as n) | format dot'
run demo.search-agg-badpath-format --demo search 'is(pod) | aggregate(sum(health.x) as n) | format dot'
run demo.search-explain-format --demo search 'is(pod) | explain | format dot'
run demo.search-explain-count-after --demo search 'is(pod) | count | sort name | explain'
run demo.search-after-count-format --demo search 'is(pod) | count | sort name | format csv'
run demo.search-tag-delete --demo search 'is(pod) and namespace = payments | tag delete owner'
run demo.search-clean --demo search 'missing or is(configmap) and namespace = shop | clean'
run demo.search-clean-format --demo search 'is(pod) | clean | format json'
run demo.search-regex-bad --demo search 'is(pod) and name ~ "(" | count | format csv'
run demo.search-sort-bad --demo search 'is(pod) | sort health.x | format json'
run demo.search-health --demo search 'is(pod) and health != ok | list name, health, health.reason, age' -o json
run demo.search-age --demo search 'is(pod) and age > 1d | list name, age'
run demo.search-uniq --demo search 'is(pod) <-[0:2]- | uniq | tail 4 | limit 1, 2'
run demo.gremlin-count --demo search "G.V().Has('Type', 'deployment').Out().Count()" -o json
run demo.gremlin-values --demo search "G.V().Has('Type', 'pod').Values('Name', 'K8s.Labels.app', 'K8s.Extra.spec.containers')"
run demo.gremlin-values-sort --demo search "G.V().Has('Type', 'pod').Values('Namespace').Dedup().Sort(DESC)"
run demo.gremlin-valuemap --demo search "G.V().Has('Type', 'service').ValueMap()"
run demo.gremlin-valuemap-keys --demo search "G.V().Has('Type', 'service').ValueMap('Name', 'K8s.Extra.spec.ports.0.port', 'Nope')" -o csv
run demo.gremlin-keys --demo search "G.V().Has('Type', 'node').Keys()"
run demo.gremlin-edges --demo search "G.E().Has('RelationType', 'selects').Limit(5)"
run demo.gremlin-oute --demo search "G.V().Has('Type', 'pod', 'Namespace', 'shop').OutE().Dedup()" -o json
run demo.gremlin-path --demo search "G.V().Has('Type', 'ingress').ShortestPathTo(Metadata('Type', 'pod'))" -o csv
run demo.gremlin-subgraph --demo search "G.V().Has('Namespace', 'payments').SubGraph()" -o dot
run demo.gremlin-bad --demo search "G.E().Values('Name')"
run demo.gremlin-bad-step --demo search "G.V().Hass('Type', 'pod')"
run demo.why-query-format --demo why 'is(pod) and health = error | format csv'
run demo.why-query-count-format --demo why 'is(pod) | count | format json'
run demo.why-query-format-bad --demo why 'is(pod) | format jsno'
run demo.why-query-count --demo why 'is(pod) | count'
run_stdin demo.shell $'missing\nis(pod) | count namespace\nis(pod) | format jsno\n# a comment\n\nis(node) | list name, status.nodeInfo.kubeletVersion as kubelet\nis(secret) and name = redis-auth | dump\nis(pod) | aggregate(namespace: count() as n) | format csv\nG.V().Has(\'Type\', \'service\').Count()\nis(pod) | count | format json\nhelp\nexit\nis(pod)\n' --demo shell
recipes=$fixtures/network-policy-recipes/expected/scenarios
run recipes.search-can-reach -f "$recipes/r09.yaml" search 'is(pod) and name = client-mon -can_reach(5000)-> is(pod)' -o json
run recipes.search-can-reach-empty -f "$recipes/r09.yaml" search 'is(pod) and with(empty, <-can_reach-) | list name'
for dir in "$fixtures"/*/; do
  each "$(basename "$dir")" -f "$dir"
done
run recipes.reach -f "$recipes/r09.yaml" reach default/client-mon default/apiserver --port 5000
# `explain` measures each step: its times differ from run to run.
sed -i -E 's/[0-9]+(\.[0-9]+)?(ns|µs|ms|s) *$/<time>/' "$out"/*.search-explain.out "$out"/*.search-explain-table.out
sed -i -E 's/("time_us": ?|time_us: )[0-9]+/\1<time>/; s/,[0-9]+$/,<time>/; s/\| [0-9]+ \|$/| <time> |/' "$out"/*.search-explain-*.out
echo "wrote $(ls "$out" | wc -l) files to $out"
