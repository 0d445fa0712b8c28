/**
 * System relations: directed edges from one usage to another usage of the same organisation,
 * optionally through an interface, under a contract and with a frequency.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema } from '../shared/index.js';
import { boundedText, LIMITS } from '../shared/limits.js';

/** The fields of a relation as a caller supplies them (the uuid is assigned on creation). */
export const SystemRelationFieldsSchema = z.strictObject({
  /** The usage the relation points to; never the usage that owns it. */
  toUsageUuid: UuidSchema,
  /** An interface exposed by the target usage's catalogue system. */
  interfaceUuid: UuidSchema.nullable().default(null),
  /** A contract of the same organisation. */
  contractUuid: UuidSchema.nullable().default(null),
  /** Relation frequency option. */
  frequencyUuid: UuidSchema.nullable().default(null),
  description: boundedText(LIMITS.text).nullable().default(null),
  /** A reference, usually a URL. */
  reference: boundedText(LIMITS.url).nullable().default(null),
});
/** The fields of a relation. */
export type SystemRelationFields = z.infer<typeof SystemRelationFieldsSchema>;

/**
 * A stored outgoing relation of a usage.
 *
 * @example
 * ```ts
 * SystemRelationSchema.parse({
 *   uuid: '5b7e9a10-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
 *   toUsageUuid: '6c8f0b21-2d3e-4f40-9b0c-1d2e3f4a5b6c',
 * }); // interface, contract, frequency, description and reference default to null
 * ```
 */
export const SystemRelationSchema = SystemRelationFieldsSchema.extend({ uuid: UuidSchema });
/** A stored outgoing relation of a usage. */
export type SystemRelation = z.infer<typeof SystemRelationSchema>;

/** Input for creating a relation (only the target is required). */
export const SystemRelationCreateSchema = SystemRelationFieldsSchema.partial().required({ toUsageUuid: true });
/** Input for creating a relation. */
export type SystemRelationCreate = z.infer<typeof SystemRelationCreateSchema>;
