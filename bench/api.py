#!/usr/bin/env python3
"""API latency of `kubegraph serve`: p50 and p99 of node detail, search and graph views, on the
demo and on a synthetic landscape, over real HTTP from one client (requests one after another:
latency, not throughput). Benchmarks do not pass or fail.

    bench/api.py [KUBEGRAPH [SYNTH [PODS]]]   (default: target/release/*, 100000 pods)
"""
import json, os, random, re, subprocess, sys, tempfile, time, urllib.parse, urllib.request

kg = sys.argv[1] if len(sys.argv) > 1 else "target/release/kubegraph"
synth = sys.argv[2] if len(sys.argv) > 2 else "target/release/kubegraph-synth"
pods = int(sys.argv[3]) if len(sys.argv) > 3 else 100000


def serve(args):
    p = subprocess.Popen([kg, *args, "serve", "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    started = time.time()
    for line in p.stderr:
        m = re.search(r"open (http://\S+)/", line)
        if m:
            return p, m.group(1), time.time() - started
    raise SystemExit("kubegraph serve did not start")


def get(base, path):
    t = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=600) as r:
        body = r.read()
    return time.perf_counter() - t, body


def percentiles(samples):
    s = sorted(samples)
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))] * 1000
    return pick(0.5), pick(0.99)


def measure(label, base, paths, rounds):
    samples, size = [], 0
    for i in range(rounds):
        dt, body = get(base, paths[i % len(paths)])
        samples.append(dt)
        size = max(size, len(body))
    p50, p99 = percentiles(samples)
    print(f"| {label} | {rounds} | {p50:.1f} ms | {p99:.1f} ms | {size / 1024:.0f} KB |", flush=True)


def run(name, args):
    proc, base, startup = serve(args)
    try:
        stats = json.loads(get(base, "/api/v1/stats")[1])
        print(f"\n{name}: {stats['objects']} objects, {stats['nodes']} nodes, {stats['edges']} edges; serving after {startup:.1f} s\n")
        print("| request | n | p50 | p99 | largest answer |\n|---|---|---|---|---|")
        ids = [n["id"] for n in json.loads(get(base, "/api/v1/search?q=" + urllib.parse.quote("is(pod) | limit 2000"))[1])["nodes"]]
        random.Random(7).shuffle(ids)
        enc = lambda i: urllib.parse.quote(i, safe="")
        measure("node detail (a pod)", base, [f"/api/v1/nodes/{enc(i)}" for i in ids], 400)
        measure("why (a pod)", base, [f"/api/v1/why/{enc(i)}" for i in ids], 200)
        q = lambda s: "/api/v1/search?q=" + urllib.parse.quote(s)
        measure("search `is(pod) and health = error`", base, [q("is(pod) and health = error")], 20)
        measure("search `is(deployment) and namespace = X`", base, [q("is(deployment) and namespace = " + ns) for ns in namespaces(base)], 40)
        measure("graph: default view (summary beyond 5000)", base, ["/api/v1/graph"], 5)
        measure("graph: one namespace", base, ["/api/v1/graph?q=" + urllib.parse.quote("namespace = " + ns) for ns in namespaces(base)], 10)
        measure("graph: 10k drawn nodes (`group=node`, summary off)", base, ["/api/v1/graph?group=node&summary=never&limit=10000"], 5)
    finally:
        proc.terminate()
        proc.wait()


def namespaces(base):
    found = json.loads(get(base, "/api/v1/search?q=" + urllib.parse.quote("is(namespace) | limit 8"))[1])["nodes"]
    return [n["name"] for n in found] or ["default"]


run("demo", ["--demo"])
dump = os.path.join(tempfile.gettempdir(), f"kubegraph-api-bench-{pods}.json")
if not os.path.exists(dump):
    subprocess.run([synth, "--pods", str(pods), "-o", dump, "-q"], check=True)
run(f"synthetic, {pods} pods", ["-f", dump])
