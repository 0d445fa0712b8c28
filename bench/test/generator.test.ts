// The sample-data generator: sizes, tree and link invariants, gates, determinism, scaling and the
// spread of contract deadlines. Only scales 1 and 10 run here; scale 100 is for the benchmarks.
import {
  type Contract,
  addDays,
  addMonths,
  contractDeadlines,
  contractExpiry,
  contractTermsOf,
  daysBetween,
  findUsageGdprGateBreaches,
  usageValidity,
} from '@os2kitos/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayDiff, plusDays, plusMonths } from '../generator/dates.js';
import { SAMPLE_SIZES, type SampleData, generatePortfolio, validateSampleData } from '../generator/index.js';

const TODAY = '2025-06-01';
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let one: SampleData;
let ten: SampleData;

beforeAll(() => {
  one = generatePortfolio({ seed: 1, scale: 1, today: TODAY });
  ten = generatePortfolio({ seed: 1, scale: 10, today: TODAY });
});

const within = (actual: number, target: number, tolerance = 0.1) =>
  expect(Math.abs(actual - target)).toBeLessThanOrEqual(target * tolerance);

function municipalities(data: SampleData) {
  return data.organizations.filter((o) => o.type === 'Kommune' && !o.isDefaultOrganization);
}

describe('sizes at scale 1', () => {
  it('has one municipality with the target numbers of records (±10%)', () => {
    expect(municipalities(one)).toHaveLength(1);
    within(one.units.length, SAMPLE_SIZES.unitsPerMunicipality);
    within(one.usages.length, 600);
    within(one.contracts.length, 300);
    within(one.dataProcessingRegistrations.length, 100);
    within(one.projects.length, 40);
    const municipalityUsers = new Set(
      one.memberships.filter((m) => m.organizationUuid === one.info.municipalityUuids[0]).map((m) => m.userUuid),
    );
    within(municipalityUsers.size, 40);
  });

  it('has a catalogue of 1,500 systems and a few hundred interfaces from 200 suppliers', () => {
    expect(one.itSystems).toHaveLength(1500);
    expect(one.itInterfaces.length).toBeGreaterThanOrEqual(200);
    expect(one.organizations.filter((o) => o.type === 'Virksomhed')).toHaveLength(200);
    const local = one.itSystems.filter((s) => s.accessModifier === 'Local').length;
    within(local, 150, 0.2);
    expect(one.itSystems.filter((s) => s.parentUuid !== null).length).toBeGreaterThan(50);
    expect(one.itSystems.filter((s) => s.deactivated).length).toBeGreaterThan(10);
    const suppliers = new Set(one.organizations.filter((o) => o.type === 'Virksomhed').map((o) => o.uuid));
    expect(one.itSystems.filter((s) => s.rightsHolderUuid && suppliers.has(s.rightsHolderUuid)).length).toBeGreaterThan(
      1000,
    );
    const exposers = one.itInterfaces.map((i) => i.exposedBySystemUuid).filter((u) => u !== null);
    expect(exposers.length).toBeGreaterThan(one.itInterfaces.length * 0.8);
  });

  it('has one default organisation, one global admin and the admin roles of each municipality', () => {
    expect(one.organizations.filter((o) => o.isDefaultOrganization).map((o) => o.name)).toEqual(['Fælles Kommune']);
    expect(one.users.filter((u) => u.isGlobalAdmin).map((u) => u.uuid)).toEqual([one.info.globalAdminUuid]);
    for (const org of one.info.municipalityUuids) {
      const roles = one.memberships.filter((m) => m.organizationUuid === org).map((m) => m.role);
      for (const role of ['LocalAdmin', 'SystemModuleAdmin', 'ContractModuleAdmin'] as const) {
        expect(roles.filter((r) => r === role)).toHaveLength(1);
      }
    }
    expect(one.memberships.filter((m) => m.role === 'RightsHolderAccess')).toHaveLength(SAMPLE_SIZES.rightsHolderUsers);
  });

  it('gives every record the stored metadata of a fresh import by the global admin', () => {
    for (const list of [one.organizations, one.units, one.usages, one.contracts, one.dataProcessingRegistrations]) {
      for (const r of list) {
        expect(r.uuid).toMatch(V4);
        expect(r).toMatchObject({
          version: 1,
          createdAt: `${TODAY}T08:00:00.000Z`,
          lastChanged: `${TODAY}T08:00:00.000Z`,
          createdBy: one.info.globalAdminUuid,
          lastChangedBy: one.info.globalAdminUuid,
        });
      }
    }
  });

  it('uses Danish letters in names, also first', () => {
    const names = [...one.units, ...one.itSystems, ...one.organizations].map((x) => x.name);
    for (const letter of ['æ', 'ø', 'å']) expect(names.some((n) => n.toLowerCase().includes(letter))).toBe(true);
    expect(one.itSystems.some((s) => /^[ÆØÅ]/.test(s.name))).toBe(true);
    expect(one.users.some((u) => /[æøå]/i.test(`${u.firstName}${u.lastName}`))).toBe(true);
  });
});

describe('invariants', () => {
  it('passes every core schema and cross-record rule at scales 1 and 10', () => {
    expect(validateSampleData(one)).toEqual([]);
    expect(validateSampleData(ten)).toEqual([]);
  });

  it('reports broken data (the validator is not vacuous)', () => {
    // Copy only the two records that get broken; the rest is shared with `one`.
    const target = one.usages.find((u) => u.gdpr.riskAssessmentConducted !== 'Yes')!;
    const usage = structuredClone(target);
    usage.gdpr.riskAssessmentResult = 'High';
    const contract = structuredClone(one.contracts[0]!);
    contract.systemUsageUuids.push(ten.usages.at(-1)!.uuid);
    const broken: SampleData = {
      ...one,
      usages: one.usages.map((u) => (u === target ? usage : u)),
      contracts: [contract, ...one.contracts.slice(1)],
    };
    const codes = validateSampleData(broken).map((p) => p.code);
    expect(codes).toContain('gate-closed');
    expect(codes).toContain('not-found');
  });

  it('has exactly one root unit per municipality', () => {
    for (const data of [one, ten]) {
      for (const org of data.info.municipalityUuids) {
        const roots = data.units.filter((u) => u.organizationUuid === org && u.parentUuid === null);
        expect(roots).toHaveLength(1);
      }
    }
  });

  it('has at most one usage per organisation and system', () => {
    const pairs = ten.usages.map((u) => `${u.organizationUuid}/${u.systemUuid}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('keeps every link inside its organisation', () => {
    const orgOf = new Map<string, string>();
    for (const list of [ten.units, ten.usages, ten.contracts, ten.dataProcessingRegistrations, ten.projects]) {
      for (const r of list) orgOf.set(r.uuid, r.organizationUuid);
    }
    const outside: string[] = [];
    const same = (org: string, uuids: readonly (string | null)[]) => {
      for (const uuid of uuids) if (uuid !== null && orgOf.get(uuid) !== org) outside.push(uuid);
    };
    for (const u of ten.usages) {
      same(u.organizationUuid, [...u.organizationUsage.usingUnitUuids, u.organizationUsage.responsibleUnitUuid]);
      same(u.organizationUuid, [u.general.mainContractUuid]);
      same(
        u.organizationUuid,
        u.outgoingSystemRelations.flatMap((r) => [r.toUsageUuid, r.contractUuid]),
      );
    }
    for (const c of ten.contracts) {
      same(c.organizationUuid, [c.parentContractUuid, c.responsible.organizationUnitUuid]);
      same(c.organizationUuid, [...c.systemUsageUuids, ...c.dataProcessingRegistrationUuids]);
      same(
        c.organizationUuid,
        [...c.payments.external, ...c.payments.internal].map((s) => s.organizationUnitUuid),
      );
    }
    for (const d of ten.dataProcessingRegistrations) {
      same(d.organizationUuid, [...d.systemUsageUuids, ...d.contractUuids, d.general.responsibleUnitUuid]);
    }
    for (const p of ten.projects) {
      same(p.organizationUuid, [p.responsibleUnitUuid, p.parentProjectUuid, ...p.usingUnitUuids]);
      same(p.organizationUuid, [...p.systemUsageUuids, ...p.contractUuids]);
    }
    expect(outside).toEqual([]);
  });

  it('relates usages through interfaces exposed by the target system', () => {
    const systemOf = new Map(one.usages.map((u) => [u.uuid, u.systemUuid]));
    const exposer = new Map(one.itInterfaces.map((i) => [i.uuid, i.exposedBySystemUuid]));
    const relations = one.usages.flatMap((u) => u.outgoingSystemRelations);
    expect(relations.length).toBeGreaterThan(50);
    const viaInterface = relations.filter((r) => r.interfaceUuid !== null);
    expect(viaInterface.length).toBeGreaterThan(relations.length / 2);
    for (const r of viaInterface) expect(exposer.get(r.interfaceUuid!)).toBe(systemOf.get(r.toUsageUuid));
  });

  it('answers GDPR questions consistently with the gates', () => {
    const filled = one.usages.filter((u) => u.gdpr.purpose !== null);
    expect(filled.length).toBeGreaterThan(200);
    expect(filled.some((u) => u.gdpr.riskAssessmentConducted === 'Yes' && u.gdpr.riskAssessmentConductedDate)).toBe(
      true,
    );
    expect(filled.some((u) => u.gdpr.specificPersonalData.length > 0)).toBe(true);
    for (const u of one.usages) expect(findUsageGdprGateBreaches(u.gdpr)).toEqual([]);
    const withSubs = one.dataProcessingRegistrations.filter((d) => d.general.subDataProcessors.length > 0);
    expect(withSubs.every((d) => d.general.hasSubDataProcessors === 'Yes')).toBe(true);
    expect(withSubs.length).toBeGreaterThan(10);
  });

  it('mixes life cycles and validity so that some usages are not valid today', () => {
    const statuses = new Set(one.usages.map((u) => u.general.validity.lifeCycleStatus));
    for (const s of ['Operational', 'PhasingIn', 'PhasingOut', 'NotInUse', 'Undecided', null]) {
      expect(statuses).toContain(s);
    }
    const invalid = one.usages.filter(
      (u) => !usageValidity({ general: { ...u.general, mainContractUuid: null } }, { today: TODAY }).valid,
    );
    expect(invalid.length).toBeGreaterThan(one.usages.length * 0.05);
    expect(invalid.length).toBeLessThan(one.usages.length * 0.4);
  });
});

describe('contracts', () => {
  const optionName = (data: SampleData, uuid: string | null) =>
    uuid === null ? null : (data.options.find((o) => o.uuid === uuid)?.name ?? null);
  const termsOf = (c: Contract) =>
    contractTermsOf(c, {
      noticePeriodOptionName: optionName(one, c.termination.terms.noticePeriodMonthsUuid),
      extensionOptionName: optionName(one, c.agreementPeriod.extensionOptionsUuid),
    });

  it('spreads the expiries of fixed-term contracts over the next three years', () => {
    const ends = one.contracts.map((c) => c.general.validity.validTo).filter((d): d is string => d !== null);
    expect(ends.length).toBeGreaterThan(one.contracts.length * 0.5);
    for (let year = 0; year < 3; year++) {
      const from = addDays(TODAY, 365 * year);
      const to = addDays(TODAY, 365 * (year + 1));
      const inYear = ends.filter((d) => d > from && d <= to).length;
      expect(inYear / ends.length).toBeGreaterThanOrEqual(0.15);
    }
  });

  it('has realistic terms that the deadline engine reads', () => {
    const concluded = one.contracts.filter((c) => !c.general.validity.requireValidParent);
    for (const c of concluded) {
      const age = daysBetween(c.general.validity.validFrom!, TODAY);
      expect(age).toBeGreaterThanOrEqual(365);
      expect(age).toBeLessThanOrEqual(8 * 366);
      const years = c.agreementPeriod.durationYears;
      if (!c.agreementPeriod.isContinuous) expect(years).toBeGreaterThanOrEqual(2);
      if (!c.agreementPeriod.isContinuous) expect(years).toBeLessThanOrEqual(6);
      const terms = termsOf(c);
      if (c.general.validity.validTo !== null) {
        expect(contractExpiry({ ...terms, validTo: null }).date).toBe(c.general.validity.validTo);
      }
      expect(() => contractDeadlines(terms, { today: TODAY })).not.toThrow();
    }
    expect(one.contracts.filter((c) => c.agreementPeriod.isContinuous).length).toBeGreaterThan(30);
    expect(one.contracts.filter((c) => c.agreementPeriod.extensionOptionsUuid !== null).length).toBeGreaterThan(50);
    expect(one.contracts.filter((c) => c.termination.terminatedAt !== null).length).toBeGreaterThan(0);
    expect(one.contracts.filter((c) => c.parentContractUuid !== null).length).toBeGreaterThan(20);
    const noticeNames = new Set(one.contracts.map((c) => optionName(one, c.termination.terms.noticePeriodMonthsUuid)));
    for (const months of ['1', '3', '6', '12']) expect(noticeNames).toContain(months);
    const amounts = one.contracts.flatMap((c) => c.payments.external.map((s) => s.operation));
    expect(amounts.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
  });

  it('buys from suppliers and covers usages of the same municipality', () => {
    const suppliers = new Set(one.organizations.filter((o) => o.type === 'Virksomhed').map((o) => o.uuid));
    const withSupplier = one.contracts.filter((c) => c.supplier.organizationUuid !== null);
    expect(withSupplier.length).toBeGreaterThan(one.contracts.length * 0.9);
    for (const c of withSupplier) expect(suppliers.has(c.supplier.organizationUuid!)).toBe(true);
    expect(one.usages.filter((u) => u.general.mainContractUuid !== null).length).toBeGreaterThan(100);
  });
});

describe('determinism and scale', () => {
  it('gives byte-identical JSON for the same options, and other data for another seed', () => {
    const again = generatePortfolio({ seed: 1, scale: 1, today: TODAY });
    expect(JSON.stringify(again)).toBe(JSON.stringify(one));
    const other = generatePortfolio({ seed: 2, scale: 1, today: TODAY });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(one));
    expect(other.usages[0]!.uuid).not.toBe(one.usages[0]!.uuid);
  });

  it('multiplies organisation data by 10 at scale 10 while the catalogue stays the same', () => {
    expect(municipalities(ten)).toHaveLength(10);
    expect(ten.usages).toHaveLength(one.usages.length * 10);
    expect(ten.contracts).toHaveLength(one.contracts.length * 10);
    expect(ten.dataProcessingRegistrations).toHaveLength(one.dataProcessingRegistrations.length * 10);
    expect(ten.projects).toHaveLength(one.projects.length * 10);
    within(ten.units.length, one.units.length * 10);
    expect(ten.itSystems).toHaveLength(1500);
    expect(ten.itInterfaces).toHaveLength(one.itInterfaces.length);
    expect(ten.organizations.filter((o) => o.type === 'Virksomhed')).toHaveLength(200);
    expect(ten.itSystems.map((s) => s.name)).toEqual(one.itSystems.map((s) => s.name));
  });

  it('keeps the first municipality the same at every scale, apart from joint-project partners', () => {
    const first = ten.info.municipalityUuids[0]!;
    expect(first).toBe(one.info.municipalityUuids[0]);
    expect(JSON.stringify(ten.usages.filter((u) => u.organizationUuid === first))).toBe(JSON.stringify(one.usages));
    expect(JSON.stringify(ten.contracts.filter((c) => c.organizationUuid === first))).toBe(
      JSON.stringify(one.contracts),
    );
  });

  it('shares a few joint projects between 2–3 municipalities at scale 10', () => {
    const joint = ten.projects.filter((p) => p.jointOrganizationUuids.length > 0);
    expect(joint.length).toBeGreaterThanOrEqual(2);
    const municipalityUuids = new Set(ten.info.municipalityUuids);
    for (const p of joint) {
      expect(p.jointOrganizationUuids.length).toBeLessThanOrEqual(2);
      for (const o of p.jointOrganizationUuids) expect(municipalityUuids.has(o)).toBe(true);
    }
  });

  it('refuses a bad scale or day', () => {
    expect(() => generatePortfolio({ scale: 0, today: TODAY })).toThrow(RangeError);
    expect(() => generatePortfolio({ scale: 1.5, today: TODAY })).toThrow(RangeError);
    expect(() => generatePortfolio({ today: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('fast date helpers', () => {
  it('agree with the core date rules', () => {
    for (let i = 0; i < 3000; i += 7) {
      const date = addDays('2019-12-25', i);
      for (const n of [-400, -31, -1, 0, 1, 29, 365, 1096]) expect(plusDays(date, n)).toBe(addDays(date, n));
      for (const n of [-13, -1, 1, 2, 12, 25]) expect(plusMonths(date, n)).toBe(addMonths(date, n));
      expect(dayDiff(date, '2026-03-01')).toBe(daysBetween(date, '2026-03-01'));
    }
  });
});
