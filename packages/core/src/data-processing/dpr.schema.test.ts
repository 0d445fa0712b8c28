import { describe, expect, it } from 'vitest';
import { safeParse, YesNoIrrelevant, YesNoUndecided } from '../shared/index.js';
import {
  DataProcessingRegistrationCreateSchema,
  DataProcessingRegistrationPatchSchema,
  DataProcessingRegistrationSchema,
  OversightInterval,
} from './dpr.schema.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const meta = {
  uuid: '66666666-6666-4666-8666-666666666666',
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
};
const issues = (input: object) => {
  const r = safeParse(
    DataProcessingRegistrationSchema,
    { ...meta, organizationUuid: ORG, name: 'Løn', ...input },
    'data-processing',
  );
  return r.ok ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path.join('.') }));
};

describe('DataProcessingRegistrationCreateSchema', () => {
  it('needs an organisation and a name of 1 to 200 characters', () => {
    expect(
      DataProcessingRegistrationCreateSchema.safeParse({ organizationUuid: ORG, name: 'x'.repeat(200) }).success,
    ).toBe(true);
    expect(
      DataProcessingRegistrationCreateSchema.safeParse({ organizationUuid: ORG, name: 'x'.repeat(201) }).success,
    ).toBe(false);
    expect(DataProcessingRegistrationCreateSchema.safeParse({ organizationUuid: ORG, name: '   ' }).success).toBe(
      false,
    );
    expect(DataProcessingRegistrationCreateSchema.safeParse({ name: 'Løn' }).success).toBe(false);
  });

  it('fills the sections with empty values', () => {
    const dpr = DataProcessingRegistrationCreateSchema.parse({ organizationUuid: ORG, name: 'Løn' });
    expect(dpr.general?.subDataProcessors).toEqual([]);
    expect(dpr.oversight?.oversightDates).toEqual([]);
  });

  it('refuses a main contract that is not among the contracts', () => {
    const r = DataProcessingRegistrationCreateSchema.safeParse({
      organizationUuid: ORG,
      name: 'Løn',
      general: { mainContractUuid: A },
      contractUuids: [B],
    });
    expect(r.success).toBe(false);
  });
});

describe('DataProcessingRegistrationSchema gates', () => {
  it('accepts a conclusion date whatever the agreement answer (the date is not gated in KITOS)', () => {
    for (const answer of ['Yes', 'No', 'Irrelevant', 'Undecided', null]) {
      expect(issues({ general: { isAgreementConcluded: answer, agreementConcludedAt: '2025-01-01' } })).toEqual([]);
    }
  });

  it('accepts insecure countries only with a transfer answered Yes', () => {
    expect(issues({ general: { transferToInsecureThirdCountries: 'Yes', insecureCountryUuids: [A] } })).toEqual([]);
    expect(issues({ general: { transferToInsecureThirdCountries: 'No', insecureCountryUuids: [A] } })).toEqual([
      { code: 'gate-closed', path: 'general.insecureCountryUuids' },
    ]);
  });

  it('accepts sub-processors only when hasSubDataProcessors is Yes', () => {
    const subs = [{ organizationUuid: A }];
    expect(issues({ general: { hasSubDataProcessors: 'Yes', subDataProcessors: subs } })).toEqual([]);
    expect(issues({ general: { hasSubDataProcessors: 'Undecided', subDataProcessors: subs } })).toEqual([
      { code: 'gate-closed', path: 'general.subDataProcessors' },
    ]);
  });

  it("accepts a sub-processor's country only when its own transfer is Yes", () => {
    const general = (transferToInsecureCountry: string | null) => ({
      hasSubDataProcessors: 'Yes',
      subDataProcessors: [{ organizationUuid: A, transferToInsecureCountry, insecureCountryUuid: B }],
    });
    expect(issues({ general: general('Yes') })).toEqual([]);
    expect(issues({ general: general('No') })).toEqual([
      { code: 'gate-closed', path: 'general.subDataProcessors.0.insecureCountryUuid' },
    ]);
    expect(issues({ general: general(null) })[0]?.code).toBe('gate-closed');
  });

  it('refuses the same sub-processor organisation twice', () => {
    const sub = { organizationUuid: A };
    expect(issues({ general: { hasSubDataProcessors: 'Yes', subDataProcessors: [sub, sub] } })).toEqual([
      { code: 'duplicate', path: 'general.subDataProcessors.1' },
    ]);
  });

  it('accepts oversight dates only when oversight is completed', () => {
    const dates = [{ uuid: A, date: '2025-03-01' }];
    expect(issues({ oversight: { isOversightCompleted: 'Yes', oversightDates: dates } })).toEqual([]);
    expect(issues({ oversight: { isOversightCompleted: 'No', oversightDates: dates } })).toEqual([
      { code: 'gate-closed', path: 'oversight.oversightDates' },
    ]);
  });

  it('refuses a main contract outside the associated contracts', () => {
    expect(issues({ general: { mainContractUuid: A }, contractUuids: [A] })).toEqual([]);
    expect(issues({ general: { mainContractUuid: A }, contractUuids: [] })).toEqual([
      { code: 'main-contract-not-associated', path: 'general.mainContractUuid' },
    ]);
  });
});

describe('KITOS codes of the registration', () => {
  it('reads code 0 as Yes for transfers (YesNoUndecided) but as No for the agreement (YesNoIrrelevant)', () => {
    expect(YesNoUndecided.fromCode(0)).toBe('Yes');
    expect(YesNoIrrelevant.fromCode(0)).toBe('No');
    expect(YesNoIrrelevant.fromCode(1)).toBe('Yes');
  });

  it('maps the oversight interval codes', () => {
    expect(OversightInterval.fromCode(0)).toBe('HalfYearly');
    expect(OversightInterval.fromCode(2)).toBe('EverySecondYear');
    expect(OversightInterval.toCode('Undecided')).toBe(4);
  });
});

describe('DataProcessingRegistrationPatchSchema', () => {
  it('keeps out the fields that are not given and refuses a change of organisation', () => {
    expect(DataProcessingRegistrationPatchSchema.parse({ general: { hasSubDataProcessors: 'No' } })).toEqual({
      general: { hasSubDataProcessors: 'No' },
    });
    expect(DataProcessingRegistrationPatchSchema.safeParse({ organizationUuid: ORG }).success).toBe(false);
  });
});
