// Export of the view: PNG (what the canvas shows), SVG (the whole picture, drawn from the data,
// every label text), JSON (the topology as served, with the places drawn and the highlight).

import { xmlEscape } from "./dom.js";
import { edgeColor, healthColor, theme } from "./theme.js";

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function stamp() {
  return new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
}

export async function exportPNG(view) {
  const canvas = await view.snapshot();
  const blob = await new Promise((r) => canvas.toBlob(r, "image/png"));
  download(blob, `kubegraph-${stamp()}.png`);
}

/** The picture as SVG text, in the server's coordinates (y down). */
export function toSVG(view) {
  const boxes = view.boxes;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y - 4);
    x2 = Math.max(x2, b.x + b.w);
    y2 = Math.max(y2, b.y + b.h);
  }
  if (!Number.isFinite(x1)) [x1, y1, x2, y2] = [0, 0, 100, 100];
  const pad = 4;
  const out = [];
  const scale = 10; // graph units to SVG px, so that text sizes stay readable
  const X = (v) => ((v - x1 + pad) * scale).toFixed(1);
  const Y = (v) => ((v - y1 + pad) * scale).toFixed(1);
  const W = (x2 - x1 + 2 * pad) * scale;
  const H = (y2 - y1 + 2 * pad) * scale;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W.toFixed(0)}" height="${H.toFixed(0)}" viewBox="0 0 ${W.toFixed(0)} ${H.toFixed(0)}" font-family="system-ui, sans-serif">`);
  out.push(`<rect width="100%" height="100%" fill="${theme.canvas}"/>`);
  out.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="context-stroke"/></marker></defs>`);
  for (const b of boxes) {
    const sick = b.state === "error" || b.state === "warning";
    const cluster = b.kind === "cluster";
    out.push(`<g><rect x="${X(b.x)}" y="${Y(b.y)}" width="${(b.w * scale).toFixed(1)}" height="${(b.h * scale).toFixed(1)}" rx="8" fill="${cluster ? "none" : theme.box}" stroke="${sick ? healthColor(b.state) : theme.box_line}" stroke-width="${sick ? 2 : 1}"${cluster ? ' stroke-dasharray="6 4"' : ""}/>`);
    const total = b.counts.ok + b.counts.unknown + b.counts.warning + b.counts.error;
    const ty = cluster ? Number(Y(b.y)) - 6 : Number(Y(b.y)) + 18;
    out.push(`<text x="${Number(X(b.x)) + 8}" y="${ty}" font-size="13" font-weight="600" fill="${theme.fg}">${xmlEscape(cluster ? `cluster ${b.label}` : b.label)} <tspan font-weight="400" fill="${theme.muted}">${b.counts.error ? `${b.counts.error} error · ` : ""}${b.counts.warning ? `${b.counts.warning} warning · ` : ""}${total} objects</tspan></text></g>`);
  }
  const g = view.graph;
  // Every edge of the picture, also those a big picture leaves off the canvas.
  for (const a of view.edges.values()) {
    if (a.hidden || !g.hasNode(a.from) || !g.hasNode(a.to)) continue;
    const sa = g.getNodeAttributes(a.from);
    const ta = g.getNodeAttributes(a.to);
    out.push(`<line x1="${X(sa.gx)}" y1="${Y(sa.gy)}" x2="${X(ta.gx)}" y2="${Y(ta.gy)}" stroke="${edgeColor(a.kind)}" stroke-width="1.5" marker-end="url(#arrow)"${ta.missing ? ' stroke-dasharray="5 4"' : ""} opacity="0.75"><title>${xmlEscape(a.kind)}</title></line>`);
  }
  g.forEachNode((id, a) => {
    if (view.fading.has(id)) return;
    const cx = Number(X(a.gx));
    const cy = Number(Y(a.gy));
    const r = a.size * scale;
    const fill = a.missing ? theme.canvas : healthColor(a.health);
    const stroke = a.missing ? ` stroke="${healthColor(a.health)}" stroke-width="2" stroke-dasharray="3 2"` : "";
    let shape;
    if (a.shape === "square") shape = `<rect x="${(cx - r * 0.85).toFixed(1)}" y="${(cy - r * 0.85).toFixed(1)}" width="${(r * 1.7).toFixed(1)}" height="${(r * 1.7).toFixed(1)}" rx="${(r * 0.25).toFixed(1)}" fill="${fill}"${stroke}/>`;
    else if (a.shape === "diamond") shape = `<path d="M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z" fill="${fill}"${stroke}/>`;
    else if (a.shape === "triangle") shape = `<path d="M${cx} ${cy - r} L${cx + r * 0.9} ${cy + r * 0.7} L${cx - r * 0.9} ${cy + r * 0.7} Z" fill="${fill}"${stroke}/>`;
    else shape = `<circle cx="${cx}" cy="${cy}" r="${r.toFixed(1)}" fill="${fill}"${stroke}/>`;
    const dim = view.highlight !== null && !a.hl ? ' opacity="0.2"' : "";
    out.push(`<g${dim}>${shape}<text x="${(cx + r + 4).toFixed(1)}" y="${(cy + 4).toFixed(1)}" font-size="11" fill="${theme.fg}">${xmlEscape(a.label)}</text><title>${xmlEscape(`${a.data.kind} ${a.data.namespace ? `${a.data.namespace}/` : ""}${a.data.label}: ${a.data.state}, ${a.data.reason}`)}</title></g>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

export function exportSVG(view) {
  download(new Blob([toSVG(view)], { type: "image/svg+xml" }), `kubegraph-${stamp()}.svg`);
}

export function exportJSON(view, state, matches) {
  const t = view.topo || {};
  const nodes = view.graph.mapNodes((id, a) => ({ ...a.data, x: a.gx, y: a.gy }));
  const body = {
    view: { q: state.q, mode: state.mode, group: state.group, problems: state.problems, selected: state.sel, expand: state.expand },
    url: location.href,
    summary: t.summary,
    selected: t.selected,
    nodes,
    edges: [...view.edges.values()].map((a) => a.data),
    boxes: view.boxes,
    legend: t.legend,
    highlighted: matches,
  };
  download(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" }), `kubegraph-${stamp()}.json`);
}
