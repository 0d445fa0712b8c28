// The data quality and GDPR register tabs of the live demo: two more tabs beside the overviews,
// each showing its widget in a panel of its own (the overview's panel is hidden meanwhile). The
// widgets read through the page's provider like every other widget; picking a record opens its
// card as the overview's rows do (live.ts listens for kitos-select).
const LABELS = {
  da: { quality: 'Datakvalitet', gdpr: 'GDPR-fortegnelse' },
  en: { quality: 'Data quality', gdpr: 'GDPR register' },
} as const;
type View = keyof (typeof LABELS)['da'];

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const viewTabs = () => [...document.querySelectorAll<HTMLElement>('[role=tab][data-view]')];
const overviewTabs = () => [...document.querySelectorAll<HTMLElement>('[role=tab][data-kind]')];

function label(): void {
  const lang = (byId('lang') as HTMLSelectElement).value === 'en' ? 'en' : 'da';
  for (const tab of viewTabs()) tab.textContent = LABELS[lang][tab.dataset.view as View];
}

function show(view: View | null): void {
  for (const tab of viewTabs()) {
    const selected = tab.dataset.view === view;
    tab.setAttribute('aria-selected', String(selected));
    byId(`panel-${tab.dataset.view}`).hidden = !selected;
  }
  byId('overview-panel').hidden = view !== null;
  if (view) for (const tab of overviewTabs()) tab.setAttribute('aria-selected', 'false');
}

for (const tab of viewTabs()) tab.addEventListener('click', () => show(tab.dataset.view as View));
for (const tab of overviewTabs()) tab.addEventListener('click', () => show(null));
byId('lang').addEventListener('change', label);
label();
