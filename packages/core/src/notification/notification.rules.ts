/**
 * When reminders are due, as pure functions over a record and `today`: the dated deadlines of a
 * record (with the terms that give each date, so an e-mail can say why), which reminder of a rule
 * is due on a day, which come later, and when a manual advis falls.
 *
 * Two choices worth knowing:
 *
 * - A reminder is sent from its day up to the deadline itself, never after it. When several
 *   reminders of one deadline are due (the server was down over the 30-day reminder and it is now
 *   7 days before), only the latest one is sent: two e-mails about one deadline on one day help
 *   nobody.
 * - A repeating advis sends its latest occurrence on or before `today` that was not sent yet
 *   (missed earlier occurrences are superseded, for the same reason).
 *
 * @module
 */
import type { ContractDeadlines } from '../contract/deadlines.rules.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import { projectCurrentPhase } from '../project/project-phase.rules.js';
import type { Project } from '../project/project.schema.js';
import { addDays, addMonths, type IsoDate } from '../shared/dates.js';
import type { ItSystemUsage } from '../usage/usage.schema.js';
import type { AdvisFields, AdvisRepeat, NotificationDeadline } from './notification.schema.js';

/** One term that gives a deadline its date, e.g. `{ term: 'noticeMonths', value: 3 }`. */
export interface DueTerm {
  readonly term: string;
  readonly value: string | number;
}

/** One dated deadline of a record and the terms it is computed from. */
export interface DueDate {
  readonly deadline: NotificationDeadline;
  readonly date: IsoDate;
  readonly why: readonly DueTerm[];
}

/** One reminder of a rule: how many days before its deadline, and the day it is sent. */
export interface ReminderSlot {
  readonly daysBefore: number;
  readonly sendOn: IsoDate;
}

function terms(entries: Record<string, string | number | null | undefined>): DueTerm[] {
  return Object.entries(entries)
    .filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined)
    .map(([term, value]) => ({ term, value }));
}

/** The notice terms as facts (months, "løbende", "by end of", irrevocable until). */
function noticeTerms(d: ContractDeadlines): DueTerm[] {
  if (!d.notice.ok) return [];
  const n = d.notice.value;
  return terms({
    noticeMonths: n.months,
    extendsCurrent: n.extendsCurrent,
    byEndOf: n.byEndOf,
    irrevocableUntil: n.irrevocableUntil,
  });
}

/**
 * Whether the notice dates move with `today`: without "by end of", "løbende" or a future
 * irrevocable date, notice given on any day ends the contract N months later, so the latest notice
 * day is always today and the earliest end always today + N months. Such dates are not deadlines
 * anyone can be reminded of (a reminder would be due every day, for a new date each day).
 */
function rollingNotice(d: ContractDeadlines): boolean {
  if (!d.notice.ok) return true;
  const n = d.notice.value;
  return (
    n.byEndOf === null && n.extendsCurrent === null && (n.irrevocableUntil === null || n.irrevocableUntil < d.today)
  );
}

/**
 * The dated deadlines of a contract that rules can remind of, from the deadline engine's result.
 * An ended contract has none; once notice is given only the engine's remaining ones (extension
 * and tender) are left. The latest notice day is the one before the expiry on a fixed term, the
 * rolling one on a continuous contract; notice dates that move with `today` are left out.
 *
 * @example
 * ```ts
 * contractDueDates(contractDeadlines(terms, { today: '2025-02-10' }));
 * // [{ deadline: 'notice', date: '2025-03-31', why: [{ term: 'noticeMonths', value: 3 }, …] }, …]
 * ```
 */
export function contractDueDates(d: ContractDeadlines): DueDate[] {
  if (d.state === 'ended') return [];
  const out: DueDate[] = [];
  const notice = noticeTerms(d);
  const open = d.terminatedAt === null;
  const rolling = rollingNotice(d);
  const latestNotice = d.expiry !== null ? d.latestNoticeDayBeforeExpiry : rolling ? null : d.latestNoticeDay;
  if (open && latestNotice !== null)
    out.push({
      deadline: 'notice',
      date: latestNotice,
      why: [...notice, ...terms({ endsOn: d.expiry ?? d.nextPossibleTermination })],
    });
  if (open && d.nextPossibleTermination !== null && (!rolling || d.nextPossibleTermination === d.expiry))
    out.push({
      deadline: 'earliest-end',
      date: d.nextPossibleTermination,
      why: [...notice, ...terms({ expiry: d.expiry })],
    });
  if (open && d.expiry !== null)
    out.push({
      deadline: 'expiry',
      date: d.expiry,
      why: terms({ concluded: d.concluded, expirySource: d.expirySource }),
    });
  for (const x of d.deadlines) {
    if (x.kind === 'extension-decision')
      out.push({
        deadline: 'extension-decision',
        date: x.date,
        why: [...notice, ...terms({ expiry: d.expiry, extensionsRemaining: d.extensionsRemaining })],
      });
    if (x.kind === 'tender-start')
      out.push({ deadline: 'tender-start', date: x.date, why: terms({ endsOn: d.endsOn ?? d.expiry }) });
  }
  return out;
}

/**
 * The dated deadlines of a usage: the planned risk assessment, the DPIA review (a year after the
 * last DPIA) and the next data retention evaluation, each when set.
 *
 * @example
 * ```ts
 * usageDueDates(usage); // [{ deadline: 'dpia-review', date: '2026-03-01', why: [{ term: 'dpiaDate', value: '2025-03-01' }] }]
 * ```
 */
export function usageDueDates(usage: Pick<ItSystemUsage, 'gdpr'>): DueDate[] {
  const g = usage.gdpr;
  const out: DueDate[] = [];
  if (g.plannedRiskAssessmentDate)
    out.push({
      deadline: 'planned-risk-assessment',
      date: g.plannedRiskAssessmentDate,
      why: terms({ riskAssessmentConductedDate: g.riskAssessmentConductedDate }),
    });
  if (g.dpiaDate)
    out.push({ deadline: 'dpia-review', date: addMonths(g.dpiaDate, 12), why: terms({ dpiaDate: g.dpiaDate }) });
  if (g.nextDataRetentionEvaluationDate)
    out.push({
      deadline: 'data-retention-evaluation',
      date: g.nextDataRetentionEvaluationDate,
      why: terms({ evaluationFrequencyMonths: g.dataRetentionEvaluationFrequencyInMonths || null }),
    });
  return out;
}

/**
 * The dated deadline of a registration: its next (scheduled) oversight, when set.
 *
 * @example
 * ```ts
 * dprDueDates(dpr); // [{ deadline: 'next-oversight', date: '2026-05-01', why: [{ term: 'oversightInterval', value: 'Yearly' }] }]
 * ```
 */
export function dprDueDates(dpr: Pick<DataProcessingRegistration, 'oversight'>): DueDate[] {
  const o = dpr.oversight;
  if (!o.scheduledInspectionDate) return [];
  return [
    {
      deadline: 'next-oversight',
      date: o.scheduledInspectionDate,
      why: terms({ oversightInterval: o.oversightInterval }),
    },
  ];
}

/**
 * The dated deadline of a project: the end of the phase it is in on `today` (by its dates, else
 * as reported), when that phase has an end date.
 *
 * @example
 * ```ts
 * projectDueDates(project, '2026-02-01'); // [{ deadline: 'phase-end', date: '2026-03-31', why: [{ term: 'phase', value: 'Foranalyse' }] }]
 * ```
 */
export function projectDueDates(project: Pick<Project, 'phases' | 'currentPhase'>, today: IsoDate): DueDate[] {
  const { phase } = projectCurrentPhase(project, today);
  const p = project.phases[phase - 1];
  if (!p?.endDate) return [];
  return [{ deadline: 'phase-end', date: p.endDate, why: terms({ phase: p.name, phaseStart: p.startDate }) }];
}

/**
 * The reminder of a deadline to send on `today`: of the slots whose day has come, the one
 * nearest the deadline; `null` once the deadline has passed or before the first slot.
 *
 * @example
 * ```ts
 * reminderDue([90, 30, 7], '2026-03-31', '2026-03-01'); // { daysBefore: 30, sendOn: '2026-03-01' }
 * reminderDue([90, 30, 7], '2026-03-31', '2026-03-20'); // { daysBefore: 30, sendOn: '2026-03-01' } (7 days: 03-24)
 * reminderDue([90, 30, 7], '2026-03-31', '2026-04-01'); // null
 * ```
 */
export function reminderDue(daysBefore: readonly number[], date: IsoDate, today: IsoDate): ReminderSlot | null {
  if (today > date) return null;
  let best: ReminderSlot | null = null;
  for (const n of daysBefore) {
    const sendOn = addDays(date, -n);
    if (sendOn <= today && (best === null || n < best.daysBefore)) best = { daysBefore: n, sendOn };
  }
  return best;
}

/**
 * The reminders of a deadline still to come after `today`, earliest first.
 *
 * @example
 * ```ts
 * remindersAhead([90, 30, 7], '2026-03-31', '2026-03-01'); // [{ daysBefore: 7, sendOn: '2026-03-24' }]
 * ```
 */
export function remindersAhead(daysBefore: readonly number[], date: IsoDate, today: IsoDate): ReminderSlot[] {
  return daysBefore
    .map((n) => ({ daysBefore: n, sendOn: addDays(date, -n) }))
    .filter((s) => s.sendOn > today)
    .sort((a, b) => (a.sendOn < b.sendOn ? -1 : a.sendOn > b.sendOn ? 1 : 0));
}

const REPEAT_MONTHS: Readonly<Record<Exclude<AdvisRepeat, 'once' | 'week'>, number>> = {
  month: 1,
  quarter: 3,
  'half-year': 6,
  year: 12,
};

/** The `n`th occurrence (0 = the alarm date); months are counted from the alarm date and clamped to the month's end. */
function occurrence(alarmDate: IsoDate, repeat: AdvisRepeat, n: number): IsoDate {
  if (repeat === 'once') return alarmDate;
  if (repeat === 'week') return addDays(alarmDate, 7 * n);
  return addMonths(alarmDate, REPEAT_MONTHS[repeat] * n);
}

/**
 * The occurrence of a manual advis to send on `today`: the latest one on or before `today` and
 * not after the stop date; `null` before the alarm date or for an inactive advis.
 *
 * @example
 * ```ts
 * advisDue({ alarmDate: '2026-01-15', repeat: 'month', stopDate: null, active: true }, '2026-03-20'); // '2026-03-15'
 * ```
 */
export function advisDue(
  advis: Pick<AdvisFields, 'alarmDate' | 'repeat' | 'stopDate' | 'active'>,
  today: IsoDate,
): IsoDate | null {
  if (!advis.active || today < advis.alarmDate) return null;
  const last = advis.stopDate !== null && advis.stopDate < today ? advis.stopDate : today;
  if (advis.repeat === 'once') return advis.alarmDate <= last ? advis.alarmDate : null;
  // Step count estimated from the day span, then corrected: month clamping shifts days a little.
  const perStep = advis.repeat === 'week' ? 7 : 28 * REPEAT_MONTHS[advis.repeat];
  let n = Math.floor((Date.parse(last) - Date.parse(advis.alarmDate)) / 86_400_000 / perStep);
  while (occurrence(advis.alarmDate, advis.repeat, n + 1) <= last) n++;
  while (n > 0 && occurrence(advis.alarmDate, advis.repeat, n) > last) n--;
  return occurrence(advis.alarmDate, advis.repeat, n);
}

/**
 * The next occurrence of a manual advis after `today`, or `null` when none is left.
 *
 * @example
 * ```ts
 * advisNext({ alarmDate: '2026-01-15', repeat: 'quarter', stopDate: '2026-06-30', active: true }, '2026-02-01'); // '2026-04-15'
 * ```
 */
export function advisNext(
  advis: Pick<AdvisFields, 'alarmDate' | 'repeat' | 'stopDate' | 'active'>,
  today: IsoDate,
): IsoDate | null {
  if (!advis.active) return null;
  let next: IsoDate;
  if (today < advis.alarmDate) next = advis.alarmDate;
  else if (advis.repeat === 'once') return null;
  else {
    const due = advisDue({ ...advis, stopDate: null }, today) ?? advis.alarmDate;
    let n = 0;
    while (occurrence(advis.alarmDate, advis.repeat, n) <= due) n++;
    next = occurrence(advis.alarmDate, advis.repeat, n);
  }
  return advis.stopDate !== null && next > advis.stopDate ? null : next;
}
