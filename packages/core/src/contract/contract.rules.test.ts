import { describe, expect, it } from 'vitest';
import { KitosValidationError } from '../shared/index.js';
import {
  type ContractValidityNode,
  type ContractValiditySubject,
  contractValidities,
  contractValidity,
} from './contract.rules.js';
import { kitosNoticePeriodMonths, parseNoticePeriodMonths } from './notice-period.rules.js';

const PARENT = '11111111-1111-4111-8111-111111111111';

function subject(over: {
  validFrom?: string | null;
  validTo?: string | null;
  enforcedValid?: boolean;
  requireValidParent?: boolean;
  parent?: string | null;
  terminatedAt?: string | null;
}): ContractValiditySubject {
  return {
    parentContractUuid: over.parent ?? null,
    general: {
      validity: {
        enforcedValid: over.enforcedValid ?? false,
        validFrom: over.validFrom ?? null,
        validTo: over.validTo ?? null,
        requireValidParent: over.requireValidParent ?? false,
      },
    },
    termination: { terminatedAt: over.terminatedAt ?? null },
  };
}

describe('contractValidity: dates', () => {
  const period = subject({ validFrom: '2025-01-01', validTo: '2025-12-31' });
  it('is valid with no dates at all (missing validFrom is no error)', () => {
    expect(contractValidity(subject({}), { today: '2025-06-01' })).toMatchObject({ valid: true, errors: [] });
  });
  it('is valid on the start day itself and invalid the day before', () => {
    expect(contractValidity(period, { today: '2025-01-01' }).valid).toBe(true);
    expect(contractValidity(period, { today: '2024-12-31' }).errors).toEqual(['StartDateNotPassed']);
  });
  it('is still valid on the end day and invalid the day after', () => {
    expect(contractValidity(period, { today: '2025-12-31' }).valid).toBe(true);
    const after = contractValidity(period, { today: '2026-01-01' });
    expect(after).toMatchObject({ valid: false, errors: ['EndDatePassed'], decidedBy: 'own-checks' });
    expect(after.reasons[0]?.path).toEqual(['general', 'validity', 'validTo']);
  });
  it('handles a leap day as start and end', () => {
    const leap = subject({ validFrom: '2024-02-29', validTo: '2028-02-29' });
    expect(contractValidity(leap, { today: '2024-02-29' }).valid).toBe(true);
    expect(contractValidity(leap, { today: '2028-02-29' }).valid).toBe(true);
    expect(contractValidity(leap, { today: '2028-03-01' }).errors).toEqual(['EndDatePassed']);
  });
  it('rejects a today that is not a real date with a validation error', () => {
    expect(() => contractValidity(period, { today: '2025-02-30' })).toThrow(KitosValidationError);
  });
});

describe('contractValidity: termination', () => {
  const terminated = subject({ terminatedAt: '2025-01-31' });
  it('stays valid through terminatedAt + notice months and fails the day after', () => {
    expect(contractValidity(terminated, { today: '2025-04-30', noticePeriodMonths: 3 }).valid).toBe(true);
    const after = contractValidity(terminated, { today: '2025-05-01', noticePeriodMonths: 3 });
    expect(after.errors).toEqual(['TerminationPeriodExceeded']);
    expect(after.reasons[0]?.context).toMatchObject({ lastDay: '2025-04-30', noticePeriodMonths: 3 });
  });
  it('clamps 31 January + 1 month to the last day of February (common and leap year)', () => {
    const jan31 = subject({ terminatedAt: '2025-01-31' });
    expect(contractValidity(jan31, { today: '2025-02-28', noticePeriodMonths: 1 }).valid).toBe(true);
    expect(contractValidity(jan31, { today: '2025-03-01', noticePeriodMonths: 1 }).valid).toBe(false);
    const leap = subject({ terminatedAt: '2024-01-31' });
    expect(contractValidity(leap, { today: '2024-02-29', noticePeriodMonths: 1 }).valid).toBe(true);
    expect(contractValidity(leap, { today: '2024-03-01', noticePeriodMonths: 1 }).valid).toBe(false);
  });
  it('uses 0 months when no notice period is given: valid on the termination day only', () => {
    expect(contractValidity(terminated, { today: '2025-01-31' }).valid).toBe(true);
    expect(contractValidity(terminated, { today: '2025-02-01' }).errors).toEqual(['TerminationPeriodExceeded']);
  });
  it('reads "3 måneder" as 0 months with the KITOS fallback, as KITOS does', () => {
    const months = kitosNoticePeriodMonths('3 måneder');
    expect(contractValidity(terminated, { today: '2025-02-01', noticePeriodMonths: months }).valid).toBe(false);
  });
  it('does not crash on an absurd notice period from an option name', () => {
    const months = kitosNoticePeriodMonths('2147483647');
    expect(contractValidity(terminated, { today: '2025-02-01', noticePeriodMonths: months }).valid).toBe(true);
  });
});

describe('contractValidity: parent and enforcement', () => {
  it('reports InvalidParentContract when requireValidParent has no parent', () => {
    const v = contractValidity(subject({ requireValidParent: true }), { today: '2025-06-01', parentActive: true });
    expect(v).toMatchObject({ valid: false, errors: ['InvalidParentContract'], decidedBy: 'parent' });
    expect(v.reasons[0]?.message).toContain('has none');
  });
  it('takes the validity from an active parent, still reporting its own date errors', () => {
    const child = subject({ requireValidParent: true, parent: PARENT, validTo: '2024-12-31' });
    const v = contractValidity(child, { today: '2025-06-01', parentActive: true });
    expect(v).toMatchObject({ valid: true, errors: ['EndDatePassed'], decidedBy: 'parent' });
  });
  it('is invalid with an inactive parent even when its own dates are fine', () => {
    const child = subject({ requireValidParent: true, parent: PARENT });
    expect(contractValidity(child, { today: '2025-06-01', parentActive: false })).toMatchObject({
      valid: false,
      errors: ['InvalidParentContract'],
    });
    expect(contractValidity(child, { today: '2025-06-01' }).valid).toBe(false);
  });
  it('ignores the parent when requireValidParent is off', () => {
    const child = subject({ parent: PARENT });
    expect(contractValidity(child, { today: '2025-06-01', parentActive: false }).valid).toBe(true);
  });
  it('is valid when enforced, whatever the errors, and keeps reporting them', () => {
    const v = contractValidity(subject({ enforcedValid: true, validTo: '2024-12-31' }), { today: '2025-06-01' });
    expect(v).toMatchObject({ valid: true, enforcedValid: true, decidedBy: 'enforced', errors: ['EndDatePassed'] });
  });
  it('lists several errors in KITOS order: start, end, termination, parent', () => {
    // Inconsistent on purpose (start after end) to trigger every check at once.
    const all = subject({
      validFrom: '2025-07-01',
      validTo: '2025-05-31',
      terminatedAt: '2025-01-01',
      requireValidParent: true,
      parent: PARENT,
    });
    const v = contractValidity(all, { today: '2025-06-15', noticePeriodMonths: 1, parentActive: false });
    expect(v.errors).toEqual([
      'StartDateNotPassed',
      'EndDatePassed',
      'TerminationPeriodExceeded',
      'InvalidParentContract',
    ]);
    expect(v.reasons.map((r) => r.code)).toEqual(v.errors);
  });
});

describe('contractValidities', () => {
  const node = (uuid: string, over: Parameters<typeof subject>[0]): ContractValidityNode => ({
    uuid,
    ...subject(over),
  });
  const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
  const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
  const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
  it('passes validity down a chain of contracts that require a valid parent', () => {
    const list = [
      node(C, { parent: B, requireValidParent: true }),
      node(B, { parent: A, requireValidParent: true }),
      node(A, { validTo: '2024-12-31' }),
    ];
    const result = contractValidities(list, { today: '2025-06-01' });
    expect([A, B, C].map((u) => result.get(u)?.valid)).toEqual([false, false, false]);
    const later = contractValidities(list, { today: '2024-06-01' });
    expect([A, B, C].map((u) => later.get(u)?.valid)).toEqual([true, true, true]);
  });
  it('treats a missing parent or a loop as not valid', () => {
    const loop = [node(A, { parent: B, requireValidParent: true }), node(B, { parent: A, requireValidParent: true })];
    const result = contractValidities(loop, { today: '2025-06-01' });
    expect([result.get(A)?.valid, result.get(B)?.valid]).toEqual([false, false]);
    const orphan = contractValidities([node(C, { parent: A, requireValidParent: true })], { today: '2025-06-01' });
    expect(orphan.get(C)?.errors).toEqual(['InvalidParentContract']);
  });
  it('passes each contract its own notice period', () => {
    const list = [node(A, { terminatedAt: '2025-01-01' }), node(B, { terminatedAt: '2025-01-01' })];
    const result = contractValidities(list, {
      today: '2025-03-15',
      noticePeriodMonthsOf: (c) => (c.uuid === A ? 3 : 1),
    });
    expect([result.get(A)?.valid, result.get(B)?.valid]).toEqual([true, false]);
  });
});

describe('notice period option names', () => {
  it('reads a plain number strictly, trimming spaces', () => {
    expect(parseNoticePeriodMonths('3')).toEqual({ ok: true, value: 3 });
    expect(parseNoticePeriodMonths(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseNoticePeriodMonths('0')).toEqual({ ok: true, value: 0 });
  });
  it('refuses anything that is not a whole number of months', () => {
    for (const name of ['3 måneder', '3.5', '3,5', '-1', '+3', '03x', 'tre']) {
      const r = parseNoticePeriodMonths(name);
      expect(r.ok ? 'accepted' : r.violations[0]?.code, name).toBe('not-a-number');
    }
  });
  it('names an empty name and a huge number separately', () => {
    const codeOf = (name: string) => {
      const r = parseNoticePeriodMonths(name);
      return r.ok ? 'accepted' : r.violations[0]?.code;
    };
    expect(codeOf('')).toBe('empty');
    expect(codeOf('   ')).toBe('empty');
    expect(codeOf('1201')).toBe('out-of-range');
    expect(codeOf('1200')).toBe('accepted');
  });
  it('falls back like KITOS: int.TryParse, else 0', () => {
    expect(kitosNoticePeriodMonths('3')).toBe(3);
    expect(kitosNoticePeriodMonths(' 12 ')).toBe(12);
    expect(kitosNoticePeriodMonths('+6')).toBe(6);
    expect(kitosNoticePeriodMonths('-1')).toBe(-1);
    expect(kitosNoticePeriodMonths('-0')).toBe(0);
    for (const name of ['3 måneder', '3.5', '', '03x', '2147483648', null, undefined]) {
      expect(kitosNoticePeriodMonths(name)).toBe(0);
    }
  });
});
