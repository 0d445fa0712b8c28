import { describe, expect, it } from 'vitest';
import { contractDeadlines } from '../contract/deadlines.rules.js';
import { type ContractTerms, emptyContractTerms } from '../contract/terms.rules.js';
import {
  advisDue,
  advisNext,
  contractDueDates,
  projectDueDates,
  reminderDue,
  remindersAhead,
} from './notification.rules.js';

describe('reminderDue', () => {
  it('sends the slot nearest the deadline whose day has come, from its day to the deadline inclusive', () => {
    expect(reminderDue([90, 30, 7], '2026-03-31', '2025-12-30')).toBeNull();
    expect(reminderDue([90, 30, 7], '2026-03-31', '2025-12-31')).toEqual({ daysBefore: 90, sendOn: '2025-12-31' });
    expect(reminderDue([90, 30, 7], '2026-03-31', '2026-03-01')).toEqual({ daysBefore: 30, sendOn: '2026-03-01' });
    expect(reminderDue([7, 90, 30], '2026-03-31', '2026-03-31')).toEqual({ daysBefore: 7, sendOn: '2026-03-24' });
    expect(reminderDue([90, 30, 7], '2026-03-31', '2026-04-01')).toBeNull();
    expect(reminderDue([0], '2026-03-31', '2026-03-31')).toEqual({ daysBefore: 0, sendOn: '2026-03-31' });
  });
  it('lists the slots still to come, earliest first, across a leap day', () => {
    expect(remindersAhead([1, 30, 7], '2028-03-01', '2028-01-31')).toEqual([
      { daysBefore: 7, sendOn: '2028-02-23' },
      { daysBefore: 1, sendOn: '2028-02-29' },
    ]);
  });
});

describe('advisDue and advisNext', () => {
  const base = { alarmDate: '2026-01-31', stopDate: null, active: true } as const;
  it('sends a one-off advis from its day on, and never again after', () => {
    const once = { ...base, repeat: 'once' } as const;
    expect(advisDue(once, '2026-01-30')).toBeNull();
    expect(advisDue(once, '2026-02-10')).toBe('2026-01-31');
    expect(advisNext(once, '2026-01-30')).toBe('2026-01-31');
    expect(advisNext(once, '2026-01-31')).toBeNull();
  });
  it('repeats monthly from the alarm date, clamped to the month end, and stops at the stop date', () => {
    const monthly = { ...base, repeat: 'month', stopDate: '2026-05-15' } as const;
    expect(advisDue(monthly, '2026-03-30')).toBe('2026-02-28');
    expect(advisDue(monthly, '2026-03-31')).toBe('2026-03-31');
    expect(advisNext(monthly, '2026-03-31')).toBe('2026-04-30');
    expect(advisNext(monthly, '2026-04-30')).toBeNull();
    expect(advisDue(monthly, '2027-01-01')).toBe('2026-04-30');
  });
  it('repeats weekly and yearly', () => {
    expect(advisDue({ ...base, repeat: 'week' }, '2026-02-13')).toBe('2026-02-07');
    expect(advisNext({ ...base, repeat: 'week' }, '2026-02-13')).toBe('2026-02-14');
    expect(advisDue({ ...base, repeat: 'year', alarmDate: '2024-02-29' }, '2026-03-01')).toBe('2026-02-28');
  });
  it('plans nothing for an inactive advis', () => {
    expect(advisDue({ ...base, repeat: 'week', active: false }, '2026-03-01')).toBeNull();
    expect(advisNext({ ...base, repeat: 'week', active: false }, '2026-01-01')).toBeNull();
  });
});

describe('contractDueDates', () => {
  const terms: ContractTerms = {
    ...emptyContractTerms(),
    validFrom: '2022-01-01',
    isContinuous: true,
    noticePeriodOptionName: '6',
    noticeByEndOf: 'EndOfCalendarYear',
  };
  it('gives the latest notice day and the earliest end with the terms behind them', () => {
    const due = contractDueDates(contractDeadlines(terms, { today: '2025-06-15' }));
    expect(due.map((d) => [d.deadline, d.date])).toEqual([
      ['notice', '2025-06-30'],
      ['earliest-end', '2025-12-31'],
    ]);
    expect(due[0]?.why).toEqual([
      { term: 'noticeMonths', value: 6 },
      { term: 'byEndOf', value: 'EndOfCalendarYear' },
      { term: 'endsOn', value: '2025-12-31' },
    ]);
  });
  it('leaves out notice dates that move with today, and uses the day before the expiry on a fixed term', () => {
    const rolling = { ...terms, noticeByEndOf: null, noticePeriodOptionName: '3' };
    expect(contractDueDates(contractDeadlines(rolling, { today: '2025-06-15' }))).toEqual([]);
    const fixed = { ...rolling, isContinuous: false, validTo: '2025-12-31' };
    const due = contractDueDates(contractDeadlines(fixed, { today: '2025-06-15' }));
    expect(due.map((d) => [d.deadline, d.date])).toEqual([
      ['notice', '2025-09-30'],
      ['expiry', '2025-12-31'],
      ['tender-start', '2025-01-01'],
    ]);
    // The next day gives the same dates: the keys of the reminders stay the same.
    expect(contractDueDates(contractDeadlines(fixed, { today: '2025-06-16' })).map((d) => d.date)).toEqual([
      '2025-09-30',
      '2025-12-31',
      '2025-01-01',
    ]);
  });
  it('gives no notice reminder once notice is given', () => {
    const due = contractDueDates(contractDeadlines({ ...terms, terminatedAt: '2025-03-01' }, { today: '2025-06-15' }));
    expect(due.map((d) => d.deadline)).not.toContain('notice');
  });
});

describe('projectDueDates', () => {
  it('gives the end of the phase the project is in by its dates', () => {
    const phases = [
      { name: 'Afventer', startDate: '2026-01-01', endDate: '2026-01-31' },
      { name: 'Foranalyse', startDate: '2026-02-01', endDate: '2026-03-31' },
      { name: 'Gennemførsel', startDate: null, endDate: null },
      { name: 'Overlevering', startDate: null, endDate: null },
      { name: 'Drift', startDate: null, endDate: null },
    ] as const;
    const p = { phases: phases as never, currentPhase: 1 as const };
    expect(projectDueDates(p, '2026-02-10')).toEqual([
      {
        deadline: 'phase-end',
        date: '2026-03-31',
        why: [
          { term: 'phase', value: 'Foranalyse' },
          { term: 'phaseStart', value: '2026-02-01' },
        ],
      },
    ]);
    // Outside every dated phase the phase the project reports counts (here the first, long ended).
    expect(projectDueDates(p, '2026-05-01').map((d) => d.date)).toEqual(['2026-01-31']);
    expect(projectDueDates({ ...p, currentPhase: 3 }, '2026-05-01')).toEqual([]);
  });
});
