/**
 * Pure rules about organisations: the CVR checksum, the "active CVR" and which organisation types
 * an actor may create.
 *
 * @module
 */
import type { OrganizationRole } from './membership.schema.js';
import type { OrganizationType } from './organization.schema.js';

/** Weights of the Danish CVR modulus-11 check, one per digit. */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * True when `cvr` is exactly 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible
 * by 11, the checksum every Danish CVR number satisfies. This is stricter than what KITOS stores
 * (any 8–10 characters, see `OrganizationCvrSchema`) and is meant for warnings and imports; it
 * does not ask the CVR register whether the number exists.
 *
 * @example
 * ```ts
 * isValidDanishCvr('29189765'); // true
 * isValidDanishCvr('29189766'); // false (checksum)
 * isValidDanishCvr('2918976');  // false (7 digits)
 * ```
 */
export function isValidDanishCvr(cvr: string): boolean {
  if (!/^\d{8}$/.test(cvr)) return false;
  let sum = 0;
  for (let i = 0; i < CVR_WEIGHTS.length; i++) sum += Number(cvr[i]) * (CVR_WEIGHTS[i] as number);
  return sum % 11 === 0;
}

/**
 * What an actor is in an organisation, as the organisation rules need it: the global-admin flag of
 * the user, and the membership roles the user holds in the organisation the action concerns.
 */
export interface OrganizationActorRoles {
  /** The user's global admin flag. */
  readonly isGlobalAdmin: boolean;
  /** The roles the user holds in the organisation concerned. */
  readonly roles: readonly OrganizationRole[];
}

/** Types only a global admin may give an organisation. */
const LOCAL_ADMIN_CREATABLE_TYPES: readonly OrganizationType[] = ['Interessefællesskab', 'Virksomhed'];

/**
 * The organisation types the actor may create: a global admin all four; a local admin only
 * interest communities and companies (municipalities and other public bodies are created
 * centrally); everyone else none.
 *
 * @example
 * ```ts
 * organizationTypesCreatableBy({ isGlobalAdmin: false, roles: ['LocalAdmin'] });
 * // ['Interessefællesskab', 'Virksomhed']
 * ```
 */
export function organizationTypesCreatableBy(actor: OrganizationActorRoles): OrganizationType[] {
  if (actor.isGlobalAdmin) return ['Kommune', 'Interessefællesskab', 'Virksomhed', 'AndenOffentligMyndighed'];
  if (actor.roles.includes('LocalAdmin')) return [...LOCAL_ADMIN_CREATABLE_TYPES];
  return [];
}
