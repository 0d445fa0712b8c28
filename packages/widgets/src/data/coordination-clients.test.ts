// The coordination reads over both clients: the in-page core and the HTTP client on the test
// runner's server read the same portfolio (Nordby, Sydby, and Østby and Vestby sharing records), as
// Anna of Nordby; every test body runs over each and gets the same answers.
import { expect } from '@open-wc/testing';
import {
  createKitos,
  createMemoryStorage,
  fixedClock,
  KitosForbiddenError,
  KitosValidationError,
  loadCoordinationFacts,
} from '@os2kitos/core';
import { CLIENT_SETUPS, type ClientSetup } from '../testing/fixtures/clients.js';
import { PORTFOLIO_TODAY, seedPortfolio } from '../testing/fixtures/portfolio.js';
import { canCoordinate, type KitosCoordinationReader } from './client.js';
import { createStaticClient } from './fake-client.js';
import { staticCoordination } from './static-coordination.js';
import { createInPageClient } from './in-page-client.js';

async function refused(p: Promise<unknown>, type: new (...a: never[]) => Error): Promise<void> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, `expected ${type.name}`).to.be.instanceOf(type);
}

describe('canCoordinate', () => {
  it('is false for a static snapshot of one organisation, true with several municipalities’ facts', () => {
    expect(canCoordinate(createStaticClient({}))).to.equal(false);
    expect(canCoordinate(undefined)).to.equal(false);
    const empty = {
      organizations: [],
      settings: [],
      systems: [],
      interfaces: [],
      kle: [],
      optionNames: new Map<string, string>(),
      usages: [],
      contracts: [],
      projects: [],
    };
    expect(
      canCoordinate(
        createStaticClient({ coordination: staticCoordination({ reader: { userUuid: 'x' }, facts: empty }) }),
      ),
    ).to.equal(true);
  });
});

describe('coordination over a static snapshot of several municipalities', () => {
  it('answers and refuses as the in-page client over the same portfolio, for Anna of Nordby', async () => {
    const storage = createMemoryStorage();
    const kitos = await createKitos({ storage, clock: fixedClock(`${PORTFOLIO_TODAY}T10:00:00Z`) });
    const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@test.dk' });
    const p = await seedPortfolio(kitos, admin);
    const live = createInPageClient(kitos, { userUuid: p.anna }, { today: PORTFOLIO_TODAY });
    const memberships = (
      await storage.query<{ organizationUuid: string; role: 'User' }>({
        kind: 'membership',
        filter: { op: 'eq', field: 'userUuid', value: p.anna },
      })
    ).records.map((r) => r.data);
    const facts = await loadCoordinationFacts(storage, PORTFOLIO_TODAY);
    const municipal = facts.organizations.filter((o) => o.type === 'Kommune').map((o) => o.uuid);
    const snapshot = createStaticClient({
      today: PORTFOLIO_TODAY,
      coordination: staticCoordination({
        reader: { userUuid: p.anna, memberships, municipalityOrganizationUuids: municipal },
        facts,
        today: PORTFOLIO_TODAY,
      }),
    });
    if (!canCoordinate(live) || !canCoordinate(snapshot)) throw new Error('both clients coordinate');
    const co = p.coordination;
    const calls: ((c: KitosCoordinationReader) => Promise<unknown>)[] = [
      (c) => c.catalogue({ organizationUuid: p.nordby, minOrganizations: 2, limit: 2 }),
      (c) => c.catalogue({ kleUuid: co.kle.group }),
      (c) => c.catalogue({ organizationUuid: p.sydby }),
      (c) => c.catalogueFilters(),
      (c) => c.systemUse(co.sharedSystem),
      (c) => c.radar({ supplierUuid: co.supplier, months: 12 }),
      (c) => c.radar({ systemUuid: co.system01, kinds: ['expiry'] }),
      (c) => c.radar({ months: 12 }),
      (c) => c.contractsLikeMine(p.spareContract, { limit: 5 }),
      (c) => c.similarLandscapes({ organizationUuid: p.nordby, limit: 5 }),
      (c) => c.similarLandscapes({ organizationUuid: p.sydby }),
      (c) => c.landscapeSuggestions({ organizationUuid: p.nordby, kleUuid: co.kle.main }),
    ];
    const outcome = (f: Promise<unknown>) =>
      f.then(
        (x) => JSON.parse(JSON.stringify(x)) as unknown,
        (e: Error) => ({ refused: e.constructor.name, message: e.message }),
      );
    for (const call of calls) expect(await outcome(call(snapshot))).to.deep.equal(await outcome(call(live)));
    // Not only refusals: the snapshot names what the others share.
    const similar = await snapshot.similarLandscapes({ organizationUuid: p.nordby, limit: 5 });
    expect(similar.map((x) => [x.organization.name, x.sharedSystems])).to.deep.equal([
      ['Østby Kommune', 3],
      ['Vestby Kommune', 2],
    ]);
    await refused(snapshot.catalogue({ organizationUuid: p.sydby }), KitosForbiddenError);
  });
});

for (const setup of CLIENT_SETUPS) {
  describe(`coordination over the ${setup.name} client`, () => {
    let s: ClientSetup;
    let c: KitosCoordinationReader;
    before(async () => {
      s = await setup.make();
      if (!canCoordinate(s.client)) throw new Error(`${setup.name} cannot coordinate`);
      c = s.client;
    });

    it('pages the national catalogue with counts, filters and "used here"', async () => {
      const co = s.portfolio.coordination;
      const page = await c.catalogue({ organizationUuid: s.portfolio.nordby, minOrganizations: 2, limit: 2 });
      expect(page.total).to.equal(5);
      expect(page.entries.map((e) => [e.name, e.organizations, e.usedHere])).to.deep.equal([
        ['System 01', 3, true],
        ['Fælles Borgerservice', 2, false],
      ]);
      const shared = page.entries[1];
      expect(shared?.rightsHolder?.uuid).to.equal(co.supplier);
      expect(shared?.interfaces.map((i) => [i.name, i.consumers.map((x) => x.name)])).to.deep.equal([
        ['Borgerservice API', ['System 01']],
      ]);
      const byTask = await c.catalogue({ kleUuid: co.kle.group });
      expect(byTask.entries.map((e) => e.name)).to.deep.equal(['Fælles Borgerservice']);
      const byHolder = await c.catalogue({ rightsHolderUuid: co.supplier, search: 'borger' });
      expect(byHolder.total).to.equal(1);
      await refused(c.catalogue({ limit: 0 }), KitosValidationError);
      await refused(c.catalogue({ organizationUuid: s.portfolio.sydby }), KitosForbiddenError);
    });

    it('offers the filters of the visible catalogue', async () => {
      const f = await c.catalogueFilters();
      expect(f.kle.map((k) => k.taskKey)).to.deep.equal(['02', '02.05', '02.05.10']);
      expect(f.rightsHolders.map((r) => r.name)).to.deep.equal(['Leverandør A/S']);
      expect(f.maxOrganizations).to.equal(3);
    });

    it('tells who uses a system, as each shares it', async () => {
      const use = await c.systemUse(s.portfolio.coordination.sharedSystem);
      expect(use.organizations).to.equal(2);
      expect(use.usages.map((u) => [u.organization.name, u.shared])).to.deep.equal([
        ['Vestby Kommune', ['interfaces']],
        ['Østby Kommune', ['lifeCycleStatus', 'interfaces']],
      ]);
      const oestby = use.contracts.find((x) => x.organization.name === 'Østby Kommune');
      expect(oestby?.contacts?.map((p) => p.name)).to.deep.equal([s.portfolio.coordination.contactName]);
      expect(oestby?.name).to.equal(undefined);
    });

    it('draws the radar by system and quarter from the client’s day', async () => {
      const r = await c.radar({ supplierUuid: s.portfolio.coordination.supplier, months: 12 });
      expect(r.quarters).to.deep.equal(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
      expect(r.groups.map((g) => [g.system.name, g.quarters.map((q) => q.quarter)])).to.deep.equal([
        ['Fælles Borgerservice', ['2026-Q1']],
        ['System 01', ['2025-Q3', '2025-Q4']],
      ]);
      const narrowed = await c.radar({ systemUuid: s.portfolio.coordination.system01, kinds: ['expiry'] });
      expect(narrowed.groups[0]?.quarters.map((q) => [q.quarter, q.entries[0]?.organization.name])).to.deep.equal([
        ['2026-Q2', 'Østby Kommune'],
        ['2026-Q3', 'Vestby Kommune'],
      ]);
      await refused(c.radar({ months: 12 }), KitosValidationError);
    });

    it('finds contracts like mine and landscapes like mine, explained', async () => {
      const like = await c.contractsLikeMine(s.portfolio.spareContract, { limit: 5 });
      expect(like.map((l) => [l.organization.name, l.quarterDistance])).to.deep.equal([
        ['Vestby Kommune', 5],
        ['Østby Kommune', 6],
      ]);
      const similar = await c.similarLandscapes({ organizationUuid: s.portfolio.nordby, limit: 5 });
      expect(similar.map((x) => [x.organization.name, x.sharedSystems])).to.deep.equal([
        ['Østby Kommune', 3],
        ['Vestby Kommune', 2],
      ]);
      expect(similar[0]?.explanation.da).to.match(/^Bruger 3 af de samme systemer som Nordby Kommune/);
      const found = await c.landscapeSuggestions({
        organizationUuid: s.portfolio.nordby,
        kleUuid: s.portfolio.coordination.kle.main,
      });
      expect(found.map((x) => [x.system.name, x.usedBy.map((o) => o.name)])).to.deep.equal([
        ['Fælles Borgerservice', ['Østby Kommune', 'Vestby Kommune']],
      ]);
      await refused(c.similarLandscapes({ organizationUuid: s.portfolio.sydby }), KitosForbiddenError);
    });
  });
}
