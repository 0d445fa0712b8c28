/**
 * Organisations, their users and units: the core's records ⇄ KITOS API v2
 * `OrganizationResponseDTO`, `OrganizationUserResponseDTO` and `ExternalOrganizationUnitResponseDTO`.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import type { Organization, OrganizationRole, OrganizationUnit, User } from '@os2kitos/core';
import { IdentityNamePair, type NameLookup, wireEnum } from './common.js';

/** KITOS `OrganizationType` ⇄ ours (Danish KITOS domain names). */
const TYPES = {
  Kommune: 'Municipality',
  Interessefællesskab: 'CommunityOfInterest',
  Virksomhed: 'Company',
  AndenOffentligMyndighed: 'OtherPublicAuthority',
} as const;
export const OrganizationTypeChoice = wireEnum(Object.values(TYPES), 'OrganizationType');

/** KITOS `OrganizationUserRole` (GlobalAdmin is never exported). */
export const OrganizationUserRole = wireEnum(
  [
    'User',
    'LocalAdmin',
    'OrganizationModuleAdmin',
    'SystemModuleAdmin',
    'ContractModuleAdmin',
    'RightsHolderAccess',
  ] as const,
  'OrganizationUserRole',
);

/** `OrganizationResponseDTO`. */
export const OrganizationResponse = z
  .object({
    organizationType: OrganizationTypeChoice,
    isSupplier: z.boolean(),
    disabled: z.boolean(),
    cvr: z.string().nullable(),
    uuid: z.string(),
    name: z.string(),
  })
  .openapi('OrganizationResponseDTO');

/** `OrganizationUserResponseDTO`. */
export const OrganizationUserResponse = z
  .object({
    firstName: z.string(),
    lastName: z.string().nullable(),
    email: z.string(),
    phoneNumber: z.string().nullable(),
    apiAccess: z.boolean(),
    roles: z.array(OrganizationUserRole),
    uuid: z.string(),
    name: z.string(),
  })
  .openapi('OrganizationUserResponseDTO');

/** `ExternalOrganizationUnitResponseDTO`. */
export const OrganizationUnitResponse = z
  .object({
    externalOriginUuid: z.string().nullable(),
    parentOrganizationUnit: IdentityNamePair.nullable(),
    ean: z.number().int().nullable(),
    unitId: z.string().nullable(),
    origin: z.enum(['Kitos', 'STSOrganisation']),
    uuid: z.string(),
    name: z.string(),
  })
  .openapi('ExternalOrganizationUnitResponseDTO');

/** The organisation DTO. */
export function organizationOut(o: Organization): z.infer<typeof OrganizationResponse> {
  return {
    organizationType: TYPES[o.type],
    // Suppliers are companies named as suppliers on contracts; the core has no flag for it.
    isSupplier: false,
    disabled: false,
    cvr: o.cvr ?? o.foreignCvr,
    uuid: o.uuid.toLowerCase(),
    name: o.name,
  };
}

/** The organisation type from KITOS's name. */
export function organizationTypeIn(v: string): Organization['type'] | undefined {
  return (Object.entries(TYPES).find(([, k]) => k === v)?.[0] as Organization['type'] | undefined) ?? undefined;
}

/** A user in an organisation, with the roles held there. */
export function organizationUserOut(
  u: User,
  roles: readonly OrganizationRole[],
): z.infer<typeof OrganizationUserResponse> {
  return {
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    phoneNumber: u.phoneNumber,
    apiAccess: u.hasApiAccess,
    roles: [...new Set(roles)],
    uuid: u.uuid.toLowerCase(),
    name: `${u.firstName} ${u.lastName}`.trim(),
  };
}

/** A unit DTO. */
export async function unitOut(
  names: NameLookup,
  u: OrganizationUnit,
): Promise<z.infer<typeof OrganizationUnitResponse>> {
  return {
    externalOriginUuid: u.externalOriginUuid?.toLowerCase() ?? null,
    parentOrganizationUnit: await names.pair('organizationUnit', u.parentUuid),
    ean: u.ean ? Number(u.ean) : null,
    unitId: u.localId,
    origin: u.origin === 'STS_Organisation' ? 'STSOrganisation' : 'Kitos',
    uuid: u.uuid.toLowerCase(),
    name: u.name,
  };
}
