/**
 * The read model of who holds which role where in one organisation: every role assignment on its
 * usages, contracts, data processing registrations and units as a flat row, the people holding
 * them with a count, and the plan of moving one person's roles to another ("a person leaves").
 * The rows are built by {@link roleRows} from loaded records; the roles service loads them and
 * decides `mayChange` with the same permission rule every role write checks.
 *
 * @module
 */
import { z } from 'zod';
import { UuidSchema } from '../shared/schema.js';
import { type RoleObjectKind, RoleObjectKindSchema } from './role-assignment.schema.js';

/** One role assignment with the names a reader needs. */
export const RoleRowSchema = z.strictObject({
  objectKind: RoleObjectKindSchema,
  objectUuid: UuidSchema,
  /** The usage's system (or local call name), the contract's, registration's or unit's name. */
  objectName: z.string().max(300),
  /**
   * The version of the record holding the role (usages, contracts, registrations), to send back as
   * `expectedVersion`; `null` for units, whose roles are records of their own.
   */
  objectVersion: z.number().int().nullable(),
  roleUuid: UuidSchema,
  /** The role option's name, e.g. "Systemejer". */
  role: z.string().max(200),
  userUuid: UuidSchema,
  /** The holder's name. */
  user: z.string().max(300),
  email: z.string().max(200).nullable(),
  /** Whether the reader may change the roles on this record (the rule every role write checks). */
  mayChange: z.boolean(),
});
/** One role assignment with names. */
export type RoleRow = z.infer<typeof RoleRowSchema>;

/** A person holding roles in the organisation, with how many. */
export const RoleHolderSummarySchema = z.strictObject({
  userUuid: UuidSchema,
  user: z.string().max(300),
  email: z.string().max(200).nullable(),
  roles: z.number().int(),
});
/** A person holding roles, with how many. */
export type RoleHolderSummary = z.infer<typeof RoleHolderSummarySchema>;

/** Most roles, holders or records one organisation's roles list (bounds the read model). */
const ROLES_MAX = 500_000;

/** The roles of one organisation (optionally of one person or of some kinds of record). */
export const RolesOverviewSchema = z.strictObject({
  organizationUuid: UuidSchema,
  /** Sorted by holder, kind of record, record name and role (Danish order). */
  rows: z.array(RoleRowSchema).max(ROLES_MAX),
  /** Everyone holding a role in the organisation (whatever the filters), by name. */
  holders: z.array(RoleHolderSummarySchema).max(ROLES_MAX),
});
/** The roles of one organisation. */
export type RolesOverview = z.infer<typeof RolesOverviewSchema>;

/** Query of the roles overview. */
export const RolesQuerySchema = z.strictObject({
  organizationUuid: UuidSchema,
  /** Only this person's roles ("a person's roles in one place"). */
  userUuid: UuidSchema.optional(),
  /** Only roles on these kinds of record. */
  objectKinds: z.array(RoleObjectKindSchema).max(4).optional(),
});
/** Query of the roles overview. */
export type RolesQuery = z.input<typeof RolesQuerySchema>;

/** One role to move: the record, the role, and optionally the version the caller saw. */
export const RoleTransferItemSchema = z.strictObject({
  objectKind: RoleObjectKindSchema,
  objectUuid: UuidSchema,
  roleUuid: UuidSchema,
  /** The record's version the caller saw (usages, contracts, registrations; not units). */
  expectedVersion: z.number().int().positive().optional(),
});
/** One role to move. */
export type RoleTransferItem = z.infer<typeof RoleTransferItemSchema>;

/**
 * Moving roles from one person to another. Without `items`, every role the person holds in the
 * organisation moves.
 *
 * @example
 * ```ts
 * parse(RoleTransferSchema, { organizationUuid, fromUserUuid: leaving, toUserUuid: successor }, 'organisation');
 * ```
 */
export const RoleTransferSchema = z
  .strictObject({
    organizationUuid: UuidSchema,
    fromUserUuid: UuidSchema,
    toUserUuid: UuidSchema,
    items: z.array(RoleTransferItemSchema).min(1).max(5000).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.fromUserUuid.toLowerCase() === t.toUserUuid.toLowerCase())
      ctx.addIssue({ code: 'custom', path: ['toUserUuid'], message: 'roles move to another person' });
    const seen = new Set<string>();
    for (const [index, item] of (t.items ?? []).entries()) {
      const key = roleKey(item);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['items', index], message: 'the same role is listed twice' });
      seen.add(key);
      if (item.objectKind === 'organizationUnit' && item.expectedVersion !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'expectedVersion'],
          message: 'roles on units are records of their own: a unit item has no version',
        });
    }
  });
/** Moving roles from one person to another. */
export type RoleTransfer = z.input<typeof RoleTransferSchema>;

/** One role in a transfer plan. */
export const RoleTransferPlanItemSchema = RoleRowSchema.extend({
  /** The person taking over already holds this role on the record: only the leaver's goes. */
  alreadyHeld: z.boolean(),
});
/** One role in a transfer plan. */
export type RoleTransferPlanItem = z.infer<typeof RoleTransferPlanItemSchema>;

/** What a transfer would do, and whether it would be allowed. */
export const RoleTransferPreviewSchema = z.strictObject({
  organizationUuid: UuidSchema,
  from: RoleHolderSummarySchema.omit({ roles: true }),
  to: RoleHolderSummarySchema.omit({ roles: true }),
  items: z.array(RoleTransferPlanItemSchema).max(ROLES_MAX),
  /** Whether the person taking over is a member of the organisation (a role holder must be). */
  toIsMember: z.boolean(),
  /** Items the reader may not change (the transfer would be refused as a whole). */
  refused: z.number().int(),
  /** Whether the transfer would go through, as far as the reader's rights and membership go. */
  allowed: z.boolean(),
});
/** What a transfer would do. */
export type RoleTransferPreview = z.infer<typeof RoleTransferPreviewSchema>;

/** What a transfer did. */
export const RoleTransferResultSchema = z.strictObject({
  /** Roles moved (or dropped, where the successor already held them). */
  moved: z.number().int(),
  /** The records changed, with their new versions (`null` for units). */
  records: z
    .array(
      z.strictObject({
        objectKind: RoleObjectKindSchema,
        objectUuid: UuidSchema,
        version: z.number().int().nullable(),
      }),
    )
    .max(ROLES_MAX),
});
/** What a transfer did. */
export type RoleTransferResult = z.infer<typeof RoleTransferResultSchema>;

/** The identity of a role on a record (uuids compared case-insensitively). */
export function roleKey(r: { objectKind: RoleObjectKind; objectUuid: string; roleUuid: string }): string {
  return `${r.objectKind}/${r.objectUuid.toLowerCase()}/${r.roleUuid.toLowerCase()}`;
}

/** A record holding roles, as the read model needs it. */
export interface RoleSource {
  readonly objectKind: RoleObjectKind;
  readonly objectUuid: string;
  readonly objectName: string;
  readonly objectVersion: number | null;
  readonly mayChange: boolean;
  readonly roles: readonly { readonly roleUuid: string; readonly userUuid: string }[];
}

/** Names the rows look up. */
export interface RoleNames {
  role(uuid: string): string | null;
  user(uuid: string): { readonly name: string; readonly email: string | null } | undefined;
}

const KIND_ORDER: Record<RoleObjectKind, number> = {
  itSystemUsage: 0,
  itContract: 1,
  dataProcessingRegistration: 2,
  organizationUnit: 3,
};

const collator = new Intl.Collator('da', { sensitivity: 'base' });

/**
 * The rows of every role on `sources`, sorted by holder, kind, record and role.
 *
 * @example
 * ```ts
 * const rows = roleRows([{ objectKind: 'itContract', objectUuid, objectName: 'Drift', objectVersion: 3,
 *   mayChange: true, roles: [{ roleUuid, userUuid }] }], { role: () => 'Kontraktejer', user: () => undefined });
 * ```
 */
export function roleRows(sources: readonly RoleSource[], names: RoleNames): RoleRow[] {
  const rows: RoleRow[] = [];
  for (const s of sources)
    for (const r of s.roles) {
      const user = names.user(r.userUuid);
      rows.push({
        objectKind: s.objectKind,
        objectUuid: s.objectUuid,
        objectName: s.objectName,
        objectVersion: s.objectVersion,
        roleUuid: r.roleUuid,
        role: names.role(r.roleUuid) ?? r.roleUuid,
        userUuid: r.userUuid,
        user: user?.name ?? r.userUuid,
        email: user?.email ?? null,
        mayChange: s.mayChange,
      });
    }
  return rows.sort(
    (a, b) =>
      collator.compare(a.user, b.user) ||
      a.userUuid.localeCompare(b.userUuid) ||
      KIND_ORDER[a.objectKind] - KIND_ORDER[b.objectKind] ||
      collator.compare(a.objectName, b.objectName) ||
      a.objectUuid.localeCompare(b.objectUuid) ||
      collator.compare(a.role, b.role),
  );
}

/** Everyone holding a role among `rows`, by name, with their number of roles. */
export function roleHolders(rows: readonly RoleRow[]): RoleHolderSummary[] {
  const by = new Map<string, RoleHolderSummary>();
  for (const r of rows) {
    const h = by.get(r.userUuid);
    by.set(r.userUuid, { userUuid: r.userUuid, user: r.user, email: r.email, roles: (h?.roles ?? 0) + 1 });
  }
  return [...by.values()].sort((a, b) => collator.compare(a.user, b.user) || a.userUuid.localeCompare(b.userUuid));
}
