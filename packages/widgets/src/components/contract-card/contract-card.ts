import '../status-badge/status-badge.js';
import { KitosContractCard } from './contract-card.component.js';

export { KitosContractCard };

if (!customElements.get('kitos-contract-card')) customElements.define('kitos-contract-card', KitosContractCard);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-card': KitosContractCard;
  }
}
