/** Detail of {@link KitosSavedEvent}. */
/** The kinds of record the widgets write. */
export type KitosRecordKind = 'usages' | 'contracts' | 'registrations' | 'projects';

export interface KitosSavedDetail {
  /** The kind of record saved. */
  readonly kind: KitosRecordKind;
  readonly uuid: string;
  /** `create` for a record created (a system taken into use, a new contract), `update` for a change saved from an edit mode. */
  readonly action: 'create' | 'update';
  /** The record's version after the write (send it as `expectedVersion` with the next change). */
  readonly version: number;
  /** The fields changed, as paths in the record (`general.validity.validTo`); empty for a create. */
  readonly fields: readonly string[];
}

/**
 * `kitos-saved`: a widget wrote a record (a change saved from the usage card's edit mode, or a
 * system taken into use from `<kitos-usage-create>`). Bubbles and is composed.
 *
 * @example
 * ```ts
 * document.addEventListener('kitos-saved', (e) => console.log(e.detail.action, e.detail.uuid, e.detail.fields));
 * ```
 */
export type KitosSavedEvent = CustomEvent<KitosSavedDetail>;

declare global {
  interface HTMLElementEventMap {
    'kitos-saved': KitosSavedEvent;
  }
}
