// kubegraph's web UI: the top bar (query with completion, filter or highlight, grouping,
// problems only, connection, export), the canvas (view.js) and the detail pane (pane.js).
// The view's state is the URL: q, mode, group, problems, sel, expand (and all, to draw a
// summary in full), so a link reproduces a view and back/forward walk through them.

import { api, ApiError, queryFor } from "./api.js";
import { complete, byteToChar } from "./complete.js";
import { debounce, fill, h, svg } from "./dom.js";
import { Live } from "./live.js";
import { Pane } from "./pane.js";
import { EDGE_HELP, edgeColor, healthColor, onThemeChange, readTheme, theme } from "./theme.js";
import { exportJSON, exportPNG, exportSVG } from "./exporter.js";
import { SPARSE_EDGES, View } from "./view.js";

const $ = (id) => document.getElementById(id);

// --- the view's state and the URL ------------------------------------------------------------

function readURL() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "",
    mode: p.get("mode") === "highlight" ? "highlight" : "filter",
    group: ["namespace", "cluster", "node", "app"].includes(p.get("group")) ? p.get("group") : "namespace",
    problems: p.get("problems") === "1",
    sel: p.get("sel") || null,
    expand: (p.get("expand") || "").split(",").filter(Boolean),
    all: p.get("all") === "1",
  };
}

function writeURL(s, { replace = false } = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  if (s.mode !== "filter") p.set("mode", s.mode);
  if (s.group !== "namespace") p.set("group", s.group);
  if (s.problems) p.set("problems", "1");
  if (s.expand.length) p.set("expand", s.expand.join(","));
  if (s.all) p.set("all", "1");
  if (s.sel) p.set("sel", s.sel);
  const url = `${location.pathname}${p.toString() ? `?${p}` : ""}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

let state = readURL();
let shown = null; // the state the canvas shows (to tell what a change of state needs)
let meta = { now: null, source: null };
const metaReady = api
  .clusters()
  .then((c) => {
    meta = { now: c.now, source: c.source, static: c.source.kind !== "live" && !c.source.watching };
    document.title = `kubegraph · ${c.source.description}`;
  })
  .catch(() => {
    meta = { now: null, source: null, static: false };
  });
let autoExpand = []; // owners expanded so that highlighted objects are drawn one by one
let matches = null; // ids a highlight query selected
let loadToken = 0;
let loadAbort = null;
let lastError = null;
let pathInfo = null;
const perf = { navigationToFirstFrame: null, loadMs: null, fetchMs: null, buildMs: null, firstFrameMs: null };

readTheme();
perf.scriptStart = performance.now();

const view = new View($("graph"), {
  select: (id) => app.select(id, { focus: false }),
  expand: (id) => app.expand(id),
  hover: (x) => tooltip(x),
  clickStage: (box) => {
    if (view.topo?.summary && box && box.kind !== "cluster") drill(box);
    else if (state.sel) app.clearSelection();
  },
});

const app = {
  select(id, { focus = false, replace = false } = {}) {
    state = { ...state, sel: id };
    writeURL(state, { replace });
    showSelection({ focus });
  },
  clearSelection() {
    if (!state.sel && !pathInfo) return;
    state = { ...state, sel: null };
    writeURL(state);
    showSelection({});
  },
  drawnFor: (id) => view.drawnFor(id),
  drawnNode: (id) => {
    const d = view.drawnFor(id);
    return d && view.graph.hasNode(d) ? view.graph.getNodeAttribute(d, "data") : null;
  },
  isExpanded: (id) => state.expand.includes(id),
  expand(id) {
    if (state.expand.includes(id)) return;
    state = { ...state, expand: [...state.expand, id] };
    writeURL(state);
    load({ keepCamera: true });
  },
  collapse(id) {
    state = { ...state, expand: state.expand.filter((e) => e !== id) };
    writeURL(state);
    load({ keepCamera: true });
  },
  /**
   * Draws a path over the canvas; returns the ids it could not place (not in this view). A why
   * path through a collapsed owner expands it, so that each step of the path is drawn.
   */
  setPath(kind, steps, causes) {
    pathInfo = { kind, steps, causes, for: state.sel };
    view.setPath(steps, causes);
    if (view.path) view.revealAll([...view.path.nodes], { right: $("pane").offsetWidth || 0 });
    const ids = [...new Set(steps.flat().filter(Boolean))];
    if (kind === "why") {
      const owners = new Set();
      for (const id of ids) {
        const d = view.drawnFor(id);
        if (d && d !== id && !state.expand.includes(d)) owners.add(d);
      }
      if (owners.size) {
        state = { ...state, expand: [...state.expand, ...owners] };
        writeURL(state, { replace: true });
        const info = pathInfo;
        load({ keepCamera: true }).then(() => {
          if (pathInfo === info) app.setPath(info.kind, info.steps, info.causes);
        });
      }
    }
    return ids.filter((id) => !view.drawnFor(id));
  },
  drawOnly(ids) {
    const all = new Set(ids);
    if (pathInfo) for (const id of pathInfo.steps.flat()) if (id) all.add(id);
    const q = [...all].map((id) => `(${queryFor(id)})`).join(" or ");
    state = { ...state, q, mode: "filter", expand: [] };
    writeURL(state);
    syncControls();
    load({}).then(() => pathInfo && view.setPath(pathInfo.steps, pathInfo.causes));
  },
  now: () => (meta.now ? Date.parse(meta.now) : Date.now()),
};

const pane = new Pane($("pane"), app);
perf.viewReady = performance.now();

// --- loading a view --------------------------------------------------------------------------

async function fetchTopology(s, expand, signal) {
  const params = {
    group: s.group,
    problems: s.problems ? "true" : undefined,
    expand: expand.length ? expand.join(",") : undefined,
  };
  if (s.all) {
    params.summary = "never";
    params.limit = 50000;
  }
  if (s.mode === "filter" && s.q.trim()) params.q = s.q;
  const t = await api.graph(params, signal);
  t.grouping = s.group;
  return t;
}

/** Fetches and draws the state's view; `merge` keeps places (live), `keepCamera` the camera. */
async function load({ merge = false, keepCamera = false } = {}) {
  const token = ++loadToken;
  if (loadAbort) loadAbort.abort();
  loadAbort = new AbortController();
  const signal = loadAbort.signal;
  const s = state;
  const t0 = performance.now();
  setStatus(merge ? null : "Loading…");
  try {
    let found = null;
    if (s.mode === "highlight" && s.q.trim()) {
      found = await api.search(s.q, signal);
      if (found.text !== undefined && found.text !== null) throw new ApiError(400, { error: { message: "this query prints text; highlighting needs a query that selects objects", hint: "drop `| count`, `| list`, … from the end" } });
    }
    let expand = [...s.expand];
    let topo = await fetchTopology(s, [...expand, ...(found ? autoExpand : [])], signal);
    if (found && !topo.summary) {
      // Highlighted objects collapsed into an owner: expand the owner until each is drawn.
      const want = found.nodes.map((n) => n.id);
      let extra = [...autoExpand];
      for (let round = 0; round < 4; round++) {
        const drawn = new Map();
        for (const n of topo.nodes) {
          drawn.set(n.id, n.id);
          for (const m of n.member_ids || []) drawn.set(m, n.id);
        }
        const owners = new Set();
        for (const id of want) {
          const d = drawn.get(id);
          if (d && d !== id) owners.add(d);
        }
        if (!owners.size) break;
        extra = [...new Set([...extra, ...owners])];
        topo = await fetchTopology(s, [...expand, ...extra], signal);
      }
      autoExpand = extra;
    }
    if (token !== loadToken) return;
    const fetched = performance.now();
    lastError = null;
    showQueryError(null);
    matches = found ? found.nodes.map((n) => n.id) : null;
    const sameView = shown && shown.q === s.q && shown.mode === s.mode && shown.group === s.group && shown.problems === s.problems && shown.all === s.all;
    if (merge && sameView) view.mergeTopology(topo);
    else {
      view.setTopology(topo, { keepCamera: keepCamera && sameView });
      // The parts of a first render, for bench/ui.mjs.
      perf.fetchMs = fetched - t0;
      perf.buildMs = view.buildMs;
      perf.firstFrameMs = view.firstFrameMs;
    }
    shown = { ...s };
    if (matches) {
      const ids = new Set();
      for (const m of matches) {
        const d = view.drawnFor(m);
        if (d) ids.add(d);
      }
      view.setHighlight(ids);
    } else {
      view.setHighlight(null);
    }
    perf.loadMs = performance.now() - t0;
    if (keepCamera && state.sel && view.drawnFor(state.sel)) view.reveal(view.drawnFor(state.sel), { right: $("pane").offsetWidth || 0 });
    renderLegend(topo);
    renderStatus(topo);
    // The pane tells ages against the source's reference time (the demo's is fixed).
    if (state.sel) {
      await metaReady;
      if (token !== loadToken) return;
    }
    showSelection({ keepAction: merge });
  } catch (e) {
    if (e.name === "AbortError" || token !== loadToken) return;
    lastError = e;
    if (e instanceof ApiError && e.status === 400) {
      showQueryError(e);
      setStatus("The query has a mistake: nothing changed.");
    } else {
      setStatus(`Could not load the view: ${e.message}`);
    }
  }
}

function showSelection({ focus = false, keepAction = false } = {}) {
  const id = state.sel;
  if (!id) {
    view.setSelected(null);
    view.setPath(null);
    pathInfo = null;
    pane.close();
    return;
  }
  const drawn = view.drawnFor(id);
  view.setSelected(drawn);
  if (pathInfo && pathInfo.for !== id) {
    pathInfo = null;
    view.setPath(null);
  } else if (pathInfo) {
    view.setPath(pathInfo.steps, pathInfo.causes);
  }
  if (pane.id !== id || keepAction) pane.show(id, { keepAction });
  // The pane lies over the canvas: keep the selection out from under it.
  if (drawn) view.reveal(drawn, { zoom: focus, right: $("pane").offsetWidth || 440, center: focus });
}

function drill(box) {
  let q = null;
  const cluster = box.parent ? box.parent.replace(/^cluster:/, "") : box.label;
  const Q = JSON.stringify;
  if (box.kind === "namespace") q = `cluster = ${Q(cluster)} and namespace = ${Q(box.label)}`;
  else if (box.kind === "cluster-scoped" && state.group === "namespace") q = `cluster = ${Q(cluster)} and namespace = null`;
  else if (box.kind === "node") q = `cluster = ${Q(cluster)} and is(pod) and spec.nodeName = ${Q(box.label)}`;
  else if (box.kind === "app") q = `cluster = ${Q(cluster)} and (labels."app.kubernetes.io/name" = ${Q(box.label)} or labels.app = ${Q(box.label)} or labels."k8s-app" = ${Q(box.label)})`;
  if (!q) return;
  state = { ...state, q, mode: "filter", sel: null, expand: [] };
  writeURL(state);
  syncControls();
  load({});
}

// --- the top bar -----------------------------------------------------------------------------

const qInput = $("q");
const list = $("q-complete");
let items = [];
let active = -1;
let completeAbort = null;

function syncControls() {
  qInput.value = state.q;
  $("mode").value = state.mode;
  $("group").value = state.group;
  $("problems").checked = state.problems;
}

function showQueryError(e) {
  const box = $("q-error");
  if (!e) {
    box.hidden = true;
    fill(box);
    qInput.removeAttribute("aria-invalid");
    return;
  }
  qInput.setAttribute("aria-invalid", "true");
  const q = qInput.value;
  fill(
    box,
    h("pre", { class: "caret" }, e.rendered || e.message),
    e.hint ? h("div", { class: "hint" }, e.hint) : null,
  );
  box.hidden = false;
  if (e.span) {
    const a = byteToChar(q, e.span.start);
    const b = Math.max(a, byteToChar(q, e.span.end));
    qInput.focus();
    qInput.setSelectionRange(a, b === a ? a : b);
  }
}

function submit() {
  closeList();
  const q = qInput.value.trim();
  const changed = q !== state.q || $("mode").value !== state.mode;
  state = { ...state, q, mode: $("mode").value, expand: changed ? [] : state.expand };
  autoExpand = [];
  writeURL(state);
  load({});
}

$("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  if (active >= 0 && !list.hidden) accept(active);
  else submit();
});
$("q-clear").addEventListener("click", () => {
  qInput.value = "";
  submit();
});
$("mode").addEventListener("change", () => submit());
$("group").addEventListener("change", () => {
  state = { ...state, group: $("group").value, expand: [] };
  writeURL(state);
  load({});
});
$("problems").addEventListener("change", () => {
  state = { ...state, problems: $("problems").checked };
  writeURL(state);
  load({});
});

const askCompletion = debounce(async () => {
  if (completeAbort) completeAbort.abort();
  completeAbort = new AbortController();
  const q = qInput.value;
  const pos = qInput.selectionStart ?? q.length;
  try {
    const r = await complete(q, pos, completeAbort.signal);
    if (qInput.value !== q) return;
    openList(r);
  } catch (e) {
    if (e.name !== "AbortError") closeList();
  }
}, 120);

let range = null;
function openList(r) {
  items = r.items;
  range = r;
  active = -1;
  if (!items.length || document.activeElement !== qInput) return closeList();
  fill(
    list,
    items.map((it, i) =>
      h(
        "li",
        { role: "option", id: `q-opt-${i}`, "aria-selected": "false", onmousedown: (ev) => { ev.preventDefault(); accept(i); } },
        h("span", null, it.text),
        h("span", { class: "kind" }, it.kind || ""),
      ),
    ),
  );
  list.hidden = false;
  qInput.setAttribute("aria-expanded", "true");
}

function closeList() {
  list.hidden = true;
  items = [];
  active = -1;
  qInput.setAttribute("aria-expanded", "false");
  qInput.removeAttribute("aria-activedescendant");
}

function setActive(i) {
  active = (i + items.length) % items.length;
  [...list.children].forEach((li, j) => li.setAttribute("aria-selected", j === active ? "true" : "false"));
  qInput.setAttribute("aria-activedescendant", `q-opt-${active}`);
  list.children[active]?.scrollIntoView({ block: "nearest" });
}

function accept(i) {
  const it = items[i];
  if (!it || !range) return;
  const q = qInput.value;
  const needsSpace = /[\w)]$/.test(it.text) && !/^\s/.test(q.slice(range.to));
  const text = it.text + (needsSpace && range.to >= q.length ? " " : "");
  qInput.value = q.slice(0, range.from) + text + q.slice(range.to);
  const caret = range.from + text.length;
  qInput.setSelectionRange(caret, caret);
  closeList();
  qInput.focus();
  askCompletion();
}

qInput.addEventListener("input", () => {
  askCompletion();
  if (!$("q-error").hidden) {
    qInput.removeAttribute("aria-invalid");
  }
});
qInput.addEventListener("blur", () => setTimeout(closeList, 100));
qInput.addEventListener("keydown", (ev) => {
  if (!list.hidden && items.length) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); setActive(active + 1); return; }
    if (ev.key === "ArrowUp") { ev.preventDefault(); setActive(active - 1); return; }
    if (ev.key === "Tab") { ev.preventDefault(); accept(active >= 0 ? active : 0); return; }
    if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); closeList(); return; }
  } else if (ev.key === "Tab" && !ev.shiftKey && qInput.value && qInput.selectionStart === qInput.value.length) {
    // Tab completes, as in the shell, when there is something to complete.
    ev.preventDefault();
    askCompletion();
  }
  if (ev.key === "Escape") {
    ev.preventDefault();
    ev.stopPropagation();
    showQueryError(null);
    qInput.blur();
    $("graph").focus();
  }
});

// --- keyboard --------------------------------------------------------------------------------

document.addEventListener("keydown", (ev) => {
  const t = ev.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
  if (ev.key === "/" && !typing) {
    ev.preventDefault();
    qInput.focus();
    qInput.select();
    return;
  }
  if (ev.key === "Escape" && !typing) {
    const menu = $("export-menu");
    if (menu.open) { menu.open = false; return; }
    app.clearSelection();
    $("graph").focus();
    return;
  }
  if (typing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  if (dirs[ev.key] && (t === $("graph") || t === document.body || $("pane").contains(t))) {
    ev.preventDefault();
    const from = state.sel ? view.drawnFor(state.sel) : null;
    let next = null;
    if (from) next = view.step(from, ...dirs[ev.key]);
    else next = view.drawnNodes()[0] || null;
    if (next) app.select(next, { focus: true, replace: true });
  } else if (ev.key === "Enter" && t === $("graph") && state.sel) {
    $("pane").focus();
  } else if ((ev.key === "+" || ev.key === "=") && t === $("graph")) {
    view.zoom(1.5);
  } else if (ev.key === "-" && t === $("graph")) {
    view.zoom(1 / 1.5);
  } else if (ev.key === "0" && t === $("graph")) {
    view.fit();
  }
});

window.addEventListener("popstate", () => {
  const prev = state;
  state = readURL();
  syncControls();
  const sameView = prev.q === state.q && prev.mode === state.mode && prev.group === state.group && prev.problems === state.problems && prev.all === state.all && prev.expand.join() === state.expand.join();
  if (sameView) showSelection({ focus: true });
  else load({ keepCamera: prev.q === state.q && prev.group === state.group });
});

$("graph").addEventListener("mouseleave", () => tooltip(null));
$("zoom-in").addEventListener("click", () => view.zoom(1.5));
$("zoom-out").addEventListener("click", () => view.zoom(1 / 1.5));
$("zoom-fit").addEventListener("click", () => view.fit());

// --- tooltip, legend, status -----------------------------------------------------------------

function tooltip(x) {
  const tip = $("tooltip");
  if (!x) {
    tip.hidden = true;
    return;
  }
  if (x.node) {
    const n = x.node;
    fill(
      tip,
      h("div", { class: "t-kind" }, `${n.kind}${n.namespace ? ` · ${n.namespace}` : ""}${n.missing ? " · missing" : ""}${n.root_cause ? " · root cause" : ""}`),
      h("div", { class: "t-name" }, n.label),
      n.badge ? h("div", null, `${n.badge}${n.members ? `, ${n.members} owned object${n.members === 1 ? "" : "s"}` : ""}${n.expandable ? " (double-click to expand)" : ""}`) : null,
      h("div", { class: "t-reason" }, h("span", { class: `hlabel ${n.state}` }, n.state), " ", n.reason),
    );
  } else {
    const b = x.box;
    const c = b.counts;
    const total = c.ok + c.unknown + c.warning + c.error;
    fill(
      tip,
      h("div", { class: "t-kind" }, b.kind),
      h("div", { class: "t-name" }, b.label),
      h("div", { class: "t-reason" }, `${total} objects: ${c.error} error, ${c.warning} warning, ${c.ok} ok, ${c.unknown} unknown`),
      view.topo?.summary && b.kind !== "cluster" ? h("div", { class: "t-kind" }, "click to open") : null,
    );
  }
  tip.hidden = false;
  const wrap = tip.parentElement.getBoundingClientRect();
  const w = tip.offsetWidth;
  const hgt = tip.offsetHeight;
  tip.style.left = `${Math.min(x.x + 14, wrap.width - w - 8)}px`;
  tip.style.top = `${x.y + 14 + hgt > wrap.height ? x.y - hgt - 10 : x.y + 14}px`;
}

const hiddenKinds = new Set();

function renderLegend(topo) {
  const el = $("legend");
  const health = ["error", "warning", "ok", "unknown"].map((s) =>
    h("span", { class: "item" }, svg("svg", { viewBox: "0 0 14 14", "aria-hidden": "true" }, svg("circle", { cx: 7, cy: 7, r: 5.5, fill: healthColor(s) })), s),
  );
  const shapes = [
    ["square", "workload"], ["diamond", "service, ingress"], ["circle", "pod"], ["small", "config"], ["triangle", "storage"], ["hollow", "missing"],
  ].map(([shape, text]) => h("span", { class: "item" }, shapeIcon(shape), text));
  const edges = Object.entries(topo.legend || {}).map(([kind, n]) =>
    h(
      "button",
      {
        type: "button",
        class: `item${hiddenKinds.has(kind) ? " off" : ""}`,
        title: `${EDGE_HELP[kind] || kind}: ${n} drawn. Click to ${hiddenKinds.has(kind) ? "show" : "hide"}.`,
        "aria-pressed": hiddenKinds.has(kind) ? "false" : "true",
        onclick: () => {
          if (hiddenKinds.has(kind)) hiddenKinds.delete(kind);
          else hiddenKinds.add(kind);
          view.setHiddenKinds(hiddenKinds);
          renderLegend(topo);
        },
      },
      svg("svg", { viewBox: "0 0 14 14", "aria-hidden": "true" }, svg("line", { x1: 1, y1: 7, x2: 13, y2: 7, stroke: edgeColor(kind), "stroke-width": 2.5 })),
      kind,
    ),
  );
  fill(el, health, h("span", { class: "sep" }), shapes, edges.length ? h("span", { class: "sep" }) : null, edges);
  el.hidden = false;
}

function shapeIcon(shape) {
  const fg = theme.muted;
  const s = (...c) => svg("svg", { viewBox: "0 0 14 14", "aria-hidden": "true" }, ...c);
  if (shape === "square") return s(svg("rect", { x: 2, y: 2, width: 10, height: 10, rx: 2, fill: fg }));
  if (shape === "diamond") return s(svg("path", { d: "M7 1 L13 7 L7 13 L1 7 Z", fill: fg }));
  if (shape === "triangle") return s(svg("path", { d: "M7 1.5 L13 12.5 L1 12.5 Z", fill: fg }));
  if (shape === "small") return s(svg("circle", { cx: 7, cy: 7, r: 3.5, fill: fg }));
  if (shape === "hollow") return s(svg("circle", { cx: 7, cy: 7, r: 5, fill: "none", stroke: healthColor("error"), "stroke-width": 1.8, "stroke-dasharray": "2.5 2" }));
  return s(svg("circle", { cx: 7, cy: 7, r: 5.5, fill: fg }));
}

function setStatus(text) {
  if (text === null) return;
  fill($("status"), text);
}

function renderStatus(topo) {
  const el = $("status");
  const parts = [];
  const empty = $("empty");
  empty.hidden = true;
  if (topo.summary) {
    const total = topo.boxes.filter((b) => !b.parent).reduce((n, b) => n + b.counts.ok + b.counts.unknown + b.counts.warning + b.counts.error, 0);
    parts.push(h("b", null, `Summary of ${total.toLocaleString()} objects`), ": click a box to open it · ");
    parts.push(h("button", { type: "button", class: "link", onclick: () => { state = { ...state, all: true }; writeURL(state); load({}); } }, "draw all"));
  } else {
    parts.push(h("b", null, `${topo.nodes.length.toLocaleString()}`), ` drawn for ${topo.selected.toLocaleString()} objects · ${topo.edges.length.toLocaleString()} relations`);
    if (matches) parts.push(" · ", h("b", null, `${matches.length}`), ` match${matches.length === 1 ? "" : "es"}`);
    if (topo.edges.length > SPARSE_EDGES) {
      // A big picture draws the edges around the selection only: all of them are slow to draw.
      const all = view.allEdges;
      parts.push(" · ", all ? "all edges drawn" : "edges of the selected and hovered node", " · ");
      parts.push(h("button", { type: "button", class: "link", id: "all-edges", onclick: () => { view.setAllEdges(!all); renderStatus(topo); } }, all ? "fewer edges" : "draw all edges"));
    }
    if (state.problems) parts.push(" · problems only");
    if (!topo.nodes.length) {
      empty.hidden = false;
      fill(empty, h("div", null, state.problems ? "Nothing is unhealthy here." : "Nothing to draw: the query selects no object that is drawn (workloads, services, pods, config, storage…)."));
    }
  }
  if (state.all) {
    parts.push(" · ", h("button", { type: "button", class: "link", onclick: () => { state = { ...state, all: false }; writeURL(state); load({}); } }, "back to the summary"));
  }
  fill(el, parts);
}

// --- export ----------------------------------------------------------------------------------

document.querySelectorAll("[data-export]").forEach((b) =>
  b.addEventListener("click", async () => {
    $("export-menu").open = false;
    const kind = b.dataset.export;
    if (kind === "png") await exportPNG(view);
    else if (kind === "svg") exportSVG(view);
    else exportJSON(view, state, matches);
  }),
);

// --- live ------------------------------------------------------------------------------------

const conn = $("conn");
let lastChange = null;
function setConn(kind, text) {
  conn.className = `conn ${kind}`;
  const when = lastChange ? ` · last change ${new Date(lastChange).toLocaleTimeString()}` : "";
  fill(conn, h("span", { class: "dot", "aria-hidden": "true" }), h("span", { class: "conn-text" }, `${text}${when}`));
  conn.title = kind === "live" ? "Changes appear as they happen" : kind === "static" ? "This source does not change (a file or the demo)" : "The connection to the server is lost; retrying";
}

const refetch = debounce(() => load({ merge: true, keepCamera: true }), 250);
const live = new Live({
  open: () => setConn(meta.static ? "static" : "live", meta.static ? "static" : "live"),
  error: (closed) => setConn("reconnecting", closed ? "offline" : "reconnecting"),
  changes: (batch) => {
    lastChange = batch.at ? Date.parse(batch.at) : Date.now();
    window.__kubegraph.lastBatch = { seq: batch.seq, at: batch.at, receivedAt: Date.now(), changes: batch.changes.length };
    view.applyChanges(batch.changes);
    setConn("live", "live");
    refetch();
  },
  reset: () => {
    lastChange = Date.now();
    refetch();
  },
});

// --- start -----------------------------------------------------------------------------------

onThemeChange(() => {
  view.refreshColours();
  if (view.topo) renderLegend(view.topo);
});

window.__kubegraph = {
  view,
  perf,
  lastBatch: null,
  state: () => ({
    url: location.href,
    state,
    summary: view.topo?.summary ?? null,
    drawn: view.drawnNodes().length,
    edges: view.graph.size,
    boxes: view.boxes.length,
    highlighted: view.highlight ? [...view.highlight] : null,
    matches,
    selected: state.sel,
    paneTitle: $("pane").hidden ? null : $("pane-title")?.textContent ?? null,
    path: view.path ? { nodes: [...view.path.nodes], segments: view.path.segments, causes: [...view.path.causes] } : null,
    error: lastError ? { message: lastError.message, rendered: lastError.rendered, span: lastError.span } : null,
    conn: conn.className,
    frames: view.frames,
  }),
  screenOf: (id) => {
    const p = view.screenOf(view.drawnFor(id) || id);
    if (!p) return null;
    const r = $("graph").getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  },
  nodeData: (id) => (view.graph.hasNode(id) ? view.graph.getNodeAttribute(id, "data") : null),
  loaded: null,
};

syncControls();
window.__kubegraph.loaded = (async () => {
  // The picture does not wait for the source's description: both are asked for at once.
  const first = load({});
  await metaReady;
  perf.clustersDone = performance.now();
  setConn(meta.static ? "static" : "reconnecting", meta.static ? "static" : "connecting");
  live.start();
  await first;
  perf.loadDone = performance.now();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  perf.navigationToFirstFrame = performance.now();
  document.body.dataset.ready = "true";
})();
