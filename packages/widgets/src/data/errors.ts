/**
 * The widgets' error family: a stable string `code`, a context object, and a message that reads
 * `[kitos] [widgets] …`, like the core's `KitosError`.
 *
 * @module
 */

/** Stable codes of {@link KitosWidgetError}. Match on these, never on message text. */
export type KitosWidgetErrorCode = 'not-found' | 'no-client' | 'invalid-view';

/**
 * An error raised by the widgets or the static client.
 *
 * @example
 * ```ts
 * try { await client.usageCard(uuid); } catch (e) { if (e instanceof KitosWidgetError) console.log(e.code); }
 * ```
 */
export class KitosWidgetError extends Error {
  /** Stable machine-readable code. */
  readonly code: KitosWidgetErrorCode;
  /** Extra facts about the failure (ids, values), safe to log. */
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: KitosWidgetErrorCode, message: string, context: Record<string, unknown> = {}) {
    super(`[kitos] [widgets] ${message}`);
    this.name = 'KitosWidgetError';
    this.code = code;
    this.context = context;
  }
}
