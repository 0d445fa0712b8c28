// Reads under a held organisation lock are answered from memory for the rest of the transaction;
// reads made before the lock, or of records no organisation lock covers, always go to storage; the
// transaction's own writes keep what is remembered current. Counted in storage calls, never time.
import { beforeEach, describe, expect, it } from 'vitest';
import { createKitos } from '../kitos.js';
import { createMemoryStorage } from '../storage/memory.js';
import type { PutRecord, StorageAdapter, StorageTransaction } from '../storage/port.js';
import { fixedClock } from './clock.js';
import { withLockedReads } from './locked-reads.js';
import { organizationLock } from './service.js';

const ORG = 'org-a';
const OTHER = 'org-b';
const NOW = '2025-06-15T10:00:00.000Z';

function rec(uuid: string, organizationUuid: string | null, expectedVersion = 0, name = uuid): PutRecord {
  return { kind: 'note', uuid, organizationUuid, expectedVersion, lastChanged: NOW, index: { name }, data: { name } };
}

let storage: StorageAdapter;
let calls: { get: number; query: number; lock: string[][] };

/** The transaction with every storage call counted. */
function counted(tx: StorageTransaction): StorageTransaction {
  return {
    ...tx,
    get: (kind, uuid) => {
      calls.get++;
      return tx.get(kind, uuid);
    },
    query: (q) => {
      calls.query++;
      return tx.query(q);
    },
    lock: (keys) => {
      calls.lock.push([...keys]);
      return tx.lock(keys);
    },
    put: (r) => tx.put(r),
    delete: (...a) => tx.delete(...a),
    changesSince: (s, o) => tx.changesSince(s, o),
  };
}

beforeEach(async () => {
  storage = createMemoryStorage();
  await storage.migrate({ version: 1, kinds: [{ kind: 'note', fields: [{ name: 'name', type: 'text' }] }] });
  await storage.transaction(async (tx) => {
    for (const r of [rec('a1', ORG), rec('a2', ORG), rec('b1', OTHER), rec('g1', null)]) await tx.put(r);
  });
  calls = { get: 0, query: 0, lock: [] };
});

describe('withLockedReads', () => {
  it('remembers a record read under its organisation lock, and not one read before it', async () => {
    await storage.transaction(async (raw) => {
      const tx = withLockedReads(counted(raw));
      await tx.get('note', 'a1');
      await tx.get('note', 'a1');
      expect(calls.get).toBe(2);
      await tx.lock([organizationLock(ORG)]);
      await tx.get('note', 'a1');
      const again = await tx.get('note', 'a1');
      expect(calls.get).toBe(3);
      expect(again?.version).toBe(1);
    });
  });

  it('never remembers records of another organisation or of none', async () => {
    await storage.transaction(async (raw) => {
      const tx = withLockedReads(counted(raw));
      await tx.lock([organizationLock(ORG)]);
      for (const uuid of ['b1', 'b1', 'g1', 'g1']) await tx.get('note', uuid);
      expect(calls.get).toBe(4);
      await tx.query({ kind: 'note', organizationUuids: [OTHER] });
      await tx.query({ kind: 'note', organizationUuids: [OTHER] });
      expect(calls.query).toBe(2);
    });
  });

  it('answers the whole list of a kind in a locked organisation once, kept current by its own writes', async () => {
    await storage.transaction(async (raw) => {
      const tx = withLockedReads(counted(raw));
      await tx.lock([organizationLock(ORG)]);
      const first = await tx.query({ kind: 'note', organizationUuids: [ORG] });
      expect(first.records.map((r) => r.uuid)).toEqual(['a1', 'a2']);
      await tx.put(rec('a0', ORG));
      await tx.put(rec('a2', ORG, 1, 'renamed'));
      await tx.delete('note', 'a1', 1, NOW);
      const second = await tx.query({ kind: 'note', organizationUuids: [ORG] });
      expect(second.records.map((r) => [r.uuid, r.version, (r.data as { name: string }).name])).toEqual([
        ['a0', 1, 'a0'],
        ['a2', 2, 'renamed'],
      ]);
      expect(calls.query).toBe(1);
      // Records the list brought are remembered one by one too; a deleted one is asked for again.
      expect((await tx.get('note', 'a2'))?.version).toBe(2);
      expect(await tx.get('note', 'a1')).toBeUndefined();
      expect(calls.get).toBe(1);
      // A filtered query always goes to storage.
      await tx.query({ kind: 'note', organizationUuids: [ORG], filter: { op: 'eq', field: 'name', value: 'a0' } });
      expect(calls.query).toBe(2);
    });
  });

  it('keeps a remembered record current after its own write, and a stale version still conflicts', async () => {
    await storage.transaction(async (raw) => {
      const tx = withLockedReads(counted(raw));
      await tx.lock([organizationLock(ORG)]);
      const before = await tx.get('note', 'a1');
      await tx.put(rec('a1', ORG, before?.version ?? 0, 'new'));
      const after = await tx.get('note', 'a1');
      expect([after?.version, (after?.data as { name: string } | undefined)?.name]).toEqual([2, 'new']);
      expect(calls.get).toBe(1);
      await expect(tx.put(rec('a1', ORG, 1, 'lost'))).rejects.toMatchObject({ name: 'KitosConflictError' });
    });
  });

  it('sends a lock key only the first time, and forgets nothing between transactions', async () => {
    await storage.transaction(async (raw) => {
      const tx = withLockedReads(counted(raw));
      await tx.lock([organizationLock(ORG)]);
      await tx.lock([organizationLock(ORG), 'system:x']);
      await tx.lock(['system:x', organizationLock(ORG)]);
      expect(calls.lock).toEqual([[organizationLock(ORG)], ['system:x']]);
      await tx.get('note', 'a1');
    });
    await storage.transaction(async (raw) => {
      const tx = withLockedReads(counted(raw));
      await tx.get('note', 'a1');
      await tx.get('note', 'a1');
    });
    expect(calls.get).toBe(3);
  });
});

describe('the roles transfer on it', () => {
  it('costs at most four storage calls per record moved, and moves every role', async () => {
    const memory = createMemoryStorage();
    let counting = false;
    let calls = 0;
    const count =
      <A extends unknown[], R>(f: (...a: A) => R) =>
      (...a: A): R => {
        if (counting) calls++;
        return f(...a);
      };
    // Every storage call a transaction makes (reads, locks, writes) is counted while `counting`.
    const counted: StorageAdapter = Object.assign(Object.create(memory) as StorageAdapter, {
      transaction: <R>(work: (tx: StorageTransaction) => Promise<R>) =>
        memory.transaction((tx) =>
          work({
            get: count(tx.get.bind(tx)),
            query: count(tx.query.bind(tx)),
            lock: count(tx.lock.bind(tx)),
            put: count(tx.put.bind(tx)),
            delete: count(tx.delete.bind(tx)),
            changesSince: tx.changesSince.bind(tx),
          } as StorageTransaction),
        ),
    });
    const kitos = await createKitos({ storage: counted, clock: fixedClock('2025-06-15T10:00:00Z') });
    const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'a@x.dk' });
    const org = (await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' })).uuid;
    const person = async (name: string) => {
      const u = await kitos.users.create(admin, { firstName: name, lastName: 'Test', email: `${name}@x.dk` });
      await kitos.memberships.grant(admin, { userUuid: u.uuid, organizationUuid: org, role: 'User' });
      return u.uuid;
    };
    const [leaver, successor] = [await person('lene'), await person('sune')];
    const activate = async (type: Parameters<typeof kitos.options.global>[1]) => {
      const role = (await kitos.options.global(admin, type))[0] as { uuid: string };
      await kitos.options.setLocal(admin, { organizationUuid: org, optionUuid: role.uuid, isActive: true });
      return role.uuid;
    };
    const [usageRole, contractRole, unitRole] = [
      await activate('it-system-usage-role-types'),
      await activate('it-contract-role-types'),
      await activate('organization-unit-role-types'),
    ];
    const root = (await kitos.units.create(admin, { organizationUuid: org, name: 'Nordby' })).uuid;
    const RECORDS = { usages: 30, contracts: 6, units: 4 };
    for (let i = 0; i < RECORDS.usages; i++) {
      const system = await kitos.systems.create(admin, { organizationUuid: org, name: `System ${i}` });
      await kitos.usages.create(admin, {
        organizationUuid: org,
        systemUuid: system.uuid,
        organizationUsage: { usingUnitUuids: [root] },
        roles: [{ roleUuid: usageRole, userUuid: leaver }],
      });
    }
    for (let i = 0; i < RECORDS.contracts; i++)
      await kitos.contracts.create(admin, {
        organizationUuid: org,
        name: `Kontrakt ${i}`,
        roles: [{ roleUuid: contractRole, userUuid: leaver }],
      });
    for (let i = 0; i < RECORDS.units; i++) {
      const unit = await kitos.units.create(admin, { organizationUuid: org, name: `Enhed ${i}`, parentUuid: root });
      await kitos.unitRoles.assign(admin, { unitUuid: unit.uuid, roleUuid: unitRole, userUuid: leaver });
    }
    const records = RECORDS.usages + RECORDS.contracts + RECORDS.units;
    counting = true;
    const result = await kitos.roles.transfer(admin, {
      organizationUuid: org,
      fromUserUuid: leaver,
      toUserUuid: successor,
    });
    counting = false;
    expect(result.moved).toBe(records);
    // Each usage: its system's lock, the write and its audit entry; each unit role: a delete and an
    // insert with their audit entries and the unit role look-ups; a few reads for the whole transfer.
    // Reading every record, its units and the organisation again per write cost about nine.
    expect(calls / records).toBeLessThanOrEqual(4);
    const after = await kitos.roles.overview(admin, { organizationUuid: org });
    expect(after.rows.filter((r) => r.userUuid === successor)).toHaveLength(records);
    expect(after.rows.filter((r) => r.userUuid === leaver)).toHaveLength(0);
  });
});
