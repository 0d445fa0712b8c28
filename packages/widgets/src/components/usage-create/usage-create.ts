import { KitosUsageCreate } from './usage-create.component.js';

export { KitosUsageCreate };

if (!customElements.get('kitos-usage-create')) customElements.define('kitos-usage-create', KitosUsageCreate);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-usage-create': KitosUsageCreate;
  }
}
