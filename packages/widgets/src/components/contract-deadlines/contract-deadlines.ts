import { KitosContractDeadlines } from './contract-deadlines.component.js';

export { KitosContractDeadlines };

if (!customElements.get('kitos-contract-deadlines')) {
  customElements.define('kitos-contract-deadlines', KitosContractDeadlines);
}

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-deadlines': KitosContractDeadlines;
  }
}
