/**
 * Saving a sql.js database: one save at a time; a transaction waits for a save that started after
 * it committed, and transactions that commit while a save runs share the next one.
 *
 * A save that fails puts the in-memory database back to the last saved bytes. Why: a transaction
 * whose save failed is rejected, so it must not stay visible, and it must never reach the file
 * with a later save (a write reported as failed that turns up anyway is as wrong as a lost one).
 * Transactions that committed while the failing save ran are rejected too: they were built on the
 * state that could not be saved.
 *
 * @module
 */
import { KitosConflictError, KitosError } from '@os2kitos/core';
import type { SerialQueue } from '../shared-sql/serial.js';

interface Waiter {
  readonly generation: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** What the scheduler needs from the storage; the first two run inside the storage's queue. */
export interface SaveTarget {
  /** The queue every transaction, read and export runs in. */
  readonly queue: SerialQueue;
  /** Exports the database (called inside the queue, between transactions). */
  exportBytes(): Uint8Array;
  /** Replaces the in-memory database with these saved bytes (called inside the queue). */
  restore(bytes: Uint8Array): void;
  /** Stores the bytes; absent for a store that is never saved. */
  readonly persist: ((bytes: Uint8Array) => Promise<void>) | undefined;
}

/** Coalesces saves of the whole database file and undoes what a failed save could not store. */
export class SaveScheduler {
  /** Generation of the database in memory: counts committed transactions that changed something. */
  private committed = 0;
  /** Generation the storage holds (or, after a failed save, that memory was put back to). */
  private saved = 0;
  private running = false;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly target: SaveTarget,
    /** The bytes memory goes back to if the next save fails: those the storage holds now. */
    private lastSaved: Uint8Array | undefined,
  ) {}

  /**
   * Notes a committed change. Call it inside the queue, right after COMMIT, so no failed save can
   * undo the change before it is counted. With `wait`, returns a promise that resolves once a save
   * holds the change and rejects (with the save's error) if that save fails.
   */
  commit(wait: boolean): Promise<void> {
    this.committed++;
    if (!wait) return Promise.resolve();
    const done = this.waitFor(this.committed);
    // The caller awaits it only after its queued transaction returns; until then a rejection must
    // not count as unhandled.
    done.catch(() => undefined);
    return done;
  }

  /** Whether something committed since the last save. */
  dirty(): boolean {
    return this.committed > this.saved;
  }

  /** Saves if something committed since the last successful save; otherwise does nothing. */
  saveIfDirty(): Promise<void> {
    return this.dirty() ? this.waitFor(this.committed) : Promise.resolve();
  }

  private waitFor(generation: number): Promise<void> {
    if (!this.target.persist) {
      this.saved = this.committed;
      this.lastSaved = undefined;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ generation, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    const { persist, queue } = this.target;
    if (this.running || !persist) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        let bytes: Uint8Array;
        let generation: number;
        try {
          ({ bytes, generation } = await queue.run(() => ({
            bytes: this.target.exportBytes(),
            generation: this.committed,
          })));
          await persist(bytes);
        } catch (cause) {
          // restore() reports its own failure by closing the storage; the waiters learn this one.
          await queue.run(() => this.undo(saveFailure(cause))).catch(() => undefined);
          continue;
        }
        this.saved = Math.max(this.saved, generation);
        this.lastSaved = bytes;
        for (const w of this.waiting.filter((x) => x.generation <= generation)) {
          this.waiting.splice(this.waiting.indexOf(w), 1);
          w.resolve();
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * After a failed save (inside the queue): every change since the last successful save is undone
   * and every transaction still waiting is rejected, including those that committed during the
   * save, since they were built on what could not be saved.
   */
  private undo(failure: KitosError): void {
    const rejected = this.waiting.splice(0);
    try {
      if (this.lastSaved) this.target.restore(this.lastSaved);
      this.saved = this.committed;
    } finally {
      for (const w of rejected) w.reject(failure);
    }
  }
}

/** The error a transaction gets when its save failed: typed, saying the change was undone. */
function saveFailure(cause: unknown): KitosError {
  // Another writer's newer file is a conflict the caller can act on (reopen); pass it on as it is.
  if (cause instanceof KitosConflictError) return cause;
  const reason = cause instanceof Error ? cause.message.replace(/^\[kitos\] \[storage\] /, '') : String(cause);
  return new KitosError(
    'storage',
    'storage',
    `saving the database failed (${reason}); the change was undone and the database is back at its last saved state`,
    { adapter: 'sqljs', ...(cause instanceof KitosError ? cause.context : {}), committed: false, undone: true },
    { cause },
  );
}
