import { describe, expect, it } from 'vitest';
import { safeParse, YesNoDontKnow } from '../shared/index.js';
import { applyUsageGdprPatch } from './usage-gdpr.rules.js';
import { type UsageGdpr, UsageGdprGates, type UsageGdprPatch, UsageGdprSchema } from './usage-gdpr.schema.js';

const empty = (): UsageGdpr => UsageGdprSchema.parse({});
const link = { name: 'Doc', url: 'https://example.org/doc' };

/** One sample value per detail field, used to probe every gate. */
const sample: UsageGdprPatch = {
  technicalPrecautionsApplied: ['Encryption', 'Logging'],
  technicalPrecautionsDocumentation: link,
  userSupervisionDate: '2025-02-01',
  userSupervisionDocumentation: link,
  riskAssessmentConductedDate: '2025-03-01',
  riskAssessmentResult: 'High',
  riskAssessmentDocumentation: link,
  riskAssessmentNotes: 'reviewed by the DPO',
  dpiaDate: '2025-04-01',
  dpiaDocumentation: link,
  nextDataRetentionEvaluationDate: '2026-01-01',
  dataRetentionEvaluationFrequencyInMonths: 12,
};

const expectOk = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value;
};

describe('applyUsageGdprPatch: each gate', () => {
  for (const { answer, details } of UsageGdprGates) {
    const detailPatch = Object.fromEntries(details.map((f) => [f, sample[f]])) as UsageGdprPatch;

    it(`accepts the details of ${answer} when it is answered Yes in the same patch`, () => {
      const value = expectOk(applyUsageGdprPatch(empty(), { [answer]: 'Yes', ...detailPatch }));
      for (const f of details) expect(value[f]).toEqual(sample[f]);
    });

    it(`accepts the details of ${answer} when Yes is already stored`, () => {
      const current = { ...empty(), [answer]: 'Yes' };
      const value = expectOk(applyUsageGdprPatch(current, detailPatch));
      for (const f of details) expect(value[f]).toEqual(sample[f]);
    });

    for (const closed of ['No', 'DontKnow', 'Undecided', null] as const) {
      it(`refuses every detail of ${answer} when it is ${closed ?? 'unanswered'}, naming each path`, () => {
        const r = applyUsageGdprPatch(empty(), { [answer]: closed, ...detailPatch });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.violations.map((v) => v.code)).toEqual(details.map(() => 'gate-closed'));
        expect(r.violations.map((v) => v.path)).toEqual(details.map((f) => ['gdpr', f]));
      });
    }

    it(`clears every detail of ${answer} when the answer moves from Yes to No`, () => {
      const current = expectOk(applyUsageGdprPatch(empty(), { [answer]: 'Yes', ...detailPatch }));
      const value = expectOk(applyUsageGdprPatch(current, { [answer]: 'No' }));
      expect(value[answer]).toBe('No');
      for (const f of details)
        expect(value[f]).toEqual(f === 'technicalPrecautionsApplied' ? [] : f.endsWith('Months') ? 0 : null);
    });

    it(`refuses details of ${answer} sent together with a change from Yes to DontKnow`, () => {
      const current = expectOk(applyUsageGdprPatch(empty(), { [answer]: 'Yes', ...detailPatch }));
      const r = applyUsageGdprPatch(current, { [answer]: 'DontKnow', ...detailPatch });
      expect(r.ok).toBe(false);
    });
  }

  it('resets the retention frequency to 0, not null, when the retention question is answered Undecided', () => {
    const current = expectOk(
      applyUsageGdprPatch(empty(), { retentionPeriodDefined: 'Yes', dataRetentionEvaluationFrequencyInMonths: 6 }),
    );
    const value = expectOk(applyUsageGdprPatch(current, { retentionPeriodDefined: 'Undecided' }));
    expect(value.dataRetentionEvaluationFrequencyInMonths).toBe(0);
  });

  it('clears details when the answer itself is cleared to null', () => {
    const current = expectOk(applyUsageGdprPatch(empty(), { dpiaConducted: 'Yes', dpiaDate: '2025-01-01' }));
    expect(expectOk(applyUsageGdprPatch(current, { dpiaConducted: null })).dpiaDate).toBeNull();
  });

  it('keeps the details when a patch leaves a Yes answer alone', () => {
    const current = expectOk(applyUsageGdprPatch(empty(), { dpiaConducted: 'Yes', dpiaDate: '2025-01-01' }));
    expect(expectOk(applyUsageGdprPatch(current, { purpose: 'Payroll' })).dpiaDate).toBe('2025-01-01');
  });
});

describe('applyUsageGdprPatch: edges', () => {
  it('reads the stored KITOS code 1 as Yes for GDPR questions (DataOptions, where 0 means No)', () => {
    expect(YesNoDontKnow.fromCode(1)).toBe('Yes');
    const closed = { ...empty(), userSupervision: YesNoDontKnow.fromCode(0) ?? null };
    expect(applyUsageGdprPatch(closed, { userSupervisionDate: '2025-01-01' }).ok).toBe(false);
  });

  it('accepts blank details behind a closed gate (null, empty list, empty text, frequency 0)', () => {
    const r = applyUsageGdprPatch(empty(), {
      technicalPrecautionsInPlace: 'No',
      technicalPrecautionsApplied: [],
      riskAssessmentNotes: '',
      riskAssessmentResult: null,
      dataRetentionEvaluationFrequencyInMonths: 0,
    });
    expect(r.ok).toBe(true);
  });

  it('clears stale details stored behind a closed gate instead of blaming the caller', () => {
    const stale = { ...empty(), dpiaConducted: 'No' as const, dpiaDate: '2020-01-01' };
    expect(expectOk(applyUsageGdprPatch(stale, { purpose: 'x' })).dpiaDate).toBeNull();
  });

  it('lists violations of several gates in gate order, specific personal data last', () => {
    const r = applyUsageGdprPatch(empty(), {
      specificPersonalData: ['CprNumber'],
      retentionPeriodDefined: 'No',
      dataRetentionEvaluationFrequencyInMonths: 3,
      technicalPrecautionsApplied: ['Encryption'],
    });
    expect(r.ok ? [] : r.violations.map((v) => v.path?.[1])).toEqual([
      'technicalPrecautionsApplied',
      'dataRetentionEvaluationFrequencyInMonths',
      'specificPersonalData',
    ]);
  });

  it('keeps the planned risk assessment date whatever the risk assessment answer', () => {
    const value = expectOk(
      applyUsageGdprPatch(empty(), { riskAssessmentConducted: 'No', plannedRiskAssessmentDate: '2026-05-01' }),
    );
    expect(value.plannedRiskAssessmentDate).toBe('2026-05-01');
  });
});

describe('applyUsageGdprPatch: specific personal data', () => {
  it('accepts specific personal data when the PersonalData level is present', () => {
    const value = expectOk(
      applyUsageGdprPatch(empty(), { dataSensitivityLevels: ['PersonalData'], specificPersonalData: ['CprNumber'] }),
    );
    expect(value.specificPersonalData).toEqual(['CprNumber']);
  });

  it('refuses specific personal data with only other levels', () => {
    const r = applyUsageGdprPatch(empty(), {
      dataSensitivityLevels: ['SensitiveData', 'LegalData'],
      specificPersonalData: ['SocialProblems'],
    });
    expect(r.ok ? null : r.violations[0]).toMatchObject({
      code: 'gate-closed',
      path: ['gdpr', 'specificPersonalData'],
    });
  });

  it('clears specific personal data when the PersonalData level is removed', () => {
    const current = expectOk(
      applyUsageGdprPatch(empty(), {
        dataSensitivityLevels: ['PersonalData', 'SensitiveData'],
        specificPersonalData: ['OtherPrivateMatters'],
      }),
    );
    const value = expectOk(applyUsageGdprPatch(current, { dataSensitivityLevels: ['SensitiveData'] }));
    expect(value.specificPersonalData).toEqual([]);
  });
});

describe('UsageGdprSchema gate refinement', () => {
  it('rejects a stored value with details behind a closed gate, code gate-closed at the detail path', () => {
    const r = safeParse(UsageGdprSchema, { riskAssessmentConducted: 'DontKnow', riskAssessmentResult: 'Low' }, 'usage');
    expect(r.ok ? [] : r.error.issues).toEqual([
      expect.objectContaining({ code: 'gate-closed', path: ['riskAssessmentResult'] }),
    ]);
  });

  it('rejects specific personal data without the PersonalData level', () => {
    const r = safeParse(UsageGdprSchema, { specificPersonalData: ['CprNumber'] }, 'usage');
    expect(r.ok ? null : r.error.issues[0]?.code).toBe('gate-closed');
  });

  it('accepts a full value whose details sit behind open gates', () => {
    const r = safeParse(
      UsageGdprSchema,
      { dpiaConducted: 'Yes', dpiaDate: '2025-01-01', dpiaDocumentation: link },
      'usage',
    );
    expect(r.ok).toBe(true);
  });

  it('rejects a duplicate precaution and a negative frequency', () => {
    const r = safeParse(
      UsageGdprSchema,
      { technicalPrecautionsInPlace: 'Yes', technicalPrecautionsApplied: ['Logging', 'Logging'] },
      'usage',
    );
    expect(r.ok ? null : r.error.issues[0]).toMatchObject({
      code: 'duplicate',
      path: ['technicalPrecautionsApplied', 1],
    });
    expect(UsageGdprSchema.safeParse({ dataRetentionEvaluationFrequencyInMonths: -1 }).success).toBe(false);
  });
});
