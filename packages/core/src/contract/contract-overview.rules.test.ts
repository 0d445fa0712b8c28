import { describe, expect, it } from 'vitest';
import { contractDurationText, contractEconomySummary } from './contract-overview.rules.js';
import type { EconomyStream } from './economy.schema.js';

const line = (over: Partial<EconomyStream>): EconomyStream => ({
  uuid: '5b0c8a52-8f2e-4c4e-9d55-0f1f7b7a1c01',
  organizationUnitUuid: null,
  acquisition: 0,
  operation: 0,
  other: 0,
  accountingEntry: null,
  auditStatus: 'White',
  auditDate: null,
  note: null,
  ...over,
});

describe('contractEconomySummary', () => {
  it('sums external lines per kind and ignores internal lines', () => {
    const s = contractEconomySummary({
      external: [
        line({ acquisition: 100, operation: 10, other: 1, auditStatus: 'Green', auditDate: '2025-01-15' }),
        line({ acquisition: -30, operation: 20, other: 2, auditStatus: 'Red', auditDate: '2025-03-01' }),
        line({ auditStatus: 'Green', auditDate: null }),
      ],
      internal: [line({ acquisition: 9999, auditStatus: 'Yellow', auditDate: '2030-01-01' })],
    } as { external: EconomyStream[] });
    expect(s).toEqual({
      acquisition: 70,
      operation: 30,
      other: 3,
      latestAuditDate: '2025-03-01',
      auditStatusCounts: { White: 0, Red: 1, Yellow: 0, Green: 2 },
      lineCount: 3,
    });
  });
  it('gives zeros and no audit date without external lines', () => {
    expect(contractEconomySummary({ external: [] })).toEqual({
      acquisition: 0,
      operation: 0,
      other: 0,
      latestAuditDate: null,
      auditStatusCounts: { White: 0, Red: 0, Yellow: 0, Green: 0 },
      lineCount: 0,
    });
  });
});

describe('contractDurationText', () => {
  const text = (isContinuous: boolean, durationYears: number | null, durationMonths: number | null, en = false) =>
    contractDurationText({ isContinuous, durationYears, durationMonths }, en ? 'en' : 'da');
  it('writes the period like the KITOS overview', () => {
    expect(text(false, null, null)).toBe('');
    expect(text(true, null, null)).toBe('Løbende');
    expect(text(false, 2, null)).toBe('2 år');
    expect(text(false, 2, 1)).toBe('2 år og 1 måned');
    expect(text(false, 2, 3)).toBe('2 år og 3 måneder');
    expect(text(false, null, 3)).toBe('3 måneder');
    expect(text(false, 0, 1)).toBe('1 måned');
    expect(text(false, 1, 0)).toBe('1 år');
  });
  it('has an English variant with singular and plural', () => {
    expect(text(true, null, null, true)).toBe('Ongoing');
    expect(text(false, 1, 1, true)).toBe('1 year and 1 month');
    expect(text(false, 2, 6, true)).toBe('2 years and 6 months');
  });
});
