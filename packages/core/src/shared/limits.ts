/**
 * The size limits of every text field and list the core accepts, in one place. KITOS's own limits
 * are kept where it has them (names 100/200, option names 150); the rest are generous for real
 * portfolios and small enough that one record can never block a store for seconds. The domain
 * guide lists them; a test walks every schema and fails on a field without one.
 *
 * @module
 */
import { z } from 'zod';

/** Maximum lengths (characters) and list sizes. */
export const LIMITS = {
  /** Identifiers and short codes (contract number, local id, version). */
  code: 100,
  /** Short free text: a signer's name, a link title, an accounting entry. */
  shortText: 200,
  /** Remarks and descriptions. */
  text: 2_000,
  /** Notes, purposes and other long free text. */
  note: 10_000,
  /** Web addresses. */
  url: 2_000,
  /** Links to other records (usages on a contract, using units, registrations, KLE tasks). */
  references: 2_000,
  /** Chosen options of one field (agreement elements, data categories). */
  options: 200,
  /** Owned sub-records of one record (payment streams, journal periods, oversight dates, relations, roles, data rows, milestones, risks). */
  items: 500,
  /** External references of one record. */
  externalReferences: 100,
} as const;

/**
 * Free text up to `max` characters.
 *
 * @example
 * ```ts
 * const Notes = boundedText(LIMITS.note).nullable();
 * ```
 */
export function boundedText(max: number) {
  return z.string().max(max, { message: `must be at most ${max} characters` });
}

/**
 * A list of at most `max` items in which no two have the same `key` (default: the value itself,
 * lower-cased, so uuids compare case-insensitively); a repeat is a `duplicate` issue at its index.
 *
 * @example
 * ```ts
 * const UsageUuids = distinctList(UuidSchema, { max: LIMITS.references });
 * UsageUuids.safeParse([a, a.toUpperCase()]).success; // false
 * ```
 */
export function distinctList<T extends z.ZodType>(
  item: T,
  options: { max: number; key?: (value: z.output<T>) => unknown; what?: string },
) {
  const key = options.key ?? ((value: z.output<T>) => String(value).toLowerCase());
  return z
    .array(item)
    .max(options.max, { message: `must have at most ${options.max} items` })
    .superRefine((list, ctx) => {
      const seen = new Set<unknown>();
      list.forEach((value, index) => {
        const k = key(value);
        if (seen.has(k))
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: options.what ? `${options.what} is listed twice` : 'duplicate entry',
            params: { code: 'duplicate' },
          });
        seen.add(k);
      });
    });
}
