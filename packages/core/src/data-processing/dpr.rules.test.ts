import { describe, expect, it } from 'vitest';
import { KitosError } from '../shared/index.js';
import { checkDprNameUnique, dprValidity, latestDprOversightDate } from './dpr.rules.js';
import { DataProcessingRegistrationSchema } from './dpr.schema.js';

const C1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const C2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const dpr = DataProcessingRegistrationSchema.parse({
  uuid: '66666666-6666-4666-8666-666666666666',
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
  organizationUuid: '11111111-1111-4111-8111-111111111111',
  name: 'Løn',
  contractUuids: [C1, C2],
  general: { mainContractUuid: C1 },
});

describe('dprValidity', () => {
  it('is valid without a main contract, whatever else is known', () => {
    expect(dprValidity({ general: { mainContractUuid: null } }, {})).toEqual({
      valid: true,
      validAccordingToMainContract: true,
      errors: [],
      reasons: [],
    });
  });

  it('is valid with an active main contract', () => {
    expect(dprValidity(dpr, { mainContractActive: true }).valid).toBe(true);
  });

  it('is invalid with an inactive main contract, and says why', () => {
    const r = dprValidity(dpr, { mainContractActive: false });
    expect(r).toMatchObject({ valid: false, validAccordingToMainContract: false, errors: ['MainContractNotActive'] });
    expect(r.reasons[0]).toContain(C1);
  });

  it('throws instead of guessing when the main contract state is not given', () => {
    expect(() => dprValidity(dpr, {})).toThrow(KitosError);
  });
});

describe('latestDprOversightDate', () => {
  it('is the latest date whatever the order, or null without oversight', () => {
    const dates = ['2024-11-30', '2025-02-01', '2023-01-01'].map((date) => ({ date }));
    expect(latestDprOversightDate({ oversight: { oversightDates: dates } })).toBe('2025-02-01');
    expect(latestDprOversightDate({ oversight: { oversightDates: [] } })).toBeNull();
  });
});

describe('checkDprNameUnique', () => {
  const existing = [{ uuid: 'a', name: 'Løn – databehandleraftale' }];

  it('refuses the same name ignoring letter case and surrounding spaces', () => {
    const r = checkDprNameUnique(existing, { name: '  LØN – DATABEHANDLERAFTALE ' });
    expect(r.ok ? null : r.violations[0]).toMatchObject({ code: 'name-taken', path: ['name'] });
  });

  it('accepts a different name and the registration keeping its own name', () => {
    expect(checkDprNameUnique(existing, { name: 'ESDH' }).ok).toBe(true);
    expect(checkDprNameUnique(existing, { uuid: 'a', name: 'Løn – databehandleraftale' }).ok).toBe(true);
  });
});
