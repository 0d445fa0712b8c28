import { describe, expect, it } from 'vitest';
import { KitosError } from '../shared/index.js';
import { LifeCycleStatus } from './usage-enums.js';
import type { UsageValidity } from './usage-general.schema.js';
import { usageValidity } from './usage-validity.rules.js';

const usage = (validity: Partial<UsageValidity>, mainContractUuid: string | null = null) => ({
  general: { validity: { validFrom: null, validTo: null, lifeCycleStatus: null, ...validity }, mainContractUuid },
});
const contract = '0b6f1c7e-4a52-4f4e-9a3e-2f0d7f3c9a11';

describe('usageValidity: validity period', () => {
  it('is valid with no dates at all (the period is not checked)', () => {
    const r = usageValidity(usage({}), { today: '2025-06-01' });
    expect(r).toMatchObject({ valid: true, validAccordingToValidityPeriod: true, errors: [], reasons: [] });
  });

  it('is valid on the start day itself and invalid the day before', () => {
    expect(usageValidity(usage({ validFrom: '2025-03-01' }), { today: '2025-03-01' }).valid).toBe(true);
    const before = usageValidity(usage({ validFrom: '2025-03-01' }), { today: '2025-02-28' });
    expect(before.errors).toEqual(['StartDateNotPassed']);
    expect(before.validAccordingToValidityPeriod).toBe(false);
  });

  it('is valid on the end day itself and invalid the day after', () => {
    expect(usageValidity(usage({ validTo: '2024-12-31' }), { today: '2024-12-31' }).valid).toBe(true);
    expect(usageValidity(usage({ validTo: '2024-12-31' }), { today: '2025-01-01' }).errors).toEqual(['EndDatePassed']);
  });

  it('checks an end date on its own when only validTo is set', () => {
    expect(usageValidity(usage({ validTo: '2025-01-01' }), { today: '2020-01-01' }).valid).toBe(true);
  });

  it('accepts a one-day period on that day', () => {
    expect(
      usageValidity(usage({ validFrom: '2025-05-05', validTo: '2025-05-05' }), { today: '2025-05-05' }).valid,
    ).toBe(true);
  });
});

describe('usageValidity: life cycle', () => {
  it('only NotInUse makes a usage invalid', () => {
    for (const status of [...LifeCycleStatus.values, null]) {
      const r = usageValidity(usage({ lifeCycleStatus: status }), { today: '2025-01-01' });
      expect(r.validAccordingToLifeCycle).toBe(status !== 'NotInUse');
      expect(r.errors).toEqual(status === 'NotInUse' ? ['NotOperationalAccordingToLifeCycle'] : []);
    }
  });

  it('reads KITOS code 1 as NotInUse and code 3 as Operational', () => {
    expect(LifeCycleStatus.fromCode(1)).toBe('NotInUse');
    expect(LifeCycleStatus.fromCode(3)).toBe('Operational');
  });
});

describe('usageValidity: main contract', () => {
  it('is invalid when the main contract is not active', () => {
    const r = usageValidity(usage({}, contract), { today: '2025-01-01', mainContractActive: false });
    expect(r).toMatchObject({ valid: false, validAccordingToMainContract: false, errors: ['MainContractNotActive'] });
  });

  it('is valid when the main contract is active', () => {
    expect(usageValidity(usage({}, contract), { today: '2025-01-01', mainContractActive: true }).valid).toBe(true);
  });

  it('ignores mainContractActive when there is no main contract', () => {
    expect(usageValidity(usage({}), { today: '2025-01-01', mainContractActive: false }).valid).toBe(true);
  });

  it('throws a KitosError instead of guessing when a main contract exists but its state is not given', () => {
    expect(() => usageValidity(usage({}, contract), { today: '2025-01-01' })).toThrow(KitosError);
  });
});

describe('usageValidity: several errors', () => {
  it('reports start, life cycle and main contract errors in KITOS order with one reason each', () => {
    const r = usageValidity(usage({ validFrom: '2025-02-01', lifeCycleStatus: 'NotInUse' }, contract), {
      today: '2025-01-31',
      mainContractActive: false,
    });
    expect(r.errors).toEqual(['StartDateNotPassed', 'NotOperationalAccordingToLifeCycle', 'MainContractNotActive']);
    expect(r.reasons).toHaveLength(3);
    expect(r.reasons[0]).toContain('2025-02-01');
    expect(r).toMatchObject({
      valid: false,
      validAccordingToValidityPeriod: false,
      validAccordingToLifeCycle: false,
      validAccordingToMainContract: false,
    });
  });

  it('reports an end date error before the life cycle error', () => {
    const r = usageValidity(usage({ validTo: '2024-01-01', lifeCycleStatus: 'NotInUse' }), { today: '2025-01-01' });
    expect(r.errors).toEqual(['EndDatePassed', 'NotOperationalAccordingToLifeCycle']);
  });
});
