/**
 * IT systems in the shared, national catalogue. One entry per system, created in one
 * organisation, readable by others when public; each organisation's use of it is a usage.
 *
 * @module
 */
import { ExternalReferencesSchema } from '../organisation/external-reference.schema.js';
import { z } from 'zod';
import {
  AccessModifier,
  EntityMetaSchema,
  type EnumValue,
  UuidSchema,
  kitosEnum,
  nameSchema,
} from '../shared/index.js';
import { LIMITS } from '../shared/limits.js';

/**
 * The catalogue's archive duty recommendation (KITOS `ArchiveDutyRecommendationTypes`):
 * Undecided=0, B=1 (preserve a sample, "bevar"), K=2 (discard, "kassér"), NoRecommendation=3,
 * PreserveDataCanDiscardDocuments=4.
 */
export const ArchiveDutyRecommendation = kitosEnum({
  Undecided: 0,
  B: 1,
  K: 2,
  NoRecommendation: 3,
  PreserveDataCanDiscardDocuments: 4,
});
/** An archive duty recommendation. */
export type ArchiveDutyRecommendation = EnumValue<typeof ArchiveDutyRecommendation>;

/**
 * True when `value` is a real recommendation, i.e. set and not `Undecided`. Only then may the
 * recommendation carry a comment.
 *
 * @example
 * ```ts
 * isRealArchiveDutyRecommendation('K');         // true
 * isRealArchiveDutyRecommendation('Undecided'); // false
 * isRealArchiveDutyRecommendation(null);        // false
 * ```
 */
export function isRealArchiveDutyRecommendation(value: ArchiveDutyRecommendation | null | undefined): boolean {
  return value != null && value !== 'Undecided';
}

/** The editable fields of a catalogue system. */
export const ItSystemFieldsSchema = z.strictObject({
  /** The organisation the entry was created in; names are unique within it. */
  organizationUuid: UuidSchema,
  name: nameSchema(100),
  accessModifier: AccessModifier.schema,
  description: z.string().max(20_000).nullable(),
  previousName: z.string().trim().max(100).nullable(),
  /** The system's id in an external catalogue. */
  externalUuid: UuidSchema.nullable(),
  /** Old local id ("ItSystemId" in KITOS). */
  legacyId: z.string().trim().max(100).nullable(),
  /** Main system this one is a sub-system of. */
  parentUuid: UuidSchema.nullable(),
  /** Rights holder ("rettighedshaver"), usually the vendor organisation. */
  rightsHolderUuid: UuidSchema.nullable(),
  /** Business type option. */
  businessTypeUuid: UuidSchema.nullable(),
  /** KLE tasks the system supports. */
  kleUuids: z
    .array(UuidSchema)
    .max(LIMITS.references)
    .refine((list) => new Set(list).size === list.length, {
      message: 'must not list a KLE task twice',
    }),
  /** A deactivated system cannot be taken into use; existing usages remain. */
  deactivated: z.boolean(),
  archiveDuty: ArchiveDutyRecommendation.schema.nullable(),
  /** Only allowed when `archiveDuty` is a real recommendation (see {@link isRealArchiveDutyRecommendation}). */
  archiveDutyComment: z.string().max(2000).nullable(),
  /** Legal ("DBS") name, writable by system integrators only. */
  legalName: z.string().trim().max(200).nullable(),
  /** Legal ("DBS") data processor name, writable by system integrators only. */
  legalDataProcessorName: z.string().trim().max(200).nullable(),
  /** Titled links and document ids (the vendor's product page); at most one master reference. */
  externalReferences: ExternalReferencesSchema,
});
/** The editable fields of a catalogue system. */
export type ItSystemFields = z.infer<typeof ItSystemFieldsSchema>;

/** True when a comment text is present (blank text counts as no comment). */
function hasComment(comment: string | null | undefined): boolean {
  return comment != null && comment.trim() !== '';
}

/** Zod refinement: a comment needs a real recommendation beside it in the same object. */
function archiveDutyGate(
  value: { archiveDuty?: ArchiveDutyRecommendation | null; archiveDutyComment?: string | null },
  ctx: z.RefinementCtx,
  recommendationKnown: boolean,
): void {
  if (!recommendationKnown || !hasComment(value.archiveDutyComment)) return;
  if (isRealArchiveDutyRecommendation(value.archiveDuty)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['archiveDutyComment'],
    message: 'a comment is only allowed with a real archive duty recommendation (not empty or Undecided)',
    params: { code: 'gate-closed' },
  });
}

/**
 * A stored catalogue system.
 *
 * @example
 * ```ts
 * const system = parse(ItSystemSchema, json, 'catalogue');
 * ```
 */
export const ItSystemSchema = EntityMetaSchema.extend(ItSystemFieldsSchema.shape)
  // Systems stored before references existed read as having none.
  .extend({ externalReferences: ExternalReferencesSchema.default([]) })
  .superRefine((s, ctx) => archiveDutyGate(s, ctx, true));
/** A stored catalogue system. */
export type ItSystem = z.infer<typeof ItSystemSchema>;

/**
 * Input for creating a catalogue system: organisation and name are required, the scope defaults
 * to `Public` (the catalogue is shared), and the caller may supply the uuid.
 */
export const ItSystemCreateSchema = ItSystemFieldsSchema.partial()
  .required({ organizationUuid: true, name: true })
  .extend({ uuid: UuidSchema.optional(), accessModifier: AccessModifier.schema.default('Public') })
  .superRefine((s, ctx) => archiveDutyGate(s, ctx, true));
/** Input for creating a catalogue system. */
export type ItSystemCreate = z.infer<typeof ItSystemCreateSchema>;

/**
 * A change to a catalogue system; the creating organisation cannot change. A comment sent
 * beside a cleared or `Undecided` recommendation is refused here; a comment sent alone is checked
 * against the stored recommendation by `itSystemArchiveDutyUpdate`.
 */
export const ItSystemPatchSchema = ItSystemFieldsSchema.omit({ organizationUuid: true })
  .partial()
  .superRefine((s, ctx) => archiveDutyGate(s, ctx, s.archiveDuty !== undefined));
/** A change to a catalogue system. */
export type ItSystemPatch = z.infer<typeof ItSystemPatchSchema>;
