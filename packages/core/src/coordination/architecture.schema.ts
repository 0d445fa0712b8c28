/**
 * The joint municipal reference architecture: shared infrastructure and standards (Serviceplatformen,
 * FK Organisation, Digital Post, MitID, …) as one global list the global admin keeps, each element
 * naming the catalogue systems and interfaces that belong to it.
 *
 * @module
 */
import { z } from 'zod';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';
import { EntityMetaSchema, nameSchema, UuidSchema } from '../shared/schema.js';

/** What an element of the reference architecture is. */
export const ArchitectureElementKind = z.enum(['infrastructure', 'standard']);
/** What an element of the reference architecture is. */
export type ArchitectureElementKind = z.infer<typeof ArchitectureElementKind>;

/** The editable fields of an element. */
export const ArchitectureElementFieldsSchema = z.strictObject({
  name: nameSchema(100),
  kind: ArchitectureElementKind,
  description: boundedText(2000).nullable(),
  /** Catalogue systems that are (part of) the element, e.g. the Serviceplatformen system. */
  systemUuids: distinctList(UuidSchema, { max: LIMITS.references, what: 'a catalogue system' }),
  /** Catalogue interfaces of the element: a usage relation through one of them ties the usage to it. */
  interfaceUuids: distinctList(UuidSchema, { max: LIMITS.references, what: 'a catalogue interface' }),
});
/** The editable fields of an element. */
export type ArchitectureElementFields = z.infer<typeof ArchitectureElementFieldsSchema>;

/**
 * A stored element of the reference architecture.
 *
 * @example
 * ```ts
 * const element = await kitos.coordination.architecture.create(globalAdmin, { name: 'Serviceplatformen', kind: 'infrastructure', systemUuids: [sp] });
 * ```
 */
export const ArchitectureElementSchema = EntityMetaSchema.extend(ArchitectureElementFieldsSchema.shape);
/** A stored element. */
export type ArchitectureElement = z.infer<typeof ArchitectureElementSchema>;

/** Input creating an element: a name and a kind; the lists default to empty. */
export const ArchitectureElementCreateSchema = ArchitectureElementFieldsSchema.partial().required({
  name: true,
  kind: true,
});
/** Input creating an element. */
export type ArchitectureElementCreate = z.input<typeof ArchitectureElementCreateSchema>;

/** A change to an element. */
export const ArchitectureElementPatchSchema = ArchitectureElementFieldsSchema.partial();
/** A change to an element. */
export type ArchitectureElementPatch = z.input<typeof ArchitectureElementPatchSchema>;
