// Two more tabs of the demo page: <kitos-roles> (who holds which role; a person's roles moved to
// another in one transaction) and <kitos-relation-graph> (which system sends what to which). Each
// tab shows its own panel in place of the overview; the overview tabs hide these panels again.
const VIEWS = ['roles', 'relations'] as const;
type View = (typeof VIEWS)[number];

const panel = (view: View) => document.getElementById(`${view}-panel`) as HTMLElement;

function show(view: View | null): void {
  for (const v of VIEWS) panel(v).hidden = v !== view;
  (document.getElementById('overview-panel') as HTMLElement).hidden = view !== null;
  (document.getElementById('card-slot') as HTMLElement).hidden = view !== null;
  // The shared tab's panel gives way too (the overview tabs hide it themselves).
  const shared = document.getElementById('coordination-panel');
  if (shared && view !== null) shared.hidden = true;
  for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]'))
    if (view) tab.setAttribute('aria-selected', String(tab.dataset.view === view));
}

for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]')) {
  tab.addEventListener('click', () => show((tab.dataset.view as View | undefined) ?? null));
}
