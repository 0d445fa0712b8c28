/**
 * `@os2kitos/widgets/usage-card`: defines `<kitos-usage-card>` (and the `<kitos-status-badge>` it
 * shows) and nothing else. Import `@os2kitos/widgets/provider` as well to give it a client through
 * `<kitos-provider>`, or set `.client` on the element.
 *
 * @module usage-card
 */
import './context-root.js';

export { KitosUsageCard } from '../components/usage-card/usage-card.js';
