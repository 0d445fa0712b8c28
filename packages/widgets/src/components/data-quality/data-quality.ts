import { KitosDataQuality } from './data-quality.component.js';

export { KitosDataQuality };

if (!customElements.get('kitos-data-quality')) {
  customElements.define('kitos-data-quality', KitosDataQuality);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-data-quality': KitosDataQuality;
  }
}
