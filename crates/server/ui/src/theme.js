// Colours, read from the page's CSS variables (light, or dark when the system prefers it), so
// the canvas and the page never disagree. Health: error red, warning amber, unknown grey, ok
// green, in shades readable on both backgrounds.

const VARS = [
  "bg", "canvas", "panel", "fg", "muted", "line", "box", "box-line", "accent", "ok", "warning",
  "error", "unknown", "path", "select",
];

export const theme = { dark: false };

export function readTheme() {
  const cs = getComputedStyle(document.documentElement);
  for (const v of VARS) theme[v.replace("-", "_")] = cs.getPropertyValue(`--${v}`).trim() || "#888";
  theme.dark = matchMedia("(prefers-color-scheme: dark)").matches;
  return theme;
}

export function onThemeChange(fn) {
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    readTheme();
    fn();
  });
}

export function healthColor(state) {
  return theme[state] || theme.unknown;
}

/** `#rrggbb` with an alpha, for canvas fills. */
export function alpha(hex, a) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

// Edge kinds (docs/relations.md): colours away from the health colours, so a red line is only
// ever a problem path.
const EDGE_LIGHT = {
  owns: "#8c959f", selects: "#0969da", routes: "#8250df", backs: "#a371f7", mounts: "#1b7c83",
  uses: "#0a8fb8", binds: "#bf3989", provisions: "#6639ba", runs_on: "#57606a", scales: "#953800",
  applies_to: "#0550ae", attaches: "#6e7781",
};
const EDGE_DARK = {
  owns: "#6e7681", selects: "#4493f8", routes: "#a371f7", backs: "#bc8cff", mounts: "#39c5cf",
  uses: "#56d4dd", binds: "#db61a2", provisions: "#8957e5", runs_on: "#8b949e", scales: "#f0883e",
  applies_to: "#79c0ff", attaches: "#8b949e",
};

export function edgeColor(kind) {
  return (theme.dark ? EDGE_DARK : EDGE_LIGHT)[kind] || theme.muted;
}

export const EDGE_HELP = {
  owns: "owns (controller of)",
  selects: "selects (label selector)",
  routes: "routes traffic to",
  backs: "backs (endpoints)",
  mounts: "mounts as a volume",
  uses: "uses (env, pull secret, account)",
  binds: "binds (claim ↔ volume)",
  provisions: "provisions (storage class)",
  runs_on: "runs on (node)",
  scales: "scales",
  applies_to: "applies to (policy)",
  attaches: "attaches",
};
