import { KitosContractCreate } from './contract-create.component.js';

export { KitosContractCreate };

if (!customElements.get('kitos-contract-create')) customElements.define('kitos-contract-create', KitosContractCreate);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-contract-create': KitosContractCreate;
  }
}
