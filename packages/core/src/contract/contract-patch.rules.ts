/**
 * How a patch changes a contract, beyond field-by-field merging.
 *
 * @module
 */
import { mergePatch } from '../engine/defaults.js';
import type { ContractFields, ContractPatch } from './contract.schema.js';

/**
 * Merges a patch into a contract (groups field by field, lists whole). Clearing the parent
 * (`parentContractUuid: null`) also turns "require a valid parent" off, as deleting the parent
 * does, unless the same patch asks for it explicitly (which is then refused: it needs a parent).
 *
 * @example
 * ```ts
 * applyContractPatch(child, { parentContractUuid: null }).general.validity.requireValidParent; // false
 * ```
 */
export function applyContractPatch<C extends ContractFields>(current: C, patch: ContractPatch): C {
  const next = mergePatch(current, patch);
  const clearsParent = patch.parentContractUuid === null;
  if (!clearsParent || patch.general?.validity?.requireValidParent !== undefined) return next;
  return {
    ...next,
    general: { ...next.general, validity: { ...next.general.validity, requireValidParent: false } },
  };
}
