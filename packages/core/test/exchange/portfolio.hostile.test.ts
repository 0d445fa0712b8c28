// Portfolio documents come from other installations or people: uuids used twice, keys named like
// Object.prototype members, and text that looks like a uuid must neither corrupt the store nor be
// taken for references.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportPortfolio,
  importPortfolio,
  optionSeedUuid,
  PORTFOLIO_RECORD_LISTS,
  PORTFOLIO_UUID_FIELDS,
  type PortfolioDocument,
  PortfolioDocumentSchema,
} from '../../src/index.js';
import { type World, world } from './setup.js';

describe('security: hostile portfolio documents: record uuids', () => {
  /** A small portfolio with every kind of record, exported. */
  async function portfolio() {
    const w = await world();
    const { kitos, admin, org } = w;
    const usage = await kitos.usages.create(admin, {
      organizationUuid: org,
      systemUuid: w.systems.esdh,
      organizationUsage: { usingUnitUuids: [w.units.skoler], responsibleUnitUuid: w.units.skoler },
    } as never);
    const parent = await kitos.contracts.create(admin, {
      organizationUuid: org,
      name: 'Rammeaftale',
      responsible: { organizationUnitUuid: w.units.borgerservice },
    } as never);
    const contract = await kitos.contracts.create(admin, {
      organizationUuid: org,
      name: 'ESDH drift',
      parentContractUuid: parent.uuid,
      systemUsageUuids: [usage.uuid],
      termination: {
        terms: { noticePeriodMonthsUuid: optionSeedUuid('it-contract-notice-period-month-types', '3') },
      },
    } as never);
    await kitos.dataProcessing.create(admin, {
      organizationUuid: org,
      name: 'Databehandleraftale',
      systemUsageUuids: [usage.uuid],
      contractUuids: [contract.uuid],
    } as never);
    await kitos.projects.create(admin, {
      organizationUuid: org,
      name: 'Udfasning',
      contractUuids: [contract.uuid],
    } as never);
    const doc = await exportPortfolio(kitos, admin, org);
    return { w, doc };
  }

  const target = async (w: World) =>
    (await w.kitos.organizations.create(w.admin, { name: `Mål ${Math.random()}`, type: 'Kommune' })).uuid;

  async function targetIsEmpty(w: World, org: string) {
    const q = { organizationUuid: org };
    const totals = await Promise.all([
      w.kitos.units.list(w.admin, q).then((p) => p.total),
      w.kitos.usages.list(w.admin, q).then((p) => p.total),
      w.kitos.contracts.list(w.admin, q).then((p) => p.total),
      w.kitos.dataProcessing.list(w.admin, q).then((p) => p.total),
      w.kitos.projects.list(w.admin, q).then((p) => p.total),
    ]);
    return totals.every((t) => t === 0);
  }

  it('refuses a uuid used twice, within one kind or across kinds, naming both places and changing nothing', async () => {
    const { w, doc } = await portfolio();
    const [u0, u1, u2] = doc.units as [PortfolioDocument['units'][number], ...PortfolioDocument['units']];
    const twice: PortfolioDocument = {
      ...doc,
      units: [u0, { ...(u1 as typeof u0), uuid: u0.uuid }, u2 as typeof u0],
      projects: doc.projects.map((p) => ({ ...p, uuid: (doc.contracts[0]?.uuid ?? '').toUpperCase() })),
    };
    const to = await target(w);
    const report = await importPortfolio(w.kitos, w.admin, twice, { targetOrganizationUuid: to });
    expect(report).toMatchObject({ ok: false, written: false, uuidMap: {} });
    expect(report.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-in-file', sheet: 'JSON', column: 'units.1.uuid', value: u0.uuid }),
      expect.objectContaining({ code: 'duplicate-in-file', sheet: 'JSON', column: 'projects.0.uuid' }),
    ]);
    expect(report.issues[0]?.message.en).toContain('units.0.uuid');
    expect(report.issues[0]?.message.da).toContain('units.0.uuid');
    expect(report.issues[1]?.message.en).toContain('contracts.0.uuid');
    expect(await targetIsEmpty(w, to)).toBe(true);
    const dry = await importPortfolio(w.kitos, w.admin, twice, { targetOrganizationUuid: to, dryRun: true });
    expect(dry.issues.map((i) => i.code)).toEqual(['duplicate-in-file', 'duplicate-in-file']);
  });

  it('classifies every uuid field of the format, as a reference to another record or kept as it is', () => {
    type Schema = { _zod: { def: Record<string, unknown> & { type: string } } };
    const found = new Map<string, string[]>();
    const walk = (schema: Schema, path: string[], list: string) => {
      const def = schema._zod.def;
      if (def.type === 'object')
        for (const [key, inner] of Object.entries(def.shape as Record<string, Schema>))
          walk(inner, [...path, key], list);
      else if (def.type === 'array') walk(def.element as Schema, [...path, '*'], list);
      else if (def.type === 'pipe') walk(def.in as Schema, path, list);
      else if (def.type === 'union') for (const option of def.options as Schema[]) walk(option, path, list);
      else if (def.innerType) walk(def.innerType as Schema, path, list);
      else if (def.type === 'string' && def.format === 'uuid') found.get(list)?.push(path.join('.'));
    };
    const shape = (PortfolioDocumentSchema as unknown as Schema)._zod.def.shape as Record<string, Schema>;
    for (const list of PORTFOLIO_RECORD_LISTS) {
      found.set(list, []);
      walk((shape[list] as Schema)._zod.def.element as Schema, [], list);
    }
    for (const list of PORTFOLIO_RECORD_LISTS) {
      const classified = PORTFOLIO_UUID_FIELDS[list].map(([path]) => path);
      expect([...classified].sort(), list).toEqual([...new Set(found.get(list))].sort());
    }
  });

  it('__proto__ and constructor keys in a document are refused with the other unknown keys, polluting nothing', async () => {
    const { w, doc } = await portfolio();
    const hostile = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';
    const text = JSON.stringify(doc)
      .replace('"name":"ESDH drift"', `"name":"ESDH drift",${hostile}`)
      .replace('{"format"', `{${hostile},"format"`);
    const to = await target(w);
    const report = await importPortfolio(w.kitos, w.admin, JSON.parse(text), { targetOrganizationUuid: to });
    // One issue per object holding them: the document itself (column null) and the contract.
    expect(report.issues.map((i) => i.code)).toEqual(['invalid-document', 'invalid-document']);
    const columns = report.issues.map((i) => i.column);
    expect(columns).toContain(null);
    expect(columns.filter((c) => c !== null)).toEqual([expect.stringMatching(/^contracts\.\d+$/)]);
    for (const i of report.issues) expect(i.message.en).toMatch(/__proto__.*constructor/);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await w.kitos.contracts.list(w.admin, { organizationUuid: to })).items).toEqual([]);
  });

  it('keeps free text that equals a uuid of another record, and still rewrites the references', async () => {
    const { w, doc } = await portfolio();
    const uuids = [
      ...doc.units.map((u) => u.uuid),
      ...doc.usages.map((u) => u.uuid),
      ...doc.contracts.map((c) => c.uuid),
      ...doc.dataProcessingRegistrations.map((d) => d.uuid),
      ...doc.projects.map((p) => p.uuid),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          contractName: fc.constantFrom(...uuids),
          unitName: fc.constantFrom(...uuids),
          usageNotes: fc.constantFrom(...uuids),
          dprName: fc.constantFrom(...uuids),
          projectName: fc.constantFrom(...uuids),
        }),
        async (text) => {
          const [contract, ...contracts] = doc.contracts as [PortfolioDocument['contracts'][number]];
          const [unit, ...units] = doc.units as [PortfolioDocument['units'][number]];
          const [usage] = doc.usages as [PortfolioDocument['usages'][number]];
          const [dpr] = doc.dataProcessingRegistrations as [PortfolioDocument['dataProcessingRegistrations'][number]];
          const [project] = doc.projects as [PortfolioDocument['projects'][number]];
          const edited: PortfolioDocument = {
            ...doc,
            units: [{ ...unit, name: text.unitName }, ...units],
            usages: [{ ...usage, general: { ...usage.general, notes: text.usageNotes } }],
            contracts: [{ ...contract, name: text.contractName }, ...contracts],
            dataProcessingRegistrations: [{ ...dpr, name: text.dprName }],
            projects: [{ ...project, name: text.projectName }],
          };
          const to = await target(w);
          const report = await importPortfolio(w.kitos, w.admin, edited, {
            targetOrganizationUuid: to,
          });
          expect(report.issues).toEqual([]);
          const map = new Map(Object.entries(report.uuidMap));
          const get = <T>(list: readonly T[], uuid: string) =>
            list.find((x) => (x as { uuid: string }).uuid === map.get(uuid)) as T;
          const q = { organizationUuid: to };
          const newUnits = (await w.kitos.units.list(w.admin, q)).items;
          const newUsages = (await w.kitos.usages.list(w.admin, q)).items;
          const newContracts = (await w.kitos.contracts.list(w.admin, q)).items;
          const newDprs = (await w.kitos.dataProcessing.list(w.admin, q)).items;
          const newProjects = (await w.kitos.projects.list(w.admin, q)).items;
          expect(get(newUnits, unit.uuid).name).toBe(text.unitName);
          expect(get(newUsages, usage.uuid).general.notes).toBe(text.usageNotes);
          expect(get(newContracts, contract.uuid).name).toBe(text.contractName);
          expect(get(newDprs, dpr.uuid).name).toBe(text.dprName);
          expect(get(newProjects, project.uuid).name).toBe(text.projectName);
          // References are still rewritten to the new records.
          const child = doc.contracts.find((c) => c.parentContractUuid) as PortfolioDocument['contracts'][number];
          const newChild = get(newContracts, child.uuid);
          expect(newChild.parentContractUuid).toBe(map.get(child.parentContractUuid as string));
          expect(newChild.systemUsageUuids).toEqual([map.get(usage.uuid)]);
          expect(get(newUsages, usage.uuid).organizationUsage.responsibleUnitUuid).toBe(
            map.get(usage.organizationUsage.responsibleUnitUuid as string),
          );
        },
      ),
      { numRuns: 15, seed: 20250615 },
    );
  });
});
