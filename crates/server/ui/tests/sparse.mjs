// A picture of more than 15,000 edges in headless Chromium: `node tests/sparse.mjs URL SERVICE`
// (URL of `kubegraph -f FILE serve` on a file whose services each select the same pods, SERVICE
// the id of one of them). Such a picture keeps its edges out of the renderer and draws the
// selection's; "draw all edges" draws them all. Prints `ok - …` / `FAIL - …` lines.
import { join } from "node:path";
import { check, decorPixels, finish, kg, launch, openPage, screenshotDir } from "./lib.mjs";

const [url, service] = process.argv.slice(2);
if (!url || !service) {
  console.error("usage: node tests/sparse.mjs URL SERVICE");
  process.exit(2);
}
const shots = screenshotDir();

const { context, close } = await launch();
try {
  const { page, errors } = await openPage(context, url, { timeout: 120000 });
  await page.waitForTimeout(600);
  let s = await kg(page);
  check(s.edges > 15000 && s.drawnEdges === 0, "a picture of more than 15,000 edges keeps them out of the renderer", { edges: s.edges, drawn: s.drawnEdges });
  const legend = await page.locator("#legend").textContent();
  check(legend.includes("draw all edges") && legend.includes("selected: direction"), "the legend says which edges are drawn and has the switch", legend);
  const none = await decorPixels(page);

  // The selection's edges are drawn (over the picture, with direction).
  await page.goto(new URL("/?sel=" + encodeURIComponent(service), url).href);
  await page.waitForFunction(() => document.body.dataset.ready === "true" && window.__kubegraph.state().paneTitle !== null, null, { timeout: 120000 });
  await page.waitForTimeout(600);
  const selected = await decorPixels(page);
  check(selected > none + 2000, "the selected service's edges are drawn", { none, selected });
  await page.screenshot({ path: join(shots, "sparse-selected.png") });
  const next = await page.evaluate((id) => window.__kubegraph.view.neighbours(id).length, service);
  check(next > 50, "its neighbours are known without its edges in the renderer", next);

  // All edges, and back.
  await page.click("#all-edges");
  await page.waitForFunction(() => window.__kubegraph.state().drawnEdges > 15000, null, { timeout: 120000 });
  s = await kg(page);
  check(s.drawnEdges === s.edges, "draw all edges hands every edge to the renderer", { edges: s.edges, drawn: s.drawnEdges });
  check((await page.locator("#all-edges").textContent()) === "fewer edges", "the switch then offers fewer edges");
  await page.click("#all-edges");
  await page.waitForFunction(() => window.__kubegraph.state().drawnEdges === 0, null, { timeout: 60000 });
  check(true, "fewer edges takes them out again");
  check(errors.length === 0, "no console error, page error or failed request", errors);
} finally {
  await close();
}
finish();
