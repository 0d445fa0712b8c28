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
