// The canvas: what /api/v1/graph laid out, drawn as it is. Three layers in the graph element:
//
//   boxes (2D canvas)   clusters, namespaces, nodes or apps, health-tinted, with their counts
//   stage (WebGL)       sigma.js v4: nodes (health colour, shape by kind) and edges (colour by kind)
//   decor (2D canvas)   what only some nodes need: hollow rings for missing objects, root-cause
//                       marks, the selection, the why path, flashes for live changes
//
// The renderer is sigma.js with graphology (both MIT). Measured in headless Chromium on this
// project's machine (2 cores, no GPU: SwiftShader's software WebGL): 10k nodes and 20k edges
// drew their first frame in 0.6 s with sigma against 4.1 s with cytoscape.js's canvas renderer,
// and panning stayed interactive; docs/benchmarks.md has this UI's own numbers at 1k, 10k and
// 50k drawn nodes (bench/ui.mjs). Layout, grouping and collapsing come from the server, so the
// browser never runs a layout and the tab stays responsive at any size.
//
// Coordinates: the server's y grows down, sigma's up, so node y is negated; boxes are converted
// through sigma's graphToViewport every frame, so they pan and zoom with the nodes.

import Graph from "graphology";
import Sigma from "sigma";
import {
  extremityArrow, layerDashed, layerFill, layerPlain, pathLine, sdfCircle, sdfDiamond, sdfSquare, sdfTriangle,
} from "sigma/rendering";
import { alpha, edgeColor, healthColor, theme } from "./theme.js";

const SHORT = {
  Deployment: "deploy", StatefulSet: "sts", DaemonSet: "ds", ReplicaSet: "rs", Job: "job", CronJob: "cronjob",
  Pod: "pod", Service: "svc", Ingress: "ing", ConfigMap: "cm", Secret: "secret", ServiceAccount: "sa",
  PersistentVolumeClaim: "pvc", PersistentVolume: "pv", StorageClass: "sc", Node: "node",
  ReplicationController: "rc", HorizontalPodAutoscaler: "hpa", NetworkPolicy: "netpol", Gateway: "gw",
  HTTPRoute: "route", Endpoints: "ep", EndpointSlice: "eps",
};

export function shortKind(kind) {
  return SHORT[kind] || kind.toLowerCase();
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"]);
const NETWORK = new Set(["Service", "Ingress", "Gateway", "HTTPRoute", "GRPCRoute", "TCPRoute"]);
const STORAGE = new Set(["PersistentVolumeClaim", "PersistentVolume", "StorageClass"]);
const CONFIG = new Set(["ConfigMap", "Secret", "ServiceAccount"]);

/** Shape and size by kind: what a node is, readable without its label. */
export function kindShape(kind) {
  if (WORKLOADS.has(kind)) return ["square", 1.25];
  if (NETWORK.has(kind)) return ["diamond", 1.35];
  if (STORAGE.has(kind)) return ["triangle", 1.3];
  if (CONFIG.has(kind)) return ["circle", 0.9];
  return ["circle", 1.05];
}

function truncate(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** `deploy web`: the kind, short, and the name; a badge (`3/3 pods`) is drawn as a pill. */
export function nodeLabel(n) {
  return `${shortKind(n.kind)} ${truncate(n.label, 20)}`;
}

const STATE_RANK = { ok: 0, unknown: 1, warning: 2, error: 3 };

/** Above this many edges a picture draws only the edges around its selection (see setTopology). */
export const SPARSE_EDGES = 15000;
/** …and those between highlighted nodes when there are at most this many of them. */
const SPARSE_HIGHLIGHT = 2000;

export class View {
  constructor(container, handlers) {
    this.container = container;
    this.handlers = handlers;
    this.graph = new Graph({ multi: true, type: "directed", allowSelfLoops: false });
    this.topo = null;
    this.boxes = [];
    this.boxById = new Map();
    this.drawnOf = new Map(); // any object id -> the drawn node standing for it
    this.highlight = null; // Set of drawn ids, or null
    this.selected = null;
    this.hovered = null;
    this.path = null; // {segments: [[a, b]], nodes: Set, causes: Set}
    this.flashes = new Map(); // id -> start time
    this.fading = new Map(); // id -> start time
    this.hiddenKinds = new Set();
    this.frames = 0;
    this.sparse = false; // only the edges around the selection are drawn (big pictures)
    this.allEdges = false;
    this.hoverEdges = [];

    const settings = {
      itemSizesReference: "positions",
      // Sizes scale exactly with the zoom: nodes stay inside their boxes at every zoom.
      zoomToSizeRatioFunction: (r) => r,
      autoRescale: true,
      stagePadding: 24,
      enableCameraRotation: false,
      // Every label of a node drawn large enough to read: the layout keeps them apart.
      labelRenderedSizeThreshold: 4.5,
      labelDensity: 100,
      labelGridCellSize: 100,
      minEdgeThickness: 1.2,
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
      zoomDuration: 180,
      gestureTarget: "graph",
    };
    const isDim = (a) => this.highlight !== null && !a.hl;
    this.sigma = new Sigma(this.graph, container, {
      settings,
      primitives: {
        nodes: {
          shapes: [sdfCircle(), sdfSquare({ cornerRadius: 0.15 }), sdfDiamond(), sdfTriangle()],
          layers: [layerFill()],
        },
        edges: {
          paths: [pathLine()],
          extremities: [extremityArrow({ lengthRatio: 3, widthRatio: 2.2 })],
          layers: [
            layerPlain({ color: { attribute: "solid", default: "transparent" } }),
            layerDashed({
              dashSize: { attribute: "dash", default: 0, mode: "pixels" },
              gapSize: { attribute: "gap", default: 0, mode: "pixels" },
              dashColor: { attribute: "color" },
            }),
          ],
        },
      },
      styles: {
        stage: { background: "transparent" },
        nodes: {
          x: { attribute: "x" },
          y: { attribute: "y" },
          shape: { attribute: "shape", defaultValue: "circle" },
          size: (a, s) => (s.isHovered || a.sel ? a.size * 1.3 : a.size),
          color: (a) => (a.missing ? theme.canvas : healthColor(a.health)),
          opacity: (a) => (a.fade ?? 1) * (isDim(a) ? 0.16 : 1),
          label: { attribute: "label" },
          labelColor: (a) => (isDim(a) ? theme.muted : theme.fg),
          labelSize: 11,
          labelFont: "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif",
          labelVisibility: (a, s) => (s.isHovered || a.sel || a.hl || a.root || a.missing ? "visible" : isDim(a) ? "hidden" : "auto"),
          visibility: (a) => (a.hidden ? "hidden" : "visible"),
          depth: (a, s) => (s.isHovered || a.sel || a.hl ? "topNodes" : "nodes"),
          cursor: "pointer",
        },
        edges: {
          size: (a) => (a.hot ? 0.55 : 0.22),
          color: (a) => a.color,
          solid: (a) => (a.dash ? "transparent" : a.color),
          opacity: (a) => (a.fade ?? 1) * (this.highlight !== null && !a.hl ? 0.08 : a.hot ? 1 : 0.7),
          head: "arrow",
          visibility: (a) => (a.hidden || (this.sparse && !a.hot && !a.hov && !(a.hl && this.highlight.size <= SPARSE_HIGHLIGHT)) ? "hidden" : "visible"),
          depth: (a) => (a.hot || a.hl ? "topEdges" : "edges"),
        },
      },
    });
    this.sigma.getCamera().minRatio = 0.02;

    this.boxCanvas = this.sigma.createCanvas("boxes", { beforeLayer: "stage" });
    this.decorCanvas = this.sigma.createCanvas("decor", { afterLayer: "stage" });
    this.decorCanvas.classList.add("no-pointer");
    this.sigma.on("beforeRender", () => {
      this.renderStart = performance.now();
    });
    this.sigma.on("afterRender", () => {
      this.frames++;
      this.drawBoxes();
      this.drawDecor();
      this.renderMs = performance.now() - this.renderStart;
      this.shownCamera = this.sigma.getCamera().getState();
      this.clearLayerMove();
      if (this.onFrame) this.onFrame();
    });
    this.installDeferral();
    this.sigma.on("resize", () => this.sizeCanvases());
    this.sizeCanvases();

    this.sigma.on("clickNode", ({ node }) => {
      handlers.hover(null);
      handlers.select(node);
    });
    this.sigma.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      const a = this.graph.getNodeAttributes(node);
      if (a.data.expandable) handlers.expand(node);
    });
    this.sigma.on("enterNode", ({ node, event }) => {
      this.hovered = node;
      this.setHoverEdges(node);
      handlers.hover({ node: this.graph.getNodeAttributes(node).data, x: event.x, y: event.y });
    });
    this.sigma.on("leaveNode", () => {
      this.hovered = null;
      this.setHoverEdges(null);
      handlers.hover(null);
    });
    this.sigma.on("moveBody", ({ event }) => {
      // Sigma follows the mouse over the whole window (for drags): only the canvas shows boxes.
      const target = event.original && event.original.target;
      if (this.hovered || (target && !this.container.contains(target))) {
        if (!this.hovered) handlers.hover(null);
        return;
      }
      const b = this.boxAt(event.x, event.y);
      handlers.hover(b ? { box: b, x: event.x, y: event.y } : null);
    });
    this.sigma.on("clickStage", ({ event }) => {
      const b = this.boxAt(event.x, event.y);
      handlers.clickStage(b);
    });
    this.sigma.getCamera().on("updated", () => handlers.hover(null));
  }

  /** Shows the edges of the hovered node when only some edges are drawn. */
  setHoverEdges(node) {
    if (!this.sparse) return;
    for (const e of this.hoverEdges) if (this.graph.hasEdge(e)) this.graph.setEdgeAttribute(e, "hov", false);
    this.hoverEdges = node && this.graph.hasNode(node) ? this.graph.edges(node) : [];
    for (const e of this.hoverEdges) this.graph.setEdgeAttribute(e, "hov", true);
  }

  /** Whether a big picture draws all its edges, or only those around the selection. */
  setAllEdges(all) {
    this.allEdges = all;
    if (!this.topo) return;
    this.sparse = this.drawsSparse();
    this.sigma.refresh();
  }

  /** Whether the picture is big enough to draw only the edges around its selection. */
  drawsSparse() {
    return !this.topo.summary && this.topo.edges.length > SPARSE_EDGES && !this.allEdges;
  }

  // --- moving without rendering ------------------------------------------------------------
  //
  // Under software WebGL (SwiftShader: no GPU) one full sigma render of 10k nodes takes far
  // longer than a frame, so a pan or zoom that renders on every move gets a frame or two a
  // second. When the last render took longer than a frame, a moving camera does not render:
  // the layers already drawn (boxes, stage, decor) are moved and scaled by a CSS transform,
  // which the compositor applies at the display's rate, and one render follows when the
  // camera comes to rest (the pointer released, inertia and wheel zoom done). What comes into
  // view during the move is blank until then. docs/benchmarks.md has the numbers.

  installDeferral() {
    const s = this.sigma;
    const schedule = s.scheduleRender.bind(s);
    this.renderMs = 0;
    this.shownCamera = null; // the camera of the picture on screen
    this.deferring = false;
    this.frameMoves = 0; // frames in which the layers were moved instead of rendered
    this.lastWheel = -Infinity;
    this.container.addEventListener("wheel", () => { this.lastWheel = performance.now(); }, { passive: true, capture: true });
    s.scheduleRender = () => {
      if (this.deferring) return s;
      if (this.shownCamera && this.renderMs > 20 && this.moving()) {
        this.deferring = true;
        const loop = () => {
          if (this.moving()) {
            this.moveLayers();
            requestAnimationFrame(loop);
          } else {
            this.deferring = false;
            schedule();
          }
        };
        this.moveLayers();
        requestAnimationFrame(loop);
        return s;
      }
      return schedule();
    };
  }

  /** The camera moves: a drag with the button down, an animation, a wheel zoom in progress. */
  moving() {
    const mc = this.sigma.mouseCaptor;
    const tc = this.sigma.touchCaptor;
    return this.sigma.getCamera().isAnimating() || mc.isMouseDown || mc.currentWheelDirection !== 0 || (tc && tc.isMoving) || performance.now() - this.lastWheel < 150;
  }

  isDeferring() {
    return this.deferring;
  }

  /** Moves the drawn layers from the camera they were drawn with to the camera's state now. */
  moveLayers() {
    const s = this.sigma;
    const now = s.getCamera().getState();
    const was = this.shownCamera;
    if (!was) return;
    const key = `${now.x} ${now.y} ${now.ratio}`;
    if (key === this.movedTo) return;
    this.movedTo = key;
    const o0 = s.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: was });
    const o1 = s.framedGraphToViewport({ x: 1, y: 0 }, { cameraState: was });
    const n0 = s.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: now });
    const n1 = s.framedGraphToViewport({ x: 1, y: 0 }, { cameraState: now });
    const k = (n1.x - n0.x) / (o1.x - o0.x || 1);
    const tx = n0.x - k * o0.x;
    const ty = n0.y - k * o0.y;
    const t = `translate(${tx}px, ${ty}px) scale(${k})`;
    for (const c of this.container.querySelectorAll("canvas")) {
      c.style.transformOrigin = "0 0";
      c.style.transform = t;
    }
    this.layersMoved = true;
    this.frameMoves++;
  }

  clearLayerMove() {
    if (!this.layersMoved) return;
    this.layersMoved = false;
    this.movedTo = null;
    for (const c of this.container.querySelectorAll("canvas")) c.style.transform = "";
  }

  sizeCanvases() {
    const { width, height } = this.sigma.getDimensions();
    const dpr = window.devicePixelRatio || 1;
    for (const c of [this.boxCanvas, this.decorCanvas]) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    this.dpr = dpr;
  }

  // --- the topology ------------------------------------------------------------------------

  /** Draws a new picture (a new query, grouping, …): everything replaced, camera reset. */
  setTopology(topo, { keepCamera = false } = {}) {
    const t0 = performance.now();
    this.topo = topo;
    this.fading.clear();
    // Software WebGL spends most of a frame on edges: a large picture drops them (and the
    // labels) while the camera moves, and draws them again when it stops.
    const big = !topo.summary && topo.edges.length > 4000;
    // Beyond SPARSE_EDGES, edges are drawn only around the selected and hovered nodes (and
    // between highlighted ones) unless all are asked for: under software WebGL the 47k edges
    // of a 10k-node picture cost 7 s of its first render and every render after a move.
    this.sparse = this.drawsSparse();
    this.hoverEdges = [];
    this.sigma.setSetting("hideEdgesOnMove", big);
    this.sigma.setSetting("hideLabelsOnMove", big);
    this.setBoxes(topo.boxes);
    // One pass: a new graph built with every attribute it is drawn with (kind filter,
    // highlight, selection), handed to sigma once. Built node by node into the graph sigma
    // watches, then restyled, this was three full reprocesses of 10k nodes and 47k edges.
    const g = new Graph({ multi: true, type: "directed", allowSelfLoops: false });
    const hl = this.highlight;
    if (this.selected && !(topo.nodes || []).some((n) => n.id === this.selected)) this.selected = null;
    const sel = this.selected;
    for (const n of topo.summary ? [] : topo.nodes) {
      const a = this.nodeAttrs(n, n.x, n.y);
      a.hl = hl ? hl.has(n.id) : false;
      a.sel = n.id === sel;
      g.addNode(n.id, a);
    }
    for (const e of topo.summary ? [] : topo.edges) {
      if (!g.hasNode(e.from) || !g.hasNode(e.to) || g.hasEdge(e.id)) continue;
      const a = this.edgeAttrs(e, g.getNodeAttribute(e.to, "missing"));
      a.hidden = this.hiddenKinds.has(e.kind);
      a.hl = hl ? hl.has(e.from) && hl.has(e.to) : false;
      a.hot = sel !== null && (e.from === sel || e.to === sel);
      g.addDirectedEdgeWithKey(e.id, e.from, e.to, a);
    }
    this.graph = g;
    this.applied = { hl, sel };
    this.indexMembers();
    this.fixExtent();
    this.buildMs = performance.now() - t0;
    if (!keepCamera) this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    // The first frame of the new picture: setGraph processes and renders it at once.
    this.sigma.setGraph(g);
    this.firstFrameMs = this.renderMs;
  }

  /**
   * A refetched picture of the same view (live changes, a reset): existing nodes keep their
   * places, new ones appear near their box, removed ones fade. No relayout, no camera jump.
   */
  mergeTopology(topo) {
    const old = this.topo;
    this.topo = topo;
    if (!old || old.summary !== topo.summary) return this.setTopology(topo, { keepCamera: true });
    const boxes = topo.boxes.map((b) => {
      const prev = this.boxById.get(b.id);
      return prev ? { ...b, x: prev.x, y: prev.y, w: prev.w, h: prev.h } : b;
    });
    this.setBoxes(boxes);
    const next = new Set();
    for (const n of topo.summary ? [] : topo.nodes) {
      next.add(n.id);
      if (this.graph.hasNode(n.id)) {
        this.updateDrawNode(n);
      } else {
        const [x, y] = this.placeNear(n);
        this.addDrawNode(n, x, y);
        this.flashes.set(n.id, performance.now());
      }
    }
    for (const id of this.graph.nodes()) {
      if (!next.has(id) && !this.fading.has(id)) this.fadeOut(id);
    }
    const edges = new Set();
    for (const e of topo.summary ? [] : topo.edges) {
      edges.add(e.id);
      if (!this.graph.hasEdge(e.id)) this.addDrawEdge(e);
      else this.graph.mergeEdgeAttributes(e.id, { data: e });
    }
    for (const id of this.graph.edges()) {
      if (!edges.has(id) && !this.graph.getEdgeAttribute(id, "fade")) this.graph.dropEdge(id);
    }
    this.sigma.refresh();
    this.indexMembers();
    this.applyKindFilter();
    this.applyHighlightAttrs({ force: true });
    this.kick();
  }

  setBoxes(boxes) {
    this.boxes = boxes;
    this.boxById = new Map(boxes.map((b) => [b.id, b]));
    this.leafBoxes = boxes.filter((b) => !boxes.some((c) => c.parent === b.id));
  }

  fixExtent() {
    const roots = this.boxes.filter((b) => !b.parent);
    if (!roots.length) return;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const b of roots) {
      x1 = Math.min(x1, b.x);
      y1 = Math.min(y1, b.y);
      x2 = Math.max(x2, b.x + b.w);
      y2 = Math.max(y2, b.y + b.h);
    }
    // A fixed frame: nodes added later do not rescale what is drawn. Room at the top for the
    // cluster's name, at the bottom for the legend.
    const h = y2 - y1;
    this.sigma.setCustomBBox({ x: [x1, x2], y: [-(y2 + h * 0.12), -(y1 - h * 0.04)] });
  }

  nodeAttrs(n, x, y) {
    const [shape, base] = kindShape(n.kind);
    // The sick stand out a little, and win the label when labels would crowd.
    const size = (n.missing ? Math.max(base, 1.1) : base) * (n.state === "error" ? 1.15 : n.state === "warning" ? 1.07 : 1);
    return {
      x,
      y: -y,
      gx: x,
      gy: y,
      size,
      shape,
      label: nodeLabel(n),
      health: n.state,
      missing: n.missing,
      root: n.root_cause,
      kind: n.kind,
      data: n,
    };
  }

  addDrawNode(n, x, y) {
    this.graph.addNode(n.id, this.nodeAttrs(n, x, y));
  }

  updateDrawNode(n) {
    const a = this.graph.getNodeAttributes(n.id);
    if (a.health !== n.state) this.flashes.set(n.id, performance.now());
    this.graph.mergeNodeAttributes(n.id, {
      label: nodeLabel(n),
      health: n.state,
      missing: n.missing,
      root: n.root_cause,
      data: n,
    });
  }

  edgeAttrs(e, toMissing) {
    return {
      kind: e.kind,
      color: edgeColor(e.kind),
      dash: toMissing ? 5 : 0,
      gap: toMissing ? 4 : 0,
      data: e,
    };
  }

  addDrawEdge(e) {
    if (!this.graph.hasNode(e.from) || !this.graph.hasNode(e.to) || this.graph.hasEdge(e.id)) return;
    this.graph.addDirectedEdgeWithKey(e.id, e.from, e.to, this.edgeAttrs(e, this.graph.getNodeAttribute(e.to, "missing")));
  }

  indexMembers() {
    this.drawnOf = new Map();
    this.graph.forEachNode((id, a) => {
      this.drawnOf.set(id, id);
      for (const m of a.data.member_ids || []) if (!this.drawnOf.has(m)) this.drawnOf.set(m, id);
    });
  }

  /** The drawn node standing for an object (itself, or the collapsed owner it is in). */
  drawnFor(id) {
    return this.drawnOf.get(id) || null;
  }

  /** Where a new node goes: under the nodes of its kind in its box, else the box's corner. */
  placeNear(n) {
    const b = this.boxById.get(n.box);
    let col = null;
    let maxY = -Infinity;
    this.graph.forEachNode((_, a) => {
      if (a.data.box === n.box && a.kind === n.kind && !this.fading.has(a.data.id)) {
        col = a.gx;
        maxY = Math.max(maxY, a.gy);
      }
    });
    if (col !== null) {
      const y = maxY + 4;
      if (b && y > b.y + b.h - 2) this.growBox(b, y + 3 - (b.y + b.h));
      return [col, y];
    }
    if (b) {
      const y = b.y + b.h + 1;
      this.growBox(b, 5);
      return [b.x + 4, y];
    }
    return [n.x, n.y];
  }

  growBox(b, dh) {
    for (let cur = b; cur; cur = cur.parent ? this.boxById.get(cur.parent) : null) cur.h += dh;
  }

  fadeOut(id) {
    this.fading.set(id, performance.now());
    this.graph.forEachEdge(id, (e) => this.graph.setEdgeAttribute(e, "fade", 1));
    this.kick();
  }

  // --- live changes --------------------------------------------------------------------------

  /** Applies a batch of changes where it can at once; the caller refetches for the rest. */
  applyChanges(changes) {
    const owned = new Set(changes.filter((c) => c.type === "edge_added" && c.kind === "owns").map((c) => c.to));
    let touched = 0;
    for (const c of changes) {
      if (c.type === "health_changed" || c.type === "node_changed") {
        const d = this.drawnFor(c.id);
        if (!d) continue;
        touched++;
        this.flashes.set(d, performance.now());
        if (d === c.id) {
          const data = { ...this.graph.getNodeAttribute(d, "data"), state: c.state, reason: c.reason, missing: c.missing };
          this.graph.mergeNodeAttributes(d, { health: c.state, missing: c.missing, data });
        }
      } else if (c.type === "node_removed") {
        if (this.graph.hasNode(c.id) && !this.fading.has(c.id)) {
          touched++;
          this.fadeOut(c.id);
        }
      } else if (c.type === "node_added") {
        if (this.graph.hasNode(c.id) || owned.has(c.id) || !this.topo || this.topo.summary) continue;
        const box = this.boxFor(c);
        if (!box) continue;
        const n = {
          id: c.id, label: c.name, kind: c.kind, namespace: c.namespace, state: c.state, reason: c.reason,
          box, x: 0, y: 0, members: 0, member_ids: [], badge: null, expandable: false, missing: c.missing,
          root_cause: false, provisional: true,
        };
        const [x, y] = this.placeNear(n);
        this.addDrawNode(n, x, y);
        this.drawnOf.set(c.id, c.id);
        this.flashes.set(c.id, performance.now());
        touched++;
      } else if (c.type === "edge_added") {
        const id = `${c.from}|${c.kind}|${c.to}`;
        if (this.graph.hasNode(c.from) && this.graph.hasNode(c.to)) this.addDrawEdge({ id, ...c, count: 1 });
      } else if (c.type === "edge_removed") {
        const id = `${c.from}|${c.kind}|${c.to}`;
        if (this.graph.hasEdge(id)) this.graph.dropEdge(id);
      }
    }
    this.sigma.refresh();
    this.applyHighlightAttrs({ force: true });
    this.kick();
    return touched;
  }

  boxFor(c) {
    const cluster = c.id.split("/")[0];
    const g = this.topo?.grouping || "namespace";
    let id = null;
    if (g === "cluster") id = `cluster:${cluster}`;
    else if (g === "namespace") {
      id = c.namespace ? `cluster:${cluster}/namespace:${c.namespace}` : `cluster:${cluster}/cluster-scoped:cluster-scoped`;
    }
    return id && this.boxById.has(id) ? id : null;
  }

  // --- highlight, selection, paths --------------------------------------------------------

  /** Highlights these drawn nodes and dims the rest; null: nothing dimmed. */
  setHighlight(ids) {
    // Nothing to redraw when nothing was and nothing is highlighted (a full render is slow).
    if (!ids && !this.highlight) return;
    this.highlight = ids ? new Set(ids) : null;
    this.applyHighlightAttrs();
    this.kick();
  }

  applyHighlightAttrs({ force = false } = {}) {
    const hl = this.highlight;
    // Restyling every item costs a full reprocess in sigma: skip it when nothing changed.
    if (!force && this.applied && this.applied.hl === hl && this.applied.sel === this.selected) return;
    this.applied = { hl, sel: this.selected };
    this.graph.updateEachNodeAttributes((id, a) => {
      a.hl = hl ? hl.has(id) : false;
      a.sel = id === this.selected;
      return a;
    });
    const sel = this.selected;
    this.graph.updateEachEdgeAttributes((e, a, s, t) => {
      a.hl = hl ? hl.has(s) && hl.has(t) : false;
      a.hot = sel !== null && (s === sel || t === sel);
      return a;
    });
  }

  setSelected(id) {
    const sel = id && this.graph.hasNode(id) ? id : null;
    if (sel === this.selected && this.applied && this.applied.sel === sel) return;
    this.selected = sel;
    this.applyHighlightAttrs();
    this.kick();
  }

  /** A path to draw over the graph: `steps` are [parentId, childId] pairs of object ids. */
  setPath(steps, causes) {
    if (!steps) {
      if (!this.path) return;
      this.path = null;
      this.kick();
      return;
    }
    const segments = [];
    const nodes = new Set();
    const seen = new Set();
    for (const [a, b] of steps) {
      const da = a && this.drawnFor(a);
      const db = this.drawnFor(b);
      if (db) nodes.add(db);
      if (da) nodes.add(da);
      if (da && db && da !== db && !seen.has(`${da}>${db}`)) {
        seen.add(`${da}>${db}`);
        segments.push([da, db]);
      }
    }
    const causeSet = new Set((causes || []).map((c) => this.drawnFor(c)).filter(Boolean));
    this.path = { segments, nodes, causes: causeSet };
    this.kick();
  }

  neighbours(id) {
    if (!this.graph.hasNode(id)) return [];
    return [...new Set(this.graph.neighbors(id))].filter((n) => !this.fading.has(n));
  }

  /** The neighbour of `id` lying most in direction (dx, dy) (screen), else the nearest node there. */
  step(id, dx, dy) {
    const from = this.screenOf(id);
    if (!from) return null;
    const score = (n) => {
      const p = this.screenOf(n);
      const vx = p.x - from.x;
      const vy = p.y - from.y;
      const d = Math.hypot(vx, vy) || 1;
      const cos = (vx * dx + vy * dy) / d;
      return cos > 0.3 ? d / cos : Infinity;
    };
    let best = null;
    let bestScore = Infinity;
    for (const n of this.neighbours(id)) {
      const s = score(n);
      if (s < bestScore) [best, bestScore] = [n, s];
    }
    if (best) return best;
    this.graph.forEachNode((n, a) => {
      if (n === id || a.hidden || this.fading.has(n)) return;
      const s = score(n);
      if (s < bestScore) [best, bestScore] = [n, s];
    });
    return best;
  }

  screenOf(id) {
    if (!this.graph.hasNode(id)) return null;
    const a = this.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x: a.x, y: a.y });
  }

  /**
   * Keeps `id` in the part of the canvas the pane leaves free (`right` pixels are covered):
   * centres it there with `center`, else pans only when it is hidden.
   */
  reveal(id, { zoom = false, right = 0, center = false } = {}) {
    const p = this.screenOf(id);
    if (!p) return;
    const { width, height } = this.sigma.getDimensions();
    const free = Math.max(200, width - right);
    const margin = 60;
    const inside = p.x > margin && p.x < free - margin && p.y > margin && p.y < height - margin;
    if (inside && !center) return;
    const cam = this.sigma.getCamera();
    const ratio = zoom ? Math.min(cam.ratio, 0.5) : cam.ratio;
    // Where the node must go on screen, as an offset from the screen's centre, in framed units.
    const target = { x: free / 2, y: height / 2 };
    const d = this.sigma.getNodeDisplayData(id);
    const c = this.sigma.viewportToFramedGraph(target);
    const o = this.sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    const k = ratio / cam.ratio;
    cam.animate({ x: d.x - (c.x - o.x) * k, y: d.y - (c.y - o.y) * k, ratio }, { duration: 350 });
  }

  /** Pans (and zooms out if needed) so that all of `ids` lie in the part the pane leaves free. */
  revealAll(ids, { right = 0 } = {}) {
    const pts = ids.map((id) => this.screenOf(id)).filter(Boolean);
    if (!pts.length) return;
    const { width, height } = this.sigma.getDimensions();
    const free = Math.max(200, width - right);
    const m = 50;
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const label = 170; // labels run right of their nodes
    if (x1 > m && x2 < free - label && y1 > m && y2 < height - m) return;
    const cam = this.sigma.getCamera();
    const grow = Math.max(1, (x2 - x1 + m + label) / free, (y2 - y1 + 2 * m) / height);
    const ratio = cam.ratio * grow;
    const mid = this.sigma.viewportToFramedGraph({ x: (x1 + x2 + label - m) / 2, y: (y1 + y2) / 2 });
    const c = this.sigma.viewportToFramedGraph({ x: free / 2, y: height / 2 });
    const o = this.sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    cam.animate({ x: mid.x - (c.x - o.x) * grow, y: mid.y - (c.y - o.y) * grow, ratio }, { duration: 350 });
  }

  /** Moves the camera so that `id` is in view (zooming in when it is too small to read). */
  focus(id, { zoom = true } = {}) {
    const d = this.sigma.getNodeDisplayData(id);
    if (!d) return;
    const cam = this.sigma.getCamera();
    const ratio = zoom ? Math.min(cam.ratio, 0.45) : cam.ratio;
    cam.animate({ x: d.x, y: d.y, ratio }, { duration: 350 });
  }

  fit() {
    this.sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  }

  zoom(f) {
    const cam = this.sigma.getCamera();
    cam.animate({ ratio: cam.ratio / f }, { duration: 180 });
  }

  /** Edge kinds switched off in the legend. */
  setHiddenKinds(kinds) {
    this.hiddenKinds = new Set(kinds);
    this.applyKindFilter();
    this.kick();
  }

  applyKindFilter() {
    this.graph.updateEachEdgeAttributes((e, a) => {
      a.hidden = this.hiddenKinds.has(a.kind);
      return a;
    });
  }

  refreshColours() {
    this.graph.updateEachEdgeAttributes((e, a) => {
      a.color = edgeColor(a.kind);
      return a;
    });
    this.sigma.refresh();
  }

  kick() {
    this.sigma.scheduleRender();
    if ((this.fading.size || this.flashes.size) && !this.animating) {
      this.animating = true;
      const tick = () => {
        this.animate();
        if (this.fading.size || this.flashes.size) requestAnimationFrame(tick);
        else this.animating = false;
      };
      requestAnimationFrame(tick);
    }
  }

  animate() {
    const now = performance.now();
    for (const [id, t0] of this.fading) {
      const f = 1 - (now - t0) / 900;
      if (!this.graph.hasNode(id)) {
        this.fading.delete(id);
      } else if (f <= 0) {
        this.graph.dropNode(id);
        this.fading.delete(id);
        if (this.selected === id) this.selected = null;
      } else {
        this.graph.setNodeAttribute(id, "fade", f);
        this.graph.forEachEdge(id, (e) => this.graph.setEdgeAttribute(e, "fade", f));
      }
    }
    for (const [id, t0] of this.flashes) if (now - t0 > 2400) this.flashes.delete(id);
    this.sigma.scheduleRender();
  }

  // --- drawing the 2D layers ---------------------------------------------------------------

  boxRect(b) {
    const p1 = this.sigma.graphToViewport({ x: b.x, y: -b.y });
    const p2 = this.sigma.graphToViewport({ x: b.x + b.w, y: -(b.y + b.h) });
    return { x: Math.min(p1.x, p2.x), y: Math.min(p1.y, p2.y), w: Math.abs(p2.x - p1.x), h: Math.abs(p2.y - p1.y) };
  }

  /** The innermost box under a point of the canvas. */
  boxAt(x, y) {
    let found = null;
    for (const b of this.boxes) {
      const r = this.boxRect(b);
      if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) found = b;
    }
    return found;
  }

  drawBoxes() {
    const ctx = this.boxCanvas.getContext("2d");
    const { width, height } = this.sigma.getDimensions();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const summary = this.topo?.summary;
    // Headers drawn so far: zoomed out, a box's header (above it) can fall on its parent's, and
    // one that would is left out rather than drawn over it.
    const headers = [];
    for (const b of this.boxes) {
      const r = this.boxRect(b);
      if (r.x > width || r.y > height || r.x + r.w < 0 || r.y + r.h < 0 || r.w < 2) continue;
      const cluster = b.kind === "cluster";
      const sick = b.state === "error" || b.state === "warning";
      const hc = healthColor(b.state);
      ctx.beginPath();
      roundRect(ctx, r.x, r.y, r.w, r.h, Math.min(8, r.w / 8));
      if (!cluster) {
        ctx.fillStyle = summary ? alpha(hc, theme.dark ? 0.22 : 0.14) : theme.box;
        ctx.fill();
      }
      ctx.lineWidth = cluster ? 1.5 : sick ? 2 : 1;
      ctx.strokeStyle = sick ? alpha(hc, 0.85) : theme.box_line;
      if (cluster) ctx.setLineDash([6, 4]);
      ctx.stroke();
      ctx.setLineDash([]);
      if (r.w < 40 || r.h < 18) continue;
      // The header: name and counts.
      const total = b.counts.ok + b.counts.unknown + b.counts.warning + b.counts.error;
      ctx.font = `${cluster ? 600 : 600} 12.5px ${FONT}`;
      ctx.textBaseline = "top";
      const tx = r.x + 8;
      // Inside the box when its padding holds a line of text, else just above it.
      const pad = (4 * r.h) / b.h;
      const ty = cluster || pad < 21 ? r.y - 17 : r.y + 5;
      if (ty < 0) continue;
      const hw = r.w - 8;
      if (headers.some((h) => tx < h.x + h.w && h.x < tx + hw && ty < h.y + 16 && h.y < ty + 16)) continue;
      headers.push({ x: tx, y: ty, w: hw });
      ctx.fillStyle = theme.fg;
      const label = cluster ? `cluster ${b.label}` : b.label;
      ctx.fillText(clip(ctx, label, r.w - 16), tx, ty);
      let x = tx + Math.min(ctx.measureText(label).width, r.w - 16) + 10;
      ctx.font = `12px ${FONT}`;
      const parts = [];
      if (b.counts.error) parts.push(["error", `${b.counts.error} error`]);
      if (b.counts.warning) parts.push(["warning", `${b.counts.warning} warning`]);
      parts.push(["muted", `${total} object${total === 1 ? "" : "s"}`]);
      for (const [cls, text] of parts) {
        const w = ctx.measureText(text).width;
        if (x + w + 14 > r.x + r.w) break;
        if (cls !== "muted") {
          ctx.fillStyle = healthColor(cls);
          ctx.beginPath();
          ctx.arc(x + 4, ty + 7, 4, 0, Math.PI * 2);
          ctx.fill();
          x += 11;
        }
        ctx.fillStyle = cls === "muted" ? theme.muted : healthColor(cls);
        ctx.fillText(text, x, ty);
        x += w + 10;
      }
      if (summary && !cluster && r.h > 60) {
        ctx.fillStyle = theme.muted;
        ctx.font = `12px ${FONT}`;
        ctx.fillText("click to open", tx, r.y + r.h - 20);
      }
    }
  }

  drawDecor() {
    const ctx = this.decorCanvas.getContext("2d");
    const { width, height } = this.sigma.getDimensions();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!this.topo || this.topo.summary) return;
    const ratio = this.sigma.getGraphToViewportRatio() / this.sigma.getCamera().ratio;
    const radius = (id) => this.graph.getNodeAttribute(id, "size") * ratio;
    const visible = (p, r) => p.x + r > 0 && p.y + r > 0 && p.x - r < width && p.y - r < height;

    // Why path, under the marks.
    if (this.path) {
      ctx.lineCap = "round";
      ctx.strokeStyle = alpha(theme.path, 0.55);
      ctx.lineWidth = Math.max(4, Math.min(10, ratio * 0.9));
      for (const [a, b] of this.path.segments) {
        const pa = this.screenOf(a);
        const pb = this.screenOf(b);
        if (!pa || !pb) continue;
        ctx.beginPath();
        ctx.moveTo(pa.x, pa.y);
        ctx.lineTo(pb.x, pb.y);
        ctx.stroke();
      }
      for (const id of this.path.nodes) {
        const p = this.screenOf(id);
        if (!p) continue;
        const r = Math.max(6, radius(id) + 4);
        ctx.beginPath();
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = theme.path;
        ctx.stroke();
      }
    }
    // Missing objects: hollow, with a dashed ring; root causes: a second ring and a tag.
    this.graph.forEachNode((id, a) => {
      if (!a.missing && !a.root && !(this.path && this.path.causes.has(id))) return;
      if (a.hidden) return;
      const p = this.sigma.graphToViewport({ x: a.x, y: a.y });
      const r = Math.max(3, radius(id));
      if (!visible(p, r + 60)) return;
      const hc = healthColor(a.health);
      const dim = this.highlight !== null && !a.hl;
      ctx.globalAlpha = (a.fade ?? 1) * (dim ? 0.2 : 1);
      if (a.missing) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
        ctx.setLineDash([Math.max(2, r / 2.5), Math.max(2, r / 3.5)]);
        ctx.lineWidth = Math.max(1.5, r / 4);
        ctx.strokeStyle = hc;
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (a.root || (this.path && this.path.causes.has(id))) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, r + Math.max(3, r / 2), 0, Math.PI * 2);
        ctx.lineWidth = 2;
        ctx.strokeStyle = hc;
        ctx.stroke();
        if (r > 4) {
          ctx.font = `600 11px ${FONT}`;
          ctx.textBaseline = "bottom";
          const text = "root cause";
          const w = ctx.measureText(text).width + 8;
          const x = p.x - w / 2;
          const y = p.y - r - Math.max(3, r / 2) - 4;
          ctx.fillStyle = hc;
          ctx.beginPath();
          roundRect(ctx, x, y - 15, w, 15, 3);
          ctx.fill();
          ctx.fillStyle = "#ffffff";
          ctx.fillText(text, x + 4, y - 1);
        }
      }
      ctx.globalAlpha = 1;
    });
    // Badges of collapsed owners: `2/3 pods` under the node, coloured by how many are ready.
    ctx.font = `600 10px ${FONT}`;
    ctx.textBaseline = "middle";
    this.graph.forEachNode((id, a) => {
      const badge = a.data.badge;
      if (!badge || a.hidden) return;
      const r = radius(id);
      if (r < 3.5) return;
      const p = this.sigma.graphToViewport({ x: a.x, y: a.y });
      if (!visible(p, 60)) return;
      const [ready, total] = badge.split(" ")[0].split("/").map(Number);
      const colour = ready === total ? theme.ok : ready === 0 ? theme.error : theme.warning;
      const w = ctx.measureText(badge).width + 8;
      const x = p.x - Math.min(r, w / 2);
      const y = p.y + r + 1;
      const dim = this.highlight !== null && !a.hl;
      ctx.globalAlpha = (a.fade ?? 1) * (dim ? 0.25 : 1);
      ctx.beginPath();
      roundRect(ctx, x, y, w, 12, 6);
      ctx.fillStyle = theme.canvas;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = colour;
      ctx.stroke();
      ctx.fillStyle = colour;
      ctx.fillText(badge, x + 4, y + 6.5);
      ctx.globalAlpha = 1;
    });
    // The selection.
    if (this.selected && this.graph.hasNode(this.selected)) {
      const p = this.screenOf(this.selected);
      const r = Math.max(7, radius(this.selected) * 1.3 + 5);
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = theme.select;
      ctx.stroke();
    }
    // Flashes: what a live change touched.
    const now = performance.now();
    for (const [id, t0] of this.flashes) {
      if (!this.graph.hasNode(id)) continue;
      const p = this.screenOf(id);
      const k = (now - t0) / 2400;
      const r = Math.max(6, radius(id)) + 4 + k * 26;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
      ctx.lineWidth = 3;
      ctx.strokeStyle = alpha(theme.accent, Math.max(0, 1 - k));
      ctx.stroke();
    }
  }

  // --- for export and tests ----------------------------------------------------------------

  /** The canvas as one image (boxes, WebGL, decorations) on the page background. */
  snapshot() {
    return new Promise((resolve) => {
      this.sigma.once("afterRender", () => {
        const stage = this.sigma.getStageCanvas();
        const out = document.createElement("canvas");
        out.width = stage.width;
        out.height = stage.height;
        const ctx = out.getContext("2d");
        ctx.fillStyle = theme.canvas;
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(this.boxCanvas, 0, 0, out.width, out.height);
        ctx.drawImage(stage, 0, 0, out.width, out.height);
        ctx.drawImage(this.decorCanvas, 0, 0, out.width, out.height);
        resolve(out);
      });
      this.sigma.refresh();
    });
  }

  drawnNodes() {
    return this.graph.filterNodes((id) => !this.fading.has(id));
  }
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

function roundRect(ctx, x, y, w, h, r) {
  const rr = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

function clip(ctx, text, max) {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}

export { STATE_RANK };
