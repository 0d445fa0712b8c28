/**
 * `@os2kitos/widgets/notifications`: defines `<kitos-notifications>` and nothing else. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module notifications
 */
import './context-root.js';

export { KitosNotifications } from '../components/notifications/notifications.js';
