/**
 * `@os2kitos/widgets/similar-landscapes`: defines `<kitos-similar-landscapes>` (landscapes like
 * mine) and nothing else. It needs a client with the coordination reads (the in-page or the HTTP
 * client), through `<kitos-provider>` (`@os2kitos/widgets/provider`) or `.client`.
 *
 * @module similar-landscapes
 */
import './context-root.js';

export { KitosSimilarLandscapes } from '../components/similar-landscapes/similar-landscapes.js';
