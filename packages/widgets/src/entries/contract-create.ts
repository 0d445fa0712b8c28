/**
 * `@os2kitos/widgets/contract-create`: defines `<kitos-contract-create>` ("Ny kontrakt") and nothing
 * else; its dialog is loaded when first opened. It needs a client that writes (the in-page or the
 * HTTP client) through `<kitos-provider>` or `.client`.
 *
 * @module contract-create
 */
import './context-root.js';

export { KitosContractCreate } from '../components/contract-create/contract-create.js';
