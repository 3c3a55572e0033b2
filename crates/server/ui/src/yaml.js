// A small YAML writer for JSON values, used for Secrets only: their data is shown as keys, with
// every value replaced, whatever the API sends (it sends none: kubegraph never reads them).

export function secretSafe(object) {
  const o = structuredClone(object || {});
  for (const field of ["data", "stringData"]) {
    if (o[field] && typeof o[field] === "object") {
      o[field] = Object.fromEntries(Object.keys(o[field]).map((k) => [k, "(value not shown)"]));
    }
  }
  const ann = o.metadata?.annotations;
  if (ann) delete ann["kubectl.kubernetes.io/last-applied-configuration"];
  return o;
}

function scalar(v) {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = String(v);
  if (s === "" || /^[\s-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|^(true|false|null|yes|no|~|[-+]?[0-9.]+)$/i.test(s) || s.includes("\n")) {
    return JSON.stringify(s);
  }
  return s;
}

export function toYaml(v, indent = "") {
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    return v
      .map((x) => {
        const inner = toYaml(x, `${indent}  `);
        return typeof x === "object" && x !== null && Object.keys(x).length
          ? `${indent}- ${inner.trimStart()}`
          : `${indent}- ${inner}`;
      })
      .join("\n");
  }
  if (v && typeof v === "object") {
    const keys = Object.keys(v);
    if (!keys.length) return "{}";
    return keys
      .map((k) => {
        const x = v[k];
        const key = scalar(k);
        if (x && typeof x === "object" && (Array.isArray(x) ? x.length : Object.keys(x).length)) {
          return `${indent}${key}:\n${toYaml(x, Array.isArray(x) ? indent : `${indent}  `)}`;
        }
        return `${indent}${key}: ${toYaml(x, `${indent}  `)}`;
      })
      .join("\n");
  }
  return scalar(v);
}
