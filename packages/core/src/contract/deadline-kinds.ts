/**
 * The kinds of contract deadline, in their order on a day. Kept apart from the engine (and from
 * zod) so a widget can list them without loading the schemas.
 *
 * @module
 */

/** Kinds of deadline, in the order used when two fall on the same day. */
export const CONTRACT_DEADLINE_KINDS = [
  'start',
  'tender-start',
  'notice',
  'extension-decision',
  'termination-effective',
  'expiry',
  'final-expiry',
] as const;
/** A kind of contract deadline. */
export type ContractDeadlineKind = (typeof CONTRACT_DEADLINE_KINDS)[number];
