/**
 * External references: titled links (or document ids) attached to a system, usage, contract or
 * data processing registration, e.g. the contract PDF in the document archive.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema, nameSchema } from '../shared/index.js';

/**
 * One external reference. At most one reference per owner is the master reference, which the UI
 * shows as the owner's main link.
 *
 * @example
 * ```ts
 * parse(ExternalReferenceSchema, { uuid, title: 'Kontrakt', documentId: 'SAG-2025-17', url: null, masterReference: true }, 'organisation');
 * ```
 */
export const ExternalReferenceSchema = z.strictObject({
  uuid: UuidSchema,
  title: nameSchema(255),
  /** Id in an external document system (ESDH), if any. */
  documentId: z.string().trim().max(255).nullable(),
  /** Link, kept as typed: a weekly link check reports broken ones rather than refusing them. */
  url: z.string().trim().max(2000).nullable(),
  masterReference: z.boolean(),
});
/** One external reference. */
export type ExternalReference = z.infer<typeof ExternalReferenceSchema>;

/** Input for adding a reference: only `title` is required; the uuid may be supplied or generated. */
export const ExternalReferenceCreateSchema = ExternalReferenceSchema.partial().required({ title: true });
/** Input for adding a reference. */
export type ExternalReferenceCreate = z.infer<typeof ExternalReferenceCreateSchema>;

/** A change to a reference; its uuid cannot change. */
export const ExternalReferencePatchSchema = ExternalReferenceSchema.omit({ uuid: true }).partial();
/** A change to a reference. */
export type ExternalReferencePatch = z.infer<typeof ExternalReferencePatchSchema>;
