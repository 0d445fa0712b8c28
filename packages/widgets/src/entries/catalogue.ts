/**
 * `@os2kitos/widgets/catalogue`: defines `<kitos-catalogue>` (the shared catalogue across
 * municipalities) and nothing else. It needs a client with the coordination reads (the in-page or
 * the HTTP client), through `<kitos-provider>` (`@os2kitos/widgets/provider`) or `.client`.
 *
 * @module catalogue
 */
import './context-root.js';

export { KitosCatalogue } from '../components/catalogue/catalogue.js';
