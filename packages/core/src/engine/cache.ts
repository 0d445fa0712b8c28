/**
 * Reuse of computed values until the store changes: an entry is valid while the storage's change
 * position is the one it was computed at. Adapters that cannot tell their position get no caching.
 *
 * @module
 */
import type { StorageAdapter } from '../storage/port.js';

/** A small cache keyed by string, invalidated by any write to the store. */
export class PositionCache<V> {
  private readonly entries = new Map<string, { position: number; value: Promise<V> }>();

  constructor(
    private readonly storage: Pick<StorageAdapter, 'position'>,
    private readonly capacity = 32,
  ) {}

  /** The cached value for `key`, or `compute()` (cached when the store can tell its position). */
  async get(key: string, compute: () => Promise<V>): Promise<V> {
    if (!this.storage.position) return compute();
    // Read the position before computing: the value then reflects at least this position, so a
    // write during the computation only makes the next call recompute.
    const position = await this.storage.position();
    const hit = this.entries.get(key);
    if (hit && hit.position === position) return hit.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { position, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
