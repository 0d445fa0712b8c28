// The data quality summary, the quality columns of the overviews and the GDPR register give the same
// answers on every adapter (memory, sql.js, better-sqlite3, PostgreSQL): one municipality with a
// well-kept usage whose deadlines have passed and a usage with nothing filled in, a contract that
// has ended, and a registration with an overdue oversight and a transfer without its basis.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  KitosForbiddenError,
  KitosNotFoundError,
  KitosValidationError,
  type StorageAdapter,
} from '@os2kitos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBetterSqliteStorage } from '../src/better-sqlite3/storage.js';
import { createPostgresStorage } from '../src/postgres/storage.js';
import { openSqlJsFile } from '../src/sqljs/node.js';
import { openTestPostgres, type TestPostgres } from '../src/testing/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'kitos-registers-'));
let pg: TestPostgres;
const schema = `kitos_registers_${Math.random().toString(36).slice(2, 8)}`;
beforeAll(async () => {
  pg = await openTestPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pg?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADAPTERS: readonly [string, () => Promise<StorageAdapter>][] = [
  ['memory', async () => createMemoryStorage()],
  ['sql.js', () => openSqlJsFile(join(dir, 'registers.sqlite'))],
  ['better-sqlite3', async () => createBetterSqliteStorage({ path: join(dir, 'registers-b.sqlite') })],
  ['postgres', () => createPostgresStorage({ client: pg.client, schema })],
];

interface Scene {
  kitos: Kitos;
  admin: Actor;
  member: Actor;
  outsider: Actor;
  org: string;
  it: string;
  social: string;
  kept: string;
  empty: string;
  dpr: string;
}

async function scene(storage: StorageAdapter): Promise<Scene> {
  const kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Global', lastName: 'Admin', email: 'admin@x.dk' });
  const org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  const other = (await kitos.organizations.create(admin, { name: 'Sydby Kommune', type: 'Kommune' })).uuid;
  const supplier = (await kitos.organizations.create(admin, { name: 'Leverandør A/S', type: 'Virksomhed' })).uuid;
  const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby' })).uuid;
  const it = (await kitos.units.create(admin, { organizationUuid: org, name: 'IT', parentUuid: root })).uuid;
  const social = (await kitos.units.create(admin, { organizationUuid: org, name: 'Social', parentUuid: root })).uuid;
  const person = async (email: string, organizationUuid: string) => {
    const u = await kitos.users.create(admin, { firstName: 'P', lastName: email, email });
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid, role: 'User' });
    return { userUuid: u.uuid };
  };
  const member = await person('member@nordby.dk', org);
  const outsider = await person('member@sydby.dk', other);
  const system = async (name: string) =>
    (await kitos.systems.create(admin, { organizationUuid: org, name, accessModifier: 'Public' })).uuid;
  const kept = (await kitos.usages.create(admin, { organizationUuid: org, systemUuid: await system('Sag') })).uuid;
  const empty = (await kitos.usages.create(admin, { organizationUuid: org, systemUuid: await system('Tom') })).uuid;
  const contract = (
    await kitos.contracts.create(admin, {
      organizationUuid: org,
      name: 'Sag drift',
      systemUsageUuids: [kept],
      general: { validity: { validFrom: '2022-01-01', validTo: '2024-12-31' } },
    })
  ).uuid;
  await kitos.usages.patch(admin, kept, {
    general: {
      mainContractUuid: contract,
      validity: { validFrom: '2024-01-01', lifeCycleStatus: 'Operational' },
    },
    organizationUsage: { usingUnitUuids: [it], responsibleUnitUuid: it },
    gdpr: {
      purpose: 'Sagsbehandling',
      hostedAt: 'External',
      dataSensitivityLevels: ['PersonalData', 'SensitiveData'],
      riskAssessmentConducted: 'Yes',
      riskAssessmentConductedDate: '2024-06-01',
      plannedRiskAssessmentDate: '2025-03-01',
      dpiaConducted: 'No',
      retentionPeriodDefined: 'Yes',
      technicalPrecautionsInPlace: 'Yes',
      technicalPrecautionsApplied: ['Encryption'],
    },
    externalReferences: [
      { uuid: crypto.randomUUID(), title: 'Vejledning', url: 'ikke et link', documentId: null, masterReference: false },
    ],
  });
  const dpr = (
    await kitos.dataProcessing.create(admin, {
      organizationUuid: org,
      name: 'Sag databehandling',
      systemUsageUuids: [kept],
      general: {
        responsibleUnitUuid: it,
        isAgreementConcluded: 'Yes',
        agreementConcludedAt: '2023-01-01',
        dataProcessorUuids: [supplier],
        transferToInsecureThirdCountries: 'Yes',
      },
      oversight: {
        oversightInterval: 'Yearly',
        isOversightCompleted: 'Yes',
        oversightDates: [{ uuid: crypto.randomUUID(), date: '2024-01-10', remark: null }],
      },
    })
  ).uuid;
  return { kitos, admin, member, outsider, org, it, social, kept, empty, dpr };
}

describe.each(ADAPTERS)('data quality and the GDPR register on %s', (_name, open) => {
  let s: Scene;
  let storage: StorageAdapter;
  beforeAll(async () => {
    storage = await open();
    s = await scene(storage);
  }, 60_000);
  afterAll(async () => {
    await storage?.close?.();
  });

  it('scores each usage in the overview, filterable by unit and sortable by gaps', async () => {
    const page = await s.kitos.overviews.query(s.member, 'usages', {
      organizationUuid: s.org,
      filters: [{ column: 'responsibleUnit', op: 'unit', unitUuid: s.it, includeSubUnits: true }],
      sort: [{ column: 'qualityGaps', direction: 'desc' }],
    });
    expect(page.rows.map((r) => r.uuid)).toEqual([s.kept]);
    const row = page.rows[0]!;
    expect(row.qualityChecks).toEqual([
      'usageRoles',
      'usageDataClassification',
      'usageRiskReviewOverdue',
      'usageMainContractActive',
      'usageReferences',
    ]);
    expect(row.qualityGaps).toBe(5);
    expect(row.qualityScore).toBeGreaterThan(0);
    expect(row.qualityScore).toBeLessThan(100);
    const all = await s.kitos.overviews.query(s.member, 'usages', {
      organizationUuid: s.org,
      sort: [{ column: 'qualityGaps', direction: 'desc' }],
      limit: 1,
    });
    // The empty usage misses more than the kept one.
    expect(all.rows[0]?.uuid).toBe(s.empty);
    expect(all.rows[0]!.qualityScore).toBeLessThan(row.qualityScore);
    const dprs = await s.kitos.overviews.query(s.member, 'dataProcessing', {
      organizationUuid: s.org,
      filters: [{ column: 'qualityChecks', op: 'in', values: ['dprOversightOverdue'] }],
    });
    expect(dprs.rows.map((r) => r.uuid)).toEqual([s.dpr]);
    expect(dprs.rows[0]!.qualityChecks).toContain('dprTransferBasis');
  });

  it('sums up a unit and explains the gaps in words', async () => {
    const summary = await s.kitos.quality.summary(s.member, { organizationUuid: s.org, unitUuid: s.it });
    expect(summary.unit).toEqual({ uuid: s.it, name: 'IT' });
    const usages = summary.kinds.find((k) => k.kind === 'usages')!;
    expect(usages).toMatchObject({ records: 1, withGaps: 1 });
    const contracts = summary.kinds.find((k) => k.kind === 'contracts')!;
    expect(contracts.records).toBe(0); // the contract has no responsible unit
    const kept = summary.worst.find((w) => w.record.uuid === s.kept)!;
    const overdue = kept.gaps.find((g) => g.check === 'usageRiskReviewOverdue')!;
    expect(overdue.text.da).toContain('2025-03-01');
    expect(overdue.text.en).toContain('2025-03-01');
    expect(kept.gaps.find((g) => g.check === 'usageMainContractActive')!.text.en).toContain('Sag drift');
    const whole = await s.kitos.quality.summary(s.member, { organizationUuid: s.org, limit: 2 });
    expect(whole.unit).toBeNull();
    expect(whole.worst).toHaveLength(2);
    expect(whole.kinds.find((k) => k.kind === 'usages')!.records).toBe(2);
    expect(whole.kinds.find((k) => k.kind === 'contracts')!.checks.map((c) => c.check)).toContain(
      'contractResponsibleUnit',
    );
  });

  it('builds the register with the registrations, and what needs attention from the same checks', async () => {
    const r = await s.kitos.gdpr.register(s.member, { organizationUuid: s.org });
    expect(r.entries.map((e) => e.uuid)).toEqual([s.kept, s.empty]); // by name: Sag, Tom
    expect(r.total).toBe(2);
    const e = r.entries[0]!;
    expect(e).toMatchObject({
      purpose: 'Sagsbehandling',
      sensitive: true,
      criminal: false,
      processors: ['Leverandør A/S'],
      registrations: [{ uuid: s.dpr, name: 'Sag databehandling' }],
      responsibleUnit: { uuid: s.it, name: 'IT' },
      security: { inPlace: 'Yes', applied: ['Encryption'] },
      dpia: { conducted: 'No', date: null },
      riskAssessment: { conducted: 'Yes', date: '2024-06-01', planned: '2025-03-01' },
    });
    expect(e.transfers).toEqual([
      {
        registration: { uuid: s.dpr, name: 'Sag databehandling' },
        subProcessor: null,
        answer: 'Yes',
        countries: [],
        basis: null,
      },
    ]);
    expect(e.oversight[0]).toMatchObject({ interval: 'Yearly', latest: '2024-01-10' });
    expect(e.attention.map((a) => `${a.record.kind}:${a.check}`).sort()).toEqual([
      'dataProcessing:dprDataResponsible',
      'dataProcessing:dprOversightOverdue',
      'dataProcessing:dprTransferBasis',
      'usages:usageRiskReviewOverdue',
    ]);
    expect(r.entries[1]!.sensitive).toBeNull(); // not answered
    expect(r.notInModel.length).toBeGreaterThan(0);
    const social = await s.kitos.gdpr.register(s.member, { organizationUuid: s.org, unitUuid: s.social });
    expect(social.entries).toEqual([]);
    await s.kitos.usages.patch(s.admin, s.empty, { gdpr: { dataSensitivityLevels: ['None'] } });
    const after = await s.kitos.gdpr.register(s.member, { organizationUuid: s.org, needsAttention: true });
    expect(after.entries.map((x) => x.uuid)).toEqual([s.kept]);
    const withNone = await s.kitos.gdpr.register(s.member, { organizationUuid: s.org, includeNoPersonalData: true });
    expect(withNone.total).toBe(2);
  });

  it('is for members only, and refuses bad input', async () => {
    await expect(s.kitos.gdpr.register(s.outsider, { organizationUuid: s.org })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    await expect(s.kitos.quality.summary(s.outsider, { organizationUuid: s.org })).rejects.toBeInstanceOf(
      KitosForbiddenError,
    );
    await expect(s.kitos.quality.summary(s.member, { organizationUuid: s.org, limit: -1 })).rejects.toBeInstanceOf(
      KitosValidationError,
    );
    await expect(
      s.kitos.gdpr.register(s.member, { organizationUuid: s.org, unitUuid: crypto.randomUUID() }),
    ).rejects.toBeInstanceOf(KitosNotFoundError);
  });
});
