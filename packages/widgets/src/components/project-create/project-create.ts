import { KitosProjectCreate } from './project-create.component.js';

export { KitosProjectCreate };

if (!customElements.get('kitos-project-create')) customElements.define('kitos-project-create', KitosProjectCreate);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-project-create': KitosProjectCreate;
  }
}
