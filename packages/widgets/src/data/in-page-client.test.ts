import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { type Actor, createKitos, createMemoryStorage, fixedClock, type Kitos, optionSeedUuid } from '@os2kitos/core';
import '../components/contract-card/contract-card.js';
import '../components/overview/overview.js';
import { createInPageClient } from './in-page-client.js';

let kitos: Kitos;
let admin: Actor;
let org: string;
let usage: string;
let contract: string;

before(async () => {
  kitos = await createKitos({ storage: createMemoryStorage(), clock: fixedClock('2025-06-15T10:00:00Z') });
  admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@example.dk' });
  org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  const root = await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby Kommune' });
  const it = await kitos.units.create(admin, { organizationUuid: org, name: 'IT', parentUuid: root.uuid });
  const system = await kitos.systems.create(admin, {
    organizationUuid: org,
    name: '<img src=x onerror=alert(1)> ESDH',
  });
  usage = (
    await kitos.usages.create(admin, {
      organizationUuid: org,
      systemUuid: system.uuid,
      organizationUsage: { usingUnitUuids: [it.uuid], responsibleUnitUuid: it.uuid },
    })
  ).uuid;
  contract = (
    await kitos.contracts.create(admin, {
      organizationUuid: org,
      name: 'ESDH drift',
      systemUsageUuids: [usage],
      responsible: { organizationUnitUuid: it.uuid },
      general: { validity: { validFrom: '2020-01-01', validTo: '2025-12-31' } },
      termination: { terms: { noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '3') } },
    })
  ).uuid;
  await kitos.usages.patch(admin, usage, { general: { mainContractUuid: contract } });
});

describe('createInPageClient over the core facade', () => {
  it('serves overview pages, cards, deadlines and the unit tree from the in-page core', async () => {
    const client = createInPageClient(kitos, admin);
    const page = await client.overview('usages', { organizationUuid: org, limit: 10 });
    expect(page.total).to.equal(1);
    const card = await client.usageCard(usage);
    expect(card.mainContract).to.deep.include({ name: 'ESDH drift', active: true });
    expect(card.responsibleUnit?.name).to.equal('IT');
    const deadlines = await client.contractDeadlines({ organizationUuid: org });
    expect(deadlines.map((d) => `${d.kind} ${d.date}`)).to.deep.equal(['tender-start 2025-01-01', 'expiry 2025-12-31']);
    const tree = await client.unitTree(org);
    expect(tree[0]?.children[0]).to.deep.include({ name: 'IT' });
    expect(tree[0]?.children[0]?.counts).to.deep.equal({ usages: 1, contracts: 1, registrations: 0, roles: 0 });
  });

  it('drives <kitos-overview> and <kitos-contract-card> with hostile names kept inert', async () => {
    const client = createInPageClient(kitos, admin);
    const grid = await fixture(
      html`<kitos-overview kind="usages" organization-uuid=${org} .client=${client}></kitos-overview>`,
    );
    await waitUntil(() => grid.shadowRoot?.textContent?.includes('ESDH'), 'rows');
    expect(grid.shadowRoot!.querySelector('img')).to.equal(null);
    const card = await fixture(html`<kitos-contract-card uuid=${contract} .client=${client}></kitos-contract-card>`);
    await waitUntil(() => card.shadowRoot?.textContent?.includes('ESDH drift'), 'card');
    expect(card.shadowRoot!.textContent).to.contain('30-09-2025');
    await expect(card).to.be.accessible();
  });
});
