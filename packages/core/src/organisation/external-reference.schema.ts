/**
 * External references: titled links (or document ids) attached to a system, usage, contract or
 * data processing registration, e.g. the contract PDF in the document archive.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema, nameSchema } from '../shared/index.js';
import { distinctList, LIMITS } from '../shared/limits.js';

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

/**
 * The external references of one owner (system, usage, contract, registration): unique uuids
 * (`duplicate`) and at most one master reference (`multiple-master-references`). Deleted with
 * their owner.
 *
 * @example
 * ```ts
 * ExternalReferencesSchema.safeParse([a, { ...b, masterReference: true }, { ...c, masterReference: true }]).success; // false
 * ```
 */
export const ExternalReferencesSchema = distinctList(ExternalReferenceSchema, {
  max: LIMITS.externalReferences,
  key: (r) => r.uuid.toLowerCase(),
  what: 'an external reference',
}).superRefine((refs, ctx) => {
  if (refs.filter((r) => r.masterReference).length > 1) {
    const message = 'at most one reference can be the master reference';
    ctx.addIssue({ code: 'custom', message, params: { code: 'multiple-master-references' } });
  }
});
