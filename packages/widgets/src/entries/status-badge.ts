/**
 * `@os2kitos/widgets/status-badge`: defines `<kitos-status-badge>` (active / not active, with the
 * reasons) and nothing else. The overview and the cards define it themselves.
 *
 * @module status-badge
 */
export { KitosStatusBadge } from '../components/status-badge/status-badge.js';
