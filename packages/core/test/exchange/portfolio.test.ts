import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_LIMIT,
  exportPortfolio,
  importPortfolio,
  optionSeedUuid,
  type PortfolioDocument,
  PortfolioDocumentSchema,
  portfolioJsonSchema,
} from '../../src/index.js';
import { type World, world } from './setup.js';

const SCHEMA_FILE = new URL('../../../../docs/schema/portfolio.v1.schema.json', import.meta.url);

describe('the published JSON Schema', () => {
  it('is what z.toJSONSchema generates from the zod schemas (UPDATE_PORTFOLIO_SCHEMA=1 rewrites it)', () => {
    const generated = `${JSON.stringify(portfolioJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_PORTFOLIO_SCHEMA || !existsSync(SCHEMA_FILE)) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'docs/schema/portfolio.v1.schema.json is stale').toBe(generated);
  });
});

/** A generated portfolio: how many of each thing, and how they link (by index). */
const portfolioShape = fc.record({
  unitParents: fc.array(fc.nat(), { maxLength: 5 }),
  usages: fc.subarray(['esdh', 'loen', 'okonomi'] as const, { minLength: 0 }).chain((systems) =>
    fc.tuple(
      fc.constant(systems),
      fc.array(
        fc.record({
          life: fc.constantFrom(null, 'Operational', 'PhasingOut'),
          from: fc.option(fc.constantFrom('2020-01-01', '2023-06-30'), { nil: null }),
          unit: fc.nat(),
          notes: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
        }),
        { minLength: systems.length, maxLength: systems.length },
      ),
    ),
  ),
  contracts: fc.array(
    fc.record({
      parent: fc.option(fc.nat(), { nil: null }),
      usage: fc.option(fc.nat(), { nil: null }),
      years: fc.nat({ max: 5 }),
    }),
    { maxLength: 4 },
  ),
  relation: fc.boolean(),
  dpr: fc.boolean(),
  project: fc.boolean(),
});

type Shape = typeof portfolioShape extends fc.Arbitrary<infer T> ? T : never;

async function build(w: World, shape: Shape) {
  const { kitos, admin, org } = w;
  const units = [w.root, w.units.borgerservice, w.units.skoler];
  for (const [i, p] of shape.unitParents.entries()) {
    units.push(
      (
        await kitos.units.create(admin, {
          organizationUuid: org,
          name: `Enhed ${i}`,
          parentUuid: units[p % units.length] as string,
        })
      ).uuid,
    );
  }
  const [systems, usageFields] = shape.usages;
  const usages: string[] = [];
  for (const [i, key] of systems.entries()) {
    const f = usageFields[i] as Shape['usages'][1][number];
    const unit = units[f.unit % units.length] as string;
    const u = await kitos.usages.create(admin, {
      organizationUuid: org,
      systemUuid: w.systems[key],
      general: { notes: f.notes, validity: { lifeCycleStatus: f.life, validFrom: f.from } },
      organizationUsage: { usingUnitUuids: [unit], responsibleUnitUuid: unit },
    } as never);
    usages.push(u.uuid);
  }
  const contracts: string[] = [];
  for (const [i, c] of shape.contracts.entries()) {
    const created = await kitos.contracts.create(admin, {
      organizationUuid: org,
      name: `Kontrakt ${i}`,
      parentContractUuid: c.parent !== null && contracts.length > 0 ? contracts[c.parent % contracts.length] : null,
      systemUsageUuids: c.usage !== null && usages.length > 0 ? [usages[c.usage % usages.length]] : [],
      supplier: { organizationUuid: w.supplier },
      responsible: { organizationUnitUuid: units[i % units.length] },
      general: { validity: { validFrom: '2022-01-01' } },
      agreementPeriod: { durationYears: c.years },
      termination: { terms: { noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '3') } },
    } as never);
    contracts.push(created.uuid);
    if (c.usage !== null && usages.length > 0)
      await kitos.usages.patch(
        admin,
        usages[c.usage % usages.length] as string,
        { general: { mainContractUuid: created.uuid } } as never,
      );
  }
  if (shape.relation && usages.length >= 2) {
    await kitos.usages.patch(
      admin,
      usages[0] as string,
      {
        outgoingSystemRelations: [
          {
            uuid: '5b7e9a10-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
            toUsageUuid: usages[1],
            interfaceUuid: null,
            contractUuid: contracts[0] ?? null,
            frequencyUuid: null,
            description: 'data',
            reference: null,
          },
        ],
      } as never,
    );
  }
  if (shape.dpr) {
    const dpr = await kitos.dataProcessing.create(admin, {
      organizationUuid: org,
      name: 'Databehandleraftale',
      systemUsageUuids: usages.slice(0, 1),
      contractUuids: contracts.slice(0, 1),
      general: {
        dataProcessorUuids: [w.supplier],
        mainContractUuid: contracts[0] ?? null,
        responsibleUnitUuid: units[1],
      },
    } as never);
    if (contracts[0]) await kitos.contracts.patch(admin, contracts[0], { dataProcessingRegistrationUuids: [dpr.uuid] });
  }
  if (shape.project) {
    await kitos.projects.create(admin, {
      organizationUuid: org,
      name: 'Udfasning',
      systemUsageUuids: usages.slice(0, 2),
      contractUuids: contracts.slice(0, 1),
      responsibleUnitUuid: units[2],
    } as never);
  }
}

/** A document in comparable form: uuids mapped back, metadata and order removed. */
function comparable(doc: PortfolioDocument, back: ReadonlyMap<string, string>) {
  const { exportedAt, organization, ...rest } = doc;
  const mapped = JSON.parse(JSON.stringify(rest), (_k, v) =>
    typeof v === 'string' ? (back.get(v) ?? v) : v,
  ) as typeof rest;
  for (const list of Object.values(mapped))
    if (Array.isArray(list)) list.sort((a: { uuid: string }, b: { uuid: string }) => a.uuid.localeCompare(b.uuid));
  return mapped;
}

describe('exportPortfolio / importPortfolio', () => {
  it('round-trips generated portfolios: export → import into an empty organisation → export is equal but for ids', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioShape, async (shape) => {
        const w = await world();
        await build(w, shape);
        const first = await exportPortfolio(w.kitos, w.admin, w.org);
        expect(PortfolioDocumentSchema.safeParse(JSON.parse(JSON.stringify(first))).success).toBe(true);
        const target = (await w.kitos.organizations.create(w.admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
        const report = await importPortfolio(w.kitos, w.admin, JSON.parse(JSON.stringify(first)), {
          targetOrganizationUuid: target,
        });
        expect(report.issues).toEqual([]);
        const second = await exportPortfolio(w.kitos, w.admin, target);
        const back = new Map(Object.entries(report.uuidMap).map(([from, to]) => [to, from]));
        expect(comparable(second, back)).toEqual(comparable(first, new Map()));
        expect(new Set(Object.values(report.uuidMap)).size).toBe(Object.keys(report.uuidMap).length);
        expect(Object.values(report.uuidMap).some((u) => u in report.uuidMap)).toBe(false);
      }),
      { numRuns: 12, seed: 20250615 },
    );
  });

  it('exports and imports every record, not the first page of each list', async () => {
    const w = await world();
    // One `list` call returns one page (DEFAULT_LIST_LIMIT records); a portfolio holds them all.
    const n = DEFAULT_LIST_LIMIT + 5;
    const systems: string[] = [];
    for (let i = 0; i < n; i++) {
      systems.push((await w.kitos.systems.create(w.admin, { organizationUuid: w.org, name: `System ${i}` })).uuid);
      await w.kitos.units.create(w.admin, { organizationUuid: w.org, name: `Enhed ${i}`, parentUuid: w.root });
    }
    for (const systemUuid of systems) await w.kitos.usages.create(w.admin, { organizationUuid: w.org, systemUuid });
    const doc = await exportPortfolio(w.kitos, w.admin, w.org);
    expect(doc.units).toHaveLength((await w.kitos.units.list(w.admin, { organizationUuid: w.org, limit: 0 })).total);
    expect(doc.units.length).toBeGreaterThan(n);
    expect(doc.usages).toHaveLength(n);
    expect(doc.catalogueReferences.systems).toHaveLength(n);
    const target = (await w.kitos.organizations.create(w.admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
    const report = await importPortfolio(w.kitos, w.admin, doc, { targetOrganizationUuid: target });
    expect(report.issues).toEqual([]);
    expect(report.counts).toMatchObject({ units: doc.units.length, usages: n });
  });

  it('refuses a non-empty target, unknown catalogue systems and malformed documents, changing nothing', async () => {
    const w = await world();
    await build(w, {
      unitParents: [0],
      usages: [['esdh'], [{ life: null, from: null, unit: 1, notes: null }]],
      contracts: [],
      relation: false,
      dpr: false,
      project: false,
    });
    const doc = await exportPortfolio(w.kitos, w.admin, w.org);
    const same = await importPortfolio(w.kitos, w.admin, doc);
    expect(same.issues.map((i) => i.code)).toEqual(['duplicate-in-store']);
    const target = (await w.kitos.organizations.create(w.admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
    const ghost = {
      ...doc,
      catalogueReferences: {
        ...doc.catalogueReferences,
        systems: [{ uuid: '00000000-0000-4000-8000-000000000000', name: 'Spøgelse' }],
      },
    };
    const unknown = await importPortfolio(w.kitos, w.admin, ghost, { targetOrganizationUuid: target });
    expect(unknown.issues.map((i) => i.code)).toEqual(['unknown-reference', 'invalid-document']);
    const broken = await importPortfolio(
      w.kitos,
      w.admin,
      { ...doc, version: 2, units: 'x' },
      { targetOrganizationUuid: target },
    );
    expect(broken.issues.map((i) => i.column)).toEqual(['version', 'units']);
    expect((await w.kitos.units.list(w.admin, { organizationUuid: target })).total).toBe(0);
  });

  it('rolls back everything when a record is refused midway', async () => {
    const w = await world();
    await build(w, {
      unitParents: [],
      usages: [
        ['esdh', 'loen'],
        [
          { life: null, from: null, unit: 0, notes: null },
          { life: null, from: null, unit: 0, notes: null },
        ],
      ],
      contracts: [],
      relation: false,
      dpr: false,
      project: false,
    });
    const doc = await exportPortfolio(w.kitos, w.admin, w.org);
    const second = doc.usages[1] as (typeof doc.usages)[number];
    const bad = {
      ...doc,
      usages: [
        doc.usages[0],
        {
          ...second,
          general: {
            ...second.general,
            validity: { ...second.general.validity, validFrom: '2025-01-01', validTo: '2024-01-01' },
          },
        },
      ],
    };
    const target = (await w.kitos.organizations.create(w.admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
    const report = await importPortfolio(w.kitos, w.admin, bad, { targetOrganizationUuid: target });
    expect(report.ok).toBe(false);
    expect(report.issues[0]?.column).toContain('usages.1');
    expect((await w.kitos.units.list(w.admin, { organizationUuid: target })).total).toBe(0);
    expect((await w.kitos.usages.list(w.admin, { organizationUuid: target })).total).toBe(0);
  });
});
