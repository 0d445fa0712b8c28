/**
 * `@os2kitos/widgets/architecture-coverage`: defines `<kitos-architecture-coverage>` (how much of
 * the portfolio is tied to the joint municipal reference architecture) and nothing else. It needs a
 * client with `architectureCoverage` (the in-page or the HTTP client), through `<kitos-provider>`
 * (`@os2kitos/widgets/provider`) or `.client`.
 *
 * @module architecture-coverage
 */
import './context-root.js';

export { KitosArchitectureCoverage } from '../components/architecture-coverage/architecture-coverage.js';
