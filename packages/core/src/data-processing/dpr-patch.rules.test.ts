import { describe, expect, it } from 'vitest';
import { applyDprPatch } from './dpr-patch.rules.js';
import {
  type DataProcessingRegistration,
  type DataProcessingRegistrationPatch,
  DataProcessingRegistrationSchema,
} from './dpr.schema.js';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const base = (input: object = {}) =>
  DataProcessingRegistrationSchema.parse({
    uuid: '66666666-6666-4666-8666-666666666666',
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: null,
    lastChanged: '2025-01-01T00:00:00.000Z',
    lastChangedBy: null,
    organizationUuid: '11111111-1111-4111-8111-111111111111',
    name: 'Løn',
    ...input,
  });

const full = base({
  contractUuids: [A, B],
  general: {
    isAgreementConcluded: 'Yes',
    agreementConcludedAt: '2024-06-01',
    transferToInsecureThirdCountries: 'Yes',
    insecureCountryUuids: [C],
    hasSubDataProcessors: 'Yes',
    subDataProcessors: [{ organizationUuid: A, transferToInsecureCountry: 'Yes', insecureCountryUuid: C }],
    mainContractUuid: A,
  },
  oversight: { isOversightCompleted: 'Yes', oversightDates: [{ uuid: A, date: '2025-01-10' }] },
});

const value = (r: ReturnType<typeof applyDprPatch>): DataProcessingRegistration => {
  if (!r.ok) throw new Error(JSON.stringify(r.violations));
  return r.value;
};
const paths = (r: ReturnType<typeof applyDprPatch>) =>
  r.ok ? [] : r.violations.map((v) => `${v.code}:${v.path?.join('.')}`);

describe('applyDprPatch: the agreement conclusion date (not gated, as in KITOS)', () => {
  it('accepts a conclusion date together with Yes', () => {
    const r = applyDprPatch(base(), { general: { isAgreementConcluded: 'Yes', agreementConcludedAt: '2025-01-01' } });
    expect(value(r).general.agreementConcludedAt).toBe('2025-01-01');
  });

  for (const answer of ['No', 'Irrelevant', 'Undecided', null] as const) {
    it(`accepts a conclusion date with ${answer ?? 'no answer'}`, () => {
      const r = applyDprPatch(base(), {
        general: { isAgreementConcluded: answer, agreementConcludedAt: '2025-01-01' },
      });
      expect(value(r).general.agreementConcludedAt).toBe('2025-01-01');
    });

    it(`clears the conclusion date when the answer changes from Yes to ${answer ?? 'none'}`, () => {
      expect(
        value(applyDprPatch(full, { general: { isAgreementConcluded: answer } })).general.agreementConcludedAt,
      ).toBeNull();
    });
  }

  it('keeps a stored date through a patch that leaves the answer alone, and a date given with the new answer', () => {
    const noDate = value(
      applyDprPatch(base(), { general: { isAgreementConcluded: 'No', agreementConcludedAt: '2024-05-01' } }),
    );
    expect(
      value(applyDprPatch(noDate, { general: { agreementConcludedRemark: 'x' } })).general.agreementConcludedAt,
    ).toBe('2024-05-01');
    expect(value(applyDprPatch(noDate, { name: 'Ny' })).general.agreementConcludedAt).toBe('2024-05-01');
    expect(
      value(applyDprPatch(full, { general: { isAgreementConcluded: 'No', agreementConcludedAt: '2024-06-01' } }))
        .general.agreementConcludedAt,
    ).toBe('2024-06-01');
  });
});

describe('applyDprPatch: YesNoUndecided gates', () => {
  const cases: {
    name: string;
    patch: (answer: 'No' | 'Undecided' | null) => DataProcessingRegistrationPatch;
    path: string;
  }[] = [
    {
      name: 'insecure countries',
      patch: (a) => ({ general: { transferToInsecureThirdCountries: a, insecureCountryUuids: [C] } }),
      path: 'general.insecureCountryUuids',
    },
    {
      name: 'sub-processors',
      patch: (a) => ({
        general: {
          hasSubDataProcessors: a,
          subDataProcessors: [
            {
              organizationUuid: A,
              basisForTransferUuid: null,
              transferToInsecureCountry: null,
              insecureCountryUuid: null,
            },
          ],
        },
      }),
      path: 'general.subDataProcessors',
    },
    {
      name: 'oversight dates',
      patch: (a) => ({
        oversight: { isOversightCompleted: a, oversightDates: [{ uuid: A, date: '2025-01-01', remark: null }] },
      }),
      path: 'oversight.oversightDates',
    },
  ];
  for (const c of cases) {
    for (const answer of ['No', 'Undecided', null] as const) {
      it(`refuses ${c.name} when the answer is ${answer ?? 'missing'}`, () => {
        expect(paths(applyDprPatch(base(), c.patch(answer)))).toEqual([`gate-closed:${c.path}`]);
      });
    }
  }

  it('clears countries, removes all sub-processors and all oversight dates when the answers leave Yes', () => {
    const r = value(
      applyDprPatch(full, {
        general: { transferToInsecureThirdCountries: 'No', hasSubDataProcessors: 'Undecided' },
        oversight: { isOversightCompleted: 'No' },
      }),
    );
    expect(r.general.insecureCountryUuids).toEqual([]);
    expect(r.general.subDataProcessors).toEqual([]);
    expect(r.oversight.oversightDates).toEqual([]);
    expect(r.general.agreementConcludedAt).toBe('2024-06-01');
  });

  it('keeps the details when the answers stay Yes', () => {
    const r = value(applyDprPatch(full, { name: 'Løn 2025' }));
    expect(r.general.subDataProcessors).toHaveLength(1);
    expect(r.oversight.oversightDates).toHaveLength(1);
    expect(r.name).toBe('Løn 2025');
  });

  it("refuses a sub-processor's country unless its own transfer is Yes", () => {
    const sub = {
      organizationUuid: B,
      basisForTransferUuid: null,
      transferToInsecureCountry: 'No' as const,
      insecureCountryUuid: C,
    };
    const r = applyDprPatch(full, { general: { subDataProcessors: [sub] } });
    expect(paths(r)).toEqual(['gate-closed:general.subDataProcessors.0.insecureCountryUuid']);
    const ok = applyDprPatch(full, { general: { subDataProcessors: [{ ...sub, transferToInsecureCountry: 'Yes' }] } });
    expect(value(ok).general.subDataProcessors[0]?.insecureCountryUuid).toBe(C);
  });
});

describe('applyDprPatch: main contract', () => {
  it('resets the main contract when its contract is removed from the registration', () => {
    expect(value(applyDprPatch(full, { contractUuids: [B] })).general.mainContractUuid).toBeNull();
  });

  it('keeps the main contract when another contract is removed', () => {
    expect(value(applyDprPatch(full, { contractUuids: [A] })).general.mainContractUuid).toBe(A);
  });

  it('refuses a main contract that is not associated after the patch', () => {
    expect(paths(applyDprPatch(full, { general: { mainContractUuid: C } }))).toEqual([
      'main-contract-not-associated:general.mainContractUuid',
    ]);
    expect(
      value(applyDprPatch(full, { contractUuids: [A, B, C], general: { mainContractUuid: C } })).general
        .mainContractUuid,
    ).toBe(C);
  });
});

describe('applyDprPatch: several problems', () => {
  it('lists general gates, then the main contract, then oversight', () => {
    const r = applyDprPatch(base(), {
      oversight: { oversightDates: [{ uuid: A, date: '2025-01-01', remark: null }] },
      general: { mainContractUuid: A, agreementConcludedAt: '2025-01-01', insecureCountryUuids: [C] },
    });
    expect(paths(r)).toEqual([
      'gate-closed:general.insecureCountryUuids',
      'main-contract-not-associated:general.mainContractUuid',
      'gate-closed:oversight.oversightDates',
    ]);
  });

  it('reports schema problems of the result, such as a blank name', () => {
    expect(paths(applyDprPatch(base(), { name: '' }))[0]).toBe('too-small:name');
  });

  it('does not change the registration it was given', () => {
    applyDprPatch(full, { general: { hasSubDataProcessors: 'No' }, contractUuids: [] });
    expect(full.general.subDataProcessors).toHaveLength(1);
    expect(full.contractUuids).toEqual([A, B]);
  });
});
