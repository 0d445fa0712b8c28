// A write whose fields came out of the kind's schema moments before (a usage patch) parses only the
// fields it adds; what it stores and every error it reports must be exactly those of parsing the
// whole record. Also: the audit diff skips untouched values but finds the same changes as a full walk.
import { describe, expect, it } from 'vitest';
import { createKitos } from '../kitos.js';
import { fixedClock } from './clock.js';
import { USAGE } from '../services/kinds.js';
import { KitosValidationError } from '../shared/errors.js';
import { createMemoryStorage } from '../storage/memory.js';
import { applyUsagePatch } from '../usage/usage-patch.rules.js';
import type { ItSystemUsagePatch } from '../usage/usage.schema.js';
import { type ItSystemUsage, ItSystemUsageSchema } from '../usage/usage.schema.js';
import { type AuditChange, auditDiff } from './audit.js';
import { type WriteContext, writeEntity } from './repository.js';

const UNIT = '77777777-7777-4777-8777-777777777777';
const USAGE_UUID = '66666666-6666-4666-8666-666666666666';
const ACTOR = '99999999-9999-4999-8999-999999999999';

const current = ItSystemUsageSchema.parse({
  uuid: USAGE_UUID,
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
  organizationUuid: '11111111-1111-4111-8111-111111111111',
  systemUuid: '33333333-3333-4333-8333-333333333333',
  general: { localCallName: 'Løn', validity: { validFrom: '2025-01-01', lifeCycleStatus: 'Operational' } },
  organizationUsage: { usingUnitUuids: [UNIT], responsibleUnitUuid: UNIT },
  gdpr: { riskAssessmentConducted: 'Yes', riskAssessmentResult: 'Middle' },
});

const context = (actorUuid: string | null): WriteContext => ({
  actorUuid,
  now: '2025-06-15T10:00:00.000Z',
  newUuid: () => 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
});

/** Writes `patch` over `current` (stored first), with or without handing the rule's output on. */
async function write(patch: ItSystemUsagePatch, handOn: boolean, actorUuid: string | null = ACTOR) {
  const storage = createMemoryStorage();
  await storage.transaction((tx) =>
    tx.put({
      kind: USAGE.kind,
      uuid: current.uuid,
      organizationUuid: current.organizationUuid,
      expectedVersion: 0,
      lastChanged: current.lastChanged,
      index: USAGE.index(current),
      data: current,
    }),
  );
  const applied = applyUsagePatch(current, patch);
  if (!applied.ok) throw new Error('the patch should apply');
  const next = applied.value;
  return storage.transaction(async (tx) => {
    const saved = await writeEntity(
      tx,
      USAGE,
      context(actorUuid),
      { ...next, uuid: current.uuid },
      current,
      {},
      handOn ? next : undefined,
    );
    const stored = await tx.get<ItSystemUsage>(USAGE.kind, current.uuid);
    return { saved, stored: stored?.data };
  });
}

const PATCHES: ItSystemUsagePatch[] = [
  { general: { notes: 'note' } },
  { general: { validity: { validTo: '2026-12-31' } }, archiving: { archiveDuty: 'B' } },
  { organizationUsage: { usingUnitUuids: [] } },
  { roles: [], externalReferences: [] },
];

describe('a write that hands on the patch rule’s parsed record', () => {
  it.each(PATCHES)('stores the same record, key for key, as parsing the whole record (%j)', async (patch) => {
    const fast = await write(patch, true);
    const full = await write(patch, false);
    expect(JSON.stringify(fast.stored)).toBe(JSON.stringify(full.stored));
    expect(JSON.stringify(fast.saved)).toBe(JSON.stringify(full.saved));
    // The stored record is what the schema makes of it.
    expect(JSON.stringify(ItSystemUsageSchema.parse(fast.stored))).toBe(JSON.stringify(fast.stored));
  });

  it('refuses a bookkeeping field the schema refuses, with the whole-record errors', async () => {
    const errorOf = (handOn: boolean) =>
      write({ general: { notes: 'x' } }, handOn, 'not-a-uuid').then(
        () => undefined,
        (e: unknown) => e,
      );
    const fast = await errorOf(true);
    const full = await errorOf(false);
    expect(fast).toBeInstanceOf(KitosValidationError);
    expect((fast as KitosValidationError).issues).toEqual((full as KitosValidationError).issues);
    expect((fast as KitosValidationError).issues.map((i) => i.path.join('.'))).toEqual(['createdBy', 'lastChangedBy']);
  });

  it('parses the whole record when the handed-on object did not come from the schema', async () => {
    const storage = createMemoryStorage();
    // A look-alike with a section the schema refuses: it must not be trusted.
    const lookAlike = {
      ...current,
      general: { ...current.general, validity: { ...current.general.validity, validFrom: '2025-02-30' } },
    };
    const attempt = storage.transaction((tx) =>
      writeEntity(tx, USAGE, context(ACTOR), lookAlike, undefined, {}, lookAlike),
    );
    await expect(attempt).rejects.toBeInstanceOf(KitosValidationError);
  });
});

describe('patches of a record the engine wrote itself', () => {
  async function world() {
    const storage = createMemoryStorage();
    const kitos = await createKitos({ storage, clock: fixedClock('2025-06-15T10:00:00Z') });
    const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'a@example.dk' });
    const org = (await kitos.organizations.create(admin, { name: 'Aarhus Kommune', type: 'Kommune' })).uuid;
    const systemUuid = (await kitos.systems.create(admin, { organizationUuid: org, name: 'ESDH' })).uuid;
    const usage = await kitos.usages.create(admin, { organizationUuid: org, systemUuid });
    return { storage, kitos, admin, usage };
  }

  it('store what the schema makes of the record, patch after patch', async () => {
    const { storage, kitos, admin, usage } = await world();
    for (const patch of [...PATCHES, { general: { notes: 'again' } }, { gdpr: { riskAssessmentConducted: 'No' } }]) {
      await kitos.usages.patch(admin, usage.uuid, patch as never);
      const stored = await storage.transaction((tx) => tx.get<ItSystemUsage>(USAGE.kind, usage.uuid));
      expect(JSON.stringify(ItSystemUsageSchema.parse(stored?.data))).toBe(JSON.stringify(stored?.data));
    }
    expect((await kitos.usages.get(admin, usage.uuid)).general.notes).toBe('again');
  });

  it('still refuse a record changed behind the engine into something the schema refuses', async () => {
    const { storage, kitos, admin, usage } = await world();
    await kitos.usages.patch(admin, usage.uuid, { general: { notes: 'one' } });
    // Another writer stores the next version with an archive duty the schema does not know.
    await storage.transaction(async (tx) => {
      const r = await tx.get<ItSystemUsage>(USAGE.kind, usage.uuid);
      if (!r) throw new Error('missing');
      // A section the next patch does not touch, so only the comparison with the kept copy can catch it.
      const archiving = { ...r.data.archiving, archiveDuty: 'Z' };
      await tx.put({ ...r, expectedVersion: r.version, data: { ...r.data, archiving } });
    });
    const attempt = kitos.usages.patch(admin, usage.uuid, { general: { notes: 'two' } });
    await expect(attempt).rejects.toBeInstanceOf(KitosValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: ['archiving', 'archiveDuty'] }] });
  });
});

/** The audit diff as it was before it skipped untouched values: every leaf through JSON. */
function referenceDiff(before: unknown, after: unknown, prefix = ''): AuditChange[] {
  const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const meta = new Set(['version', 'lastChanged', 'lastChangedBy', 'createdAt', 'createdBy']);
  if (plain(before) && plain(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys
      .filter((k) => !(prefix === '' && meta.has(k)))
      .flatMap((k) => referenceDiff(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
  return [{ path: prefix, before: before ?? null, after: after ?? null }];
}

describe('auditDiff', () => {
  const shared = { deep: { list: [1, 2], text: 'x' } };
  const LEAVES: unknown[] = [
    '',
    'a',
    'b',
    0,
    -0,
    1,
    Number.NaN,
    null,
    undefined,
    true,
    false,
    [],
    [1],
    ['a'],
    {},
    shared,
  ];
  it('finds the same changes as comparing every leaf through JSON', () => {
    let compared = 0;
    for (const a of LEAVES) {
      for (const b of LEAVES) {
        const before = { version: 1, name: a, section: { x: a, y: shared, z: { w: b } }, list: [a] };
        const after = { version: 2, name: b, section: { x: b, y: shared, z: { w: a } }, list: [b], added: b };
        expect(auditDiff(before, after)).toEqual(referenceDiff(before, after));
        expect(auditDiff(after, before, 'p')).toEqual(referenceDiff(after, before, 'p'));
        expect(auditDiff(a, b)).toEqual(referenceDiff(a, b));
        compared++;
      }
    }
    expect(compared).toBe(LEAVES.length ** 2);
    expect(auditDiff({ general: { notes: 'a' } }, { general: { notes: 'b' } })).toEqual([
      { path: 'general.notes', before: 'a', after: 'b' },
    ]);
  });
});
