// Moving in from a running KITOS: a stand-in KITOS on 127.0.0.1 serves one generated municipality
// in KITOS's API v2 shapes; the import writes it through the core, our own API v2 reads it back.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkLoad, createKitos } from '@os2kitos/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import {
  buildKitosFixture,
  type FakeKitosControl,
  type KitosFixture,
  inPublishedShapes,
  startFakeKitos,
  trimFixture,
} from '../../../bench/kitos-source.js';
import {
  importFromKitos,
  KitosImportError,
  type KitosImportOptions,
  KitosSourceError,
  memoryImportStateStore,
  openStorage,
} from '../src/index.js';
import { type Harness, type Json, startHarness } from './helpers.js';

type Rec = Record<string, unknown>;

/**
 * The systems KITOS has deactivated since the municipality took them into use: the import creates
 * them and deactivates them after their usages (the core refuses new usages of a deactivated
 * system; the guide says what happens to one deactivated here already).
 */
function usedDeactivated(fixture: KitosFixture): Set<string> {
  const deactivated = new Set(fixture.data.itSystems.filter((s) => s.deactivated).map((s) => s.uuid));
  return new Set(fixture.usages.map((u) => (u.systemContext as Rec).uuid as string).filter((s) => deactivated.has(s)));
}

/** A target: our server over a store holding the organisations, options, KLE and most of the catalogue. */
async function target(
  fixture: KitosFixture,
  missingSystems: ReadonlySet<string> = usedDeactivated(fixture),
  missingInterfaces: ReadonlySet<string> = new Set(),
) {
  const h = await startHarness();
  const d = fixture.data;
  // The bootstrap seeded KITOS's options already (the generator's are the same, plus its examples).
  const seeded = await h.server.kitos.storage.query({ kind: 'globalOption', limit: 100_000 });
  const have = new Set(seeded.records.map((r) => r.uuid));
  await bulkLoad(
    h.server.kitos.storage,
    {
      organizations: d.organizations,
      options: d.options.filter((o) => !have.has(o.uuid)),
      kleTasks: d.kleTasks,
      itSystems: d.itSystems.filter((s) => !missingSystems.has(s.uuid)),
      itInterfaces: d.itInterfaces.filter((i) => !missingInterfaces.has(i.uuid)),
    },
    { validate: false },
  );
  return h;
}

/**
 * A GET on our own server on a connection of its own: the import runs in this process and keeps the
 * event loop busy for seconds, so a kept-alive socket of the test's fetch may have been closed by
 * the server meanwhile (the CLI runs the import in a process of its own).
 */
function get(h: Harness, path: string): Promise<{ status: number; data: Json }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${h.url}${path}`,
      { agent: false, headers: { authorization: `Bearer ${h.token}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, data: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Every page of one of our own API v2 lists. */
async function exportAll(h: Harness, path: string): Promise<Json[]> {
  const out: Json[] = [];
  for (let page = 0; ; page++) {
    const r = await get(h, `${path}${path.includes('?') ? '&' : '?'}page=${page}&pageSize=250`);
    expect(r.status).toBe(200);
    out.push(...r.data);
    if (r.data.length < 250) return out;
  }
}

/** Runs the command line, with what it writes to stdout and stderr. */
async function runCli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(args, env);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const byUuid = (a: Json, b: Json) => String(a.uuid).localeCompare(String(b.uuid));

/** A DTO without what differs between two stores by nature (who and when). */
function comparable(dto: Rec): Rec {
  const rest = { ...dto };
  for (const key of ['lastModified', 'lastModifiedBy', 'createdBy', 'createdAt', 'created']) delete rest[key];
  // A registration's associated contracts are the contracts naming it, listed in the order they
  // were linked: a set, compared as one.
  const general = rest.general as Rec | undefined;
  if (general && Array.isArray(general.associatedContracts))
    rest.general = { ...general, associatedContracts: [...general.associatedContracts].sort(byUuid) };
  return rest;
}

// Each test imports a whole municipality once or twice: seconds each, more on a busy machine.
describe('importFromKitos', { timeout: 180_000 }, () => {
  let fixture: KitosFixture;
  let kitos: FakeKitosControl;
  let missingSystems: Set<string>;
  let missingInterfaces: Set<string>;

  beforeAll(async () => {
    fixture = await buildKitosFixture(3);
    kitos = await startFakeKitos(fixture);
    // The target lacks 40 of the systems the municipality uses and 5 interfaces of its relations.
    const parents = new Set(fixture.data.itSystems.map((s) => s.parentUuid).filter(Boolean));
    const exposing = new Set(fixture.data.itInterfaces.map((i) => i.exposedBySystemUuid).filter(Boolean));
    // Among them the systems KITOS has deactivated since the municipality took them into use.
    const used = fixture.usages.map((u) => (u.systemContext as Rec).uuid as string);
    const deactivated = usedDeactivated(fixture);
    missingSystems = new Set([
      ...deactivated,
      ...used.filter((s) => !parents.has(s) && !exposing.has(s) && !deactivated.has(s)).slice(0, 40 - deactivated.size),
    ]);
    const relationInterfaces = fixture.usages.flatMap((u) =>
      (u.outgoingSystemRelations as Rec[]).map((r) => (r.relationInterface as Rec | null)?.uuid as string | undefined),
    );
    missingInterfaces = new Set(relationInterfaces.filter((x): x is string => Boolean(x)).slice(0, 5));
  });
  afterAll(async () => {
    await kitos?.close();
  });

  const optionsFor = (h: Harness, extra: Partial<KitosImportOptions> = {}): KitosImportOptions => ({
    baseUrl: kitos.url,
    token: kitos.token,
    organizationUuid: fixture.organizationUuid,
    kitos: h.server.kitos,
    actor: h.admin,
    sleep: async () => {},
    ...extra,
  });

  it('imports a whole municipality with KITOS uuids, and our API v2 answers what KITOS answered', async () => {
    const h = await target(fixture, missingSystems, missingInterfaces);
    try {
      const state = memoryImportStateStore();
      const progress = new Set<string>();
      kitos.log.length = 0;
      const report = await importFromKitos(
        optionsFor(h, {
          token: undefined,
          credentials: { email: 'api@kommune.example', password: 'kodeord' },
          state,
          apply: true,
          onProgress: (p) => progress.add(`${p.kind}/${p.phase}`),
        }),
      );
      expect(kitos.log[0]).toBe('POST /api/authorize/GetToken');
      // 600 usages in pages of 250.
      expect(kitos.log.filter((l) => l.startsWith('GET /api/v2/it-system-usages?'))).toEqual([
        expect.stringContaining('page=0&pageSize=250'),
        expect.stringContaining('page=1&pageSize=250'),
        expect.stringContaining('page=2&pageSize=250'),
      ]);
      expect(report.applied).toBe(true);
      expect(report.incremental).toBe(false);
      expect(report.counts.usages).toEqual({ created: 600, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
      expect(report.counts.contracts).toEqual({ created: 300, changed: 0, unchanged: 0, deleted: 0, rejected: 0 });
      expect(report.counts.dataProcessingRegistrations.created).toBe(100);
      expect(report.counts.units.created).toBe(fixture.units.length);
      expect(report.counts.users.created).toBe(fixture.users.length);
      expect(report.counts.systems.created).toBe(40);
      expect(report.counts.interfaces.created).toBe(5);
      expect(report.counts.options.changed).toBeGreaterThan(0);
      expect(progress).toContain('usages/read');
      expect(progress).toContain('usages/write');
      expect(state.states.size).toBe(1);
      // Only values our model does not hold are reported; nothing is refused or unknown.
      expect(report.issues.filter((i) => i.code !== 'not-held')).toEqual([]);

      // Round trip: our own API v2 answers the same documents (but who changed them and when).
      const org = fixture.organizationUuid;
      const usages = await exportAll(h, `/api/v2/it-system-usages?organizationUuid=${org}`);
      expect(usages.map(comparable).sort(byUuid)).toEqual(fixture.usages.map(comparable).sort(byUuid));
      const contracts = await exportAll(h, `/api/v2/it-contracts?organizationUuid=${org}`);
      expect(contracts.map(comparable).sort(byUuid)).toEqual(fixture.contracts.map(comparable).sort(byUuid));
      const dprs = await exportAll(h, `/api/v2/data-processing-registrations?organizationUuid=${org}`);
      expect(dprs.map(comparable).sort(byUuid)).toEqual(
        fixture.dataProcessingRegistrations.map(comparable).sort(byUuid),
      );
      const units = await exportAll(h, `/api/v2/organizations/${org}/organization-units`);
      expect(units.sort(byUuid)).toEqual([...fixture.units].sort(byUuid));
      const users = await exportAll(h, `/api/v2/organizations/${org}/users`);
      // Roles are a set.
      const rolesSorted = (u: Json) => ({ ...u, roles: [...u.roles].sort() });
      expect(users.map(rolesSorted).sort(byUuid)).toEqual(fixture.users.map(rolesSorted).sort(byUuid));
      const system = [...missingSystems][0] as string;
      const created = await get(h, `/api/v2/it-systems/${system}`);
      expect(created.status).toBe(200);
      expect(created.data.name).toBe(fixture.systems.get(system)?.name);

      // A second run reading everything again (--full) with nothing changed in KITOS: everything
      // is unchanged and nothing is written.
      const again = await importFromKitos(optionsFor(h, { state, apply: true, full: true }));
      expect(again.incremental).toBe(false);
      expect(again.changes).toEqual([]);
      expect(again.counts.usages).toEqual({ created: 0, changed: 0, unchanged: 600, deleted: 0, rejected: 0 });
      expect(again.counts.contracts.unchanged).toBe(300);
      expect(again.counts.dataProcessingRegistrations.unchanged).toBe(100);
      expect(again.counts.users.unchanged).toBe(fixture.users.length);
      // An incremental one reads from the watermark: only the last record of each kind comes again.
      const delta = await importFromKitos(optionsFor(h, { state, apply: true }));
      expect(delta.incremental).toBe(true);
      expect(delta.counts.usages).toEqual({ created: 0, changed: 0, unchanged: 1, deleted: 0, rejected: 0 });
      expect(delta.requests).toBeLessThan(again.requests);
      expect(again.counts.units.unchanged).toBe(fixture.units.length);
    } finally {
      await h.close();
    }
  });

  it("reads KITOS's published (older) response shapes as well: purpose, criticality and hosting under gdpr", async () => {
    const published = inPublishedShapes(fixture);
    const source = await startFakeKitos(published);
    const h = await target(published, missingSystems, missingInterfaces);
    try {
      const withPurpose = published.usages.find((u) => (u.gdpr as Rec).purpose) as Rec;
      expect(withPurpose).toBeDefined();
      expect((withPurpose.general as Rec).purpose).toBeUndefined();
      const report = await importFromKitos({ ...optionsFor(h, { apply: true }), baseUrl: source.url });
      expect(report.counts.usages.created).toBe(600);
      expect(report.issues.filter((i) => i.code !== 'not-held')).toEqual([]);
      expect(report.issues.filter((i) => i.kind === 'usages')).toEqual([]);
      // Our API v2 answers the newer shapes: the same values where the newer KITOS has them.
      const usages = await exportAll(h, `/api/v2/it-system-usages?organizationUuid=${fixture.organizationUuid}`);
      expect(usages.map(comparable).sort(byUuid)).toEqual(fixture.usages.map(comparable).sort(byUuid));
    } finally {
      await h.close();
      await source.close();
    }
  });

  it('plans without writing by default, and the plan is what applying does', async () => {
    const h = await target(fixture, missingSystems, missingInterfaces);
    try {
      const state = memoryImportStateStore();
      const dry = await importFromKitos(optionsFor(h, { state }));
      expect(dry.applied).toBe(false);
      expect(dry.counts.usages.created).toBe(600);
      expect(state.states.size).toBe(0);
      const after = await get(h, `/api/v2/it-system-usages?organizationUuid=${fixture.organizationUuid}`);
      expect(after.data).toEqual([]);
      const applied = await importFromKitos(optionsFor(h, { state, apply: true }));
      expect(applied.changes).toEqual(dry.changes);
      expect(applied.counts).toEqual(dry.counts);
    } finally {
      await h.close();
    }
  });

  it('reads only what changed since the last run and applies deletions from the feed', async () => {
    const local = await buildKitosFixture(4);
    const source = await startFakeKitos(local);
    const h = await target(local);
    try {
      const state = memoryImportStateStore();
      const opts = {
        ...optionsFor(h, { state, apply: true }),
        baseUrl: source.url,
        organizationUuid: local.organizationUuid,
      };
      await importFromKitos(opts);
      const later = '2099-01-01T10:00:00Z';
      const [u1, u2, u3, u4] = local.usages as [Rec, Rec, Rec, Rec];
      for (const u of [u1, u2]) source.touch(u, later, (r) => ((r.general as Rec).notes = 'Ændret i KITOS'));
      source.touch(u3, later); // touched, no change
      const contract = local.contracts[0] as Rec;
      source.touch(contract, later, (r) => ((r.general as Rec).notes = 'Ny note'));
      // A registration no contract names as main, so its deletion is allowed.
      const dpr = local.dataProcessingRegistrations.find((d) => !(d.general as Rec).mainContract) as Rec;
      source.remove('dataProcessingRegistrations', dpr.uuid as string, later);
      source.remove('usages', u4.uuid as string, later);
      source.log.length = 0;
      const report = await importFromKitos(opts);
      expect(report.incremental).toBe(true);
      expect(source.log.find((l) => l.startsWith('GET /api/v2/it-system-usages?'))).toContain('changedSinceGtEq=');
      // The filter is inclusive (KITOS's), so the last record of the first run comes again: unchanged.
      expect(report.counts.usages).toEqual({ created: 0, changed: 2, unchanged: 2, deleted: 1, rejected: 0 });
      expect(report.counts.contracts).toEqual({ created: 0, changed: 1, unchanged: 1, deleted: 0, rejected: 0 });
      expect(report.counts.dataProcessingRegistrations).toMatchObject({ deleted: 1 });
      const notes = await get(h, `/api/v2/it-system-usages/${u1.uuid}`);
      expect(notes.data.general.notes).toBe('Ændret i KITOS');
      expect((await get(h, `/api/v2/it-system-usages/${u4.uuid}`)).status).toBe(404);
      expect((await get(h, `/api/v2/data-processing-registrations/${dpr.uuid}`)).status).toBe(404);
      expect(state.states.values().next().value?.changedSince.usages).toBe(later);
    } finally {
      await h.close();
      await source.close();
    }
  });

  it('reports every value that does not fit, by record, field and value, in Danish and English', async () => {
    const local = await buildKitosFixture(5);
    const source = await startFakeKitos(local);
    const h = await target(local);
    try {
      const bad = local.usages[0] as Rec;
      const general = bad.general as Rec;
      (general.validity as Rec).lifeCycleStatus = 'Ukendt';
      general.dataClassification = { uuid: '0b9a3f0e-1111-4222-8333-944445555666', name: 'Hemmelig' };
      general.isSociallyCritical = 'Yes';
      general.someNewKitosField = 'x';
      (bad.gdpr as Rec).riskAssessmentConductedDate = '2025-13-45T00:00:00Z';
      const report = await importFromKitos({
        ...optionsFor(h, { apply: true }),
        baseUrl: source.url,
        organizationUuid: local.organizationUuid,
      });
      const about = report.issues.filter((i) => i.uuid === bad.uuid);
      const field = (f: string) => about.find((i) => i.field === f);
      expect(field('general.validity.lifeCycleStatus')).toMatchObject({ code: 'invalid-value', value: 'Ukendt' });
      expect(field('gdpr.riskAssessmentConductedDate')).toMatchObject({
        code: 'invalid-value',
        value: '2025-13-45T00:00:00Z',
      });
      expect(field('general.dataClassificationUuid')).toMatchObject({
        code: 'unknown-reference',
        value: '0b9a3f0e-1111-4222-8333-944445555666',
      });
      expect(field('general.isSociallyCritical')).toMatchObject({ code: 'not-held', value: 'Yes' });
      expect(field('general.someNewKitosField')).toMatchObject({ code: 'not-held', value: 'x' });
      for (const i of about) {
        expect(i.kind).toBe('usages');
        expect(i.message.da).toMatch(/[æøå]|findes|ugyldig|henviser/);
        expect(i.message.en).toMatch(/not|refers/);
      }
      // The rest of the record is imported.
      expect(report.counts.usages.created).toBe(600);
      const got = await get(h, `/api/v2/it-system-usages/${bad.uuid}`);
      expect(got.data.general.localCallName).toBe(general.localCallName);
      expect(got.data.general.validity.lifeCycleStatus).toBeNull();
      expect(got.data.general.dataClassification).toBeNull();
    } finally {
      await h.close();
      await source.close();
    }
  });

  it('retries 429 and 5xx with backoff (Retry-After first), and gives up with a typed error, writing nothing', async () => {
    const h = await target(fixture, missingSystems, missingInterfaces);
    try {
      const waits: number[] = [];
      kitos.failures.set('/api/v2/it-contracts', [429, 500, 503]);
      const report = await importFromKitos(optionsFor(h, { sleep: async (ms) => void waits.push(ms), backoffMs: 100 }));
      expect(waits).toEqual([1000, 200, 400]);
      expect(report.retries).toBe(3);
      expect(report.counts.contracts.created).toBe(300);

      kitos.failures.set('/api/v2/it-contracts', [500, 500, 500]);
      const failed = importFromKitos(optionsFor(h, { retries: 2, apply: true }));
      await expect(failed).rejects.toBeInstanceOf(KitosSourceError);
      await expect(failed).rejects.toThrow(/500.*after 2 retries/);
      const after = await get(h, `/api/v2/it-system-usages?organizationUuid=${fixture.organizationUuid}`);
      expect(after.data).toEqual([]);
    } finally {
      kitos.failures.clear();
      await h.close();
    }
  });

  it('gives each request a timeout', async () => {
    const h = await target(fixture, missingSystems, missingInterfaces);
    try {
      kitos.delays.set('/api/v2/organizations', 500);
      await expect(importFromKitos(optionsFor(h, { timeoutMs: 50, retries: 1 }))).rejects.toThrow(
        /no answer within 50 ms.*after 1 retries/,
      );
    } finally {
      kitos.delays.clear();
      await h.close();
    }
  });

  it('runs as `os2kitos import-kitos`: a dry run by default with the report, then --apply with the state in a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitos-import-'));
    const database = `file:${join(dir, 'kitos.db')}`;
    const stateFile = join(dir, 'state.json');
    // A file store is slower than memory: 60 usages with the contracts and registrations naming only them.
    const small = trimFixture(fixture, 60);
    const source = await startFakeKitos(small);
    try {
      const storage = await openStorage(database);
      const d = fixture.data;
      const k = await createKitos({ storage });
      await k.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@kommune.example' });
      const seeded = new Set(
        (await storage.query({ kind: 'globalOption', limit: 100_000 })).records.map((r) => r.uuid),
      );
      await bulkLoad(
        storage,
        {
          organizations: d.organizations,
          options: d.options.filter((o) => !seeded.has(o.uuid)),
          kleTasks: d.kleTasks,
          itSystems: d.itSystems.filter((s) => !missingSystems.has(s.uuid)),
          itInterfaces: d.itInterfaces,
        },
        { validate: false },
      );
      await storage.close();
      const args = [
        'import-kitos',
        '--database',
        database,
        '--kitos-url',
        source.url,
        '--organization',
        small.organizationUuid,
        '--as',
        'ada@kommune.example',
        '--state',
        stateFile,
      ];
      const env = { KITOS_LOG_LEVEL: 'silent', KITOS_SOURCE_TOKEN: source.token };
      const dry = await runCli([...args, '--lang', 'en'], env);
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('Dry run (nothing stored; --apply stores)');
      expect(dry.out).toMatch(/usages\s+60\s+0\s+0\s+0\s+0/);
      expect(dry.out).toMatch(/values did not fit:\n.*is not held by this model/);
      expect(dry.err).toContain('reading usages 60');
      expect(existsSync(stateFile)).toBe(false);
      const applied = await runCli([...args, '--apply', '--json'], env);
      expect(applied.code).toBe(0);
      expect(JSON.parse(applied.out).counts.contracts.created).toBe(small.contracts.length);
      expect(small.contracts.length).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toHaveProperty([JSON.parse(applied.out).source]);
      const second = await runCli(args, env);
      expect(second.out).toContain('ændringer siden sidst');
      expect(second.out).toMatch(/usages\s+0\s+0\s+1\s+0\s+0/);
      expect((await runCli(['import-kitos', '--database', database], env)).code).toBe(2);
    } finally {
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong token, an organisation that does not exist here, and runs without credentials', async () => {
    const h = await target(fixture, missingSystems, missingInterfaces);
    try {
      await expect(importFromKitos(optionsFor(h, { token: 'wrong' }))).rejects.toMatchObject({
        name: 'KitosSourceError',
        status: 401,
      });
      await expect(
        importFromKitos(optionsFor(h, { organizationUuid: '5b0c1a8e-2f3d-4e5f-8a9b-0c1d2e3f4a5b' })),
      ).rejects.toBeInstanceOf(KitosImportError);
      await expect(importFromKitos(optionsFor(h, { token: undefined }))).rejects.toThrow(/token or credentials/);
    } finally {
      await h.close();
    }
  });
});
