import { KitosProcurementRadar } from './procurement-radar.component.js';

export { KitosProcurementRadar };

if (!customElements.get('kitos-procurement-radar')) {
  customElements.define('kitos-procurement-radar', KitosProcurementRadar);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-procurement-radar': KitosProcurementRadar;
  }
}
