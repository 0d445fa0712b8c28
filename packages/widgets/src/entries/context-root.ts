import { ContextRoot } from '@lit/context';

// A widget asks for its client (Lit context) when it is connected. When a page imports one widget
// subpath before `@os2kitos/widgets/provider`, or without it, that request would find nobody and be
// lost; a context root on the document keeps such requests and replays them when a
// <kitos-provider> appears. The provider module installs the same root (same global symbol, so
// there is only ever one); the all-in-one entry gets it by importing the provider first.
// (Guarded, so that importing a widget where there is no document, e.g. in Node tools, does not throw.)
const ROOT = Symbol.for('os2kitos.contextRoot');
if (typeof document !== 'undefined') {
  const doc = document as Document & { [ROOT]?: ContextRoot };
  if (!doc[ROOT]) {
    doc[ROOT] = new ContextRoot();
    doc[ROOT].attach(document.documentElement);
  }
}
