// The package writers open in this process, each by what closes it: what an interrupted run must clean
// up. Kept apart from the writer so that the command line can hold it without loading the pipeline.

const open = new Set<() => void>();

/** Tracks a writer until it closes; `close` removes its staging folder and lock. Returns what untracks it. */
export function trackOpenWriter(close: () => void): () => void {
  open.add(close);
  return () => open.delete(close);
}

/**
 * Removes the staging folder and lock of every writer still open, at once: for the command line's
 * SIGINT and SIGTERM handlers, before it exits. The old package stays as it was.
 */
export function abortOpenWriters(): void {
  for (const close of [...open]) close();
}
