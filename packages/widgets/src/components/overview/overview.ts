import '../status-badge/status-badge.js';
import { KitosOverview } from './overview.component.js';

export { KitosOverview };

if (!customElements.get('kitos-overview')) customElements.define('kitos-overview', KitosOverview);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-overview': KitosOverview;
  }
}
