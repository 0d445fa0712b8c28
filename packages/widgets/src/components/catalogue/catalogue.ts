import { KitosCatalogue } from './catalogue.component.js';

export { KitosCatalogue };

if (!customElements.get('kitos-catalogue')) {
  customElements.define('kitos-catalogue', KitosCatalogue);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-catalogue': KitosCatalogue;
  }
}
