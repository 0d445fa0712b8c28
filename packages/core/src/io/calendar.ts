/**
 * iCalendar (RFC 5545) feeds of contract deadlines from the deadline engine, for Outlook, Google
 * Calendar and the like: one all-day event per deadline, a stable UID per contract and kind (so a
 * re-imported feed updates events instead of duplicating them), Danish summaries, and alarms a
 * configurable number of days before every deadline one must act on (notice, extension decision,
 * tender start).
 *
 * @module
 */
import type { ContractRow } from '../contract/contract.read-model.js';
import type { Actor } from '../access/actor.js';
import type { ContractDeadline } from '../contract/deadlines.rules.js';
import type { Kitos } from '../kitos.js';
import { unitDescendants } from '../organisation/unit-tree.rules.js';
import type { IsoDate } from '../shared/dates.js';
import { addDays } from '../shared/dates.js';

/**
 * Options of {@link deadlineCalendar}.
 *
 * @example
 * ```ts
 * const options: DeadlineCalendarOptions = { organizationUuid, unitUuid, alarmDaysBefore: [30, 7] };
 * ```
 */
export interface DeadlineCalendarOptions {
  readonly organizationUuid: string;
  /** Only contracts this unit, or a unit below it, is responsible for. */
  readonly unitUuid?: string;
  /** Only this contract. */
  readonly contractUuid?: string;
  /** Alarms this many days before each deadline to act on (default `[30, 7]`). */
  readonly alarmDaysBefore?: readonly number[];
  /** The day deadlines are computed for (default: today). */
  readonly today?: IsoDate;
  /** Timestamp of the feed (`DTSTAMP`; default now). */
  readonly now?: Date;
  /** Calendar name (default "KITOS kontraktfrister"). */
  readonly name?: string;
}

/** A kind of deadline (taken from the engine's result type, wherever the kinds are declared). */
type ContractDeadlineKind = ContractDeadline['kind'];

const SUMMARY: Record<ContractDeadlineKind, string> = {
  start: 'Kontraktstart',
  'tender-start': 'Start på udbud',
  notice: 'Opsigelsesfrist',
  'extension-decision': 'Frist for beslutning om option',
  'termination-effective': 'Kontrakten ophører (opsagt)',
  expiry: 'Kontrakten udløber',
  'final-expiry': 'Kontrakten udløber endeligt',
};

/** Deadlines people must act on before the day: these get alarms. */
const ACT_ON: ReadonlySet<ContractDeadlineKind> = new Set(['notice', 'extension-decision', 'tender-start']);

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space, and a
 * UTF-8 character is never split.
 *
 * @example
 * ```ts
 * foldLine('SUMMARY:' + 'æ'.repeat(40)); // two lines joined by CRLF + space
 * ```
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines lose one octet to the leading space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const day = (date: IsoDate) => date.replaceAll('-', '');
const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
const dk = (date: IsoDate) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;

interface ContractFacts {
  readonly uuid: string;
  readonly name: string;
  readonly supplier: string | null;
  readonly terms: string;
}

function event(c: ContractFacts, d: ContractDeadline, alarms: readonly number[], dtstamp: string): string[] {
  const description = [
    `Kontrakt: ${c.name}`,
    `Leverandør: ${c.supplier ?? 'ikke angivet'}`,
    `Vilkår: ${c.terms}`,
    `Frist: ${dk(d.date)}`,
  ].join('\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${c.uuid}-${d.kind}@os2kitos`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART;VALUE=DATE:${day(d.date)}`,
    `DTEND;VALUE=DATE:${day(addDays(d.date, 1))}`,
    `SUMMARY:${text(`${SUMMARY[d.kind]}: ${c.name}`)}`,
    `DESCRIPTION:${text(description)}`,
    `CATEGORIES:${text(d.kind)}`,
    'TRANSP:TRANSPARENT',
  ];
  if (ACT_ON.has(d.kind)) {
    for (const n of alarms) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${text(`${SUMMARY[d.kind]} om ${n} dage: ${c.name}`)}`,
        `TRIGGER:-P${n}D`,
        'END:VALARM',
      );
    }
  }
  lines.push('END:VEVENT');
  return lines;
}

function termsText(row: ContractRow): string {
  const parts: string[] = [];
  if (row.duration) parts.push(`varighed ${String(row.duration)}`);
  if (typeof row.noticePeriodMonths === 'number') parts.push(`opsigelse ${row.noticePeriodMonths} måneder`);
  if (row.expiry) parts.push(`udløber ${dk(String(row.expiry))}`);
  if (row.irrevocableUntil) parts.push(`uopsigelig til ${dk(String(row.irrevocableUntil))}`);
  return parts.join(', ') || 'ikke registreret';
}

/**
 * Builds an iCalendar feed (`text/calendar`, CRLF line ends, lines folded at 75 octets) of the
 * contract deadlines of an organisation, of the contracts a unit and its sub-units are responsible
 * for, or of one contract. Deadlines come from the deadline engine for `today`; ended contracts
 * have none. For a fixed-term contract the notice event is the latest day to give notice before
 * the expiry.
 *
 * @example
 * ```ts
 * import { deadlineCalendar } from '@os2kitos/core/io';
 * const ics = await deadlineCalendar(kitos, actor, { organizationUuid, unitUuid, alarmDaysBefore: [60, 14] });
 * // serve with Content-Type: text/calendar; charset=utf-8
 * ```
 */
export async function deadlineCalendar(kitos: Kitos, actor: Actor, options: DeadlineCalendarOptions): Promise<string> {
  const alarms = [...new Set(options.alarmDaysBefore ?? [30, 7])].filter((n) => Number.isInteger(n) && n >= 0);
  const page = await kitos.overviews.query(actor, 'contracts', {
    organizationUuid: options.organizationUuid,
    ...(options.today ? { today: options.today } : {}),
  });
  let units: ReadonlySet<string> | undefined;
  if (options.unitUuid) {
    const tree = await kitos.units.tree(actor, options.organizationUuid);
    units = new Set(unitDescendants(tree, options.unitUuid, { includeSelf: true }).map((u) => u.uuid));
  }
  const rows = page.rows.filter(
    (r) =>
      (!options.contractUuid || r.uuid === options.contractUuid) &&
      (!units || (r.responsibleUnitUuid !== null && units.has(r.responsibleUnitUuid))),
  );
  const dtstamp = stamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OS2//OS2KITOS library//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.name ?? 'KITOS kontraktfrister')}`,
  ];
  for (const r of rows) {
    const d = await kitos.overviews.contractDeadlines(actor, r.uuid, page.today);
    const facts = {
      uuid: r.uuid,
      name: r.name,
      supplier: r.supplier,
      terms: termsText(r),
    };
    const deadlines = [...d.deadlines];
    if (
      d.term === 'fixed' &&
      d.latestNoticeDayBeforeExpiry &&
      d.state !== 'ended' &&
      d.terminatedAt === null &&
      !deadlines.some((x) => x.kind === 'notice')
    ) {
      deadlines.push({ kind: 'notice', date: d.latestNoticeDayBeforeExpiry, daysLeft: 0 });
    }
    for (const deadline of deadlines) lines.push(...event(facts, deadline, alarms, dtstamp));
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
