import { describe, expect, it } from 'vitest';
import {
  type ContractTerms,
  contractExpiry,
  contractExtensionsRemaining,
  contractFinalExpiry,
  contractPeriodEnd,
  contractTermsOf,
  emptyContractTerms,
  parseExtensionOption,
} from './terms.rules.js';

const NO_TERMS: ContractTerms = emptyContractTerms();

describe('parseExtensionOption', () => {
  it('reads the KITOS seed names', () => {
    expect(parseExtensionOption('2 x 1 år')).toEqual({ ok: true, value: { count: 2, months: 12 } });
    expect(parseExtensionOption('1 x 1 år')).toEqual({ ok: true, value: { count: 1, months: 12 } });
    expect(parseExtensionOption('1 x ½ år')).toEqual({ ok: true, value: { count: 1, months: 6 } });
  });
  it('reads months, half years and loose spacing or case', () => {
    expect(parseExtensionOption('1 x 6 mdr')).toEqual({ ok: true, value: { count: 1, months: 6 } });
    expect(parseExtensionOption('3x3 måneder')).toEqual({ ok: true, value: { count: 3, months: 3 } });
    expect(parseExtensionOption('  1  X  1½  ÅR ')).toEqual({ ok: true, value: { count: 1, months: 18 } });
    expect(parseExtensionOption('2 × 1,5 år')).toEqual({ ok: true, value: { count: 2, months: 18 } });
    expect(parseExtensionOption('4 x 1 year')).toEqual({ ok: true, value: { count: 4, months: 12 } });
  });
  it('refuses anything else as unparseable instead of guessing', () => {
    for (const name of [
      '',
      'Efter aftale',
      '2 år',
      '2 x 1',
      '0 x 1 år',
      '1 x 0 mdr',
      '1 x ½ mdr',
      '1 x 1,25 år',
      '2 x 1 år + 1 x ½ år',
    ]) {
      const r = parseExtensionOption(name);
      expect(r.ok ? 'accepted' : r.violations[0]?.code, name).toBe('unparseable');
    }
  });
});

describe('contractPeriodEnd (the term convention)', () => {
  it('ends a one-year term starting 1 January on 31 December', () => {
    expect(contractPeriodEnd('2025-01-01', 12)).toBe('2025-12-31');
  });
  it('ends a one-month term starting 1 March on 31 March', () => {
    expect(contractPeriodEnd('2025-03-01', 1)).toBe('2025-03-31');
  });
  it('ends a term starting 31 January on the last day of February', () => {
    expect(contractPeriodEnd('2025-01-31', 1)).toBe('2025-02-28');
    expect(contractPeriodEnd('2024-01-31', 1)).toBe('2024-02-29');
    expect(contractPeriodEnd('2025-01-28', 1)).toBe('2025-02-27');
  });
  it('ends a one-year term starting on a leap day on 28 February', () => {
    expect(contractPeriodEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(contractPeriodEnd('2024-02-29', 48)).toBe('2028-02-28');
  });
  it('never moves backwards when the start moves forward across a month end', () => {
    const starts = ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'];
    const ends = starts.map((s) => contractPeriodEnd(s, 1));
    expect(ends).toEqual(['2025-02-26', '2025-02-27', '2025-02-28', '2025-02-28', '2025-02-28', '2025-02-28']);
  });
});

describe('contractExpiry and contractFinalExpiry', () => {
  const oneYear: ContractTerms = { ...NO_TERMS, validFrom: '2025-01-01', durationYears: 1, durationMonths: 0 };
  it('computes the expiry from validFrom and the duration', () => {
    expect(contractExpiry(oneYear)).toEqual({ date: '2025-12-31', source: 'duration' });
    expect(contractExpiry({ ...oneYear, durationYears: 2, durationMonths: 6 })).toEqual({
      date: '2027-06-30',
      source: 'duration',
    });
  });
  it('prefers a registered validTo', () => {
    expect(contractExpiry({ ...oneYear, validTo: '2026-03-31' })).toEqual({ date: '2026-03-31', source: 'validTo' });
  });
  it('has no expiry when continuous or when start or duration is missing', () => {
    expect(contractExpiry({ ...NO_TERMS, isContinuous: true, validFrom: '2025-01-01' }).source).toBe('continuous');
    expect(contractExpiry({ ...oneYear, validFrom: null }).source).toBe('unknown');
    expect(contractExpiry({ ...oneYear, durationYears: 0 }).source).toBe('unknown');
  });
  it('adds extensions already used to a duration-based expiry', () => {
    const used = { ...oneYear, extensionOptionName: '2 x 1 år', extensionOptionsUsed: 1 };
    expect(contractExpiry(used).date).toBe('2026-12-31');
    expect(contractExtensionsRemaining(used)).toBe(1);
    expect(contractFinalExpiry(used)).toBe('2027-12-31');
  });
  it('gives the final expiry when every remaining option is used', () => {
    const terms = { ...oneYear, extensionOptionName: '2 x 1 år' };
    expect(contractFinalExpiry(terms)).toBe('2027-12-31');
    expect(contractFinalExpiry({ ...terms, extensionOptionName: '1 x ½ år' })).toBe('2026-06-30');
    expect(contractFinalExpiry({ ...terms, extensionOptionsUsed: 5, validTo: '2028-12-31' })).toBe('2028-12-31');
  });
  it('starts an extension the day after a February expiry and ends it at the month end', () => {
    const terms = { ...NO_TERMS, validTo: '2025-02-28', extensionOptionName: '1 x 1 mdr' };
    expect(contractFinalExpiry(terms)).toBe('2025-03-31');
  });
  it('refuses to guess with an unreadable option name', () => {
    const terms = { ...oneYear, extensionOptionName: 'Efter aftale' };
    expect(contractFinalExpiry(terms)).toBeNull();
    expect(contractExtensionsRemaining(terms)).toBeNull();
    expect(contractExpiry({ ...terms, extensionOptionsUsed: 1 })).toEqual({ date: null, source: 'unknown' });
    expect(contractExpiry(terms).date).toBe('2025-12-31');
  });
  it('equals the expiry without an extension option', () => {
    expect(contractFinalExpiry(oneYear)).toBe('2025-12-31');
    expect(contractFinalExpiry({ ...NO_TERMS, isContinuous: true })).toBeNull();
  });
});

describe('contractTermsOf', () => {
  it('collects the terms from a contract and the option names', () => {
    const terms = contractTermsOf(
      {
        general: {
          contractId: null,
          contractTypeUuid: null,
          contractTemplateUuid: null,
          agreementElementUuids: [],
          notes: null,
          criticalityUuid: null,
          validity: { enforcedValid: false, validFrom: '2025-01-01', validTo: null, requireValidParent: false },
        },
        agreementPeriod: {
          durationYears: 1,
          durationMonths: 0,
          isContinuous: false,
          extensionOptionsUuid: null,
          extensionOptionsUsed: 0,
          irrevocableUntil: '2025-06-30',
        },
        termination: {
          terminatedAt: null,
          terms: {
            noticePeriodMonthsUuid: null,
            noticePeriodExtendsCurrent: 'EndOfMonth',
            noticeByEndOf: 'EndOfQuarter',
          },
        },
      },
      { noticePeriodOptionName: '3', extensionOptionName: '2 x 1 år' },
    );
    expect(terms).toEqual({
      ...NO_TERMS,
      validFrom: '2025-01-01',
      durationYears: 1,
      durationMonths: 0,
      irrevocableUntil: '2025-06-30',
      noticePeriodOptionName: '3',
      extensionOptionName: '2 x 1 år',
      noticePeriodExtendsCurrent: 'EndOfMonth',
      noticeByEndOf: 'EndOfQuarter',
    });
  });
});
