/**
 * IT interfaces: the core's `ItInterface` ⇄ KITOS API v2 `ItInterfaceResponseDTO` /
 * `CreateItInterfaceRequestDTO` / `UpdateItInterfaceRequestDTO`.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import type { ItInterface, ItSystem } from '@os2kitos/core';
import {
  IdentityNamePair,
  instantOut,
  type NameLookup,
  ShallowOrganization,
  WireDateTimeOut,
  WireUuid,
} from './common.js';
import { RegistrationScopeChoice, scopeIn, scopeOut } from './it-systems.mapping.js';
import { has } from './sections.js';

/** `ItInterfaceDataResponseDTO`. */
const DataOut = z
  .object({ description: z.string().nullable(), dataType: IdentityNamePair.nullable(), uuid: z.string() })
  .openapi('ItInterfaceDataResponseDTO');

/** `ItInterfaceResponseDTO`. */
export const ItInterfaceResponse = z
  .object({
    lastModified: WireDateTimeOut,
    lastModifiedBy: IdentityNamePair.nullable(),
    scope: RegistrationScopeChoice,
    itInterfaceType: IdentityNamePair.nullable(),
    data: z.array(DataOut),
    organizationContext: ShallowOrganization.nullable(),
    rightsHolder: ShallowOrganization.nullable(),
    uuid: z.string(),
    exposedBySystem: IdentityNamePair.nullable(),
    name: z.string(),
    interfaceId: z.string().nullable(),
    version: z.string().nullable(),
    description: z.string().nullable(),
    notes: z.string().nullable(),
    urlReference: z.string().nullable(),
    deactivated: z.boolean(),
    created: WireDateTimeOut.nullable(),
    createdBy: IdentityNamePair.nullable(),
  })
  .openapi('ItInterfaceResponseDTO');
/** `ItInterfaceResponseDTO`. */
export type ItInterfaceResponse = z.infer<typeof ItInterfaceResponse>;

const DataIn = z
  .strictObject({ description: z.string().max(500).nullish(), dataTypeUuid: WireUuid.nullish() })
  .openapi('ItInterfaceDataRequestDTO');

const writable = {
  exposedBySystemUuid: WireUuid.nullish(),
  deactivated: z.boolean().nullish(),
  scope: RegistrationScopeChoice.nullish(),
  itInterfaceTypeUuid: WireUuid.nullish(),
  data: z.array(DataIn).max(1000).nullish(),
  note: z.string().max(20_000).nullish(),
  name: z.string().trim().min(1).max(100),
  interfaceId: z.string().max(100).nullish(),
  version: z.string().max(20).nullish(),
  description: z.string().max(20_000).nullish(),
  urlReference: z.string().max(2000).nullish(),
};

/** `CreateItInterfaceRequestDTO`. */
export const CreateItInterfaceRequest = z
  .strictObject({ organizationUuid: WireUuid, ...writable })
  .openapi('CreateItInterfaceRequestDTO');
/** `UpdateItInterfaceRequestDTO`. */
export const UpdateItInterfaceRequest = z
  .strictObject({ ...writable, name: writable.name.nullish() })
  .openapi('UpdateItInterfaceRequestDTO');
type Body = z.infer<typeof UpdateItInterfaceRequest>;

/** The core's fields for the properties present in a body. */
export function itInterfaceFieldsIn(body: Body, current?: ItInterface): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (has(body, 'exposedBySystemUuid')) out.exposedBySystemUuid = body.exposedBySystemUuid ?? null;
  if (has(body, 'deactivated') && body.deactivated != null) out.deactivated = body.deactivated;
  if (has(body, 'scope') && body.scope) out.accessModifier = scopeIn(body.scope);
  if (has(body, 'itInterfaceTypeUuid')) out.interfaceTypeUuid = body.itInterfaceTypeUuid ?? null;
  if (has(body, 'data'))
    // KITOS data rows have no identity in requests: the list is replaced; rows equal to a stored one keep its uuid.
    out.dataRows = (body.data ?? []).map((row) => {
      const same = current?.dataRows.find(
        (r) => r.data === (row.description ?? null) && r.dataTypeUuid === (row.dataTypeUuid ?? null),
      );
      return {
        uuid: same?.uuid ?? globalThis.crypto.randomUUID(),
        data: row.description ?? null,
        dataTypeUuid: row.dataTypeUuid ?? null,
      };
    });
  if (has(body, 'note')) out.note = body.note ?? null;
  if (has(body, 'name') && body.name != null) out.name = body.name;
  if (has(body, 'interfaceId')) out.interfaceId = body.interfaceId ?? '';
  if (has(body, 'version')) out.interfaceVersion = body.version ?? null;
  if (has(body, 'description')) out.description = body.description ?? null;
  if (has(body, 'urlReference')) out.url = body.urlReference ?? null;
  return out;
}

/** The DTO of an interface: every key, nulls included. */
export async function itInterfaceOut(names: NameLookup, i: ItInterface): Promise<ItInterfaceResponse> {
  const system = i.exposedBySystemUuid ? await names.data<ItSystem>('itSystem', i.exposedBySystemUuid) : undefined;
  return {
    lastModified: instantOut(i.lastChanged),
    lastModifiedBy: await names.user(i.lastChangedBy),
    scope: scopeOut(i.accessModifier),
    itInterfaceType: await names.pair('globalOption', i.interfaceTypeUuid),
    data: await Promise.all(
      i.dataRows.map(async (r) => ({
        description: r.data,
        dataType: await names.pair('globalOption', r.dataTypeUuid),
        uuid: r.uuid.toLowerCase(),
      })),
    ),
    organizationContext: await names.organization(i.organizationUuid),
    rightsHolder: await names.organization(system?.rightsHolderUuid),
    uuid: i.uuid.toLowerCase(),
    exposedBySystem: await names.pair('itSystem', i.exposedBySystemUuid),
    name: i.name,
    interfaceId: i.interfaceId === '' ? null : i.interfaceId,
    version: i.interfaceVersion,
    description: i.description,
    notes: i.note,
    urlReference: i.url,
    deactivated: i.deactivated,
    created: instantOut(i.createdAt),
    createdBy: await names.user(i.createdBy),
  };
}
