/**
 * Saving a sql.js database: one save at a time; a transaction waits for a save that started after
 * it committed, and transactions that commit while a save runs share the next one.
 *
 * @module
 */
import { KitosError } from '@os2kitos/core';

interface Waiter {
  readonly generation: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** Coalesces saves of the whole database file. */
export class SaveScheduler {
  private committed = 0;
  private saved = 0;
  private running = false;
  private readonly waiting: Waiter[] = [];

  constructor(
    /** Exports the database between transactions. */
    private readonly exportBytes: () => Promise<Uint8Array>,
    private readonly persist: ((bytes: Uint8Array) => Promise<void>) | undefined,
  ) {}

  /** Notes a committed change without saving it yet (autosave off). */
  markDirty(): void {
    this.committed++;
  }

  /** Notes a committed change and resolves once a save containing it is done. */
  saveAfterCommit(): Promise<void> {
    this.committed++;
    return this.waitFor(this.committed);
  }

  /** Saves the current state now (even if nothing changed). */
  saveNow(): Promise<void> {
    this.committed++;
    return this.waitFor(this.committed);
  }

  /** Saves if something committed since the last successful save. */
  saveIfDirty(): Promise<void> {
    return this.committed > this.saved ? this.waitFor(this.committed) : Promise.resolve();
  }

  private waitFor(generation: number): Promise<void> {
    if (!this.persist) {
      this.saved = this.committed;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ generation, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running || !this.persist) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const target = this.committed;
        let failure: unknown;
        try {
          await this.persist(await this.exportBytes());
          this.saved = Math.max(this.saved, target);
        } catch (cause) {
          failure = new KitosError(
            'storage',
            'storage',
            'the change is committed in memory, but saving the database failed; the next save retries',
            { adapter: 'sqljs', committed: true },
            { cause },
          );
        }
        for (const w of this.waiting.filter((x) => x.generation <= target)) {
          this.waiting.splice(this.waiting.indexOf(w), 1);
          if (failure) w.reject(failure);
          else w.resolve();
        }
      }
    } finally {
      this.running = false;
    }
  }
}
