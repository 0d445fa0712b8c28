/**
 * Forty concurrent writers on one PostgreSQL schema (KITOS_PG_URL), spread over four KITOS
 * instances with their own connection pools as four server processes would have: bulk role
 * transfers (all of a person's roles, or the items a preview listed with the versions it read) and
 * spreadsheet imports of the same usages and contracts. Afterwards every record still has exactly
 * one holder of its role, every version counts exactly the writes that reported success (a refused
 * transfer or import left nothing behind, none was lost), each record's holders follow one chain of
 * successful transfers, and every refusal is a typed error. Without KITOS_PG_URL the suite is
 * skipped, and says so.
 */
import {
  type Actor,
  createKitos,
  type Kitos,
  KitosConflictError,
  KitosValidationError,
  type RoleRow,
  type RoleTransferResult,
} from '@os2kitos/core';
import { importSpreadsheet } from '@os2kitos/io';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/index.js';

const url = process.env.KITOS_PG_URL;
const schema = `kitos_roles_race_${Math.random().toString(36).slice(2, 8)}`;
if (!url)
  console.warn('[kitos] KITOS_PG_URL is not set: the concurrent role transfer tests on PostgreSQL are SKIPPED.');

const PEOPLE = 6;
const USAGES = 16;
const CONTRACTS = 8;
const UNITS = 6;
const WRITERS = 40;

/** A CSV file of the cells (none holds a separator or quote). */
const csv = (rows: string[][]) => `${rows.map((r) => r.join(';')).join('\r\n')}\r\n`;

interface Held {
  readonly kind: 'itSystemUsage' | 'itContract';
  readonly uuid: string;
  readonly name: string;
  readonly initialHolder: string;
}

describe.skipIf(!url)('forty concurrent role transfers and imports on PostgreSQL', () => {
  const instances: Kitos[] = [];
  let admin: Actor;
  let org = '';
  const people: string[] = [];
  const held: Held[] = [];
  const systems = new Map<string, string>();
  const units: { uuid: string; initialHolder: string }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 4; i++)
      instances.push(await createKitos({ storage: await openStorage(url as string, { poolSize: 6, schema }) }));
    const kitos = instances[0] as Kitos;
    admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@race.dk' });
    org = (await kitos.organizations.create(admin, { name: 'Kapløb Kommune', type: 'Kommune' })).uuid;
    for (let i = 0; i < PEOPLE; i++) {
      const u = await kitos.users.create(admin, { firstName: `P${i}`, lastName: 'Race', email: `p${i}@race.dk` });
      await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role: 'User' });
      people.push(u.uuid);
    }
    const activate = async (type: Parameters<Kitos['options']['global']>[1]) => {
      const role = (await kitos.options.global(admin, type))[0];
      if (!role) throw new Error(`no ${type}`);
      await kitos.options.setLocal(admin, { organizationUuid: org, optionUuid: role.uuid, isActive: true });
      return role.uuid;
    };
    const usageRole = await activate('it-system-usage-role-types');
    const contractRole = await activate('it-contract-role-types');
    const unitRole = await activate('organization-unit-role-types');
    const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Kapløb' })).uuid;
    const holder = (i: number) => people[i % PEOPLE] as string;
    for (let i = 0; i < USAGES; i++) {
      const system = await kitos.systems.create(admin, { organizationUuid: org, name: `Løbesystem ${i}` });
      const usage = await kitos.usages.create(admin, {
        organizationUuid: org,
        systemUuid: system.uuid,
        roles: [{ roleUuid: usageRole, userUuid: holder(i) }],
      });
      systems.set(usage.uuid, system.name);
      held.push({ kind: 'itSystemUsage', uuid: usage.uuid, name: system.name, initialHolder: holder(i) });
    }
    for (let i = 0; i < CONTRACTS; i++) {
      const c = await kitos.contracts.create(admin, {
        organizationUuid: org,
        name: `Løbekontrakt ${i}`,
        roles: [{ roleUuid: contractRole, userUuid: holder(i) }],
      });
      held.push({ kind: 'itContract', uuid: c.uuid, name: c.name, initialHolder: holder(i) });
    }
    for (let i = 0; i < UNITS; i++) {
      const unit = await kitos.units.create(admin, { organizationUuid: org, name: `Løbeenhed ${i}`, parentUuid: root });
      await kitos.unitRoles.assign(admin, { unitUuid: unit.uuid, roleUuid: unitRole, userUuid: holder(i) });
      units.push({ uuid: unit.uuid, initialHolder: holder(i) });
    }
  }, 120_000);

  afterAll(async () => {
    for (const k of instances) await k.storage.close();
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('applies each transfer and import fully or not at all, loses no update and keeps one holder per role', async () => {
    const kitosOf = (i: number) => instances[i % instances.length] as Kitos;
    const version = async (h: Held) =>
      h.kind === 'itSystemUsage'
        ? (await kitosOf(0).usages.get(admin, h.uuid)).version
        : (await kitosOf(0).contracts.get(admin, h.uuid)).version;
    const initialVersions = new Map(await Promise.all(held.map(async (h) => [h.uuid, await version(h)] as const)));

    type Outcome =
      | { writer: number; kind: 'transfer'; from: string; to: string; result?: RoleTransferResult; error?: unknown }
      | { writer: number; kind: 'import'; changed: string[]; ok: boolean; messages: string[] };

    const transfer = async (writer: number): Promise<Outcome> => {
      const kitos = kitosOf(writer);
      let from = people[writer % PEOPLE] as string;
      let to = people[(writer + 1) % PEOPLE] as string;
      try {
        // A quarter move everything a person holds.
        if (writer % 4 === 0) {
          const result = await kitos.roles.transfer(admin, {
            organizationUuid: org,
            fromUserUuid: from,
            toUserUuid: to,
          });
          return { writer, kind: 'transfer', from, to, result };
        }
        // The rest do as the widget does: read the roles, then move some of one person's at the versions read.
        const { rows } = await kitos.roles.overview(admin, { organizationUuid: org });
        const slice = [writer, writer + 7, writer + 17].map((i) => rows[i % rows.length]);
        from = slice[0]?.userUuid as string;
        to = people[(people.indexOf(from) + 1 + (writer % (PEOPLE - 1))) % PEOPLE] as string;
        const items = slice
          .filter((r) => r?.userUuid === from)
          .map((r) => ({
            objectKind: r?.objectKind as RoleRow['objectKind'],
            objectUuid: r?.objectUuid as string,
            roleUuid: r?.roleUuid as string,
            ...(typeof r?.objectVersion === 'number' ? { expectedVersion: r.objectVersion } : {}),
          }));
        const unique = [...new Map(items.map((i) => [i.objectUuid, i])).values()];
        const result = await kitos.roles.transfer(admin, {
          organizationUuid: org,
          fromUserUuid: from,
          toUserUuid: to,
          items: unique,
        });
        return { writer, kind: 'transfer', from, to, result };
      } catch (error) {
        return { writer, kind: 'transfer', from, to, error };
      }
    };

    const importRows = async (writer: number): Promise<Outcome> => {
      // Every other record of one kind, starting where the writer number says: imports overlap
      // each other and the transfers.
      const usages = writer % 2 === 0;
      const mine = held
        .filter((h) => h.kind === (usages ? 'itSystemUsage' : 'itContract'))
        .filter((_, i) => (i + writer) % 3 === 0)
        .slice(0, 3);
      const marker = `import ${writer}`;
      const file = usages
        ? csv([['UUID', 'IT System', 'Noter'], ...mine.map((h) => [h.uuid, systems.get(h.uuid) as string, marker])])
        : csv([['UUID', 'IT Kontrakt', 'Kontrakt ID'], ...mine.map((h) => [h.uuid, h.name, marker])]);
      const report = await importSpreadsheet(kitosOf(writer), admin, {
        kind: usages ? 'usages' : 'contracts',
        organizationUuid: org,
        file,
      });
      return {
        writer,
        kind: 'import',
        ok: report.ok,
        changed: report.ok ? report.rows.filter((r) => r.action === 'change').map((r) => r.uuid as string) : [],
        messages: report.issues.map((i) => `${i.code}: ${i.message.en}`),
      };
    };

    const outcomes = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) => (writer % 10 < 7 ? transfer(writer) : importRows(writer))),
    );

    const transfers = outcomes.filter((o) => o.kind === 'transfer');
    const imports = outcomes.filter((o) => o.kind === 'import');
    // Every refusal is typed: a version conflict or deadlock as KitosConflictError, a role that moved
    // away after the preview as the validation error naming the item, a person left with nothing.
    for (const t of transfers.filter((o) => o.error !== undefined)) {
      const e = t.error;
      const typed =
        e instanceof KitosConflictError ||
        (e instanceof KitosValidationError && e.issues.every((i) => i.code === 'role-assignment-not-found'));
      expect(typed, `writer ${t.writer}: ${String(e)}`).toBe(true);
    }
    for (const i of imports.filter((o) => !o.ok))
      for (const m of i.messages)
        expect(m, `import writer ${i.writer}`).toMatch(/^write-failed: .*(concurrent|changed by someone else)/);
    const succeeded = transfers.filter((t) => t.result);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(imports.some((i) => i.ok)).toBe(true);

    const kitos = kitosOf(0);
    const overview = await kitos.roles.overview(admin, { organizationUuid: org });
    for (const h of held) {
      // Exactly one holder, a member of the organisation.
      const rows = overview.rows.filter((r) => r.objectUuid === h.uuid);
      expect(rows, h.name).toHaveLength(1);
      expect(people).toContain(rows[0]?.userUuid);
      // The version counts exactly the successful writes: nothing refused left a trace, nothing got lost.
      const byTransfers = succeeded
        .map((t) => ({ t, at: t.result?.records.find((r) => r.objectUuid === h.uuid)?.version }))
        .filter((x): x is { t: (typeof succeeded)[number]; at: number } => typeof x.at === 'number')
        .sort((a, b) => a.at - b.at);
      const byImports = imports.filter((i) => i.changed.includes(h.uuid)).length;
      expect(await version(h), h.name).toBe((initialVersions.get(h.uuid) as number) + byTransfers.length + byImports);
      expect(new Set(byTransfers.map((x) => x.at)).size).toBe(byTransfers.length);
      // The holders follow one chain: each successful transfer took the role from its holder then.
      let holder = h.initialHolder;
      for (const { t } of byTransfers) {
        expect(t.from, `${h.name}: transfer ${t.writer}`).toBe(holder);
        holder = t.to;
      }
      expect(rows[0]?.userUuid, h.name).toBe(holder);
    }
    for (const u of units) {
      const rows = overview.rows.filter((r) => r.objectUuid === u.uuid);
      expect(rows).toHaveLength(1);
      expect(people).toContain(rows[0]?.userUuid);
      const moves = succeeded.filter((t) => t.result?.records.some((r) => r.objectUuid === u.uuid)).length;
      if (moves === 0) expect(rows[0]?.userUuid).toBe(u.initialHolder);
    }
    // The imports' values: each record ends with the value of a successful import, or its own.
    const refusedMarkers = imports.filter((i) => !i.ok).map((i) => `import ${i.writer}`);
    for (const h of held) {
      const value =
        h.kind === 'itSystemUsage'
          ? (await kitos.usages.get(admin, h.uuid)).general.notes
          : (await kitos.contracts.get(admin, h.uuid)).general.contractId;
      if (value !== null && value !== undefined && value !== '') {
        expect(refusedMarkers).not.toContain(value);
        const writer = Number(value.replace('import ', ''));
        expect(imports.find((i) => i.writer === writer)?.changed).toContain(h.uuid);
      }
    }
  }, 300_000);
});
