// The demo page's view tabs beside the overviews: <kitos-roles> (who holds which role; a person's
// roles moved to another in one transaction), <kitos-relation-graph> (which system sends what to
// which), <kitos-data-quality> and <kitos-gdpr-register>. Each shows its own panel in place of the
// overview (the shared tab's panel gives way too); the overview tabs hide them again. Picking a
// record in the data quality or register views opens its card as the overview's rows do (live.ts
// listens for kitos-select), so those keep the card slot. A view's widget is made when its tab is
// first shown: a hidden widget would load its data (the register and the roles are the largest
// answers the server gives) while the visitor waits for the overview's first rows.
const VIEWS = {
  roles: { panel: 'roles-panel', card: false, element: 'kitos-roles', attributes: { 'heading-level': '3' } },
  relations: {
    panel: 'relations-panel',
    card: false,
    element: 'kitos-relation-graph',
    attributes: { 'heading-level': '3' },
  },
  quality: { panel: 'panel-quality', card: true, element: 'kitos-data-quality', attributes: { limit: '20' } },
  gdpr: { panel: 'panel-gdpr', card: true, element: 'kitos-gdpr-register', attributes: {} },
} as const;
type View = keyof typeof VIEWS;

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const isView = (value: string | undefined): value is View => value !== undefined && Object.hasOwn(VIEWS, value);

/** The view's panel, with its widget made on the first call. */
function panelOf(view: View): HTMLElement {
  const { panel, element, attributes } = VIEWS[view];
  const host = byId(panel);
  if (!host.firstElementChild) {
    const widget = document.createElement(element);
    for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
    host.append(widget);
  }
  return host;
}

function show(view: View | null): void {
  if (view) panelOf(view);
  for (const [name, { panel }] of Object.entries(VIEWS)) byId(panel).hidden = name !== view;
  byId('overview-panel').hidden = view !== null;
  byId('card-slot').hidden = view !== null && !VIEWS[view].card;
  const shared = document.getElementById('coordination-panel');
  if (shared && view !== null) shared.hidden = true;
  if (view)
    for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]'))
      tab.setAttribute('aria-selected', String(tab.dataset.view === view));
}

for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
  const view = tab.dataset.view;
  tab.addEventListener('click', () => show(isView(view) ? view : null));
}

export {};
