import type { KitosRecordKind } from './kitos-saved.js';
/** Detail of {@link KitosConflictEvent}. */
export interface KitosConflictDetail {
  /** The kind of record. */
  readonly kind: KitosRecordKind;
  readonly uuid: string;
  /** The version the user's form was read at. */
  readonly expectedVersion: number;
  /** The version someone else saved. */
  readonly actualVersion: number;
  /** Fields the other save changed, as paths in the record (`gdpr.purpose`). */
  readonly theirFields: readonly string[];
  /** Fields both the user and the other save changed. */
  readonly bothFields: readonly string[];
}

/**
 * `kitos-conflict`: a save was refused because someone else saved the record first. The edit mode
 * keeps what the user typed, shows which fields the other save changed, and offers to load the new
 * version or to save the user's changes on top of it. Bubbles and is composed.
 *
 * @example
 * ```ts
 * card.addEventListener('kitos-conflict', (e) => console.warn('changed meanwhile:', e.detail.theirFields));
 * ```
 */
export type KitosConflictEvent = CustomEvent<KitosConflictDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-conflict': KitosConflictEvent;
  }
}
