import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { deadlineCalendar, foldLine, optionSeedUuid } from '../../src/index.js';
import { world } from './setup.js';

const notice3 = optionSeedUuid('it-contract-notice-period-month-types', '3');

async function calendarWorld() {
  const w = await world();
  const child = await w.kitos.units.create(w.admin, {
    organizationUuid: w.org,
    name: 'Nordskolen',
    parentUuid: w.units.skoler,
  });
  const name = 'Skole-IT, drift; support og en meget lang beskrivelse der skal foldes over flere linjer æøå';
  const school = await w.kitos.contracts.create(w.admin, {
    organizationUuid: w.org,
    name,
    supplier: { organizationUuid: w.supplier },
    responsible: { organizationUnitUuid: child.uuid },
    general: { validity: { validFrom: '2025-01-01' } },
    agreementPeriod: { durationYears: 1 },
    termination: { terms: { noticePeriodMonthsUuid: notice3, noticeByEndOf: 'EndOfQuarter' } },
  } as never);
  const other = await w.kitos.contracts.create(w.admin, {
    organizationUuid: w.org,
    name: 'Borgerservice løbende',
    responsible: { organizationUnitUuid: w.units.borgerservice },
    agreementPeriod: { isContinuous: true },
    termination: { terms: { noticePeriodMonthsUuid: notice3, noticeByEndOf: 'EndOfQuarter' } },
  } as never);
  return { ...w, school, other, name };
}

describe('deadlineCalendar', () => {
  it('is valid iCalendar with all-day events, stable UIDs, Danish summaries and alarms', async () => {
    const w = await calendarWorld();
    const ics = await deadlineCalendar(w.kitos, w.admin, {
      organizationUuid: w.org,
      today: '2025-02-10',
      now: new Date('2025-02-10T08:00:00Z'),
    });
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toContain('\n');
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const notice = events.find((e) => e.uid === `${w.other.uuid}-notice@os2kitos`);
    expect(notice?.summary).toBe('Seneste opsigelsesdag: Borgerservice løbende');
    expect(notice?.startDate.isDate).toBe(true);
    expect(notice?.startDate.toString()).toBe('2025-03-31');
    const alarms = notice?.component
      .getAllSubcomponents('valarm')
      .map((a) => a.getFirstPropertyValue('trigger')?.toString());
    expect(alarms).toEqual(['-P30D', '-P7D']);
    const expiry = events.find((e) => e.uid === `${w.school.uuid}-expiry@os2kitos`);
    expect(expiry?.summary).toBe(`Udløb: ${w.name}`);
    expect(expiry?.startDate.toString()).toBe('2025-12-31');
    expect(expiry?.description).toContain('Leverandør: Formpipe Software A/S');
    expect(expiry?.component.getAllSubcomponents('valarm')).toEqual([]);
    const schoolNotice = events.find((e) => e.uid === `${w.school.uuid}-notice@os2kitos`);
    expect(schoolNotice?.startDate.toString()).toBe('2025-09-30');
    expect(schoolNotice?.summary).toBe(`Seneste opsigelsesdag: ${w.name}`);
    expect(schoolNotice?.component.getAllSubcomponents('valarm')).toHaveLength(2);
  });

  it('adds the notice before expiry only to fixed-term contracts that are neither terminated nor ended', async () => {
    const w = await world();
    const fixed = (name: string, extra: object) =>
      w.kitos.contracts.create(w.admin, {
        organizationUuid: w.org,
        name,
        general: { validity: { validFrom: '2024-01-01' } },
        agreementPeriod: { durationYears: 2 },
        termination: { terms: { noticePeriodMonthsUuid: notice3, noticeByEndOf: 'EndOfQuarter' } },
        ...extra,
      } as never);
    const running = await fixed('Løber', {});
    const terminated = await fixed('Opsagt', {
      termination: {
        terminatedAt: '2025-01-15',
        terms: { noticePeriodMonthsUuid: notice3, noticeByEndOf: 'EndOfQuarter' },
      },
    });
    const ended = await fixed('Udløbet', { agreementPeriod: { durationYears: 1 } });
    const ics = await deadlineCalendar(w.kitos, w.admin, {
      organizationUuid: w.org,
      today: '2025-02-10',
      now: new Date('2025-02-10T08:00:00Z'),
    });
    const kinds = (uuid: string) =>
      new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents('vevent')
        .map((e) => String(e.getFirstPropertyValue('uid')))
        .filter((uid) => uid.startsWith(uuid))
        .map((uid) => uid.slice(uuid.length + 1, -'@os2kitos'.length))
        .sort();
    expect(kinds(running.uuid)).toEqual(['expiry', 'notice', 'tender-start']);
    expect(kinds(terminated.uuid)).toEqual(['tender-start', 'termination-effective']);
    expect(kinds(ended.uuid)).toEqual([]);
  });

  it('reads the deadlines of every contract at once, not contract by contract', async () => {
    const w = await world();
    for (let i = 0; i < 300; i++) {
      await w.kitos.contracts.create(w.admin, {
        organizationUuid: w.org,
        name: `Kontrakt ${i}`,
        agreementPeriod: { isContinuous: true },
        termination: { terms: { noticePeriodMonthsUuid: notice3, noticeByEndOf: 'EndOfQuarter' } },
      } as never);
    }
    const perContract = vi.spyOn(w.kitos.overviews, 'contractDeadlines');
    const all = vi.spyOn(w.kitos.overviews, 'deadlines');
    const rows = vi.spyOn(w.kitos.overviews, 'query');
    const ics = await deadlineCalendar(w.kitos, w.admin, { organizationUuid: w.org, today: '2025-02-10' });
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(300);
    expect(perContract).not.toHaveBeenCalled();
    expect(all).toHaveBeenCalledTimes(1);
    expect(rows).toHaveBeenCalledTimes(1);
  });

  it('filters by responsible unit including sub-units, and by contract; UIDs stay stable', async () => {
    const w = await calendarWorld();
    const opts = {
      organizationUuid: w.org,
      today: '2025-02-10',
      alarmDaysBefore: [14],
      now: new Date('2025-02-10T08:00:00Z'),
    };
    const byUnit = await deadlineCalendar(w.kitos, w.admin, { ...opts, unitUuid: w.units.skoler });
    const uids = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(byUnit).every((u) => String(u).startsWith(w.school.uuid))).toBe(true);
    expect(uids(byUnit).length).toBeGreaterThan(0);
    const byContract = await deadlineCalendar(w.kitos, w.admin, { ...opts, contractUuid: w.other.uuid });
    expect(uids(byContract)).toEqual([`${w.other.uuid}-notice@os2kitos`]);
    expect(byContract).toContain('TRIGGER:-P14D');
    expect(await deadlineCalendar(w.kitos, w.admin, { ...opts, contractUuid: w.other.uuid })).toBe(byContract);
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`SUMMARY:${'æ'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.map((l) => new TextEncoder().encode(l).length).every((n) => n <= 75)).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'æ'.repeat(60)}`);
  });
});
