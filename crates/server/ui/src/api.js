// The HTTP API (/api/v1, described at /api/docs). Node ids are export ids, percent-encoded in
// paths. Errors are `{"error": {status, message, hint?, span?, rendered?}}`.

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.hint = e.hint || null;
    this.span = e.span || null;
    this.rendered = e.rendered || null;
  }
}

async function get(path, params, signal) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
  }
  const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

const enc = encodeURIComponent;

// Routes newer than this UI's first server (completion, reachability) are used only when the
// server's OpenAPI document lists them: asking a server that lacks them would log 404s.
let routes = null;
export async function hasRoute(path) {
  if (!routes) {
    routes = get("/api/v1/openapi.json")
      .then((doc) => new Set(Object.keys(doc.paths || {})))
      .catch(() => new Set());
  }
  return (await routes).has(path);
}

export const api = {
  clusters: () => get("/api/v1/clusters"),
  graph: (p, signal) => get("/api/v1/graph", p, signal),
  search: (q, signal) => get("/api/v1/search", { q }, signal),
  node: (id) => get(`/api/v1/nodes/${enc(id)}`),
  why: (id) => get(`/api/v1/why/${enc(id)}`),
  deps: (id, depth) => get(`/api/v1/show/deps/${enc(id)}`, { depth }),
  pods: (id) => get(`/api/v1/show/pods/${enc(id)}`),
  config: (id) => get(`/api/v1/show/config/${enc(id)}`),
  // Coming routes: callers treat a 404 as "not on this server yet" and fall back.
  complete: (q, pos, signal) => get("/api/v1/complete", { q, pos }, signal),
  reach: (src, dst, port) => get("/api/v1/reach", { src, dst, port }),
};

/** A query selecting exactly the object with this export id (`cluster/group/Kind/ns/name`). */
export function queryFor(id) {
  const parts = id.split("/");
  if (parts.length < 5) return null;
  const [cluster, , kind, ns, ...rest] = parts;
  const name = rest.join("/");
  const q = (s) => JSON.stringify(s);
  let text = `cluster = ${q(cluster)} and kind = ${q(kind)} and name = ${q(name)}`;
  text += ns === "_" ? " and namespace = null" : ` and namespace = ${q(ns)}`;
  return text;
}

/** Splits an export id into its parts. */
export function idParts(id) {
  const [cluster, group, kind, ns, ...rest] = id.split("/");
  return { cluster, group, kind, namespace: ns === "_" ? null : ns, name: rest.join("/") };
}
