/**
 * Interfaces ("snitflader") in the shared catalogue: how data leaves a system, exposed by at most
 * one system.
 *
 * @module
 */
import { z } from 'zod';
import { AccessModifier, EntityMetaSchema, UuidSchema, nameSchema } from '../shared/index.js';
import { LIMITS } from '../shared/limits.js';

/** One kind of data that flows through an interface. */
export const ItInterfaceDataRowSchema = z.strictObject({
  uuid: UuidSchema,
  /** What the data is, in words. */
  data: z.string().trim().max(500).nullable(),
  /** Data type option. */
  dataTypeUuid: UuidSchema.nullable(),
});
/** One kind of data that flows through an interface. */
export type ItInterfaceDataRow = z.infer<typeof ItInterfaceDataRowSchema>;

/** The editable fields of an interface. */
export const ItInterfaceFieldsSchema = z.strictObject({
  /** The organisation the entry was created in; (name, interfaceId) is unique within it. */
  organizationUuid: UuidSchema,
  name: nameSchema(100),
  /** The interface's own id; may be empty, and is part of the uniqueness key with the name. */
  interfaceId: z.string().trim().max(100),
  description: z.string().max(20_000).nullable(),
  /** The interface version (KITOS `Version`, at most 20 characters); named so it never clashes with the record version. */
  interfaceVersion: z.string().trim().max(20).nullable(),
  url: z.string().trim().max(2000).nullable(),
  note: z.string().max(20_000).nullable(),
  /** Interface type option, e.g. "WS REST" or "CSV". */
  interfaceTypeUuid: UuidSchema.nullable(),
  dataRows: z
    .array(ItInterfaceDataRowSchema)
    .max(LIMITS.items)
    .refine((rows) => new Set(rows.map((r) => r.uuid)).size === rows.length, {
      message: 'data row uuids must be unique',
    }),
  /** The one system that exposes the interface, if any; its rights holder is the interface's. */
  exposedBySystemUuid: UuidSchema.nullable(),
  deactivated: z.boolean(),
  accessModifier: AccessModifier.schema,
});
/** The editable fields of an interface. */
export type ItInterfaceFields = z.infer<typeof ItInterfaceFieldsSchema>;

/**
 * A stored interface.
 *
 * @example
 * ```ts
 * const iface = parse(ItInterfaceSchema, json, 'catalogue');
 * ```
 */
export const ItInterfaceSchema = EntityMetaSchema.extend(ItInterfaceFieldsSchema.shape);
/** A stored interface. */
export type ItInterface = z.infer<typeof ItInterfaceSchema>;

/**
 * Input for creating an interface: organisation and name are required, `interfaceId` defaults to
 * the empty string, and the uuid may be supplied. The scope has no default here because it
 * depends on the creator (see `itInterfaceInitialAccessModifier`).
 */
export const ItInterfaceCreateSchema = ItInterfaceFieldsSchema.partial()
  .required({ organizationUuid: true, name: true })
  .extend({ uuid: UuidSchema.optional(), interfaceId: ItInterfaceFieldsSchema.shape.interfaceId.default('') });
/** Input for creating an interface. */
export type ItInterfaceCreate = z.infer<typeof ItInterfaceCreateSchema>;

/** A change to an interface; the creating organisation cannot change. */
export const ItInterfacePatchSchema = ItInterfaceFieldsSchema.omit({ organizationUuid: true }).partial();
/** A change to an interface. */
export type ItInterfacePatch = z.infer<typeof ItInterfacePatchSchema>;
