// Bulk transfer of roles (issue 18): a person leaves and 200 roles move to a successor in one
// transaction, through the same checks as single role writes (permission, version, role option,
// membership, the kinds' own rules), with audit and change feed. 150 usages, 30 contracts and 20
// unit roles in a municipality of 600 usages. Each sample moves the roles back and forth.
// Baseline: the same 180 records rewritten in one bare storage transaction (no parsing, no checks,
// no audit). Subjects on memory and better-sqlite3, and on PostgreSQL (PGlite, or KITOS_PG_URL).
// Budget (DESIGN §7 / issue 18): ≤ 1 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  createKitos,
  createMemoryStorage,
  fixedClock,
  type Kitos,
  type StorageAdapter,
} from '@os2kitos/core';
import { createBetterSqliteStorage } from '@os2kitos/storage-adapters/better-sqlite3';
import { createPostgresStorage } from '@os2kitos/storage-adapters/postgres';
import { openTestPostgres, type TestPostgres } from '@os2kitos/storage-adapters/testing';
import { afterAll, bench, describe } from 'vitest';
import { benchOptions } from './options.js';

const USAGES = 600;
const HELD = { usages: 150, contracts: 30, units: 20 };
const options = process.env.KITOS_BENCH_QUICK
  ? { ...benchOptions, iterations: 2, warmupIterations: 0, warmupTime: 0 }
  : { ...benchOptions, iterations: 10, warmupIterations: 1, time: 0 };

interface Setup {
  readonly kitos: Kitos;
  readonly admin: Actor;
  readonly org: string;
  readonly a: string;
  readonly b: string;
  readonly held: { kind: string; uuid: string }[];
}

async function setup(storage: StorageAdapter): Promise<Setup> {
  const kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
  const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@b.dk' });
  const org = (await kitos.organizations.create(admin, { name: 'Benchby Kommune', type: 'Kommune' })).uuid;
  const person = async (name: string) => {
    const u = await kitos.users.create(admin, { firstName: name, lastName: 'Bench', email: `${name}@b.dk` });
    await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role: 'User' });
    return u.uuid;
  };
  const a = await person('leaver');
  const b = await person('successor');
  const activate = async (type: Parameters<Kitos['options']['global']>[1]) => {
    const role = (await kitos.options.global(admin, type))[0]!;
    await kitos.options.setLocal(admin, { organizationUuid: org, optionUuid: role.uuid, isActive: true });
    return role.uuid;
  };
  const usageRole = await activate('it-system-usage-role-types');
  const contractRole = await activate('it-contract-role-types');
  const unitRole = await activate('organization-unit-role-types');
  const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Benchby' })).uuid;
  const held: { kind: string; uuid: string }[] = [];
  await kitos.unitOfWork(admin, async (s) => {
    const units: string[] = [];
    for (let i = 0; i < HELD.units; i++)
      units.push((await s.units.create(admin, { organizationUuid: org, name: `Enhed ${i}`, parentUuid: root })).uuid);
    for (let i = 0; i < USAGES; i++) {
      const system = await s.systems.create(admin, { organizationUuid: org, name: `System ${i}` });
      const usage = await s.usages.create(admin, {
        organizationUuid: org,
        systemUuid: system.uuid,
        organizationUsage: { usingUnitUuids: [units[i % units.length] as string] },
        roles: i < HELD.usages ? [{ roleUuid: usageRole, userUuid: a }] : [],
      });
      if (i < HELD.usages) held.push({ kind: 'itSystemUsage', uuid: usage.uuid });
    }
    for (let i = 0; i < HELD.contracts; i++) {
      const c = await s.contracts.create(admin, {
        organizationUuid: org,
        name: `Kontrakt ${i}`,
        roles: [{ roleUuid: contractRole, userUuid: a }],
      });
      held.push({ kind: 'itContract', uuid: c.uuid });
    }
    for (const unit of units) await s.unitRoles.assign(admin, { unitUuid: unit, roleUuid: unitRole, userUuid: a });
  });
  return { kitos, admin, org, a, b, held };
}

const dir = mkdtempSync(join(tmpdir(), 'kitos-roles-bench-'));
let pg: TestPostgres | undefined;
const schema = `kitos_roles_bench_${Math.random().toString(36).slice(2, 8)}`;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await pg?.client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pg?.close();
});

const ENGINES: Record<string, () => Promise<StorageAdapter>> = {
  memory: async () => createMemoryStorage(),
  'better-sqlite3': async () => createBetterSqliteStorage({ path: join(dir, 'roles.sqlite') }),
  [`postgres (${process.env.KITOS_PG_URL ? 'server' : 'PGlite'})`]: async () => {
    pg = await openTestPostgres();
    return createPostgresStorage({ client: pg.client, schema });
  },
};

for (const [engine, create] of Object.entries(ENGINES)) {
  const ready = create().then(setup);
  let from: 'a' | 'b' = 'a';
  describe(`bulk transfer of 200 roles, ${engine}`, () => {
    bench(
      'baseline: the 180 records rewritten in one bare storage transaction',
      async () => {
        const s = await ready;
        await s.kitos.storage.transaction(async (tx) => {
          for (const h of s.held) {
            const r = await tx.get(h.kind, h.uuid);
            if (!r) throw new Error(`missing ${h.kind} ${h.uuid}`);
            await tx.put({ ...r, expectedVersion: r.version, data: { ...(r.data as object), version: r.version + 1 } });
          }
        });
      },
      options,
    );
    bench(
      'kitos.roles.transfer (permissions, versions, rules, audit, feed)',
      async () => {
        const s = await ready;
        const to = from === 'a' ? 'b' : 'a';
        const result = await s.kitos.roles.transfer(s.admin, {
          organizationUuid: s.org,
          fromUserUuid: s[from],
          toUserUuid: s[to],
        });
        if (result.moved !== 200) throw new Error(`moved ${result.moved}, not 200`);
        from = to;
      },
      options,
    );
  });
}
