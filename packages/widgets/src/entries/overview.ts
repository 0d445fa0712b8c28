/**
 * `@os2kitos/widgets/overview`: defines `<kitos-overview>` (and the `<kitos-status-badge>` it shows)
 * and nothing else, for a page that needs only this widget. Import `@os2kitos/widgets/provider` as
 * well to give it a client through `<kitos-provider>`, or set `.client` on the element.
 *
 * @example
 * ```ts
 * import '@os2kitos/widgets/overview';
 * import '@os2kitos/widgets/provider';
 * ```
 *
 * @module overview
 */
import './context-root.js';

export { KitosOverview } from '../components/overview/overview.js';
