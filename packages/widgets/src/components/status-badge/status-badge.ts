import { KitosStatusBadge } from './status-badge.component.js';

export { KitosStatusBadge };

if (!customElements.get('kitos-status-badge')) customElements.define('kitos-status-badge', KitosStatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-status-badge': KitosStatusBadge;
  }
}
