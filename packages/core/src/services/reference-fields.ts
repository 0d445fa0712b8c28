/**
 * The check every save runs on the fields that point at shared reference data and at people
 * (declared per kind as `referenceFields` in `kinds.ts`):
 *
 * - an **option** must exist and be of the field's type (`option-not-found`, invalid input); when
 *   newly set it must be available in the owning organisation — enabled, and obligatory or
 *   activated locally (`option-not-available`, a state error). A value the record already had may
 *   stay although it has since become unavailable, as in KITOS; clearing is always allowed.
 * - a **KLE task** must be loaded (`reference-not-found`).
 * - an **organisation** (supplier, data processor, rights holder) must exist and be visible to
 *   the writer (`reference-not-found`; an invisible one reads as missing, see ADR 0009).
 * - a **member** (a role holder, a risk owner) must be a member of the owning organisation when
 *   newly set (`user-not-member`, a state error).
 *
 * Every problem is reported at once; invalid input is reported before state errors.
 *
 * @module
 */
import { canRead } from '../access/policy.js';
import type { CallContext } from '../engine/call.js';
import { stringsAt, valuesAt } from '../engine/paths.js';
import type { EntityDefinition, ReferenceField } from '../engine/repository.js';
import { isOptionAvailable } from '../options/option.rules.js';
import type { Organization } from '../organisation/organization.schema.js';
import { ISSUE_CODES } from '../shared/issue-codes.js';
import type { RuleViolation } from '../shared/result.js';
import { violationError } from './enforce.js';
import {
  GLOBAL_OPTION,
  KLE,
  LOCAL_OPTION,
  MEMBERSHIP,
  ORGANIZATION,
  type StoredGlobalOption,
  type StoredLocalOption,
} from './kinds.js';
import { allOf } from './lookup.js';

/** Why one value is refused, or `undefined` when it may be written. */
async function problem(
  call: CallContext,
  field: ReferenceField,
  value: string,
  organizationUuid: string | null,
): Promise<Omit<RuleViolation, 'path'> | undefined> {
  switch (field.target) {
    case 'option': {
      const option = (await call.tx.get<StoredGlobalOption>(GLOBAL_OPTION.kind, value))?.data;
      if (!option || option.type !== field.optionType)
        return { code: 'option-not-found', message: `no option of type ${field.optionType} with uuid ${value}` };
      const locals = organizationUuid
        ? await allOf<StoredLocalOption>(call.tx, LOCAL_OPTION.kind, organizationUuid, {
            op: 'eq',
            field: 'optionUuid',
            value,
          })
        : [];
      // Shared catalogue data has no organisation to activate options in: enabled is enough.
      const available = organizationUuid ? isOptionAvailable(option, locals, organizationUuid) : option.isEnabled;
      if (!available)
        return {
          code: 'option-not-available',
          message: `the option "${option.name}" is not available in the organisation`,
          context: { optionUuid: value },
        };
      return undefined;
    }
    case 'kle':
      return (await call.tx.get(KLE.kind, value))
        ? undefined
        : { code: 'reference-not-found', message: `no KLE task with uuid ${value}` };
    case 'organization': {
      const org = (await call.tx.get<Organization>(ORGANIZATION.kind, value))?.data;
      const visible =
        org &&
        canRead(call.actor, {
          kind: 'organization',
          uuid: org.uuid,
          organizationUuid: org.uuid,
          accessModifier: org.accessModifier,
        });
      return visible ? undefined : { code: 'reference-not-found', message: `no organisation with uuid ${value}` };
    }
    case 'member': {
      if (!organizationUuid) return undefined;
      const held = await allOf(call.tx, MEMBERSHIP.kind, organizationUuid, { op: 'eq', field: 'userUuid', value });
      return held.length > 0
        ? undefined
        : {
            code: 'user-not-member',
            message: `user ${value} is not a member of the organisation`,
            context: { userUuid: value },
          };
    }
  }
}

/**
 * Checks the reference fields of `def` on the record about to be written (see the module text).
 * Values the stored record already holds at the same field are not checked again.
 */
export async function checkReferenceFields(
  call: CallContext,
  def: EntityDefinition,
  next: { readonly uuid: string },
  current: { readonly uuid: string } | undefined,
): Promise<void> {
  if (!def.referenceFields?.length) return;
  // The definition is of any kind here; `next` is a record of that kind (the engine passes it).
  const organizationUuid = def.organizationOf(next as never);
  const violations: RuleViolation[] = [];
  for (const field of def.referenceFields) {
    const kept = new Set(current ? stringsAt(current, field.path) : []);
    for (const { value, path } of valuesAt(next, field.path)) {
      if (typeof value !== 'string' || kept.has(value)) continue;
      const found = await problem(call, field, value, organizationUuid);
      if (found) violations.push({ ...found, path });
    }
  }
  if (violations.length === 0) return;
  const invalidFirst = [...violations].sort(
    (a, b) => Number(ISSUE_CODES[a.code].class !== 'validation') - Number(ISSUE_CODES[b.code].class !== 'validation'),
  );
  throw violationError(invalidFirst, def.module);
}
