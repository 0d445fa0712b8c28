/**
 * `@os2kitos/widgets/project-card`: defines `<kitos-project-card>` (and the reminders
 * `<kitos-notifications>` it can show) and nothing else; its edit mode is loaded on first use. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module project-card
 */
import './context-root.js';

export { KitosProjectCard } from '../components/project-card/project-card.js';
