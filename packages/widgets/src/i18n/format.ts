/**
 * Dates and amounts the way Danish users read them: `dd-MM-yyyy` and `1.234.567 kr.`, through `Intl`.
 *
 * @module
 */

/**
 * Formats an ISO calendar date (`YYYY-MM-DD`) as `dd-MM-yyyy`. Invalid input is returned unchanged
 * so a bad value is visible rather than hidden.
 *
 * @example
 * ```ts
 * formatDate('2025-12-31'); // '31-12-2025'
 * ```
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

const amountFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/**
 * Formats an amount in Danish kroner: `1.234.567 kr.` (Danish grouping in both languages, since
 * the amounts are Danish budget figures).
 *
 * @example
 * ```ts
 * formatAmount(1234567); // '1.234.567 kr.'
 * ```
 */
export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  return `${amountFormat.format(amount)} kr.`;
}

const integerFormats = {
  da: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/**
 * Formats a count with the language's grouping: `1.234` in Danish, `1,234` in English.
 *
 * @example
 * ```ts
 * formatCount(1234, 'da'); // '1.234'
 * ```
 */
export function formatCount(n: number, lang: 'da' | 'en' = 'da'): string {
  return integerFormats[lang].format(n);
}

/**
 * The month of an ISO date as a heading: `januar 2026` (Danish) or `January 2026` (English).
 *
 * @example
 * ```ts
 * formatMonth('2026-01-15', 'da'); // 'januar 2026'
 * ```
 */
export function formatMonth(iso: string, lang: 'da' | 'en' = 'da'): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
