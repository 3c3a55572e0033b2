// Live changes: /api/v1/events as Server-Sent Events. `changes` batches are applied in place;
// a `reset` (too much changed, or the client fell behind) refetches the view. The browser
// reconnects by itself and resumes with Last-Event-ID.

export class Live {
  constructor(handlers) {
    this.handlers = handlers;
    this.es = null;
  }

  start() {
    if (this.es) this.es.close();
    const es = new EventSource("/api/v1/events");
    this.es = es;
    es.addEventListener("open", () => this.handlers.open());
    es.addEventListener("error", () => this.handlers.error(es.readyState === EventSource.CLOSED));
    es.addEventListener("changes", (ev) => {
      let batch;
      try {
        batch = JSON.parse(ev.data);
      } catch {
        return;
      }
      this.handlers.changes(batch);
    });
    es.addEventListener("reset", () => this.handlers.reset());
  }
}
