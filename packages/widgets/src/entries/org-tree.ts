/**
 * `@os2kitos/widgets/org-tree`: defines `<kitos-org-tree>` and nothing else. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module org-tree
 */
import './context-root.js';

export { KitosOrgTree } from '../components/org-tree/org-tree.js';
