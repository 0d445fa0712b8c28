import { KitosArchitectureCoverage } from './architecture-coverage.component.js';

export { KitosArchitectureCoverage };

if (!customElements.get('kitos-architecture-coverage')) {
  customElements.define('kitos-architecture-coverage', KitosArchitectureCoverage);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-architecture-coverage': KitosArchitectureCoverage;
  }
}
