/**
 * `@os2kitos/widgets`: embeddable Lit web components for the OS2KITOS portfolio. Importing this
 * module registers every `<kitos-*>` element.
 *
 * @example
 * ```html
 * <script type="module" src="kitos-widgets.js"></script>
 * <kitos-status-badge active="false" reason="slutdato 31-12-2025 er passeret"></kitos-status-badge>
 * ```
 *
 * @packageDocumentation
 */
export { KitosStatusBadge } from './components/status-badge/status-badge.js';
export { formatAmount, formatDate } from './i18n/format.js';
export { da, en, type Lang, type Strings, strings } from './i18n/strings.js';
