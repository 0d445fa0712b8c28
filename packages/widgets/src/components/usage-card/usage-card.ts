import '../status-badge/status-badge.js';
import { KitosUsageCard } from './usage-card.component.js';

export { KitosUsageCard };

if (!customElements.get('kitos-usage-card')) customElements.define('kitos-usage-card', KitosUsageCard);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-usage-card': KitosUsageCard;
  }
}
