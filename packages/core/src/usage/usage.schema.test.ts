import { describe, expect, it } from 'vitest';
import { safeParse, YesNoUndecided } from '../shared/index.js';
import { UsageArchiveDuty, UsageUserCount } from './usage-enums.js';
import { UsageGeneralSchema, usageUserCountFromInterval, usageUserCountToInterval } from './usage-general.schema.js';
import { ItSystemUsageCreateSchema, ItSystemUsagePatchSchema, ItSystemUsageSchema } from './usage.schema.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const SYSTEM = '33333333-3333-4333-8333-333333333333';
const SELF = '66666666-6666-4666-8666-666666666666';
const U1 = '77777777-7777-4777-8777-777777777777';
const U2 = '88888888-8888-4888-8888-888888888888';
const meta = {
  uuid: SELF,
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
};
const issues = (input: unknown) => {
  const r = safeParse(
    ItSystemUsageSchema,
    { ...meta, organizationUuid: ORG, systemUuid: SYSTEM, ...(input as object) },
    'usage',
  );
  return r.ok ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path.join('.') }));
};

describe('ItSystemUsageCreateSchema', () => {
  it('needs only the organisation and the system, and fills every section', () => {
    const usage = ItSystemUsageCreateSchema.parse({ organizationUuid: ORG, systemUuid: SYSTEM });
    expect(usage.general?.validity).toEqual({ validFrom: null, validTo: null, lifeCycleStatus: null });
    expect(usage.gdpr?.dataRetentionEvaluationFrequencyInMonths).toBe(0);
    expect(usage.outgoingSystemRelations).toEqual([]);
  });

  it('refuses input without a system, and unknown fields', () => {
    expect(ItSystemUsageCreateSchema.safeParse({ organizationUuid: ORG }).success).toBe(false);
    expect(
      ItSystemUsageCreateSchema.safeParse({ organizationUuid: ORG, systemUuid: SYSTEM, colour: 'red' }).success,
    ).toBe(false);
  });
});

describe('ItSystemUsageSchema checks', () => {
  it('accepts validFrom equal to validTo and refuses validFrom after validTo', () => {
    expect(issues({ general: { validity: { validFrom: '2025-01-01', validTo: '2025-01-01' } } })).toEqual([]);
    expect(issues({ general: { validity: { validFrom: '2025-01-02', validTo: '2025-01-01' } } })).toEqual([
      { code: 'date-order', path: 'general.validity.validTo' },
    ]);
  });

  it('refuses impossible calendar dates', () => {
    expect(issues({ general: { validity: { validFrom: '2025-02-29' } } })[0]?.path).toBe('general.validity.validFrom');
  });

  it('enforces the text limits of the general section', () => {
    expect(issues({ general: { localSystemId: 'x'.repeat(200), localCallName: 'y'.repeat(100) } })).toEqual([]);
    expect(issues({ general: { localCallName: 'y'.repeat(101) } })[0]?.path).toBe('general.localCallName');
    expect(issues({ general: { systemVersion: 'v'.repeat(101) } })[0]?.path).toBe('general.systemVersion');
  });

  it('refuses a responsible unit that is not among the using units', () => {
    expect(issues({ organizationUsage: { usingUnitUuids: [U1], responsibleUnitUuid: U2 } })).toEqual([
      { code: 'responsible-unit-not-using', path: 'organizationUsage.responsibleUnitUuid' },
    ]);
  });

  it('refuses a using unit listed twice, even in another letter case', () => {
    expect(issues({ organizationUsage: { usingUnitUuids: [U1, U1.toUpperCase()] } })).toEqual([
      { code: 'duplicate', path: 'organizationUsage.usingUnitUuids.1' },
    ]);
  });

  it('refuses a KLE that is both added and removed', () => {
    expect(issues({ localKleDeviations: { addedKleUuids: [U1], removedKleUuids: [U1] } })[0]?.code).toBe(
      'kle-added-and-removed',
    );
  });

  it('accepts a journal period of one day and refuses one that ends before it starts', () => {
    const period = { uuid: U1, startDate: '2024-01-01', endDate: '2024-01-01' };
    expect(issues({ archiving: { journalPeriods: [period] } })).toEqual([]);
    expect(issues({ archiving: { journalPeriods: [{ ...period, endDate: '2023-12-31' }] } })).toEqual([
      { code: 'date-order', path: 'archiving.journalPeriods.0.endDate' },
    ]);
  });

  it('refuses a relation from the usage to itself', () => {
    expect(issues({ outgoingSystemRelations: [{ uuid: U1, toUsageUuid: SELF }] })).toEqual([
      { code: 'relation-to-self', path: 'outgoingSystemRelations.0.toUsageUuid' },
    ]);
  });

  it('refuses details behind a closed GDPR gate with gate-closed', () => {
    expect(issues({ gdpr: { dpiaConducted: 'No', dpiaDate: '2025-01-01' } })).toEqual([
      { code: 'gate-closed', path: 'gdpr.dpiaDate' },
    ]);
  });

  it('allows at most one master reference', () => {
    const ref = (uuid: string) => ({ uuid, title: 'Doc', documentId: null, url: null, masterReference: true });
    expect(issues({ externalReferences: [ref(U1), ref(U2)] })[0]?.code).toBe('multiple-master-references');
  });
});

describe('expected number of users', () => {
  it('accepts the four KITOS intervals and turns them into names', () => {
    const parse = (v: unknown) => UsageGeneralSchema.parse({ numberOfExpectedUsers: v }).numberOfExpectedUsers;
    expect(parse({ lowerBound: 0, upperBound: 9 })).toBe('BelowTen');
    expect(parse({ lowerBound: 10, upperBound: 50 })).toBe('TenToFifty');
    expect(parse({ lowerBound: 50, upperBound: 100 })).toBe('FiftyToHundred');
    expect(parse({ lowerBound: 100, upperBound: null })).toBe('HundredPlus');
    expect(parse({ lowerBound: 100 })).toBe('HundredPlus');
    expect(parse('Undecided')).toBe('Undecided');
  });

  it('refuses any other interval', () => {
    for (const v of [
      { lowerBound: 0, upperBound: 10 },
      { lowerBound: 100, upperBound: 200 },
      { lowerBound: 9, upperBound: 50 },
    ]) {
      expect(UsageGeneralSchema.safeParse({ numberOfExpectedUsers: v }).success).toBe(false);
    }
  });

  it('round-trips every name through its interval and KITOS code', () => {
    for (const name of UsageUserCount.values) {
      const interval = usageUserCountToInterval(name);
      expect(interval ? usageUserCountFromInterval(interval) : 'Undecided').toBe(name);
    }
    expect(UsageUserCount.fromCode(0)).toBe('BelowTen');
    expect(UsageUserCount.fromCode(4)).toBe('Undecided');
  });
});

describe('KITOS codes', () => {
  it('reads containsAITechnology code 0 as Yes (YesNoUndecided) and archive duty 2 as K', () => {
    expect(YesNoUndecided.fromCode(0)).toBe('Yes');
    expect(UsageArchiveDuty.fromCode(2)).toBe('K');
    expect(UsageArchiveDuty.toCode('PreserveDataCanDiscardDocuments')).toBe(4);
  });
});

describe('ItSystemUsagePatchSchema', () => {
  it('leaves fields that are not given out, instead of defaulting them', () => {
    const patch = ItSystemUsagePatchSchema.parse({
      general: { validity: { lifeCycleStatus: 'Operational' } },
      gdpr: {},
    });
    expect(patch).toEqual({ general: { validity: { lifeCycleStatus: 'Operational' } }, gdpr: {} });
  });

  it('refuses a change of organisation or system, and unknown fields in a section', () => {
    expect(ItSystemUsagePatchSchema.safeParse({ systemUuid: SYSTEM }).success).toBe(false);
    expect(ItSystemUsagePatchSchema.safeParse({ gdpr: { purpse: 'x' } }).success).toBe(false);
  });
});

describe('expected users: error code', () => {
  it('names an unknown interval invalid-interval', () => {
    expect(issues({ general: { numberOfExpectedUsers: { lowerBound: 0, upperBound: 10 } } })).toEqual([
      { code: 'invalid-interval', path: 'general.numberOfExpectedUsers' },
    ]);
  });
});
