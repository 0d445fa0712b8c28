// The data quality checks on single records: each deadline check on the day before, on and after
// its date, the weights of the score, references, the GDPR questions only for personal data, and
// one label per check (the list is the only place checks are declared).
import { describe, expect, it } from 'vitest';
import { DataProcessingRegistrationSchema } from '../data-processing/dpr.schema.js';
import { readContext } from '../overview/read-context.js';
import { ItSystemUsageSchema } from '../usage/usage.schema.js';
import { ENUM_LABELS } from '../vocabulary/enums.js';
import { DATA_QUALITY_RULES, DataQualityCheck, dprQuality, usageQuality } from './quality.rules.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const SYSTEM = '33333333-3333-4333-8333-333333333333';
const UNIT = '44444444-4444-4444-8444-444444444444';
const meta = (uuid: string) => ({
  uuid,
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
  organizationUuid: ORG,
});
const usage = (over: object) =>
  ItSystemUsageSchema.parse({ ...meta('66666666-6666-4666-8666-666666666666'), systemUuid: SYSTEM, ...over });
const dpr = (over: object) =>
  DataProcessingRegistrationSchema.parse({ ...meta('77777777-7777-4777-8777-777777777777'), name: 'D', ...over });
const ctx = (
  today: string,
  usages = [] as ReturnType<typeof usage>[],
  registrations = [] as ReturnType<typeof dpr>[],
) =>
  readContext({
    today,
    organizationUuid: ORG,
    units: [{ uuid: UNIT, organizationUuid: ORG, name: 'IT', parentUuid: null } as never],
    contracts: [],
    usages,
    registrations,
    systems: [],
    organizations: [],
    users: [],
    options: [],
    kle: [],
  });
const checks = (r: { gaps: readonly { check: string }[] }) => r.gaps.map((g) => g.check);

describe('data quality checks', () => {
  it('declares each check once, with a label in both languages', () => {
    const declared = DATA_QUALITY_RULES.map((r) => r.check);
    expect([...declared].sort()).toEqual([...DataQualityCheck.values].sort());
    for (const c of DataQualityCheck.values) expect(ENUM_LABELS.DataQualityCheck[c].da).not.toBe('');
  });

  it('finds a planned risk assessment overdue only after its day, and not once one is done after it', () => {
    const u = usage({ gdpr: { plannedRiskAssessmentDate: '2025-03-01' } });
    expect(checks(usageQuality(u, ctx('2025-03-01')))).not.toContain('usageRiskReviewOverdue');
    const after = usageQuality(u, ctx('2025-03-02'));
    expect(checks(after)).toContain('usageRiskReviewOverdue');
    expect(after.gaps.find((g) => g.check === 'usageRiskReviewOverdue')!.text.en).toContain('2025-03-01');
    const done = usage({
      gdpr: {
        plannedRiskAssessmentDate: '2025-03-01',
        riskAssessmentConducted: 'Yes',
        riskAssessmentConductedDate: '2025-03-01',
      },
    });
    expect(checks(usageQuality(done, ctx('2025-06-01')))).not.toContain('usageRiskReviewOverdue');
  });

  it('asks the GDPR questions only of a usage that processes personal data', () => {
    const none = usage({ gdpr: { dataSensitivityLevels: ['None'], purpose: 'x' } });
    expect(checks(usageQuality(none, ctx('2025-06-01')))).not.toContain('usageDpia');
    const personal = usage({ gdpr: { dataSensitivityLevels: ['SensitiveData'], purpose: 'x' } });
    expect(checks(usageQuality(personal, ctx('2025-06-01')))).toEqual(
      expect.arrayContaining(['usageRiskAssessment', 'usageDpia', 'usageRetention', 'usageSecurity']),
    );
  });

  it('scores by weight: required checks count twice', () => {
    // Filled: responsible unit, life cycle, purpose, sensitivity (required, 4 × 2), in-use date (1).
    // Missing: roles, data classification (recommended, 2 × 1). 9 of 11.
    const u = usage({
      general: { validity: { validFrom: '2024-01-01', lifeCycleStatus: 'Operational' } },
      organizationUsage: { usingUnitUuids: [UNIT], responsibleUnitUuid: UNIT },
      gdpr: { purpose: 'Løn', dataSensitivityLevels: ['None'] },
    });
    const q = usageQuality(u, ctx('2025-06-01'));
    expect(checks(q)).toEqual(['usageRoles', 'usageDataClassification']);
    expect(q.score).toBe(Math.floor((100 * 9) / 11));
  });

  it('judges external references by their link or document id', () => {
    const ref = (url: string | null, documentId: string | null) => ({
      uuid: '55555555-5555-4555-8555-555555555555',
      title: 'Ref',
      url,
      documentId,
      masterReference: false,
    });
    const q = (r: object) => checks(usageQuality(usage({ externalReferences: [r] }), ctx('2025-06-01')));
    expect(q(ref('https://kitos.dk', null))).not.toContain('usageReferences');
    expect(q(ref(null, 'SAG-1'))).not.toContain('usageReferences');
    expect(q(ref('javascript:alert(1)', null))).toContain('usageReferences');
    expect(q(ref('ikke et link', 'SAG-1'))).toContain('usageReferences');
    expect(q(ref(null, null))).toContain('usageReferences');
  });

  it('finds an oversight overdue by its interval, from the latest oversight or else the agreement', () => {
    const d = dpr({
      general: { isAgreementConcluded: 'Yes', agreementConcludedAt: '2024-01-01' },
      oversight: { oversightInterval: 'HalfYearly' },
    });
    expect(checks(dprQuality(d, ctx('2024-07-01')))).not.toContain('dprOversightOverdue');
    expect(checks(dprQuality(d, ctx('2024-07-02')))).toContain('dprOversightOverdue');
    const seen = dpr({
      general: { isAgreementConcluded: 'Yes', agreementConcludedAt: '2024-01-01' },
      oversight: {
        oversightInterval: 'HalfYearly',
        isOversightCompleted: 'Yes',
        oversightDates: [{ uuid: '88888888-8888-4888-8888-888888888888', date: '2024-06-01', remark: null }],
      },
    });
    expect(checks(dprQuality(seen, ctx('2024-07-02')))).not.toContain('dprOversightOverdue');
    expect(checks(dprQuality(seen, ctx('2024-12-02')))).toContain('dprOversightOverdue');
  });

  it('asks for countries and a basis only when data goes to insecure third countries', () => {
    const no = dpr({ general: { transferToInsecureThirdCountries: 'No' } });
    expect(checks(dprQuality(no, ctx('2025-06-01')))).not.toContain('dprTransferBasis');
    const yes = dpr({ general: { transferToInsecureThirdCountries: 'Yes' } });
    const gap = dprQuality(yes, ctx('2025-06-01')).gaps.find((g) => g.check === 'dprTransferBasis')!;
    expect(gap.text.da).toContain('hvilke lande');
    expect(gap.text.da).toContain('overførselsgrundlag');
  });
});
