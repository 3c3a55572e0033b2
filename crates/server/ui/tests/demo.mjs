// The web UI on the demo, in headless Chromium: `node tests/demo.mjs URL` (URL of
// `kubegraph --demo serve`). Prints `ok - …` / `FAIL - …` lines and `N passed, M failed`; exits 1
// on a failure. Screenshots go to $KUBEGRAPH_SCREENSHOTS (default /tmp/kubegraph-ui).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  check,
  countColours,
  decodePNG,
  decorPixels,
  finish,
  kg,
  launch,
  openPage,
  screenshotDir,
} from "./lib.mjs";

const url = process.argv[2];
if (!url) {
  console.error("usage: node tests/demo.mjs URL");
  process.exit(2);
}
const shots = screenshotDir();

const LIGHT = { error: "#cf222e", warning: "#bf8700", ok: "#1a7f37" };
const DARK = { error: "#f85149", warning: "#d29922", ok: "#3fb950" };
const CRASHING = "demo/core/Pod/shop/recommendations-8d7f6b5c4-n5zrb";
const MISSING_SECRET = "demo/core/Secret/payments/payments-api-token";
const MISSING_CLASS = "demo/storage.k8s.io/StorageClass/_/io2-fast";

const settle = (page, ms = 400) => page.waitForTimeout(ms);

async function canvasColours(page, file, colours) {
  const box = await page.locator("#graph").boundingBox();
  const buf = await page.screenshot({ path: join(shots, file) });
  const img = decodePNG(buf);
  return countColours(img, colours, { x0: Math.round(box.x), y0: Math.round(box.y), x1: Math.round(box.x + box.width), y1: Math.round(box.y + box.height) });
}

const { context, close } = await launch();
try {
  const { page, errors } = await openPage(context, url);
  await settle(page, 600);
  check(errors.length === 0, "the demo loads with no console error", errors);

  // --- first render -------------------------------------------------------------------------
  let s = await kg(page);
  check(s.drawn > 30 && s.edges > 30 && s.boxes >= 4, "the demo draws its nodes, relations and boxes", s);
  const px = await canvasColours(page, "01-demo.png", LIGHT);
  check(px.error > 150 && px.warning > 40 && px.ok > 150, "the canvas shows health colours (pixels of error, warning, ok)", px);
  check((await page.locator("#legend").textContent()).includes("selects"), "the legend names the edge kinds drawn");
  check((await page.locator("#legend").textContent()).includes("selected: direction"), "the legend says the selection's edges show their direction");
  check(s.drawnEdges === s.edges, "a small picture hands every edge to the renderer", s);
  check((await page.locator("#status").textContent()).includes("drawn"), "the status says how much is drawn");

  // --- a crash-looping pod, clicked on the canvas --------------------------------------------
  await page.selectOption("#mode", "highlight");
  await page.fill("#q", "is(pod) and health = error");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => window.__kubegraph.state().matches !== null, null, { timeout: 15000 });
  await settle(page);
  s = await kg(page);
  const expected = (await (await fetch(new URL("/api/v1/search?q=" + encodeURIComponent("is(pod) and health = error"), url))).json()).nodes.map((n) => n.id).sort();
  check(expected.length === 3, "the demo has three broken pods", expected);
  check(JSON.stringify([...s.highlighted].sort()) === JSON.stringify(expected), "highlight marks exactly the broken pods, each drawn as itself", { highlighted: s.highlighted, expected });
  check(s.drawn > s.highlighted.length + 20, "highlight keeps the rest drawn (dimmed)", s.drawn);
  check(new URL(s.url).searchParams.get("q") === "is(pod) and health = error" && new URL(s.url).searchParams.get("mode") === "highlight", "the query and the mode are in the URL", s.url);
  await page.screenshot({ path: join(shots, "02-highlight.png") });

  const p = await page.evaluate((id) => window.__kubegraph.screenOf(id), CRASHING);
  check(p !== null, "the crash-looping pod is on the canvas");
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => window.__kubegraph.state().paneTitle !== null, null, { timeout: 10000 });
  await page.waitForSelector("#pane .health .reason");
  const reason = await page.locator("#pane .health .reason").textContent();
  check(/CrashLoopBackOff/.test(reason), "clicking the crash-looping pod shows its reason", reason);
  check((await kg(page)).selected === CRASHING, "the selection is the pod", (await kg(page)).selected);
  check(new URL(page.url()).searchParams.get("sel") === CRASHING, "the selection is in the URL");
  const events = await page.locator("#pane .event").count();
  check(events > 0, "the pane lists the pod's events", events);
  await page.screenshot({ path: join(shots, "03-pod.png") });

  // Back goes to the view before the selection, forward returns to it.
  await page.goBack();
  await page.waitForFunction(() => window.__kubegraph.state().selected === null, null, { timeout: 5000 });
  check((await kg(page)).paneTitle === null, "back closes the pane");
  await page.goForward();
  await page.waitForFunction(() => window.__kubegraph.state().paneTitle !== null, null, { timeout: 5000 });
  check((await kg(page)).selected === CRASHING, "forward selects the pod again");

  // Esc clears the selection; / focuses the search.
  await page.locator("#graph").focus();
  await page.keyboard.press("Escape");
  await settle(page, 200);
  check((await kg(page)).selected === null, "Esc clears the selection");
  await page.keyboard.press("/");
  check(await page.evaluate(() => document.activeElement.id === "q"), "/ focuses the search box");

  // --- a bad query shows the parser's caret ----------------------------------------------------
  await page.selectOption("#mode", "filter");
  await page.fill("#q", "is(pod) and");
  await page.press("#q", "Enter");
  await page.waitForSelector("#q-error:not([hidden])", { timeout: 10000 });
  const caret = await page.locator("#q-error pre").textContent();
  check(/\n\s*\^/.test(caret) && caret.includes("is(pod) and"), "a bad query shows the query with a caret under the mistake", caret);
  check((await page.getAttribute("#q", "aria-invalid")) === "true", "the search box is marked invalid");
  await page.fill("#q", "is(pdo)");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => document.querySelector("#q-error .hint")?.textContent.includes("pod"), null, { timeout: 10000 });
  check(true, "a misspelt kind shows the hint (did you mean pod?)");
  await page.screenshot({ path: join(shots, "04-bad-query.png") });

  // --- the selection's edges, with direction ------------------------------------------------
  // Edges are plain lines; the selected Deployment's (to its config, its service account, the
  // missing secret…) are drawn over the picture with arrow heads: the decor layer paints many
  // more pixels with the selection than without it, in the same view.
  await page.goto(new URL("/?sel=" + encodeURIComponent("demo/apps/Deployment/payments/payments-api"), url).href);
  await page.waitForFunction(() => document.body.dataset.ready === "true" && window.__kubegraph.state().paneTitle !== null, null, { timeout: 20000 });
  await settle(page, 600);
  const selectedPx = await decorPixels(page);
  await page.screenshot({ path: join(shots, "05a-selected.png") });
  await page.locator("#graph").focus();
  await page.keyboard.press("Escape");
  await settle(page, 600);
  const unselectedPx = await decorPixels(page);
  check(selectedPx > unselectedPx + 600, "the selected node's edges are drawn over the picture, with their direction", { selectedPx, unselectedPx });

  // --- why draws the path to the missing secret ----------------------------------------------
  await page.goto(new URL("/?sel=" + encodeURIComponent("demo/apps/Deployment/payments/payments-api"), url).href);
  await page.waitForFunction(() => document.body.dataset.ready === "true" && window.__kubegraph.state().paneTitle !== null, null, { timeout: 20000 });
  await page.click("#pane button:has-text('Why?')");
  await page.waitForFunction((id) => window.__kubegraph.state().path?.nodes.includes(id), MISSING_SECRET, { timeout: 15000 });
  await page.waitForFunction(() => window.__kubegraph.state().path?.nodes.some((n) => n.includes("/Pod/")), null, { timeout: 15000 });
  await settle(page, 600);
  s = await kg(page);
  check(s.path.causes.includes(MISSING_SECRET), "why marks the missing secret as the root cause", s.path);
  check(s.path.segments.some(([, b]) => b === MISSING_SECRET), "why draws a segment of the path into the secret", s.path.segments);
  check(s.path.nodes.some((n) => n.includes("/Pod/payments/")), "the path goes through the pod (its owner expanded)", s.path.nodes);
  const fix = await page.locator("#pane .fix").first().textContent();
  check(fix.includes("create Secret payments/payments-api-token"), "the pane shows the fix", fix);
  const sp = await page.evaluate((id) => window.__kubegraph.screenOf(id), MISSING_SECRET);
  const whyBuf = await page.screenshot({ path: join(shots, "05-why.png") });
  const around = countColours(decodePNG(whyBuf), { path: "#cf222e" }, { x0: Math.round(sp.x - 40), y0: Math.round(sp.y - 40), x1: Math.round(sp.x + 40), y1: Math.round(sp.y + 40), tolerance: 120 });
  check(around.path > 80, "the path and the root-cause mark are drawn around the secret", around);

  // --- problems only keeps the sick and their root causes --------------------------------------
  await page.goto(new URL("/?problems=1", url).href);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 20000 });
  await settle(page);
  const ids = await page.evaluate(() => window.__kubegraph.view.drawnNodes());
  check(ids.includes(MISSING_SECRET) && ids.includes(MISSING_CLASS) && ids.includes("demo/core/PersistentVolumeClaim/monitoring/grafana-data"), "problems only keeps the missing secret, the missing class and the pending claim", ids);
  check(ids.length < s.drawn, "problems only draws less", ids.length);
  check(await page.locator("#problems").isChecked(), "the switch shows the state of the URL");
  await page.screenshot({ path: join(shots, "06-problems.png") });

  // --- a Secret: keys only -------------------------------------------------------------------
  await page.goto(new URL("/?sel=" + encodeURIComponent("demo/core/Secret/shop/redis-auth"), url).href);
  await page.waitForFunction(() => window.__kubegraph.state().paneTitle === "redis-auth", null, { timeout: 20000 });
  const yaml = await page.locator("#pane pre.yaml").textContent();
  check(/\(value not shown\)/.test(yaml) || !/data:/.test(yaml), "a Secret's data shows keys, never values", yaml.slice(0, 300));

  // --- relations are links -------------------------------------------------------------------
  const link = page.locator("#pane .rows button.link").first();
  const target = await link.getAttribute("data-id");
  await link.click();
  await page.waitForFunction((id) => window.__kubegraph.state().selected === id, target, { timeout: 10000 });
  check(true, "a relation in the pane selects the object it names");

  // --- export --------------------------------------------------------------------------------
  await page.click("#export-menu summary");
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=svg]")]);
  const svgText = readFileSync(await svgDownload.path(), "utf8");
  check(svgText.startsWith("<svg") && svgText.includes("payments-api"), "SVG export draws the view with its labels", svgText.length);
  await page.click("#export-menu summary");
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=json]")]);
  const json = JSON.parse(readFileSync(await jsonDownload.path(), "utf8"));
  check(json.nodes.length > 30 && json.boxes.length >= 4, "JSON export has the nodes and boxes", json.nodes.length);
  await page.click("#export-menu summary");
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=png]")]);
  const png = decodePNG(readFileSync(await pngDownload.path()));
  const pngColours = countColours(png, LIGHT);
  check(pngColours.error > 100 && pngColours.ok > 100, "PNG export holds the drawing (WebGL layer included)", pngColours);

  // The two bad queries are 400s by design (the browser logs each): nothing else may fail.
  const bad = errors.filter((e) => /HTTP 400: .*q=is%28(pod%29\+and|pdo%29)/.test(e));
  const logged400 = errors.filter((e) => /status of 400/.test(e));
  const rest = errors.filter((e) => !bad.includes(e) && !logged400.includes(e));
  check(rest.length === 0 && logged400.length <= bad.length, "no other console error, page error or failed request", errors);

  // --- dark theme ----------------------------------------------------------------------------
  const dark = await launch({ colorScheme: "dark" });
  try {
    const d = await openPage(dark.context, url);
    await settle(d.page, 600);
    const dpx = await canvasColours(d.page, "07-dark.png", { ...DARK, bg: "#0d1117" });
    check(dpx.bg > 100000 && dpx.error > 150 && dpx.ok > 150, "the dark theme follows the system, health colours drawn", dpx);
    check(d.errors.length === 0, "no console error in the dark theme", d.errors);
  } finally {
    await dark.close();
  }
} finally {
  await close();
}
finish();
