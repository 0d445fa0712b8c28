import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { strings } from '../../i18n/strings.js';
import { statusBadgeStyles } from './status-badge.styles.js';

/**
 * Shows whether something is active, and why not, in words.
 *
 * @summary Active / not active badge with its reason.
 * @tagname kitos-status-badge
 * @csspart badge - The badge itself.
 * @csspart reason - The explanation shown after the badge when not active.
 * @cssprop --kitos-color-success - Text colour when active.
 * @cssprop --kitos-color-success-bg - Background when active.
 * @cssprop --kitos-color-danger - Text colour when not active.
 * @cssprop --kitos-color-danger-bg - Background when not active.
 * @cssprop --kitos-color-text-muted - Colour of the reason text.
 *
 * @example
 * ```html
 * <kitos-status-badge active="false" reason="slutdato 31-12-2025 er passeret"></kitos-status-badge>
 * ```
 */
export class KitosStatusBadge extends LitElement {
  /** Styles of the element. */
  static override styles = statusBadgeStyles;

  /** Whether the entity is active. */
  @property({ type: Boolean, converter: { fromAttribute: (v) => v !== 'false' && v !== null } })
  active = false;

  /** Why the entity is not active, in the page's language. Rendered as text, never as HTML. */
  @property()
  reason = '';

  /** Language of the built-in words: `da` (default) or `en`. */
  @property()
  override lang = 'da';

  override render() {
    const t = strings(this.lang);
    // Plain text, not role="status": a grid holds dozens of badges and recycles them while
    // scrolling, and live regions would make a screen reader read every one aloud.
    return html`<span part="badge" data-active=${String(this.active)}
        >${this.active ? t.active : t.inactive}</span
      >${!this.active && this.reason ? html` <span part="reason">${this.reason}</span>` : nothing}`;
  }
}
