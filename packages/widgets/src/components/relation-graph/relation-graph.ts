import { KitosRelationGraph } from './relation-graph.component.js';

export { KitosRelationGraph };

if (!customElements.get('kitos-relation-graph')) customElements.define('kitos-relation-graph', KitosRelationGraph);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-relation-graph': KitosRelationGraph;
  }
}
