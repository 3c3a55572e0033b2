// Live changes without a reload: `node tests/live.mjs URL ID`. Opens the page, prints READY,
// then for each line on stdin (`add` then `remove`, sent by the test once it changed the
// cluster) waits until the page shows it: node ID drawn, then gone. Prints the latency of each
// (from the line to the page showing it) and `N passed, M failed`.
import { createInterface } from "node:readline";
import { join } from "node:path";
import { check, finish, launch, openPage, screenshotDir } from "./lib.mjs";

const [url, id] = process.argv.slice(2);
if (!url || !id) {
  console.error("usage: node tests/live.mjs URL NODE-ID");
  process.exit(2);
}
const shots = screenshotDir();

const { context, close } = await launch();
try {
  const { page, errors } = await openPage(context, url);
  await page.waitForFunction(() => window.__kubegraph.state().conn.includes("live"), null, { timeout: 15000 });
  check(true, "the connection indicator says live");
  check(!(await page.evaluate((i) => window.__kubegraph.view.graph.hasNode(i), id)), "the node is not drawn before the change");
  await page.evaluate(() => { window.__notReloaded = true; });
  console.log("READY");

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const t0 = Date.now();
    if (line === "add") {
      await page.waitForFunction((i) => window.__kubegraph.view.graph.hasNode(i), id, { timeout: 20000, polling: 20 });
      console.log(`latency add ${Date.now() - t0} ms`);
      check(await page.evaluate(() => window.__notReloaded === true), "the new object appears without a reload");
      const s = await page.evaluate(() => window.__kubegraph.state());
      check(/last change/.test(await page.locator("#conn").textContent()), "the indicator shows the time of the last change", s.conn);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(shots, "08-live-added.png") });
      console.log("SHOWN");
    } else if (line === "remove") {
      await page.waitForFunction((i) => !window.__kubegraph.view.drawnNodes().includes(i), id, { timeout: 20000, polling: 20 });
      console.log(`latency remove ${Date.now() - t0} ms`);
      check(await page.evaluate(() => window.__notReloaded === true), "the removed object fades without a reload");
      console.log("SHOWN");
      break;
    }
  }
  check(errors.length === 0, "no console error while following changes", errors);
} finally {
  await close();
}
finish();
