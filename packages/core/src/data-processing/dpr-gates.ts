/**
 * The gates of a data processing registration: which answer opens which detail. Shared by the
 * schemas (reject a stored value that breaks a gate) and by `applyDprPatch`.
 *
 * @module
 */
import type { YesNoUndecided } from '../shared/index.js';

/** A detail that holds a value behind a closed gate. */
export interface DprGateBreach {
  /** Path of the detail, relative to the section checked. */
  readonly path: (string | number)[];
  /** The question that keeps the gate closed. */
  readonly gate: string;
  /** Readable explanation. */
  readonly message: string;
}

const breach = (path: (string | number)[], gate: string, answer: unknown): DprGateBreach => ({
  path,
  gate,
  message: `${path.join('.')} can only be set when ${gate} is Yes (it is ${answer ?? 'not answered'})`,
});

/**
 * The sub-processor's country when its transfer is not answered `Yes`, else `null`.
 *
 * @example
 * ```ts
 * findSubDataProcessorGateBreach({ transferToInsecureCountry: 'No', insecureCountryUuid: c })?.path;
 * // ['insecureCountryUuid']
 * ```
 */
export function findSubDataProcessorGateBreach(sub: {
  readonly transferToInsecureCountry?: YesNoUndecided | null;
  readonly insecureCountryUuid?: string | null;
}): DprGateBreach | null {
  if (!sub.insecureCountryUuid || sub.transferToInsecureCountry === 'Yes') return null;
  return breach(['insecureCountryUuid'], 'transferToInsecureCountry', sub.transferToInsecureCountry);
}

/** The gated fields of the general section (every field optional, so patches fit too). */
export interface DprGeneralGateFields {
  readonly transferToInsecureThirdCountries?: YesNoUndecided | null;
  readonly insecureCountryUuids?: readonly string[];
  readonly hasSubDataProcessors?: YesNoUndecided | null;
  readonly subDataProcessors?: readonly unknown[];
}

/**
 * Details of the general section behind a closed gate, in this order: `insecureCountryUuids` (needs
 * `transferToInsecureThirdCountries` = Yes), `subDataProcessors` (needs `hasSubDataProcessors` =
 * Yes). Each sub-processor's own country gate is checked by {@link findSubDataProcessorGateBreach}.
 * The agreement's conclusion date is not gated: KITOS accepts it whatever the answer (changing the
 * answer away from Yes clears it, see `applyDprPatch`).
 *
 * @example
 * ```ts
 * findDprGeneralGateBreaches({ hasSubDataProcessors: 'Undecided', subDataProcessors: [sub] })[0]?.path;
 * // ['subDataProcessors']
 * ```
 */
export function findDprGeneralGateBreaches(general: DprGeneralGateFields): DprGateBreach[] {
  const found: DprGateBreach[] = [];
  if (general.insecureCountryUuids?.length && general.transferToInsecureThirdCountries !== 'Yes') {
    const answer = general.transferToInsecureThirdCountries;
    found.push(breach(['insecureCountryUuids'], 'transferToInsecureThirdCountries', answer));
  }
  if (general.subDataProcessors?.length && general.hasSubDataProcessors !== 'Yes') {
    found.push(breach(['subDataProcessors'], 'hasSubDataProcessors', general.hasSubDataProcessors));
  }
  return found;
}

/**
 * The oversight dates when the oversight is not answered as completed (`Yes`).
 *
 * @example
 * ```ts
 * findDprOversightGateBreaches({ isOversightCompleted: 'No', oversightDates: [d] })[0]?.path; // ['oversightDates']
 * ```
 */
export function findDprOversightGateBreaches(oversight: {
  readonly isOversightCompleted?: YesNoUndecided | null;
  readonly oversightDates?: readonly unknown[];
}): DprGateBreach[] {
  if (!oversight.oversightDates?.length || oversight.isOversightCompleted === 'Yes') return [];
  return [breach(['oversightDates'], 'isOversightCompleted', oversight.isOversightCompleted)];
}
