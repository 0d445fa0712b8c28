/**
 * `@os2kitos/widgets/registration-card`: defines `<kitos-registration-card>` (and the
 * `<kitos-status-badge>` it shows) and nothing else; its edit mode is loaded on first use. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module registration-card
 */
import './context-root.js';

export { KitosRegistrationCard } from '../components/registration-card/registration-card.js';
