import { KitosRoles } from './roles.component.js';

export { KitosRoles };

if (!customElements.get('kitos-roles')) customElements.define('kitos-roles', KitosRoles);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-roles': KitosRoles;
  }
}
