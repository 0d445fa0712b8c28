import { KitosProvider } from './provider.component.js';

export { KitosProvider };

if (!customElements.get('kitos-provider')) customElements.define('kitos-provider', KitosProvider);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-provider': KitosProvider;
  }
}
