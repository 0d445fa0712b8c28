/**
 * iCalendar (RFC 5545) feeds of contract deadlines from the deadline engine, for Outlook, Google
 * Calendar and the like: one all-day event per deadline, a stable UID per contract and kind (so a
 * re-imported feed updates events instead of duplicating them), Danish summaries, and alarms a
 * configurable number of days before every deadline one must act on (notice, extension decision,
 * tender start).
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import type { ContractRow } from '../contract/contract.read-model.js';
import type { ContractDeadlineKind } from '../contract/deadline-kinds.js';
import type { ContractDeadline } from '../contract/deadlines.rules.js';
import type { Kitos } from '../kitos.js';
import type { DeadlineListItem } from '../services/overview.service.js';
import type { IsoDate } from '../shared/dates.js';
import { addDays } from '../shared/dates.js';
import { enumLabel } from '../vocabulary/enums.js';

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

/** The event's title: the deadline kind in the core's vocabulary ("Seneste opsigelsesdag"). */
const summary = (kind: ContractDeadlineKind) => enumLabel('ContractDeadlineKind', kind, 'da');

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

function event(
  c: ContractFacts,
  d: Pick<ContractDeadline, 'kind' | 'date'>,
  alarms: readonly number[],
  dtstamp: string,
): string[] {
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
    `SUMMARY:${text(`${summary(d.kind)}: ${c.name}`)}`,
    `DESCRIPTION:${text(description)}`,
    `CATEGORIES:${text(d.kind)}`,
    'TRANSP:TRANSPARENT',
  ];
  if (ACT_ON.has(d.kind)) {
    for (const n of alarms) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${text(`${summary(d.kind)} om ${n} dage: ${c.name}`)}`,
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
 * The contract's deadlines in the feed: the engine's, plus, for a fixed-term contract that is
 * neither terminated nor ended, the latest day to give notice before the expiry (the engine lists
 * a notice deadline for open-ended contracts only; the row's latest notice day is that day).
 */
function feedDeadlines(row: ContractRow, listed: readonly DeadlineListItem[], today: IsoDate) {
  const deadlines: Pick<ContractDeadline, 'kind' | 'date'>[] = [...listed];
  const running = row.expiry !== null && row.expiry >= today && row.terminatedAt === null;
  if (running && row.latestNoticeDay && !listed.some((d) => d.kind === 'notice'))
    deadlines.push({ kind: 'notice', date: row.latestNoticeDay });
  return deadlines;
}

/**
 * Builds an iCalendar feed (`text/calendar`, CRLF line ends, lines folded at 75 octets) of the
 * contract deadlines of an organisation, of the contracts a unit and its sub-units are responsible
 * for, or of one contract. Deadlines come from the deadline engine for `today`; ended contracts
 * have none. For a fixed-term contract the notice event is the latest day to give notice before
 * the expiry. Two reads however many contracts: the contract overview's rows and the
 * organisation's deadline list.
 *
 * @example
 * ```ts
 * import { deadlineCalendar } from '@os2kitos/core';
 * const ics = await deadlineCalendar(kitos, actor, { organizationUuid, unitUuid, alarmDaysBefore: [60, 14] });
 * // serve with Content-Type: text/calendar; charset=utf-8
 * ```
 */
export async function deadlineCalendar(kitos: Kitos, actor: Actor, options: DeadlineCalendarOptions): Promise<string> {
  const alarms = [...new Set(options.alarmDaysBefore ?? [30, 7])].filter((n) => Number.isInteger(n) && n >= 0);
  const { organizationUuid } = options;
  const page = await kitos.overviews.query(actor, 'contracts', {
    organizationUuid,
    ...(options.today ? { today: options.today } : {}),
  });
  // Both reads use the day the first one settled on, so rows and deadlines agree at midnight too.
  const listed = await kitos.overviews.deadlines(actor, {
    organizationUuid,
    today: page.today,
    ...(options.unitUuid ? { responsibleUnitUuid: options.unitUuid, includeSubUnits: true } : {}),
  });
  const byContract = new Map<string, DeadlineListItem[]>();
  for (const d of listed) {
    if (options.contractUuid && d.contractUuid !== options.contractUuid) continue;
    const list = byContract.get(d.contractUuid);
    if (list) list.push(d);
    else byContract.set(d.contractUuid, [d]);
  }
  const dtstamp = stamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OS2//OS2KITOS library//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.name ?? 'KITOS kontraktfrister')}`,
  ];
  // Contracts in the overview's order; only those with deadlines in the list (the unit and
  // contract filters applied, ended contracts left out) get events.
  for (const r of page.rows) {
    const own = byContract.get(r.uuid);
    if (!own) continue;
    const facts = { uuid: r.uuid, name: r.name, supplier: r.supplier, terms: termsText(r) };
    for (const deadline of feedDeadlines(r, own, page.today)) lines.push(...event(facts, deadline, alarms, dtstamp));
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
