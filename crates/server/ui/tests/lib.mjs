// Shared by the browser tests and the benchmark: Debian's Chromium driven by playwright-core
// (no browser download), console errors collected, a PNG decoder for reading screenshots.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";

export const CHROMIUM = process.env.KUBEGRAPH_CHROMIUM || "/usr/bin/chromium";

/** Where the tests' screenshots go: $KUBEGRAPH_SCREENSHOTS, else /tmp/kubegraph-ui (made). */
export function screenshotDir() {
  const dir = process.env.KUBEGRAPH_SCREENSHOTS || "/tmp/kubegraph-ui";
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The UI's state as the page reports it (`window.__kubegraph.state()`). */
export const kg = (page) => page.evaluate(() => window.__kubegraph.state());

/** Painted pixels of the decor layer (over the WebGL one): rings, marks, the selection's edges. */
export const decorPixels = (page) =>
  page.evaluate(() => {
    const c = window.__kubegraph.view.decorCanvas;
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });

/**
 * Starts headless Chromium with software WebGL (SwiftShader: there is no GPU here) on a fresh
 * profile directory (playwright's persistent context is how it takes `--user-data-dir`).
 */
export async function launch({ width = 1400, height = 860, colorScheme = "light" } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "kubegraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    deviceScaleFactor: 1,
    colorScheme,
    acceptDownloads: true,
    args: [
      "--headless", "--no-sandbox", "--enable-unsafe-swiftshader", "--disable-gpu-sandbox",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close, profile };
}

/** A page whose console errors, page errors and failed requests are recorded in `errors`. */
export async function openPage(context, url, { timeout = 30000 } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    const f = r.failure()?.errorText || "";
    // An EventSource closed by navigation or test end is not an error of the page.
    if (!/ERR_ABORTED/.test(f)) errors.push(`request failed: ${r.url()} ${f}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().includes("/api/v1/complete") && !r.url().includes("/api/v1/reach")) {
      errors.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout });
  return { page, errors, context };
}

/** Decodes an 8-bit RGB or RGBA PNG (what Chromium's screenshots are) into RGBA pixels. */
export function decodePNG(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let off = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("ascii", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error("only 8-bit PNGs");
      colorType = data[9];
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    off += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`PNG colour type ${colorType} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      px[(y * width + x) * 4] = line[x * bpp];
      px[(y * width + x) * 4 + 1] = line[x * bpp + 1];
      px[(y * width + x) * 4 + 2] = line[x * bpp + 2];
      px[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, px };
}

/** How many pixels of a decoded image are close to each colour (`{name: "#rrggbb"}`). */
export function countColours(img, colours, { x0 = 0, y0 = 0, x1 = img.width, y1 = img.height, tolerance = 40 } = {}) {
  const targets = Object.entries(colours).map(([k, hex]) => [k, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
  const out = Object.fromEntries(targets.map(([k]) => [k, 0]));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      for (const [k, r, g, b] of targets) {
        if (Math.abs(img.px[i] - r) + Math.abs(img.px[i + 1] - g) + Math.abs(img.px[i + 2] - b) <= tolerance) out[k]++;
      }
    }
  }
  return out;
}

let failures = 0;
let passes = 0;
export function check(ok, what, detail) {
  if (ok) {
    passes++;
    console.log(`ok - ${what}`);
  } else {
    failures++;
    console.log(`FAIL - ${what}${detail !== undefined ? `: ${typeof detail === "string" ? detail : JSON.stringify(detail)}` : ""}`);
  }
  return ok;
}

export function finish() {
  console.log(`${passes} passed, ${failures} failed`);
  process.exitCode = failures ? 1 : 0;
}
