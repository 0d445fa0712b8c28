/**
 * Economy streams ("betalinger"): the payment lines of a contract. A contract has two lists,
 * external payments (to the supplier) and internal payments (between units of the organisation).
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, TrafficLight, UuidSchema } from '../shared/index.js';
import { boundedText, LIMITS } from '../shared/limits.js';

/**
 * An amount in whole kroner as KITOS stores it: a 32-bit integer. KITOS puts no sign rule on the
 * amounts (credit notes may be negative), so neither do we.
 */
export const EconomyAmountSchema = z.int32({ message: 'must be a whole number of kroner (32-bit integer)' });

/**
 * One payment line of a contract (KITOS `EconomyStream`).
 *
 * `organizationUnitUuid` must be a unit of the contract's own organisation (checked by
 * `contractLinkViolations`, because a schema cannot see other entities). The audit traffic light
 * and date record when the line was last checked against the accounts.
 *
 * @example
 * ```ts
 * const line = parse(EconomyStreamSchema, {
 *   uuid: '5b0c8a52-8f2e-4c4e-9d55-0f1f7b7a1c01',
 *   organizationUnitUuid: null,
 *   acquisition: 120000, operation: 45000, other: 0,
 *   accountingEntry: '6.45.51', auditStatus: 'Green', auditDate: '2025-03-01', note: null,
 * }, 'contract');
 * ```
 */
export const EconomyStreamSchema = z.strictObject({
  uuid: UuidSchema,
  /** Unit paying or receiving (a unit of the contract's organisation), or `null` for none. */
  organizationUnitUuid: UuidSchema.nullable(),
  /** One-off acquisition cost ("anskaffelse"). */
  acquisition: EconomyAmountSchema,
  /** Operation cost per year ("drift/år"). */
  operation: EconomyAmountSchema,
  /** Other costs ("andet"). */
  other: EconomyAmountSchema,
  /** Account code ("kontering"). */
  accountingEntry: boundedText(LIMITS.shortText).nullable(),
  /** Audit status of the line. */
  auditStatus: TrafficLight.schema,
  /** Day the line was last audited. */
  auditDate: IsoDateSchema.nullable(),
  note: boundedText(LIMITS.text).nullable(),
});
/** One payment line of a contract. */
export type EconomyStream = z.infer<typeof EconomyStreamSchema>;

/**
 * The payments of a contract: `external` (to the supplier) and `internal` lines. KITOS's contract
 * overview aggregates only the external lines (see `contractEconomySummary`).
 */
export const ContractPaymentsSchema = z.strictObject({
  external: z.array(EconomyStreamSchema).max(LIMITS.items),
  internal: z.array(EconomyStreamSchema).max(LIMITS.items),
});
/** The payments of a contract. */
export type ContractPayments = z.infer<typeof ContractPaymentsSchema>;
