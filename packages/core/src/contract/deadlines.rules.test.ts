import { describe, expect, it } from 'vitest';
import { KitosValidationError } from '../shared/index.js';
import { contractDeadlines, contractTenderStart } from './deadlines.rules.js';
import { type ContractTerms, emptyContractTerms } from './terms.rules.js';

const NO_TERMS: ContractTerms = emptyContractTerms();
const fixedWithOptions: ContractTerms = {
  ...NO_TERMS,
  validFrom: '2025-01-01',
  durationYears: 1,
  durationMonths: 0,
  extensionOptionName: '2 x 1 år',
  noticePeriodOptionName: '3',
  noticeByEndOf: 'EndOfQuarter',
};
const continuous: ContractTerms = {
  ...NO_TERMS,
  validFrom: '2020-01-01',
  isContinuous: true,
  noticePeriodOptionName: '3',
  noticeByEndOf: 'EndOfQuarter',
};

describe('contractDeadlines: worked examples', () => {
  it('1. fixed term with two one-year options: decision due on the last notice day before expiry', () => {
    const d = contractDeadlines(fixedWithOptions, { today: '2025-03-15' });
    expect(d).toMatchObject({
      state: 'running',
      term: 'fixed',
      expiry: '2025-12-31',
      expirySource: 'duration',
      extensionsRemaining: 2,
      finalExpiry: '2027-12-31',
      latestNoticeDayBeforeExpiry: '2025-09-30',
      tenderStart: '2025-01-01',
      endsOn: '2025-12-31',
    });
    expect(d.deadlines).toEqual([
      { kind: 'tender-start', date: '2025-01-01', daysLeft: -73 },
      { kind: 'extension-decision', date: '2025-09-30', daysLeft: 199 },
      { kind: 'expiry', date: '2025-12-31', daysLeft: 291 },
      { kind: 'final-expiry', date: '2027-12-31', daysLeft: 1021 },
    ]);
    expect(d.nextDeadline).toEqual({ kind: 'extension-decision', date: '2025-09-30', daysLeft: 199 });
  });
  it('2. continuous contract: give notice by 31 March to be out on 30 June', () => {
    const d = contractDeadlines(continuous, { today: '2025-02-10' });
    expect(d).toMatchObject({
      term: 'continuous',
      expiry: null,
      nextPossibleTermination: '2025-06-30',
      latestNoticeDay: '2025-03-31',
      tenderStart: null,
      endsOn: null,
    });
    expect(d.nextDeadline).toEqual({ kind: 'notice', date: '2025-03-31', daysLeft: 49 });
  });
  it('2b. the rolling notice deadline is due today on the last possible day and moves on the day after', () => {
    expect(contractDeadlines(continuous, { today: '2025-03-31' }).nextDeadline).toEqual({
      kind: 'notice',
      date: '2025-03-31',
      daysLeft: 0,
    });
    expect(contractDeadlines(continuous, { today: '2025-04-01' })).toMatchObject({
      nextPossibleTermination: '2025-09-30',
      latestNoticeDay: '2025-06-30',
    });
  });
  it('3. terminated "løbende måned": running on the last day, ended the day after', () => {
    const terms = {
      ...continuous,
      terminatedAt: '2025-01-15',
      noticePeriodExtendsCurrent: 'EndOfMonth',
      noticeByEndOf: null,
    } as const;
    const last = contractDeadlines(terms, { today: '2025-04-30' });
    expect(last).toMatchObject({ state: 'terminated', terminationEffective: '2025-04-30', endsOn: '2025-04-30' });
    expect(last.nextDeadline).toEqual({ kind: 'termination-effective', date: '2025-04-30', daysLeft: 0 });
    expect(last.tenderStart).toBe('2024-05-01');
    const after = contractDeadlines(terms, { today: '2025-05-01' });
    expect(after).toMatchObject({ state: 'ended', endReason: 'terminated', deadlines: [], nextDeadline: null });
    expect(after.nextPossibleTermination).toBeNull();
  });
  it('4. irrevocable until a date later than the notice end', () => {
    const terms = {
      ...continuous,
      irrevocableUntil: '2026-12-31',
      noticePeriodOptionName: '6',
      noticeByEndOf: 'EndOfCalendarYear',
    } as const;
    const d = contractDeadlines(terms, { today: '2025-03-01' });
    expect(d).toMatchObject({ nextPossibleTermination: '2026-12-31', latestNoticeDay: '2026-06-30' });
    expect(d.nextDeadline?.kind).toBe('notice');
  });
});

describe('contractDeadlines: edges', () => {
  it('ends an expired contract the day after its expiry, not on it', () => {
    const terms = { ...NO_TERMS, validFrom: '2024-03-01', validTo: '2028-02-29' };
    expect(contractDeadlines(terms, { today: '2028-02-29' }).state).toBe('running');
    expect(contractDeadlines(terms, { today: '2028-03-01' })).toMatchObject({ state: 'ended', endReason: 'expired' });
  });
  it('is not started before validFrom and lists the start as a deadline', () => {
    const d = contractDeadlines({ ...fixedWithOptions, validFrom: '2025-07-01' }, { today: '2025-06-01' });
    expect(d.state).toBe('not-started');
    expect(d.nextDeadline).toEqual({ kind: 'start', date: '2025-07-01', daysLeft: 30 });
  });
  it('ends at the expiry when a termination would take effect later', () => {
    const terms = { ...fixedWithOptions, terminatedAt: '2025-11-01' };
    const d = contractDeadlines(terms, { today: '2025-11-15' });
    expect(d).toMatchObject({ state: 'terminated', terminationEffective: '2026-03-31', endsOn: '2025-12-31' });
    expect(d.deadlines.map((x) => x.kind)).toEqual(['tender-start', 'termination-effective']);
    expect(contractDeadlines(terms, { today: '2026-01-01' }).endReason).toBe('expired');
  });
  it('never guesses an unreadable notice period or extension option', () => {
    const terms = { ...fixedWithOptions, noticePeriodOptionName: '3 måneder', extensionOptionName: 'Efter aftale' };
    const d = contractDeadlines(terms, { today: '2025-03-15' });
    expect(d.notice).toMatchObject({ ok: false, violations: [{ code: 'not-a-number' }] });
    expect(d.extensionOption).toMatchObject({ ok: false, violations: [{ code: 'unparseable' }] });
    expect(d).toMatchObject({ finalExpiry: null, extensionsRemaining: null, latestNoticeDayBeforeExpiry: null });
    expect(d.nextDeadline).toEqual({ kind: 'expiry', date: '2025-12-31', daysLeft: 291 });
  });
  it('asks for the decision on the expiry day when no notice terms can be read', () => {
    const terms = { ...fixedWithOptions, noticePeriodOptionName: 'tre' };
    expect(
      contractDeadlines(terms, { today: '2025-03-15' }).deadlines.find((x) => x.kind === 'extension-decision'),
    ).toEqual({
      kind: 'extension-decision',
      date: '2025-12-31',
      daysLeft: 291,
    });
  });
  it('drops the decision once every option is used', () => {
    const terms = { ...fixedWithOptions, extensionOptionsUsed: 2 };
    const d = contractDeadlines(terms, { today: '2026-03-15' });
    expect(d).toMatchObject({ expiry: '2027-12-31', finalExpiry: '2027-12-31', extensionsRemaining: 0 });
    expect(d.deadlines.map((x) => x.kind)).toEqual(['tender-start', 'expiry']);
  });
  it('caps the next possible termination of a fixed-term contract at its expiry', () => {
    const d = contractDeadlines(fixedWithOptions, { today: '2025-11-01' });
    expect(d).toMatchObject({ nextPossibleTermination: '2025-12-31', latestNoticeDay: null });
    const early = contractDeadlines(fixedWithOptions, { today: '2025-02-01' });
    expect(early).toMatchObject({ nextPossibleTermination: '2025-06-30', latestNoticeDay: '2025-03-31' });
  });
  it('plans the tender for the final expiry and with another lead time when asked', () => {
    const d = contractDeadlines(fixedWithOptions, {
      today: '2025-03-15',
      tenderBasis: 'finalExpiry',
      tenderLeadMonths: 18,
    });
    expect(d.tenderStart).toBe('2026-07-01');
  });
  it('has no deadlines when no terms are registered', () => {
    const d = contractDeadlines(NO_TERMS, { today: '2025-03-15' });
    expect(d).toMatchObject({ term: 'unknown', state: 'running', deadlines: [], nextDeadline: null });
  });
  it('does not forecast notice dates without a notice-period option', () => {
    const d = contractDeadlines({ ...continuous, noticePeriodOptionName: null }, { today: '2025-02-10' });
    expect(d).toMatchObject({ deadlines: [], nextPossibleTermination: null, latestNoticeDay: null });
  });
  it('ends a termination without a notice-period option on the termination day, as KITOS does', () => {
    const terms = { ...continuous, noticePeriodOptionName: null, noticeByEndOf: null, terminatedAt: '2025-02-10' };
    expect(contractDeadlines(terms, { today: '2025-02-10' })).toMatchObject({
      state: 'terminated',
      endsOn: '2025-02-10',
    });
    expect(contractDeadlines(terms, { today: '2025-02-11' }).state).toBe('ended');
  });
  it('rejects a bad today or lead time with a validation error', () => {
    expect(() => contractDeadlines(NO_TERMS, { today: '2025-13-01' })).toThrow(KitosValidationError);
    expect(() => contractDeadlines(NO_TERMS, { today: '2025-01-01', tenderLeadMonths: 1.5 })).toThrow(
      KitosValidationError,
    );
  });
});

describe('contractTenderStart', () => {
  it('starts the lead time before the successor must begin', () => {
    expect(contractTenderStart('2025-12-31')).toBe('2025-01-01');
    expect(contractTenderStart('2026-06-30', 9)).toBe('2025-10-01');
    expect(contractTenderStart('2028-02-28', 12)).toBe('2027-02-28');
    expect(contractTenderStart('2028-02-29', 12)).toBe('2027-03-01');
  });
});
