/**
 * `@os2kitos/widgets/contract-card`: defines `<kitos-contract-card>` (and the `<kitos-status-badge>`
 * it shows) and nothing else. Import `@os2kitos/widgets/provider` as well to give it a client
 * through `<kitos-provider>`, or set `.client` on the element.
 *
 * @module contract-card
 */
import './context-root.js';

export { KitosContractCard } from '../components/contract-card/contract-card.js';
