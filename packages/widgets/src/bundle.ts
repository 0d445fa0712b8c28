/**
 * The entry of the one-script embed bundle `kitos-widgets.bundle.js` (rollup.config.js; not a
 * package subpath: apps import `@os2kitos/widgets` or one element's subpath instead). It defines
 * `<kitos-provider>` and `<kitos-status-badge>` at once and every other `<kitos-*>` element on first
 * use: the first time one is in the page, its module (a file beside the bundle) is loaded and the
 * element upgrades (docs/decisions/0070). The script a page loads first stays within the one-widget
 * budget however many elements the library gains.
 *
 * It exports what `@os2kitos/widgets` exports, except the classes of the elements defined on first
 * use (get one with `await customElements.whenDefined(name)`), plus {@link loadKitosElement} and
 * {@link observeKitosElements}.
 *
 * @module bundle
 */
import './entries/context-root.js';
import { observeKitosElements, registerLazyElements } from './internal/lazy-elements.js';

export { KitosProvider } from './components/provider/provider.js';
export { KitosStatusBadge } from './components/status-badge/status-badge.js';
export {
  canCoordinate,
  canTransferRoles,
  canWriteContracts,
  canWriteProjects,
  canWriteRegistrations,
  canWriteUsages,
} from './data/client.js';
export { kitosContext } from './data/context.js';
export { KitosWidgetError } from './data/errors.js';
export { createInPageClient } from './data/in-page-client.js';
export { createStaticClient } from './data/fake-client.js';
export { decodeView, encodeView, parseView } from './data/view.js';
export { formatAmount, formatCount, formatDate, formatMonth } from './i18n/format.js';
export { da, en, strings, toLang } from './i18n/strings.js';
export { coordinationStrings } from './i18n/coordination-strings.js';
export { createHttpClient } from './data/http-client.js';
export { errorFromProblem, errorFromResponse } from './data/http-errors.js';
export { readEventStream } from './data/event-stream.js';
export { lazyElementNames, loadKitosElement, observeKitosElements } from './internal/lazy-elements.js';

/**
 * Every element of `@os2kitos/widgets` but the two defined at once, with the module that defines it.
 * A new element must be added here too (packages/widgets/src/bundle.test.ts checks that none is missing).
 */
export const LAZY_ELEMENTS = {
  'kitos-overview': () => import('./components/overview/overview.js'),
  'kitos-usage-card': () => import('./components/usage-card/usage-card.js'),
  'kitos-usage-create': () => import('./components/usage-create/usage-create.js'),
  'kitos-contract-card': () => import('./components/contract-card/contract-card.js'),
  'kitos-contract-create': () => import('./components/contract-create/contract-create.js'),
  'kitos-registration-card': () => import('./components/registration-card/registration-card.js'),
  'kitos-registration-create': () => import('./components/registration-create/registration-create.js'),
  'kitos-project-card': () => import('./components/project-card/project-card.js'),
  'kitos-project-create': () => import('./components/project-create/project-create.js'),
  'kitos-contract-deadlines': () => import('./components/contract-deadlines/contract-deadlines.js'),
  'kitos-notifications': () => import('./components/notifications/notifications.js'),
  'kitos-org-tree': () => import('./components/org-tree/org-tree.js'),
  'kitos-roles': () => import('./components/roles/roles.js'),
  'kitos-relation-graph': () => import('./components/relation-graph/relation-graph.js'),
  'kitos-catalogue': () => import('./components/catalogue/catalogue.js'),
  'kitos-procurement-radar': () => import('./components/procurement-radar/procurement-radar.js'),
  'kitos-similar-landscapes': () => import('./components/similar-landscapes/similar-landscapes.js'),
  'kitos-architecture-coverage': () => import('./components/architecture-coverage/architecture-coverage.js'),
  'kitos-data-quality': () => import('./components/data-quality/data-quality.js'),
  'kitos-gdpr-register': () => import('./components/gdpr-register/gdpr-register.js'),
} as const;

registerLazyElements(LAZY_ELEMENTS);
if (typeof document !== 'undefined') observeKitosElements(document);
