import { describe, expect, it } from 'vitest';
import { KitosError } from '../shared/index.js';
import {
  checkSystemRelation,
  clearRelationsContract,
  clearRelationsInterface,
  dropRelationsToUsage,
  type SystemRelationContext,
} from './usage-relation.rules.js';
import { SystemRelationSchema } from './usage-relation.schema.js';

const FROM = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const TO = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const OTHER = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const IFACE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const CONTRACT = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

const relation = (fields: Record<string, unknown> = {}) =>
  SystemRelationSchema.parse({ uuid: '12345678-1234-4234-8234-123456789abc', toUsageUuid: TO, ...fields });
const context = (c: Partial<SystemRelationContext> = {}): SystemRelationContext => ({
  fromUsageUuid: FROM,
  organizationUuid: 'org',
  targetOrganizationUuid: 'org',
  targetExposedInterfaceUuids: [IFACE],
  ...c,
});
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => r.violations?.map((v) => v.code) ?? [];

describe('checkSystemRelation', () => {
  it('accepts a relation within one organisation through an interface the target exposes', () => {
    expect(checkSystemRelation(relation({ interfaceUuid: IFACE }), context()).ok).toBe(true);
  });

  it('refuses a relation to the owning usage itself', () => {
    expect(codes(checkSystemRelation(relation({ toUsageUuid: FROM }), context()))).toEqual(['relation-to-self']);
  });

  it('refuses a target usage of another organisation', () => {
    expect(codes(checkSystemRelation(relation(), context({ targetOrganizationUuid: 'other' })))).toEqual([
      'not-same-organisation',
    ]);
  });

  it("refuses an interface exposed by some system other than the target's", () => {
    const r = checkSystemRelation(relation({ interfaceUuid: OTHER }), context());
    expect(r.ok ? null : r.violations[0]).toMatchObject({ code: 'interface-not-exposed', path: ['interfaceUuid'] });
  });

  it('refuses a contract of another organisation and requires its organisation to be known', () => {
    const withContract = relation({ contractUuid: CONTRACT });
    expect(checkSystemRelation(withContract, context({ contractOrganizationUuid: 'org' })).ok).toBe(true);
    const r = checkSystemRelation(withContract, context({ contractOrganizationUuid: 'other' }));
    expect(r.ok ? null : r.violations[0]?.path).toEqual(['contractUuid']);
    expect(() => checkSystemRelation(withContract, context())).toThrow(KitosError);
  });

  it('lists every problem in order', () => {
    const r = checkSystemRelation(
      relation({ toUsageUuid: FROM, interfaceUuid: OTHER, contractUuid: CONTRACT }),
      context({ targetOrganizationUuid: 'x', contractOrganizationUuid: 'y' }),
    );
    expect(codes(r)).toEqual([
      'relation-to-self',
      'not-same-organisation',
      'interface-not-exposed',
      'not-same-organisation',
    ]);
  });
});

describe('cleanup when a target, contract or interface goes away', () => {
  const relations = [
    relation({ uuid: '00000000-0000-4000-8000-000000000001', interfaceUuid: IFACE, contractUuid: CONTRACT }),
    relation({ uuid: '00000000-0000-4000-8000-000000000002', toUsageUuid: OTHER }),
  ];

  it('deletes relations pointing at a deleted usage', () => {
    expect(dropRelationsToUsage(relations, TO).map((r) => r.toUsageUuid)).toEqual([OTHER]);
  });

  it('keeps relations but clears a deleted contract', () => {
    const after = clearRelationsContract(relations, CONTRACT);
    expect(after.map((r) => r.contractUuid)).toEqual([null, null]);
    expect(after).toHaveLength(2);
  });

  it('keeps relations but clears a removed interface', () => {
    expect(clearRelationsInterface(relations, IFACE)[0]?.interfaceUuid).toBeNull();
  });
});
