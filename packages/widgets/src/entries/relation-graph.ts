/**
 * `@os2kitos/widgets/relation-graph`: defines `<kitos-relation-graph>` and nothing else. Its layout
 * library (d3-force) is loaded by a dynamic import the first time a graph is drawn. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module relation-graph
 */
import './context-root.js';

export { KitosRelationGraph } from '../components/relation-graph/relation-graph.js';
