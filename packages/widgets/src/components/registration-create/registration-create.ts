import { KitosRegistrationCreate } from './registration-create.component.js';

export { KitosRegistrationCreate };

if (!customElements.get('kitos-registration-create'))
  customElements.define('kitos-registration-create', KitosRegistrationCreate);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-registration-create': KitosRegistrationCreate;
  }
}
