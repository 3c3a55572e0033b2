// The web UI's benchmark in headless Chromium (software WebGL: SwiftShader, there is no GPU):
// time to first render and frames per second while panning at about 1k, 10k and 50k drawn
// nodes, and the tab's memory. Serves synthetic landscapes (kubegraph-synth) with
// `kubegraph -f DUMP serve` and opens them grouped by node (no owner collapsing) with the
// summary off (`all=1`), so every object of the default selection is drawn.
//
//   node bench/ui.mjs [KUBEGRAPH [SYNTH [SIZES]]]
//   (default: target/release/kubegraph, target/release/kubegraph-synth, 400,4000,20000 pods)
//
// Run `npm ci` in crates/server/ui first (playwright-core). Benchmarks do not pass or fail.
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const ui = join(here, "../crates/server/ui");
const { launch, openPage } = await import(join(ui, "tests/lib.mjs"));
createRequire(join(ui, "package.json"));

const [kg = "target/release/kubegraph", synth = "target/release/kubegraph-synth", sizes = "400,4000,20000"] = process.argv.slice(2);

function serve(dump) {
  return new Promise((resolve, reject) => {
    const child = spawn(kg, ["-f", dump, "serve", "--listen", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
      const m = /open (http:\/\/\S+)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (c) => reject(new Error(`kubegraph exited ${c}: ${err}`)));
  });
}

function rssOf(profile) {
  // The browser process (its command line names the profile) and all its descendants.
  const procs = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  const parent = new Map();
  let root = null;
  for (const p of procs) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      parent.set(p, stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!root && readFileSync(`/proc/${p}/cmdline`, "utf8").includes(profile)) root = p;
    } catch {}
  }
  let kb = 0;
  for (const p of procs) {
    let q = p;
    while (q && q !== root && q !== "0" && q !== "1") q = parent.get(q);
    if (q !== root) continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb / 1024;
}

const rows = [];
for (const pods of sizes.split(",").map(Number)) {
  const dump = `/tmp/kubegraph-bench-${pods}.json`;
  execFileSync(synth, ["--pods", String(pods), "-o", dump, "-q"]);
  const { child, url } = await serve(dump);
  try {
    const q = new URL("/api/v1/graph?group=node&summary=never&limit=50000", url);
    const t0 = performance.now();
    const topo = await (await fetch(q)).json();
    const apiMs = performance.now() - t0;
    const { context, close, profile } = await launch({ width: 1400, height: 860 });
    try {
      const { page } = await openPage(context, new URL("/?group=node&all=1", url).href, { timeout: 300000 });
      const first = await page.evaluate(() => ({ ...window.__kubegraph.perf, drawn: window.__kubegraph.view.drawnNodes().length, edges: window.__kubegraph.view.graph.size }));
      await page.waitForTimeout(500);
      const pan = await page.evaluate(async () => {
        const v = window.__kubegraph.view;
        const cam = v.sigma.getCamera();
        const f0 = v.frames;
        const start = performance.now();
        await new Promise((res) => {
          const step = (t) => {
            cam.setState({ x: 0.5 + 0.15 * Math.sin(((t - start) / 3000) * 2 * Math.PI), y: 0.5 });
            if (t - start < 3000) requestAnimationFrame(step);
            else res();
          };
          requestAnimationFrame(step);
        });
        return { fps: (v.frames - f0) / ((performance.now() - start) / 1000) };
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
      const row = {
        pods,
        drawn: first.drawn,
        edges: first.edges,
        api_ms: Math.round(apiMs),
        first_render_ms: Math.round(first.navigationToFirstFrame),
        fps_panning: Math.round(pan.fps * 10) / 10,
        js_heap_mb: Math.round(metrics.JSHeapUsedSize / 1048576),
        browser_rss_mb: Math.round(rssOf(profile)),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    } finally {
      await close();
    }
  } finally {
    child.kill();
    rmSync(dump, { force: true });
  }
}
console.log("\n| pods | drawn nodes | drawn edges | /api/v1/graph | first render (navigation → frame) | fps panning | JS heap | browser RSS |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.pods} | ${r.drawn} | ${r.edges} | ${r.api_ms} ms | ${r.first_render_ms} ms | ${r.fps_panning} | ${r.js_heap_mb} MB | ${r.browser_rss_mb} MB |`);
