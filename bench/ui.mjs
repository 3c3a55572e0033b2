// The web UI's benchmark in headless Chromium (software WebGL: SwiftShader, there is no GPU),
// at about 1k, 10k and 50k drawn nodes. Serves synthetic landscapes (kubegraph-synth) with
// `kubegraph -f DUMP serve` and opens them grouped by node (no owner collapsing) with the summary
// off (`all=1`), so every object of the default selection is drawn. It measures what a user sees:
//
//   first render    navigation → the first frame with every node drawn (the page's own mark,
//                   taken in the animation frame after that render), and its parts when the page
//                   reports them: fetch of /api/v1/graph, building the graph, the first frame
//   pan             a drag the way a user pans: real pointer events through `page.mouse` (down
//                   at the canvas's centre, a move every 1/60 s for 3 s, 400 px left and 120 px
//                   up, then up), counting the frames the page gets (requestAnimationFrame
//                   callbacks while the pointer is down: frames the compositor presents) and,
//                   separately, sigma's full renders (`afterRender`) in the same time
//   complete        pointer up → the animation frame after the first full render with the camera
//                   at rest (inertia done, nothing scheduled) at its final place
//   memory          the JS heap (CDP Performance.getMetrics) and the resident memory of the
//                   browser and all its processes, after the pan
//
//   node bench/ui.mjs [--dist DIR] [KUBEGRAPH [SYNTH [SIZES]]]
//   (default: target/release/kubegraph, target/release/kubegraph-synth, 400,4000,20000 pods)
//
// --dist DIR serves the UI from DIR (a built crates/server/ui/dist) instead of the one embedded in
// the binary, and the API from the binary: measure a UI change without rebuilding Rust.
// Run `npm ci` in crates/server/ui first (playwright-core). Benchmarks do not pass or fail.
import { spawn, execFileSync } from "node:child_process";
import http from "node:http";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const ui = join(here, "../crates/server/ui");
const { launch } = await import(join(ui, "tests/lib.mjs"));

const args = process.argv.slice(2);
let dist = null;
const di = args.indexOf("--dist");
if (di >= 0) {
  dist = args[di + 1];
  args.splice(di, 2);
}
const [kg = "target/release/kubegraph", synth = "target/release/kubegraph-synth", sizes = "400,4000,20000"] = args;
const FIRST_RENDER_LIMIT = 300000;

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

/** The UI from `dir`, everything else from the server at `upstream` (as tests/devserver.mjs). */
function proxy(dir, upstream) {
  const up = new URL(upstream);
  const types = { html: "text/html; charset=utf-8", js: "text/javascript", css: "text/css", svg: "image/svg+xml" };
  const server = http.createServer((req, res) => {
    const path = req.url.split("?")[0];
    const asset = path === "/" ? "index.html" : path.startsWith("/assets/") ? path.slice(8) : null;
    if (asset && !asset.includes("..")) {
      const f = join(dir, asset);
      if (!existsSync(f)) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { "content-type": types[asset.split(".").pop()] || "application/octet-stream", "cache-control": "no-cache" });
      return res.end(readFileSync(f));
    }
    const p = http.request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: { ...req.headers, host: up.host } }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    p.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(p);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installs the counters of the pan in the page: frames, full renders, camera moves. */
function installCounters() {
  const v = window.__kubegraph.view;
  const s = v.sigma;
  const cam = s.getCamera();
  const b = { raf: 0, renders: 0, changed: 0, moves: 0, counting: true, lastMove: performance.now(), restRender: null, up: null };
  window.__bench = b;
  const mc = s.mouseCaptor;
  const moving = () => cam.isAnimating() || mc.isMouseDown || mc.isMoving || mc.draggedEvents || mc.currentWheelDirection;
  cam.on("updated", () => {
    b.lastMove = performance.now();
  });
  s.on("afterRender", () => {
    b.renders++;
    // A render of the picture at rest: the camera still, nothing deferred by the page.
    if (!moving() && !(v.isDeferring && v.isDeferring())) b.restRender = performance.now();
  });
  document.addEventListener("pointerup", () => { b.up = performance.now(); }, { capture: true });
  document.addEventListener("pointermove", () => { if (b.counting) b.moves++; }, { capture: true });
  // A frame shows a new picture when sigma rendered, or the page moved its last frame, since
  // the previous one.
  let seen = -1;
  const loop = () => {
    if (!b.counting) return;
    b.raf++;
    const mark = b.renders + (v.frameMoves ?? 0);
    if (seen >= 0 && mark !== seen) b.changed++;
    seen = mark;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/** After the pointer is up: resolves with the time to the frame after a full render at rest. */
function waitComplete(limit) {
  const b = window.__bench;
  const s = window.__kubegraph.view.sigma;
  const cam = s.getCamera();
  const t0 = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const up = b.up ?? t0;
      const done = b.restRender !== null && b.restRender >= b.lastMove && b.restRender >= up && !cam.isAnimating() && !s.renderFrame;
      if (done) return requestAnimationFrame(() => resolve(performance.now() - up));
      if (performance.now() - t0 > limit) return resolve(null);
      setTimeout(check, 5);
    };
    check();
  });
}

const rows = [];
for (const pods of sizes.split(",").map(Number)) {
  const dump = `/tmp/kubegraph-bench-${pods}.json`;
  execFileSync(synth, ["--pods", String(pods), "-o", dump, "-q"]);
  const { child, url: apiUrl } = await serve(dump);
  const front = dist ? await proxy(dist, apiUrl) : null;
  const url = front ? front.url : apiUrl;
  try {
    const q = new URL("/api/v1/graph?group=node&summary=never&limit=50000", apiUrl);
    const t0 = performance.now();
    const topo = await (await fetch(q)).json();
    const apiMs = performance.now() - t0;
    const { context, close, profile } = await launch({ width: 1400, height: 860 });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(new URL("/?group=node&all=1", url).href, { waitUntil: "load" });
      await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: FIRST_RENDER_LIMIT, polling: 50 });
      const first = await page.evaluate(() => ({ ...window.__kubegraph.perf, drawn: window.__kubegraph.view.drawnNodes().length, edges: window.__kubegraph.view.graph.size }));
      if (first.drawn !== topo.nodes.length) throw new Error(`drawn ${first.drawn} of ${topo.nodes.length} nodes`);
      await sleep(1000);

      // The pan: pointer events as a mouse sends them.
      const box = await page.locator("#graph").boundingBox();
      const x0 = box.x + box.width / 2;
      const y0 = box.y + box.height / 2;
      await page.mouse.move(x0, y0);
      await sleep(200);
      await page.evaluate(installCounters);
      await page.mouse.down();
      // The hand does not wait for the page: a move is sent every 1/60 s whatever the page is
      // doing, and the browser coalesces those it cannot deliver in time (as it does for a mouse).
      const start = Date.now();
      const sent = [];
      for (let i = 1; ; i++) {
        const due = start + (i * 1000) / 60;
        const now = Date.now();
        if (now - start >= 3000) break;
        if (due > now) await sleep(due - now);
        const t = Math.min(1, (Date.now() - start) / 3000);
        sent.push(page.mouse.move(x0 - 400 * t, y0 - 120 * t));
      }
      await Promise.all(sent);
      const panned = await page.evaluate(() => {
        const b = window.__bench;
        return { raf: b.raf, renders: b.renders, changed: b.changed, moves: b.moves };
      });
      const panMs = Date.now() - start;
      await page.mouse.up();
      await page.evaluate(() => {
        window.__bench.counting = false;
      });
      const completeMs = await page.evaluate(waitComplete, 120000);

      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
      const r1 = (x) => (x === null || x === undefined ? null : Math.round(x));
      const row = {
        pods,
        drawn: first.drawn,
        edges: first.edges,
        api_ms: r1(apiMs),
        first_render_ms: r1(first.navigationToFirstFrame),
        fetch_ms: r1(first.fetchMs),
        build_ms: r1(first.buildMs),
        first_frame_ms: r1(first.firstFrameMs),
        pan_ms: panMs,
        moves_sent: sent.length,
        moves_seen: panned.moves,
        fps_presented: Math.round((panned.raf / (panMs / 1000)) * 10) / 10,
        fps_new_picture: Math.round((panned.changed / (panMs / 1000)) * 10) / 10,
        full_renders: panned.renders,
        complete_ms: r1(completeMs),
        js_heap_mb: Math.round(metrics.JSHeapUsedSize / 1048576),
        browser_rss_mb: Math.round(rssOf(profile)),
        errors: errors.length ? errors : undefined,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    } finally {
      await close();
    }
  } finally {
    child.kill();
    if (front) front.server.close();
    rmSync(dump, { force: true });
  }
}
const ms = (x) => (x === null ? "–" : `${x} ms`);
console.log("\n| pods | drawn nodes | drawn edges | /api/v1/graph | first render (fetch · build · first frame) | frames presented while panning (/s) | frames with a new picture (/s) | full renders in the pan | complete after the pan | JS heap | browser RSS |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const parts = r.fetch_ms !== null ? ` (${ms(r.fetch_ms)} · ${ms(r.build_ms)} · ${ms(r.first_frame_ms)})` : "";
  console.log(`| ${r.pods} | ${r.drawn} | ${r.edges} | ${r.api_ms} ms | ${ms(r.first_render_ms)}${parts} | ${r.fps_presented} | ${r.fps_new_picture} | ${r.full_renders} in ${(r.pan_ms / 1000).toFixed(1)} s | ${ms(r.complete_ms)} | ${r.js_heap_mb} MB | ${r.browser_rss_mb} MB |`);
}
