import { KitosOrgTree } from './org-tree.component.js';

export { KitosOrgTree };

if (!customElements.get('kitos-org-tree')) customElements.define('kitos-org-tree', KitosOrgTree);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-org-tree': KitosOrgTree;
  }
}
