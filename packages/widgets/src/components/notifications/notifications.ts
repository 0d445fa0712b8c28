import { KitosNotifications } from './notifications.component.js';

export { KitosNotifications };

if (!customElements.get('kitos-notifications')) {
  customElements.define('kitos-notifications', KitosNotifications);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-notifications': KitosNotifications;
  }
}
