// Development only: serves dist/ as the Rust server does (same CSP) and proxies everything else
// to a running `kubegraph serve` (KUBEGRAPH_URL, default http://127.0.0.1:7080), so the UI can be
// rebuilt without rebuilding the binary. `node tests/devserver.mjs [port]`.
import http from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const upstream = new URL(process.env.KUBEGRAPH_URL || "http://127.0.0.1:7080");
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const types = { html: "text/html; charset=utf-8", js: "text/javascript", css: "text/css", svg: "image/svg+xml" };
http
  .createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    const asset = url.pathname === "/" ? "index.html" : url.pathname.startsWith("/assets/") ? url.pathname.slice(8) : null;
    if (asset && !asset.includes("..")) {
      try {
        const body = await readFile(join(dist, asset));
        res.writeHead(200, { "content-type": types[asset.split(".").pop()] || "application/octet-stream", "content-security-policy": CSP, "cache-control": "no-cache" });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end("no such asset");
      }
      return;
    }
    const p = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    p.on("error", () => { res.writeHead(502); res.end(); });
    req.pipe(p);
  })
  .listen(Number(process.argv[2] || 7090), "127.0.0.1");
