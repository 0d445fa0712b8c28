/**
 * `@os2kitos/widgets/usage-create`: defines `<kitos-usage-create>` ("Tag et IT-system i brug") and
 * nothing else; its dialog is loaded when first opened. It needs a client that writes (the in-page
 * or the HTTP client) through `<kitos-provider>` or `.client`.
 *
 * @module usage-create
 */
import './context-root.js';

export { KitosUsageCreate } from '../components/usage-create/usage-create.js';
