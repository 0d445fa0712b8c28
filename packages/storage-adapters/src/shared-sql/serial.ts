/**
 * A queue that runs async tasks one at a time, in order; a failed task does not stop the queue.
 * Adapters over one connection (sql.js, better-sqlite3, a single PostgreSQL client) run every
 * transaction and every read through it, so a read never sees another transaction's uncommitted
 * writes.
 *
 * @module
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it. */
  run<R>(task: () => Promise<R> | R): Promise<R> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
