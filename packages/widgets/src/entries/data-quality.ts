/**
 * `@os2kitos/widgets/data-quality`: defines `<kitos-data-quality>` and nothing else. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module data-quality
 */
import './context-root.js';

export { KitosDataQuality } from '../components/data-quality/data-quality.js';
