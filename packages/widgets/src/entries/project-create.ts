/**
 * `@os2kitos/widgets/project-create`: defines `<kitos-project-create>` ("Nyt projekt") and nothing
 * else; its dialog is loaded when first opened. It needs a client that writes (the in-page or the
 * HTTP client) through `<kitos-provider>` or `.client`.
 *
 * @module project-create
 */
import './context-root.js';

export { KitosProjectCreate } from '../components/project-create/project-create.js';
