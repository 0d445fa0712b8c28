/**
 * The conformance suite's concurrency section: the core's services run against the adapter with
 * many writers at once, each test aiming them at one uniqueness or tree rule, and afterwards the
 * rule must hold and the whole store must pass the integrity check. On adapters that run one
 * transaction at a time this passes trivially; on adapters with concurrent transactions (a
 * PostgreSQL server, optionally through a second handle as another process would have) it proves
 * that the rules hold under concurrency, not just one writer at a time.
 *
 * @module
 */
import {
  type Actor,
  checkPortfolioIntegrity,
  createKitos,
  type Kitos,
  KitosConflictError,
  KitosError,
  type StorageAdapter,
} from '@os2kitos/core';
import { assertEqual, assertTrue } from './assert.js';
import type { TestApi } from './suite.js';

/** Options of the concurrency section. */
export interface ConcurrencyOptions {
  /** A new, empty store per call. */
  readonly create: () => Promise<StorageAdapter>;
  /**
   * A second handle on the same store, as another process would open it (e.g. a second
   * connection pool). Writers alternate between the two handles when given.
   */
  readonly openAnother?: (adapter: StorageAdapter) => Promise<StorageAdapter>;
  /** Concurrent writers per test (default 40). */
  readonly writers?: number;
}

interface Setup {
  readonly handles: readonly Kitos[];
  readonly admin: Actor;
  readonly org: string;
  readonly close: () => Promise<void>;
}

async function setUp(options: ConcurrencyOptions): Promise<Setup> {
  const adapter = await options.create();
  const other = options.openAnother ? await options.openAnother(adapter) : undefined;
  const first = await createKitos({ storage: adapter });
  const handles = [first, ...(other ? [await createKitos({ storage: other })] : [])];
  const admin = await first.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'ada@example.dk' });
  const org = (await first.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
  await first.units.create(admin, { organizationUuid: org, name: 'Nordby' });
  return {
    handles,
    admin,
    org,
    close: async () => {
      await other?.close();
      await adapter.close();
    },
  };
}

/** Runs `n` calls at once, spread over the handles; returns how many succeeded and every error. */
async function race(s: Setup, n: number, call: (kitos: Kitos, i: number) => Promise<unknown>) {
  const results = await Promise.allSettled(
    Array.from({ length: n }, (_, i) => call(s.handles[i % s.handles.length] as Kitos, i)),
  );
  const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  for (const e of errors) assertTrue(e instanceof KitosError, `only typed errors, got ${String(e)}`);
  return { ok: results.length - errors.length, errors };
}

async function sound(s: Setup): Promise<void> {
  const problems = await checkPortfolioIntegrity((s.handles[0] as Kitos).storage);
  assertEqual(problems, [], 'integrity after concurrent writers');
}

/** Registers the concurrency section. */
export function concurrencyTests(t: TestApi, options: ConcurrencyOptions): void {
  const n = options.writers ?? 40;
  const withSetup = (body: (s: Setup) => Promise<void>) => async () => {
    const s = await setUp(options);
    try {
      await body(s);
    } finally {
      await s.close();
    }
  };

  t.describe('concurrency: rules hold with many writers', () => {
    t.it(
      `${n} writers creating contracts with one name store one`,
      withSetup(async (s) => {
        // A few rounds: each race is short, and one lucky round must not hide a missing lock.
        for (const name of ['ESDH drift', 'Løn', 'Økonomi']) {
          const r = await race(s, n, (k) => k.contracts.create(s.admin, { organizationUuid: s.org, name }));
          assertEqual(r.ok, 1, `contracts named ${name}`);
          assertTrue(
            r.errors.every((e) => e instanceof KitosConflictError),
            'the others are conflicts',
          );
        }
        await sound(s);
      }),
    );
    t.it(
      `${n} writers taking one system into use store one usage`,
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        const system = await first.systems.create(s.admin, { organizationUuid: s.org, name: 'Sag' });
        const r = await race(s, n, (k) =>
          k.usages.create(s.admin, { organizationUuid: s.org, systemUuid: system.uuid }),
        );
        assertEqual(r.ok, 1, 'usages created');
        await sound(s);
      }),
    );
    t.it(
      `${n} writers adding one list item to a usage store it once`,
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        const system = await first.systems.create(s.admin, { organizationUuid: s.org, name: 'Liste' });
        const usage = await first.usages.create(s.admin, { organizationUuid: s.org, systemUuid: system.uuid });
        const r = await race(s, n, (k) => k.usages.addItem(s.admin, usage.uuid, 'sensitivityLevels', 'PersonalData'));
        assertEqual(r.ok, 1, 'items added');
        const stored = await first.usages.get(s.admin, usage.uuid);
        assertEqual(stored.gdpr.dataSensitivityLevels.length, 1, 'sensitivity levels stored');
        await sound(s);
      }),
    );
    t.it(
      `${n} writers creating users with one e-mail store one`,
      withSetup(async (s) => {
        const r = await race(s, n, (k, i) =>
          k.users.create(s.admin, { firstName: `U${i}`, lastName: 'X', email: 'same@example.dk' }),
        );
        assertEqual(r.ok, 1, 'users created');
        await sound(s);
      }),
    );
    t.it(
      `${n} writers granting one membership store one`,
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        const u = await first.users.create(s.admin, { firstName: 'B', lastName: 'B', email: 'b@example.dk' });
        const r = await race(s, n, (k) =>
          k.memberships.grant(s.admin, { userUuid: u.uuid, organizationUuid: s.org, role: 'User' }),
        );
        assertEqual(r.ok, 1, 'memberships granted');
        await sound(s);
      }),
    );
    t.it(
      'units moved under each other at once never form a cycle',
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        for (let round = 0; round < 3; round++) {
          const units: string[] = [];
          for (let i = 0; i < 2; i++)
            units.push(
              (await first.units.create(s.admin, { organizationUuid: s.org, name: `Enhed ${round}.${i}` })).uuid,
            );
          await race(s, n, (k, i) =>
            k.units.move(s.admin, units[i % 2] as string, units[(i + 1) % 2] as string, { withSubtree: true }),
          );
          await sound(s);
        }
      }),
    );
    t.it(
      'contracts made parents of each other at once never form a cycle',
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        for (let round = 0; round < 3; round++) {
          const c: string[] = [];
          for (let i = 0; i < 2; i++)
            c.push((await first.contracts.create(s.admin, { organizationUuid: s.org, name: `K${round}.${i}` })).uuid);
          await race(s, n, (k, i) =>
            k.contracts.patch(s.admin, c[i % 2] as string, { parentContractUuid: c[(i + 1) % 2] as string }),
          );
          await sound(s);
        }
      }),
    );
    t.it(
      'writers patching different fields without a version all apply',
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        const c = await first.contracts.create(s.admin, { organizationUuid: s.org, name: 'Felter' });
        const patches: object[] = [
          { general: { contractId: 'K-1' } },
          { general: { notes: 'noter' } },
          { supplier: { signedBy: 'Leverandør' } },
          { responsible: { signedBy: 'Kommune' } },
          { procurement: { procurementPlan: { quarter: 2, year: 2030 } } },
          { termination: { terminatedAt: '2031-01-31' } },
          { paymentModel: { operationsRemunerationStartedAt: '2025-03-01' } },
          { supplier: { signedAt: '2025-02-01' } },
        ];
        const writers = Math.min(n, patches.length);
        const r = await race(s, writers, (k, i) => k.contracts.patch(s.admin, c.uuid, patches[i] as never));
        assertEqual(r.ok, writers, 'every patch applied');
        const after = await first.contracts.get(s.admin, c.uuid);
        assertEqual(
          [
            after.general.contractId,
            after.general.notes,
            after.supplier.signedBy,
            after.responsible.signedBy,
            after.procurement.procurementPlan,
            after.termination.terminatedAt,
            after.paymentModel.operationsRemunerationStartedAt,
            after.supplier.signedAt,
          ].slice(0, writers),
          [
            'K-1',
            'noter',
            'Leverandør',
            'Kommune',
            { quarter: 2, year: 2030 },
            '2031-01-31',
            '2025-03-01',
            '2025-02-01',
          ].slice(0, writers),
          'every field kept',
        );
        assertEqual(after.version, 1 + writers, 'one version per patch');
      }),
    );
    t.it(
      'writers of one field with the version they read: one wins, the rest conflict',
      withSetup(async (s) => {
        const first = s.handles[0] as Kitos;
        const c = await first.contracts.create(s.admin, { organizationUuid: s.org, name: 'Version' });
        const writers = Math.min(n, 8);
        const r = await race(s, writers, (k, i) =>
          k.contracts.patch(s.admin, c.uuid, { general: { notes: `w${i}` } }, { expectedVersion: c.version }),
        );
        assertEqual(r.ok, 1, 'one write applied');
        assertTrue(
          r.errors.every((e) => e instanceof KitosConflictError),
          'the others are conflicts',
        );
      }),
    );
  });

  t.describe('concurrency: first start', () => {
    t.it('six bootstraps of an empty store at once create one global admin', async () => {
      const adapter = await options.create();
      const other = options.openAnother ? await options.openAnother(adapter) : undefined;
      try {
        const handles = [await createKitos({ storage: adapter })];
        if (other) handles.push(await createKitos({ storage: other }));
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) =>
            (handles[i % handles.length] as Kitos).organizations.bootstrap({
              firstName: 'A',
              lastName: `${i}`,
              email: `a${i}@example.dk`,
            }),
          ),
        );
        assertEqual(results.filter((r) => r.status === 'fulfilled').length, 1, 'bootstraps that succeeded');
        const users = await adapter.query({ kind: 'user', count: true, limit: 0 });
        assertEqual(users.total, 1, 'users in the store');
      } finally {
        await other?.close();
        await adapter.close();
      }
    });
  });
}
