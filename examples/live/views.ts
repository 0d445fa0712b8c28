// The demo page's view tabs beside the overviews: <kitos-roles> (who holds which role; a person's
// roles moved to another in one transaction), <kitos-relation-graph> (which system sends what to
// which), <kitos-data-quality> and <kitos-gdpr-register>. Each shows its own panel in place of the
// overview (the shared tab's panel gives way too); the overview tabs hide them again. Picking a
// record in the data quality or register views opens its card as the overview's rows do (live.ts
// listens for kitos-select), so those keep the card slot.
const VIEWS = {
  roles: { panel: 'roles-panel', card: false },
  relations: { panel: 'relations-panel', card: false },
  quality: { panel: 'panel-quality', card: true },
  gdpr: { panel: 'panel-gdpr', card: true },
} as const;
type View = keyof typeof VIEWS;

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const isView = (value: string | undefined): value is View => value !== undefined && Object.hasOwn(VIEWS, value);

function show(view: View | null): void {
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
