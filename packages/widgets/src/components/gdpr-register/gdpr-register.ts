import { KitosGdprRegister } from './gdpr-register.component.js';

export { KitosGdprRegister };

if (!customElements.get('kitos-gdpr-register')) {
  customElements.define('kitos-gdpr-register', KitosGdprRegister);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-gdpr-register': KitosGdprRegister;
  }
}
