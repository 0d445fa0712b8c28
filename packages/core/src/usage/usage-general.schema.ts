/**
 * The general ("front page") section of an IT-system usage: local names, expected users,
 * validity period and life cycle, main contract, AI and web accessibility.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, UuidSchema, YesNoPartially, YesNoUndecided } from '../shared/index.js';
import { LifeCycleStatus, UsageUserCount } from './usage-enums.js';
import { usagePatchOf } from './schema-helpers.js';
import { boundedText, LIMITS } from '../shared/limits.js';

/** The expected-users interval as KITOS API v2 writes it (`upperBound` null = no upper bound). */
export const ExpectedUsersIntervalSchema = z.strictObject({
  lowerBound: z.number().int().min(0),
  upperBound: z.number().int().min(0).nullable().default(null),
});
/** An expected-users interval. */
export type ExpectedUsersInterval = z.infer<typeof ExpectedUsersIntervalSchema>;

/** KITOS writes "no upper bound" as the largest 32-bit integer, too. */
const INT32_MAX = 2_147_483_647;

const INTERVALS: Readonly<Record<Exclude<UsageUserCount, 'Undecided'>, ExpectedUsersInterval>> = {
  BelowTen: { lowerBound: 0, upperBound: 9 },
  TenToFifty: { lowerBound: 10, upperBound: 50 },
  FiftyToHundred: { lowerBound: 50, upperBound: 100 },
  HundredPlus: { lowerBound: 100, upperBound: null },
};

/**
 * The interval of an expected-users value; `null` for `Undecided`, which has none.
 *
 * @example
 * ```ts
 * usageUserCountToInterval('TenToFifty'); // { lowerBound: 10, upperBound: 50 }
 * usageUserCountToInterval('Undecided');  // null
 * ```
 */
export function usageUserCountToInterval(count: UsageUserCount): ExpectedUsersInterval | null {
  return count === 'Undecided' ? null : { ...INTERVALS[count] };
}

/**
 * The expected-users value of an interval. Only the four KITOS intervals (0–9, 10–50, 50–100,
 * 100+) exist; any other interval gives `undefined`. "100 or more" has no upper bound, written as
 * `null` or as the largest 32-bit integer (2147483647).
 *
 * @example
 * ```ts
 * usageUserCountFromInterval({ lowerBound: 100, upperBound: null }); // 'HundredPlus'
 * usageUserCountFromInterval({ lowerBound: 100, upperBound: 2147483647 }); // 'HundredPlus'
 * usageUserCountFromInterval({ lowerBound: 0, upperBound: 10 });     // undefined
 * ```
 */
export function usageUserCountFromInterval(interval: ExpectedUsersInterval): UsageUserCount | undefined {
  const upper = interval.upperBound === INT32_MAX ? null : (interval.upperBound ?? null);
  const hit = Object.entries(INTERVALS).find(([, i]) => i.lowerBound === interval.lowerBound && i.upperBound === upper);
  return hit?.[0] as UsageUserCount | undefined;
}

/**
 * Expected number of users: a {@link UsageUserCount} name, or one of the four KITOS intervals,
 * which is turned into its name. Any other interval is rejected with the code `invalid-interval`.
 */
export const UsageNumberOfExpectedUsersSchema = z
  .union([UsageUserCount.schema, ExpectedUsersIntervalSchema])
  .transform((value, ctx): UsageUserCount => {
    if (typeof value === 'string') return value;
    const count = usageUserCountFromInterval(value);
    if (count) return count;
    ctx.addIssue({
      code: 'custom',
      message: 'only the intervals 0–9, 10–50, 50–100 and 100+ (upperBound null) are accepted',
      params: { code: 'invalid-interval' },
    });
    return z.NEVER;
  });

const usageValidityObject = z.strictObject({
  /** First day the usage is in effect (inclusive); KITOS `Concluded`. */
  validFrom: IsoDateSchema.nullable().default(null),
  /** Last day the usage is in effect (inclusive); KITOS `ExpirationDate`. */
  validTo: IsoDateSchema.nullable().default(null),
  lifeCycleStatus: LifeCycleStatus.schema.nullable().default(null),
});

/**
 * Validity period and life cycle of a usage. `validFrom` must not be after `validTo` (code
 * `date-order`); the same day for both is a one-day period.
 *
 * @example
 * ```ts
 * UsageValiditySchema.parse({ validFrom: '2025-01-01', validTo: '2025-01-01' }); // ok
 * ```
 */
export const UsageValiditySchema = usageValidityObject.superRefine((v, ctx) => {
  if (v.validFrom && v.validTo && v.validFrom > v.validTo) {
    ctx.addIssue({
      code: 'custom',
      path: ['validTo'],
      message: `validTo (${v.validTo}) is before validFrom (${v.validFrom})`,
      params: { code: 'date-order' },
    });
  }
});
/** Validity period and life cycle of a usage. */
export type UsageValidity = z.infer<typeof UsageValiditySchema>;

const usageWebAccessibilityObject = z.strictObject({
  compliance: YesNoPartially.schema.nullable().default(null),
  lastCheck: IsoDateSchema.nullable().default(null),
  notes: boundedText(LIMITS.note).nullable().default(null),
});
/** Web accessibility compliance of the system as used. */
export const UsageWebAccessibilitySchema = usageWebAccessibilityObject;
/** Web accessibility compliance. */
export type UsageWebAccessibility = z.infer<typeof UsageWebAccessibilitySchema>;

const usageGeneralObject = z.strictObject({
  localSystemId: z.string().max(200).nullable().default(null),
  /** Local nickname of the system. */
  localCallName: z.string().max(100).nullable().default(null),
  systemVersion: z.string().max(100).nullable().default(null),
  notes: boundedText(LIMITS.note).nullable().default(null),
  /** Data classification option (e.g. public, internal, confidential, secret data). */
  dataClassificationUuid: UuidSchema.nullable().default(null),
  /** `Undecided` when not given or cleared (`null`), as in KITOS: there is no "no answer". */
  numberOfExpectedUsers: UsageNumberOfExpectedUsersSchema.nullable()
    .transform((v): UsageUserCount => v ?? 'Undecided')
    .default('Undecided'),
  validity: UsageValiditySchema.prefault({}),
  /** Must be one of the contracts that cover the usage (see `checkUsageMainContract`). */
  mainContractUuid: UuidSchema.nullable().default(null),
  containsAITechnology: YesNoUndecided.schema.nullable().default(null),
  webAccessibility: UsageWebAccessibilitySchema.prefault({}),
});

/** The general section of a usage (`general.*` in KITOS API v2). */
export const UsageGeneralSchema = usageGeneralObject;
/** The general section of a usage. */
export type UsageGeneral = z.infer<typeof UsageGeneralSchema>;

/** A change to the validity: only the fields given change. */
export const UsageValidityPatchSchema = usagePatchOf(usageValidityObject);
/** A change to the validity. */
export type UsageValidityPatch = z.infer<typeof UsageValidityPatchSchema>;

/** A change to the general section; `validity` and `webAccessibility` are patched field by field too. */
export const UsageGeneralPatchSchema = usagePatchOf(usageGeneralObject).extend({
  validity: UsageValidityPatchSchema.optional(),
  webAccessibility: usagePatchOf(usageWebAccessibilityObject).optional(),
});
/** A change to the general section. */
export type UsageGeneralPatch = z.infer<typeof UsageGeneralPatchSchema>;
