import { type CellValue, ENUM_LABELS, type OverviewRow } from '@os2kitos/core';
import type { CardValidity, StatusReason, StatusReasonCode } from '../data/client.js';
import { formatDate } from '../i18n/format.js';
import type { Lang, Strings } from '../i18n/strings.js';
import { cell } from './cells.js';

const REASON_CODES: readonly StatusReasonCode[] = [
  'StartDateNotPassed',
  'EndDatePassed',
  'NotOperationalAccordingToLifeCycle',
  'MainContractNotActive',
  'TerminationPeriodExceeded',
  'InvalidParentContract',
];

/**
 * One reason in words, e.g. `slutdato 31-12-2025 er passeret`. A reason that lacks the date its
 * sentence needs falls back to the short label, so nothing reads "slutdato  er passeret".
 */
export function reasonText(reason: StatusReason, t: Strings, lang: Lang): string {
  const date = reason.date ? formatDate(reason.date) : '';
  const short = (code: 'StartDateNotPassed' | 'EndDatePassed' | 'TerminationPeriodExceeded') =>
    ENUM_LABELS.ContractValidityError[code][lang];
  switch (reason.code) {
    case 'StartDateNotPassed':
      return date ? t.reasonStartDateNotPassed(date) : short(reason.code);
    case 'EndDatePassed':
      return date ? t.reasonEndDatePassed(date) : short(reason.code);
    case 'NotOperationalAccordingToLifeCycle':
      return t.reasonNotOperational;
    case 'MainContractNotActive':
      return t.reasonMainContractNotActive(reason.contractName ?? null);
    case 'TerminationPeriodExceeded':
      return reason.terminatedAt && date
        ? t.reasonTerminationPeriodExceeded(formatDate(reason.terminatedAt), date)
        : short(reason.code);
    case 'InvalidParentContract':
      return t.reasonInvalidParentContract(reason.contractName ?? null);
    default:
      return String((reason as { code: unknown }).code);
  }
}

/** One full sentence per reason: `Ikke aktiv: slutdato 31-12-2025 er passeret`. */
export function reasonSentences(validity: CardValidity, t: Strings, lang: Lang): string[] {
  return validity.reasons.map((r) => `${t.inactive}: ${reasonText(r, t, lang)}`);
}

const text = (v: CellValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The reasons of an overview row, from its `inactiveReasons` codes and the row's own dates
 * (`validFrom`, `validTo`, `terminatedAt`, `mainContract`, `parentContract`).
 */
export function rowReasons(row: OverviewRow): StatusReason[] {
  const raw = cell(row, 'inactiveReasons');
  const codes = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? [raw] : [];
  const reason = (code: StatusReasonCode, fields: Partial<StatusReason>): StatusReason => ({
    code,
    date: null,
    terminatedAt: null,
    contractName: null,
    ...fields,
  });
  return codes
    .filter((c): c is StatusReasonCode => (REASON_CODES as readonly string[]).includes(c))
    .map((code) => {
      switch (code) {
        case 'StartDateNotPassed':
          return reason(code, { date: text(cell(row, 'validFrom')) });
        case 'EndDatePassed':
          return reason(code, { date: text(cell(row, 'validTo')) });
        case 'MainContractNotActive':
          return reason(code, { contractName: text(cell(row, 'mainContract')) });
        case 'InvalidParentContract':
          return reason(code, { contractName: text(cell(row, 'parentContract')) });
        default:
          return reason(code, {});
      }
    });
}
