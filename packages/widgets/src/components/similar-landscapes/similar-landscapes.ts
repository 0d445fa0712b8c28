import { KitosSimilarLandscapes } from './similar-landscapes.component.js';

export { KitosSimilarLandscapes };

if (!customElements.get('kitos-similar-landscapes')) {
  customElements.define('kitos-similar-landscapes', KitosSimilarLandscapes);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-similar-landscapes': KitosSimilarLandscapes;
  }
}
