/**
 * `@os2kitos/widgets/provider`: defines `<kitos-provider>`, which gives the widgets inside it their
 * client, organisation and language. Import it beside one or more widget subpaths; the order does
 * not matter.
 *
 * @module provider
 */
export { KitosProvider } from '../components/provider/provider.js';
