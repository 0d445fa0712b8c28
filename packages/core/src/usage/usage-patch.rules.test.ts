import { describe, expect, it } from 'vitest';
import { applyUsagePatch } from './usage-patch.rules.js';
import { ItSystemUsageSchema } from './usage.schema.js';

const U1 = '77777777-7777-4777-8777-777777777777';
const U2 = '88888888-8888-4888-8888-888888888888';

const usage = ItSystemUsageSchema.parse({
  uuid: '66666666-6666-4666-8666-666666666666',
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
  organizationUuid: '11111111-1111-4111-8111-111111111111',
  systemUuid: '33333333-3333-4333-8333-333333333333',
  general: { localCallName: 'Løn', validity: { validFrom: '2025-01-01', lifeCycleStatus: 'Operational' } },
  organizationUsage: { usingUnitUuids: [U1], responsibleUnitUuid: U1 },
  gdpr: { riskAssessmentConducted: 'Yes', riskAssessmentResult: 'Middle' },
});

describe('applyUsagePatch', () => {
  it('changes only the fields given, also inside general.validity', () => {
    const r = applyUsagePatch(usage, { general: { validity: { lifeCycleStatus: 'PhasingOut' } } });
    expect(r.ok && r.value.general).toMatchObject({
      localCallName: 'Løn',
      validity: { validFrom: '2025-01-01', lifeCycleStatus: 'PhasingOut' },
    });
  });

  it('refuses a validTo before the stored validFrom', () => {
    const r = applyUsagePatch(usage, { general: { validity: { validTo: '2024-12-31' } } });
    expect(r.ok ? null : r.violations).toEqual([
      expect.objectContaining({ code: 'date-order', path: ['general', 'validity', 'validTo'] }),
    ]);
  });

  it('adds a new responsible unit to the using units', () => {
    const r = applyUsagePatch(usage, { organizationUsage: { responsibleUnitUuid: U2 } });
    expect(r.ok && r.value.organizationUsage).toEqual({ usingUnitUuids: [U1, U2], responsibleUnitUuid: U2 });
  });

  it('clears the responsible unit when it is dropped from the using units', () => {
    const r = applyUsagePatch(usage, { organizationUsage: { usingUnitUuids: [U2] } });
    expect(r.ok && r.value.organizationUsage).toEqual({ usingUnitUuids: [U2], responsibleUnitUuid: null });
  });

  it('wipes GDPR details when their gate closes and refuses details behind a closed gate', () => {
    const closed = applyUsagePatch(usage, { gdpr: { riskAssessmentConducted: 'No' } });
    expect(closed.ok && closed.value.gdpr.riskAssessmentResult).toBeNull();
    const refused = applyUsagePatch(usage, { gdpr: { dpiaDate: '2025-01-01' } });
    expect(refused.ok ? null : refused.violations[0]).toMatchObject({
      code: 'gate-closed',
      path: ['gdpr', 'dpiaDate'],
    });
  });

  it('reports GDPR violations before schema problems', () => {
    const r = applyUsagePatch(usage, {
      gdpr: { dpiaDate: '2025-01-01' },
      general: { validity: { validTo: '2020-01-01' } },
    });
    expect(r.ok ? [] : r.violations.map((v) => v.code)).toEqual(['gate-closed', 'date-order']);
  });

  it('does not change the usage it was given', () => {
    applyUsagePatch(usage, { general: { localCallName: 'Ny' }, organizationUsage: { responsibleUnitUuid: U2 } });
    expect(usage.general.localCallName).toBe('Løn');
    expect(usage.organizationUsage.usingUnitUuids).toEqual([U1]);
  });
});
