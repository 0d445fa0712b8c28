/**
 * `@os2kitos/widgets/registration-create`: defines `<kitos-registration-create>` ("Ny databehandling")
 * and nothing else; its dialog is loaded when first opened. It needs a client that writes (the
 * in-page or the HTTP client) through `<kitos-provider>` or `.client`.
 *
 * @module registration-create
 */
import './context-root.js';

export { KitosRegistrationCreate } from '../components/registration-create/registration-create.js';
