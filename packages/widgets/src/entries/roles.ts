/**
 * `@os2kitos/widgets/roles`: defines `<kitos-roles>` and nothing else. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module roles
 */
import './context-root.js';

export { KitosRoles } from '../components/roles/roles.js';
