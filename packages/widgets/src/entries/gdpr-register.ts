/**
 * `@os2kitos/widgets/gdpr-register`: defines `<kitos-gdpr-register>` and nothing else. Import
 * `@os2kitos/widgets/provider` as well to give it a client through `<kitos-provider>`, or set
 * `.client` on the element.
 *
 * @module gdpr-register
 */
import './context-root.js';

export { KitosGdprRegister } from '../components/gdpr-register/gdpr-register.js';
