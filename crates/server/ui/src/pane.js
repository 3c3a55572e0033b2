// The detail pane of the selected object: identity, health and reason, the component actions
// (why, dependencies, pods, config and storage, reachability), events, relations in and out
// (each a link), labels, annotations and the YAML (Secrets: keys only).

import { api, ApiError, hasRoute, queryFor } from "./api.js";
import { ago, fill, h } from "./dom.js";
import { EDGE_HELP } from "./theme.js";
import { secretSafe, toYaml } from "./yaml.js";

const POD_SPEC = new Set(["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"]);
const HAS_PODS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "Service"]);

export function healthDot(state, missing) {
  return h("span", { class: `hdot ${missing ? "hollow" : state}`, title: missing ? "missing" : state, "aria-hidden": "true" });
}

function healthWord(state) {
  return h("span", { class: `hlabel ${state}` }, state);
}

export class Pane {
  constructor(el, app) {
    this.el = el;
    this.app = app;
    this.id = null;
    this.token = 0;
    this.action = null; // the action shown, re-run on refresh
  }

  close() {
    this.id = null;
    this.action = null;
    this.el.hidden = true;
    fill(this.el);
  }

  /** Shows an object (its export id); `keepAction` re-runs the open action (live refresh). */
  async show(id, { keepAction = false } = {}) {
    const token = ++this.token;
    if (this.id !== id) this.action = null;
    else if (!keepAction) this.action = null;
    this.id = id;
    this.el.hidden = false;
    let d;
    try {
      d = await api.node(id);
    } catch (e) {
      if (token !== this.token) return;
      fill(
        this.el,
        this.closeButton(),
        h("h2", null, id.split("/").slice(-1)[0]),
        h("p", { class: "note" }, e instanceof ApiError && e.status === 404 ? "This object is no longer in the landscape." : `Could not load it: ${e.message}`),
      );
      return;
    }
    if (token !== this.token) return;
    this.detail = d;
    this.render(d);
    if (this.action) this.run(this.action.name, this.action.arg);
  }

  closeButton() {
    return h("button", { type: "button", class: "btn ghost close", "aria-label": "Close details (Esc)", title: "Close (Esc)", onclick: () => this.app.clearSelection() }, "✕");
  }

  link(id, text, state, missing) {
    return h(
      "span",
      null,
      state ? [healthDot(state, missing), " "] : null,
      h("button", { type: "button", class: "link", dataset: { id }, onclick: () => this.app.select(id, { focus: true }) }, text),
    );
  }

  render(d) {
    const drawn = this.app.drawnNode(d.id);
    const drawnId = this.app.drawnFor(d.id);
    const badges = [];
    if (d.missing) badges.push(h("span", { class: "badge missing" }, "missing: referenced, does not exist"));
    if (drawn && drawn.root_cause) badges.push(h("span", { class: "badge root" }, "root cause"));
    const facts = [d.kind, d.namespace ? `namespace ${d.namespace}` : "cluster-scoped", `cluster ${d.cluster}`];
    if (d.age) facts.push(`age ${d.age}`);

    const standsFor = [];
    if (drawn && drawnId === d.id && drawn.members > 0) {
      standsFor.push(
        h(
          "p",
          { class: "note" },
          `Drawn as one node for itself and ${drawn.members} owned object${drawn.members === 1 ? "" : "s"}${drawn.badge ? ` (${drawn.badge})` : ""}. `,
          drawn.expandable ? h("button", { type: "button", class: "link", onclick: () => this.app.expand(d.id) }, "Expand on the canvas") : null,
        ),
      );
    } else if (drawnId && drawnId !== d.id) {
      standsFor.push(
        h(
          "p",
          { class: "note" },
          "On the canvas inside ",
          h("button", { type: "button", class: "link", onclick: () => this.app.select(drawnId, { focus: true }) }, drawnId.split("/").slice(2).join(" ")),
          ". ",
          h("button", { type: "button", class: "link", onclick: () => this.app.expand(drawnId) }, "Expand it"),
        ),
      );
    } else if (!drawnId) {
      standsFor.push(h("p", { class: "note" }, "Not drawn in this view."));
    }
    if (this.app.isExpanded(d.id)) {
      standsFor.push(h("p", { class: "note" }, h("button", { type: "button", class: "link", onclick: () => this.app.collapse(d.id) }, "Collapse its owned objects again")));
    }

    const actions = h("div", { class: "actions", role: "group", "aria-label": "Actions" });
    const act = (name, text, title, arg) =>
      h("button", { type: "button", class: "btn", title, onclick: () => this.run(name, arg ? arg() : undefined) }, text);
    actions.append(act("why", "Why?", "The causal path down to the root causes, and what to fix"));
    const depth = h("input", { type: "number", min: 1, max: 32, value: 3, "aria-label": "Dependency depth", title: "Depth" });
    actions.append(act("deps", "Dependencies", "What it depends on, as deep as the number says", () => Number(depth.value) || 3), depth);
    if (HAS_PODS.has(d.kind)) actions.append(act("pods", "Pods", "Its pods"));
    if (POD_SPEC.has(d.kind)) actions.append(act("config", "Config & storage", "Config maps, secrets, service account, claims, volumes, classes"));
    if (POD_SPEC.has(d.kind) || d.kind === "Service") {
      actions.append(act("reachIn", "Who can reach it", "Workloads whose connections the network policies admit, with ports"));
      actions.append(act("reachOut", "Whom it reaches", "Workloads it may connect to, with ports"));
    }
    this.resultEl = h("div", { class: "result-wrap", "aria-live": "polite" });

    const events = d.events.length
      ? d.events.map((e) =>
          h(
            "div",
            { class: "event" },
            h("span", { class: `cat ${e.category}` }, e.category),
            " ",
            h("b", null, e.reason),
            e.count > 1 ? ` ×${e.count}` : "",
            " ",
            h("span", { class: "when", title: e.last || "" }, e.last ? ago(e.last, this.app.now()) : ""),
            h("div", null, e.message),
          ),
        )
      : [h("p", { class: "note" }, "No events.")];

    const group = (edges, dir) => {
      const by = new Map();
      for (const e of edges) {
        if (!by.has(e.kind)) by.set(e.kind, []);
        by.get(e.kind).push(e);
      }
      const out = [];
      for (const [kind, list] of [...by].sort((a, b) => a[0].localeCompare(b[0]))) {
        out.push(h("div", { class: "group-title", title: EDGE_HELP[kind] || kind }, dir === "out" ? `${kind} →` : `← ${kind}`));
        out.push(
          h(
            "ul",
            { class: "rows" },
            list.map((e) => h("li", null, this.link(e.other.id, e.label, e.state, e.other.missing), attrText(e.attrs) ? h("span", { class: "how" }, attrText(e.attrs)) : null)),
          ),
        );
      }
      return out.length ? out : [h("p", { class: "note" }, "None.")];
    };

    const kv = (m) => {
      const keys = Object.keys(m || {});
      if (!keys.length) return h("p", { class: "note" }, "None.");
      return h("dl", null, keys.map((k) => [h("dt", null, k), h("dd", null, m[k])]));
    };

    let yaml;
    if (d.kind === "Secret" && d.group === "") {
      const keys = Object.keys(d.object?.data || {}).concat(Object.keys(d.object?.stringData || {}));
      yaml = [
        h("p", { class: "note" }, keys.length ? `Keys: ${keys.join(", ")}. Values are never read by kubegraph.` : "No keys. Values are never read by kubegraph."),
        h("pre", { class: "yaml" }, toYaml(secretSafe(d.object))),
      ];
    } else {
      yaml = [h("pre", { class: "yaml" }, d.yaml || "")];
    }

    fill(
      this.el,
      this.closeButton(),
      h("div", { class: "kind-line" }, facts.join(" · ")),
      h("h2", { id: "pane-title" }, d.name),
      badges.length ? h("div", { class: "kind-line" }, badges) : null,
      h("div", { class: "health" }, healthDot(d.state, d.missing), h("div", null, healthWord(d.state), h("div", { class: "reason" }, d.reason))),
      standsFor,
      actions,
      this.resultEl,
      h("h3", null, "Events, newest first"),
      events,
      h("h3", null, "Relations out"),
      group(d.out_edges.filter((e) => e.kind !== "contains" && e.kind !== "about"), "out"),
      h("h3", null, "Relations in"),
      group(d.in_edges.filter((e) => e.kind !== "about"), "in"),
      h("h3", null, "Labels"),
      kv(d.labels),
      h("h3", null, "Annotations"),
      kv(d.annotations),
      h("details", null, h("summary", null, h("h3", { class: "inline" }, "YAML")), yaml),
    );
    this.el.setAttribute("aria-labelledby", "pane-title");
  }

  async run(name, arg) {
    const id = this.id;
    this.action = { name, arg };
    const box = h("div", { class: "result" }, h("p", { class: "note" }, "…"));
    fill(this.resultEl, box);
    try {
      if (name === "why") await this.why(id, box);
      else if (name === "deps") await this.deps(id, arg, box);
      else if (name === "pods") await this.rows(id, box, "pods");
      else if (name === "config") await this.rows(id, box, "config");
      else if (name === "reachIn") await this.reach(id, box, "in");
      else if (name === "reachOut") await this.reach(id, box, "out");
    } catch (e) {
      if (this.id === id) fill(box, h("p", { class: "note" }, e.message), e.hint ? h("p", { class: "note" }, e.hint) : null);
    }
  }

  async why(id, box) {
    const w = await api.why(id);
    if (this.id !== id) return;
    const steps = [];
    const causes = [];
    const content = [];
    for (const x of w.explanations) {
      const walk = (s, parent) => {
        steps.push([parent, s.id]);
        for (const a of s.also) steps.push([s.id, a.id]);
        s.children.forEach((c) => walk(c, s.id));
      };
      walk(x.tree, null);
      causes.push(...x.root_causes.map((c) => c.id));
      if (x.healthy) {
        content.push(h("p", null, healthDot("ok"), " ", `${x.target.kind} ${x.target.name} is healthy, and so is everything it depends on.`));
        continue;
      }
      const tree = (s) =>
        h(
          "li",
          null,
          s.via ? h("span", { class: "via" }, `${s.via} → `) : null,
          this.link(s.id, `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`, s.state, s.missing),
          s.root_cause ? [" ", h("span", { class: "badge root" }, "root cause")] : null,
          h("span", { class: "r-reason" }, s.reason),
          s.events.map((e) => h("span", { class: "r-reason" }, `${e.reason}${e.count > 1 ? ` ×${e.count}` : ""}: ${e.message}`)),
          s.children.length ? h("ul", { class: "tree" }, s.children.map(tree)) : null,
        );
      content.push(h("ul", { class: "tree top" }, tree(x.tree)));
      for (const c of x.root_causes) {
        content.push(
          h("div", { class: "fix" }, h("b", null, "Fix: "), c.fix, h("div", { class: "r-reason" }, `${c.kind} ${c.namespace ? `${c.namespace}/` : ""}${c.name}: ${c.reason}`)),
        );
      }
    }
    const missing = this.app.setPath("why", steps, causes);
    fill(box, h("h4", null, "Why"), content, this.notDrawn(missing));
  }

  notDrawn(ids) {
    if (!ids.length) return null;
    return h(
      "p",
      { class: "note" },
      `${ids.length} of these objects ${ids.length === 1 ? "is" : "are"} not in this view. `,
      h("button", { type: "button", class: "link", onclick: () => this.app.drawOnly(ids) }, "Draw only these"),
    );
  }

  async deps(id, depth, box) {
    const trees = await api.deps(id, depth);
    if (this.id !== id) return;
    const steps = [];
    const walk = (d, parent) => {
      steps.push([parent, d.id]);
      d.children.forEach((c) => walk(c, d.id));
    };
    trees.forEach((t) => walk(t, null));
    const item = (d) =>
      h(
        "li",
        null,
        d.via ? h("span", { class: "via" }, `${d.via} → `) : null,
        this.link(d.id, d.label, d.state, d.label.endsWith("(missing)")),
        d.reason && d.state !== "ok" ? h("span", { class: "r-reason" }, d.reason) : null,
        d.note ? h("span", { class: "r-reason" }, d.note) : null,
        d.children.length ? h("ul", { class: "tree" }, d.children.map(item)) : null,
      );
    const missing = this.app.setPath("deps", steps, []);
    fill(box, h("h4", null, `Dependencies, ${depth} level${depth === 1 ? "" : "s"} deep`), h("ul", { class: "tree top" }, trees.map(item)), this.notDrawn(missing));
  }

  async rows(id, box, which) {
    const v = which === "pods" ? await api.pods(id) : await api.config(id);
    if (this.id !== id) return;
    const rows = which === "pods" ? v.pods : v.config;
    const missing = this.app.setPath(which, rows.map((r) => [id, r.id]), []);
    fill(
      box,
      h("h4", null, which === "pods" ? `Pods (${rows.length})` : `Config and storage (${rows.length})`),
      rows.length
        ? h("ul", { class: "rows" }, rows.map((r) => h("li", null, h("div", null, this.link(r.id, `${r.kind} ${r.name}`, r.state, r.missing), r.how ? h("span", { class: "how" }, ` ${r.how.trim()}`) : null, r.state !== "ok" && r.reason ? h("span", { class: "r-reason" }, r.reason) : null))))
        : h("p", { class: "note" }, which === "pods" ? "No pods." : "Nothing referenced."),
      this.notDrawn(missing),
    );
  }

  async reach(id, box, dir) {
    const q = queryFor(id);
    const query = dir === "out" ? `${q} -can_reach-> is(pod)` : `${q} <-can_reach- is(pod)`;
    const found = await api.search(query);
    if (this.id !== id) return;
    // Ports come from /api/v1/reach when the server has it; without it the list still stands.
    const peers = found.nodes.slice(0, 40);
    const ports = new Map();
    const portsAvailable = await hasRoute("/api/v1/reach");
    for (const p of portsAvailable ? peers.slice(0, 12) : []) {
      try {
        const r = dir === "out" ? await api.reach(id, p.id) : await api.reach(p.id, id);
        ports.set(p.id, r.allowed ? r.connections || "all ports" : "denied");
      } catch {
        // A peer the server cannot pair: listed without ports.
      }
    }
    this.app.setPath(dir === "out" ? "reach" : "reached", peers.map((p) => (dir === "out" ? [id, p.id] : [p.id, id])), []);
    fill(
      box,
      h("h4", null, dir === "out" ? `Whom it reaches (${found.nodes.length} pods)` : `Who can reach it (${found.nodes.length} pods)`),
      peers.length
        ? h("ul", { class: "rows" }, peers.map((p) => h("li", null, this.link(p.id, `${p.kind} ${p.namespace ? `${p.namespace}/` : ""}${p.name}`, null, p.missing), ports.has(p.id) ? h("span", { class: "how" }, ports.get(p.id)) : null)))
        : h("p", { class: "note" }, dir === "out" ? "The network policies let it connect to no pod." : "The network policies let no pod connect to it."),
      found.nodes.length > peers.length ? h("p", { class: "note" }, `and ${found.nodes.length - peers.length} more`) : null,
      !portsAvailable ? h("p", { class: "note" }, "Ports per connection need /api/v1/reach, which this server does not have yet; `kubegraph connectivity` lists them.") : null,
    );
  }
}

function attrText(a) {
  if (!a || typeof a !== "object") return "";
  const parts = [];
  if (Array.isArray(a.via)) parts.push(a.via.join(", "));
  if (Array.isArray(a.keys) && a.keys.length) parts.push(`keys ${a.keys.join(", ")}`);
  if (Array.isArray(a.volumes) && a.volumes.length) parts.push(`volume ${a.volumes.join(", ")}`);
  if (a.optional) parts.push("optional");
  if (a.controller) parts.push("controller");
  return parts.length ? ` ${parts.join("; ")}` : "";
}
