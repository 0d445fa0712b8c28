import '../status-badge/status-badge.js';
import { KitosRegistrationCard } from './registration-card.component.js';

export { KitosRegistrationCard };

if (!customElements.get('kitos-registration-card'))
  customElements.define('kitos-registration-card', KitosRegistrationCard);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-registration-card': KitosRegistrationCard;
  }
}
