/**
 * The reminder e-mails, in Danish (KITOS's language) or English: what is due, when, why (the
 * terms the date comes from) and a link to the record, as plain text and as HTML. Every value
 * from the store is escaped in the HTML part, so a record named `<script>` stays text.
 *
 * @module
 */
import { daysBetween, type NotificationLanguage, type PlannedReminder } from '@os2kitos/core';

/** A composed e-mail. */
export interface ReminderMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

type Words = Readonly<Record<string, string>>;

const DEADLINES: Readonly<Record<NotificationLanguage, Words>> = {
  da: {
    notice: 'Sidste frist for opsigelse',
    'earliest-end': 'Tidligst mulige ophør',
    expiry: 'Kontraktens udløb',
    'extension-decision': 'Frist for beslutning om forlængelse (option)',
    'tender-start': 'Start på genudbud',
    'next-oversight': 'Næste tilsyn med databehandleren',
    'planned-risk-assessment': 'Planlagt risikovurdering',
    'dpia-review': 'Gennemgang af konsekvensanalysen (DPIA)',
    'data-retention-evaluation': 'Evaluering af slettefrister',
    'phase-end': 'Projektfasens afslutning',
  },
  en: {
    notice: 'Latest day to give notice',
    'earliest-end': 'Earliest possible end',
    expiry: 'Contract expiry',
    'extension-decision': 'Decision on the extension option',
    'tender-start': 'Start of the new tender',
    'next-oversight': 'Next oversight of the processor',
    'planned-risk-assessment': 'Planned risk assessment',
    'dpia-review': 'Review of the impact assessment (DPIA)',
    'data-retention-evaluation': 'Evaluation of retention periods',
    'phase-end': 'End of the project phase',
  },
};

const TERMS: Readonly<Record<NotificationLanguage, Words>> = {
  da: {
    noticeMonths: 'Opsigelsesvarsel',
    extendsCurrent: 'Varslet løber fra udgangen af',
    byEndOf: 'Ophør kun ved udgangen af',
    irrevocableUntil: 'Uopsigelig til og med',
    endsOn: 'Ophører',
    expiry: 'Udløber',
    concluded: 'Indgået',
    expirySource: 'Udløbet følger af',
    extensionsRemaining: 'Ubrugte optioner',
    riskAssessmentConductedDate: 'Seneste risikovurdering',
    dpiaDate: 'Seneste konsekvensanalyse',
    evaluationFrequencyMonths: 'Evalueres hver (måneder)',
    oversightInterval: 'Tilsynsinterval',
    phase: 'Fase',
    phaseStart: 'Fasen startede',
  },
  en: {
    noticeMonths: 'Notice period',
    extendsCurrent: 'Notice runs from the end of the',
    byEndOf: 'Ends only at the end of the',
    irrevocableUntil: 'Irrevocable until',
    endsOn: 'Ends',
    expiry: 'Expires',
    concluded: 'Concluded',
    expirySource: 'Expiry follows from',
    extensionsRemaining: 'Extension options left',
    riskAssessmentConductedDate: 'Last risk assessment',
    dpiaDate: 'Last impact assessment',
    evaluationFrequencyMonths: 'Evaluated every (months)',
    oversightInterval: 'Oversight interval',
    phase: 'Phase',
    phaseStart: 'Phase started',
  },
};

const VALUES: Readonly<Record<NotificationLanguage, Words>> = {
  da: {
    EndOfMonth: 'måneden',
    EndOfQuarter: 'kvartalet',
    EndOfCalendarYear: 'kalenderåret',
    HalfYearly: 'halvårligt',
    Yearly: 'årligt',
    EverySecondYear: 'hvert andet år',
    Other: 'andet',
    Undecided: 'ikke besluttet',
    duration: 'aftalens varighed',
    validTo: 'den registrerede slutdato',
    continuous: 'løbende aftale',
  },
  en: {
    EndOfMonth: 'month',
    EndOfQuarter: 'quarter',
    EndOfCalendarYear: 'calendar year',
    HalfYearly: 'every six months',
    Yearly: 'yearly',
    EverySecondYear: 'every second year',
    Other: 'other',
    Undecided: 'not decided',
    duration: 'the agreed duration',
    validTo: 'the registered end date',
    continuous: 'continuous agreement',
  },
};

const KINDS: Readonly<Record<NotificationLanguage, Words>> = {
  da: {
    itContract: 'Kontrakt',
    itSystemUsage: 'Systemanvendelse',
    dataProcessingRegistration: 'Databehandling',
    project: 'Projekt',
  },
  en: {
    itContract: 'Contract',
    itSystemUsage: 'System usage',
    dataProcessingRegistration: 'Data processing',
    project: 'Project',
  },
};

const PHRASES = {
  da: {
    reminder: 'Påmindelse',
    on: 'den',
    inDays: (n: number) => (n === 0 ? 'i dag' : n === 1 ? 'i morgen' : `om ${n} dage`),
    due: 'Frist',
    why: 'Sådan er datoen beregnet',
    open: 'Åbn i KITOS',
    footer: (roles: string) =>
      `Du får denne e-mail fra OS2KITOS${roles ? ` fordi du er ${roles}` : ''}. Reglerne for påmindelser administreres af organisationens KITOS-administratorer.`,
    months: (n: number) => `${n} ${n === 1 ? 'måned' : 'måneder'}`,
  },
  en: {
    reminder: 'Reminder',
    on: 'on',
    inDays: (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`),
    due: 'Due',
    why: 'How the date is computed',
    open: 'Open in KITOS',
    footer: (roles: string) =>
      `You get this e-mail from OS2KITOS${roles ? ` because you are ${roles}` : ''}. The organisation's KITOS administrators manage the reminder rules.`,
    months: (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`,
  },
} as const;

/** `dd-MM-yyyy`, as KITOS shows dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** One term as a line: label and value in the reader's language. */
function termLine(language: NotificationLanguage, term: string, value: string | number): [string, string] {
  const label = TERMS[language][term] ?? term;
  if (term === 'noticeMonths' && typeof value === 'number') return [label, PHRASES[language].months(value)];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [label, formatDate(value)];
  return [label, VALUES[language][String(value)] ?? String(value)];
}

/**
 * The e-mail for one reminder, sent on `today`: "in N days" counts from the day it goes out (a
 * reminder sent late, after a stop, says how many days are really left).
 *
 * @example
 * ```ts
 * const { subject, text, html } = composeReminder(reminder, 'https://kitos.nordby.dk/api/v2/it-contracts/…', '2025-06-23');
 * subject; // 'Påmindelse: Sidste frist for opsigelse for ESDH drift den 30-06-2025 (om 7 dage)'
 * ```
 */
export function composeReminder(reminder: PlannedReminder, link: string, today: string): ReminderMessage {
  const lang = reminder.language;
  const p = PHRASES[lang];
  const kind = KINDS[lang][reminder.entityKind] ?? reminder.entityKind;
  const roles = [...new Set(reminder.recipients.map((r) => r.role).filter((r): r is string => !!r))].join(' / ');
  if (reminder.source === 'advis') {
    const subject = reminder.subject ?? p.reminder;
    const text = `${reminder.body ?? ''}\n\n${kind}: ${reminder.entityName}\n${p.open}: ${link}\n\n${p.footer(roles)}\n`;
    const html = `<!doctype html><html lang="${lang}"><body><p>${escapeHtml(reminder.body ?? '').replaceAll('\n', '<br>')}</p><p>${escapeHtml(kind)}: <a href="${escapeHtml(link)}">${escapeHtml(reminder.entityName)}</a></p><p><small>${escapeHtml(p.footer(roles))}</small></p></body></html>`;
    return { subject, text, html };
  }
  const what = DEADLINES[lang][reminder.deadline ?? ''] ?? String(reminder.deadline);
  const date = formatDate(reminder.dueDate ?? reminder.sendOn);
  const when = p.inDays(reminder.dueDate ? daysBetween(today, reminder.dueDate) : 0);
  const subject = `${p.reminder}: ${what} for ${reminder.entityName} ${p.on} ${date} (${when})`;
  const why = reminder.why.map((t) => termLine(lang, t.term, t.value));
  const text = [
    `${what} ${p.on} ${date} (${when}).`,
    '',
    `${kind}: ${reminder.entityName}`,
    `${p.due}: ${date}`,
    ...(why.length ? ['', `${p.why}:`, ...why.map(([l, v]) => `- ${l}: ${v}`)] : []),
    '',
    `${p.open}: ${link}`,
    '',
    p.footer(roles),
    '',
  ].join('\n');
  const rows = why.map(
    ([l, v]) => `<tr><th scope="row" align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`,
  );
  const html = [
    `<!doctype html><html lang="${lang}"><body>`,
    `<h1>${escapeHtml(what)} ${p.on} ${date}</h1>`,
    `<p>${escapeHtml(kind)}: <a href="${escapeHtml(link)}">${escapeHtml(reminder.entityName)}</a> (${escapeHtml(when)})</p>`,
    rows.length ? `<h2>${escapeHtml(p.why)}</h2><table>${rows.join('')}</table>` : '',
    `<p><a href="${escapeHtml(link)}">${escapeHtml(p.open)}</a></p>`,
    `<p><small>${escapeHtml(p.footer(roles))}</small></p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}

/** The API path segment of each kind of record, for the default link. */
const LINK_SEGMENTS: Readonly<Record<string, string>> = {
  itContract: 'api/v2/it-contracts',
  itSystemUsage: 'api/v2/it-system-usages',
  dataProcessingRegistration: 'api/v2/data-processing-registrations',
  project: 'api/v2/x-os2kitos/history/project',
};

/**
 * The link to a record: the configured template with `{kind}`, `{uuid}` and `{organizationUuid}`
 * filled in, or the record in the API under `base`.
 *
 * @example
 * ```ts
 * reminderLink(undefined, 'https://kitos.nordby.dk', reminder); // 'https://kitos.nordby.dk/api/v2/it-contracts/<uuid>'
 * reminderLink('https://intra.nordby.dk/kitos#/{kind}/{uuid}', '', reminder);
 * ```
 */
export function reminderLink(
  template: string | undefined,
  base: string,
  r: Pick<PlannedReminder, 'entityKind' | 'entityUuid' | 'organizationUuid'>,
): string {
  if (template)
    return template
      .replaceAll('{kind}', encodeURIComponent(r.entityKind))
      .replaceAll('{uuid}', encodeURIComponent(r.entityUuid))
      .replaceAll('{organizationUuid}', encodeURIComponent(r.organizationUuid));
  return `${base.replace(/\/$/, '')}/${LINK_SEGMENTS[r.entityKind]}/${r.entityUuid}`;
}
