/**
 * Small shapes the read models share: references to other records by uuid and name, role holders,
 * and what the actor may do with a record.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';

/** A reference to an organisation unit: its uuid and its own name. */
export const UnitRefSchema = z.strictObject({ uuid: UuidSchema, name: z.string().max(200) });
/** A reference to an organisation unit. */
export type UnitRef = z.infer<typeof UnitRefSchema>;

/** A reference to another record (contract, usage, registration) by uuid and display name. */
export const EntityRefSchema = z.strictObject({ uuid: z.string().max(100), name: z.string().max(300) });
/** A reference to another record. */
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** A role on a record and who holds it. */
export const RoleHolderSchema = z.strictObject({
  roleUuid: UuidSchema,
  /** The role option's name, e.g. "Systemejer". */
  role: z.string().max(200),
  userUuid: UuidSchema,
  /** The user's name. */
  user: z.string().max(300),
  email: z.string().max(200).nullable(),
});
/** A role on a record and who holds it. */
export type RoleHolder = z.infer<typeof RoleHolderSchema>;

/** What the actor may do with a record (KITOS's permission probe). */
export const PermissionsSchema = z.strictObject({ read: z.boolean(), modify: z.boolean(), delete: z.boolean() });

/**
 * Why something is not active: KITOS's validation error names of usages (`StartDateNotPassed`,
 * `EndDatePassed`, `NotOperationalAccordingToLifeCycle`, `MainContractNotActive`) and contracts
 * (`StartDateNotPassed`, `EndDatePassed`, `TerminationPeriodExceeded`, `InvalidParentContract`).
 */
export const StatusReasonCodeSchema = z.enum([
  'StartDateNotPassed',
  'EndDatePassed',
  'NotOperationalAccordingToLifeCycle',
  'MainContractNotActive',
  'TerminationPeriodExceeded',
  'InvalidParentContract',
]);
/** Why something is not active. */
export type StatusReasonCode = z.infer<typeof StatusReasonCodeSchema>;

/** One reason for "not active", with the facts a sentence about it needs. */
export const StatusReasonSchema = z.strictObject({
  code: StatusReasonCodeSchema,
  /** The start date (`StartDateNotPassed`), end date (`EndDatePassed`) or last day of notice (`TerminationPeriodExceeded`). */
  date: IsoDateSchema.nullable(),
  /** `TerminationPeriodExceeded`: the day notice was given. */
  terminatedAt: IsoDateSchema.nullable(),
  /** `MainContractNotActive` / `InvalidParentContract`: the contract's name. */
  contractName: z.string().max(300).nullable(),
});
/** One reason for "not active". */
export type StatusReason = z.infer<typeof StatusReasonSchema>;

/** Whether a record is active on `today`, and every reason why not. */
export const CardValiditySchema = z.strictObject({
  valid: z.boolean(),
  /** The day the validity was computed for. */
  today: IsoDateSchema,
  /** Empty when valid (a contract forced valid may still list reasons). */
  reasons: z.array(StatusReasonSchema).max(10),
  /** Contracts: the "force valid" flag decided, whatever the reasons say. */
  enforcedValid: z.boolean().optional(),
});
/** Whether a record is active, and why not. */
export type CardValidity = z.infer<typeof CardValiditySchema>;
