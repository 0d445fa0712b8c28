import { ContextRoot } from '@lit/context';
import { KitosProvider } from './provider.component.js';

export { KitosProvider };

// Widgets may be defined (and so ask for their context) before <kitos-provider> is: a context root
// on the document keeps those requests and replays them when a provider appears.
// (Guarded, so importing the widgets where there is no document, e.g. during server rendering or in
// Node tools, does not throw.)
const ROOT = Symbol.for('os2kitos.contextRoot');
if (typeof document !== 'undefined') {
  const doc = document as Document & { [ROOT]?: ContextRoot };
  if (!doc[ROOT]) {
    doc[ROOT] = new ContextRoot();
    doc[ROOT].attach(document.documentElement);
  }
}

if (!customElements.get('kitos-provider')) customElements.define('kitos-provider', KitosProvider);

declare global {
  interface HTMLElementTagNameMap {
    'kitos-provider': KitosProvider;
  }
}
