/**
 * The archiving section of an IT-system usage (`archiving.*` in KITOS API v2): archive duty,
 * archive type and locations, and the journal periods delivered to the archive.
 *
 * @module
 */
import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from '../shared/index.js';
import { UsageArchiveDuty } from './usage-enums.js';
import { usagePatchOf } from './schema-helpers.js';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';

/**
 * One journal period delivered to the archive. `startDate` must not be after `endDate` (code
 * `date-order`); both days are part of the period.
 *
 * @example
 * ```ts
 * UsageJournalPeriodSchema.parse({
 *   uuid: '7f1c2a52-3e4b-4c6d-8e9f-0a1b2c3d4e5f',
 *   startDate: '2020-01-01', endDate: '2024-12-31', archiveId: 'AVID.KOM.1', approved: true,
 * });
 * ```
 */
export const UsageJournalPeriodSchema = z
  .strictObject({
    uuid: UuidSchema,
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    /** The archive's id of the delivery ("unikt arkiv-id"). */
    archiveId: z.string().max(200).nullable().default(null),
    approved: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    if (p.startDate > p.endDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `endDate (${p.endDate}) is before startDate (${p.startDate})`,
        params: { code: 'date-order' },
      });
    }
  });
/** A journal period delivered to the archive. */
export type UsageJournalPeriod = z.infer<typeof UsageJournalPeriodSchema>;

const usageArchivingObject = z.strictObject({
  archiveDuty: UsageArchiveDuty.schema.nullable().default(null),
  /** Archive type option. */
  typeUuid: UuidSchema.nullable().default(null),
  /** Archive location option. */
  locationUuid: UuidSchema.nullable().default(null),
  /** Archive test location option. */
  testLocationUuid: UuidSchema.nullable().default(null),
  /** The archiving supplier: any organisation. */
  supplierOrganizationUuid: UuidSchema.nullable().default(null),
  /** Whether data is archived from this system. */
  active: z.boolean().nullable().default(null),
  /** Whether the system is document bearing. */
  documentBearing: z.boolean().nullable().default(null),
  frequencyInMonths: z.number().int().min(0).nullable().default(null),
  notes: boundedText(LIMITS.note).nullable().default(null),
  journalPeriods: distinctList(UsageJournalPeriodSchema, {
    max: LIMITS.items,
    key: (p) => p.uuid.toLowerCase(),
  }).default([]),
});

/** The archiving section of a usage. */
export const UsageArchivingSchema = usageArchivingObject;
/** The archiving section of a usage. */
export type UsageArchiving = z.infer<typeof UsageArchivingSchema>;

/** A change to the archiving section: only the fields given change (`journalPeriods` is replaced whole). */
export const UsageArchivingPatchSchema = usagePatchOf(usageArchivingObject);
/** A change to the archiving section. */
export type UsageArchivingPatch = z.infer<typeof UsageArchivingPatchSchema>;
