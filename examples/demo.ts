// The demo page's script: computes each contract's status with the core's date rules and shows it
// with a widget. It grows into the full demo (overview, cards, timeline, tree) as those land.
import { compareDates, toIsoDate } from '@os2kitos/core';
import { formatDate } from '@os2kitos/widgets';

const today = toIsoDate(new Date(), 'Europe/Copenhagen');
const contracts = [
  { name: 'ESDH – Hovedkontrakt', validTo: '2031-12-31' },
  { name: 'Økonomisystem – Drift', validTo: '2024-06-30' },
  { name: 'Ældrepleje – Omsorgssystem', validTo: null },
];

const body = document.getElementById('contracts');
for (const c of contracts) {
  const active = c.validTo === null || compareDates(today, c.validTo) <= 0;
  const row = document.createElement('tr');
  const name = document.createElement('td');
  name.textContent = c.name;
  const end = document.createElement('td');
  end.textContent = c.validTo ? formatDate(c.validTo) : '–';
  const status = document.createElement('td');
  const badge = document.createElement('kitos-status-badge');
  badge.active = active;
  badge.reason = active ? '' : `slutdato ${formatDate(c.validTo)} er passeret`;
  status.append(badge);
  row.append(name, end, status);
  body?.append(row);
}
document.body.dataset.ready = 'true';
