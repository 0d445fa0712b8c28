/**
 * IT systems: the core's `ItSystem` ⇄ KITOS API v2 `ItSystemResponseDTO` / `CreateItSystemRequestDTO`
 * / `UpdateItSystemRequestDTO`. Field for field in docs/guides/server.md.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import { ArchiveDutyRecommendation, type Actor, type ItSystem, type Kitos } from '@os2kitos/core';
import {
  ExternalReferenceOut,
  IdentityNamePair,
  instantOut,
  type NameLookup,
  ShallowOrganization,
  WireUuid,
  WireDateTimeOut,
  wireEnum,
} from './common.js';

/** KITOS `RegistrationScopeChoice` (ours: `Local`/`Public`). */
export const RegistrationScopeChoice = z.enum(['Local', 'Global']).openapi('RegistrationScopeChoice');
/** Scope to KITOS. */
export const scopeOut = (m: 'Local' | 'Public') => (m === 'Public' ? 'Global' : 'Local');
/** Scope from KITOS. */
export const scopeIn = (s: 'Local' | 'Global') => (s === 'Global' ? 'Public' : 'Local');

const RecommendedArchiveDutyChoice = wireEnum(ArchiveDutyRecommendation.values, 'RecommendedArchiveDutyChoice');

/** `ItSystemResponseDTO`. */
export const ItSystemResponse = z
  .object({
    usingOrganizations: z.array(ShallowOrganization),
    lastModified: WireDateTimeOut,
    lastModifiedBy: IdentityNamePair.nullable(),
    scope: RegistrationScopeChoice,
    organizationContext: ShallowOrganization.nullable(),
    legalName: z.string().nullable(),
    legalDataProcessorName: z.string().nullable(),
    uuid: z.string(),
    externalUuid: z.string().nullable(),
    parentSystem: IdentityNamePair.nullable(),
    name: z.string(),
    formerName: z.string().nullable(),
    description: z.string().nullable(),
    externalReferences: z.array(ExternalReferenceOut),
    kle: z.array(IdentityNamePair),
    deactivated: z.boolean(),
    businessType: IdentityNamePair.nullable(),
    rightsHolder: ShallowOrganization.nullable(),
    created: WireDateTimeOut.nullable(),
    createdBy: IdentityNamePair.nullable(),
    recommendedArchiveDuty: z.object({ comment: z.string().nullable(), id: RecommendedArchiveDutyChoice }),
    mainContractSuppliers: z.array(ShallowOrganization),
  })
  .openapi('ItSystemResponseDTO');
/** `ItSystemResponseDTO`. */
export type ItSystemResponse = z.infer<typeof ItSystemResponse>;

const RecommendedArchiveDutyIn = z
  .strictObject({ comment: z.string().max(2000).nullish(), id: RecommendedArchiveDutyChoice.nullish() })
  .openapi('RecommendedArchiveDutyRequestDTO');

const writable = {
  parentUuid: WireUuid.nullish(),
  name: z.string().trim().min(1).max(100),
  previousName: z.string().max(100).nullish(),
  description: z.string().max(20_000).nullish(),
  businessTypeUuid: WireUuid.nullish(),
  kleUuids: z.array(WireUuid).max(1000).nullish(),
  rightsHolderUuid: WireUuid.nullish(),
  scope: RegistrationScopeChoice.nullish(),
  recommendedArchiveDuty: RecommendedArchiveDutyIn.nullish(),
  deactivated: z.boolean().nullish(),
};

/** `CreateItSystemRequestDTO` (external references are not kept on catalogue systems yet). */
export const CreateItSystemRequest = z
  .strictObject({ organizationUuid: WireUuid, ...writable })
  .openapi('CreateItSystemRequestDTO');

/** `UpdateItSystemRequestDTO`: PATCH changes only the properties present. */
export const UpdateItSystemRequest = z
  .strictObject({ ...writable, name: writable.name.optional() })
  .openapi('UpdateItSystemRequestDTO');

type Writable = z.infer<typeof UpdateItSystemRequest>;

/**
 * The core's fields from a KITOS body, for the properties present in it (PATCH by presence). A
 * `null` clears; `recommendedArchiveDuty: null` clears the recommendation and its comment.
 */
export function itSystemFieldsIn(body: Writable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const has = (k: keyof Writable) => Object.hasOwn(body, k);
  if (has('parentUuid')) out.parentUuid = body.parentUuid ?? null;
  if (has('name')) out.name = body.name;
  if (has('previousName')) out.previousName = body.previousName ?? null;
  if (has('description')) out.description = body.description ?? null;
  if (has('businessTypeUuid')) out.businessTypeUuid = body.businessTypeUuid ?? null;
  if (has('kleUuids')) out.kleUuids = body.kleUuids ?? [];
  if (has('rightsHolderUuid')) out.rightsHolderUuid = body.rightsHolderUuid ?? null;
  if (has('scope') && body.scope) out.accessModifier = scopeIn(body.scope);
  if (has('deactivated') && body.deactivated !== null) out.deactivated = body.deactivated;
  if (has('recommendedArchiveDuty')) {
    const r = body.recommendedArchiveDuty;
    if (!r) {
      out.archiveDuty = null;
      out.archiveDutyComment = null;
    } else {
      if (Object.hasOwn(r, 'id')) out.archiveDuty = r.id ?? null;
      if (Object.hasOwn(r, 'comment')) out.archiveDutyComment = r.comment ?? null;
    }
  }
  return out;
}

/** The DTO of a system, as KITOS writes it: every key, nulls included. */
export async function itSystemOut(
  kitos: Kitos,
  actor: Actor,
  names: NameLookup,
  s: ItSystem,
): Promise<ItSystemResponse> {
  const users = await kitos.overviews.whoUses(actor, s.uuid);
  return {
    usingOrganizations: (await Promise.all(users.map((u) => names.organization(u.uuid)))).filter(
      (o): o is NonNullable<typeof o> => o !== null,
    ),
    lastModified: instantOut(s.lastChanged),
    lastModifiedBy: await names.user(s.lastChangedBy),
    scope: scopeOut(s.accessModifier),
    organizationContext: await names.organization(s.organizationUuid),
    legalName: s.legalName,
    legalDataProcessorName: s.legalDataProcessorName,
    uuid: s.uuid.toLowerCase(),
    externalUuid: s.externalUuid?.toLowerCase() ?? null,
    parentSystem: await names.pair('itSystem', s.parentUuid),
    name: s.name,
    formerName: s.previousName,
    description: s.description,
    externalReferences: [],
    kle: await Promise.all(s.kleUuids.map((k) => names.kle(k))),
    deactivated: s.deactivated,
    businessType: await names.pair('globalOption', s.businessTypeUuid),
    rightsHolder: await names.organization(s.rightsHolderUuid),
    created: instantOut(s.createdAt),
    createdBy: await names.user(s.createdBy),
    recommendedArchiveDuty: { comment: s.archiveDutyComment, id: s.archiveDuty ?? 'Undecided' },
    mainContractSuppliers: [],
  };
}
