// Completion for the search box: the server's (`/api/v1/complete`, what the shell's Tab
// completes) when it has it, else a small built-in list of the language's words. Offsets are
// byte offsets of the UTF-8 query, as in the server's error spans.

import { api, ApiError, hasRoute } from "./api.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

export function charToByte(s, i) {
  return enc.encode(s.slice(0, i)).length;
}

export function byteToChar(s, b) {
  return dec.decode(enc.encode(s).slice(0, b)).length;
}

const WORDS = [
  ["is(pod)", "kind"], ["is(deployment)", "kind"], ["is(statefulset)", "kind"], ["is(daemonset)", "kind"],
  ["is(replicaset)", "kind"], ["is(job)", "kind"], ["is(cronjob)", "kind"], ["is(service)", "kind"],
  ["is(ingress)", "kind"], ["is(configmap)", "kind"], ["is(secret)", "kind"], ["is(serviceaccount)", "kind"],
  ["is(pvc)", "kind"], ["is(pv)", "kind"], ["is(storageclass)", "kind"], ["is(node)", "kind"],
  ["is(networkpolicy)", "kind"], ["is(workload)", "kind"], ["is(config)", "kind"], ["is(volume)", "kind"],
  ["health = error", "value"], ["health = warning", "value"], ["health != ok", "value"], ["health.reason ~ ", "path"],
  ["namespace = ", "path"], ["name = ", "path"], ["name ~ ", "path"], ["kind = ", "path"], ["labels.app = ", "path"],
  ["missing", "keyword"], ["age > 1d", "value"], ["status.phase = ", "path"], ["spec.replicas", "path"],
  ["and", "keyword"], ["or", "keyword"], ["not", "keyword"], ["has(", "keyword"], ["with(any, ", "keyword"],
  ["-->", "edge"], ["<--", "edge"], ["-owns->", "edge"], ["<-owns-", "edge"], ["-selects->", "edge"], ["<-selects-", "edge"],
  ["-uses->", "edge"], ["<-uses-", "edge"], ["-mounts->", "edge"], ["-routes->", "edge"], ["-binds->", "edge"],
  ["-runs_on->", "edge"], ["-can_reach->", "edge"], ["<-can_reach-", "edge"],
  ["| count", "command"], ["| list", "command"], ["| sort name", "command"], ["| head 10", "command"],
];

function local(q, pos) {
  // The word before the caret: letters, digits and the punctuation words are made of.
  let start = pos;
  while (start > 0 && /[\w.()<>|=!~-]/.test(q[start - 1])) start--;
  const word = q.slice(start, pos).toLowerCase();
  if (!word) return { from: start, to: pos, items: [] };
  const items = WORDS.filter(([w]) => w.toLowerCase().startsWith(word) && w.toLowerCase() !== word)
    .slice(0, 12)
    .map(([text, kind]) => ({ text, kind }));
  return { from: start, to: pos, items };
}

let serverHas = null; // unknown until asked

/** Completions at `pos` (a character offset): `{from, to, items}` in character offsets. */
export async function complete(q, pos, signal) {
  if (serverHas === null) serverHas = (await hasRoute("/api/v1/complete")) ? true : false;
  if (serverHas !== false) {
    try {
      const r = await api.complete(q, charToByte(q, pos), signal);
      serverHas = true;
      return { from: byteToChar(q, r.from), to: byteToChar(q, r.to), items: r.items || [], server: true };
    } catch (e) {
      if (e.name === "AbortError") throw e;
      if (e instanceof ApiError && e.status === 404 && /route/i.test(e.message)) serverHas = false;
      else if (serverHas) return { from: pos, to: pos, items: [] };
    }
  }
  return { ...local(q, pos), server: false };
}

export function completionSource() {
  return serverHas === null ? "unknown" : serverHas ? "server" : "built-in";
}
