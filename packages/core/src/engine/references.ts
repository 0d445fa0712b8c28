/**
 * Links between records, declared once: which kind points at which, through which field, and
 * what deleting the target does to the record that points at it — block the delete (a unit still
 * in use), or detach (remove the uuid from a list, clear a field, drop a relation). Deletes read
 * this table instead of each service remembering its cascades, so a new link is handled everywhere
 * by adding one row, and the integrity check never finds a link to a deleted record.
 *
 * The engine knows no concrete kind: the table itself is built by the services from their kinds.
 *
 * @module
 */
import type { EntityMeta } from '../shared/schema.js';
import type { CallContext } from './call.js';
import type { EntityDefinition } from './repository.js';
import { writeEntity } from './repository.js';

/** One link from records of `from` to records of kind `target`. */
export interface Reference<F extends EntityMeta = EntityMeta> {
  readonly from: EntityDefinition<F>;
  /** Kind of the record pointed at. */
  readonly target: string;
  /** Where the link is, for messages and conflicts (e.g. `payments.organizationUnitUuid`). */
  readonly field: string;
  /** Index field of `from` that holds the target's uuid (text or textList), to find referrers. */
  readonly index: string;
  /** Whether referrers live in the target's organisation (true for everything but the catalogue). */
  readonly sameOrganization: boolean;
  /** How many times `entity` points at `uuid` through this link (e.g. economy streams on a unit). */
  count(entity: F, uuid: string): number;
  /** `block`: the target cannot be deleted while referred to. Otherwise the referrer without the link. */
  readonly onDelete: 'block' | ((entity: F, uuid: string) => F);
}

/** The records pointing at `uuid` through each of `references`, with how often. */
export async function referrers(
  call: CallContext,
  references: readonly Reference[],
  target: { kind: string; uuid: string; organizationUuid: string | null },
): Promise<{ reference: Reference; entity: EntityMeta; count: number }[]> {
  const out: { reference: Reference; entity: EntityMeta; count: number }[] = [];
  for (const reference of references) {
    if (reference.target !== target.kind) continue;
    const list = reference.from.fields.find((f) => f.name === reference.index)?.type === 'textList';
    const r = await call.tx.query<EntityMeta>({
      kind: reference.from.kind,
      organizationUuids: reference.sameOrganization && target.organizationUuid ? [target.organizationUuid] : undefined,
      filter: list
        ? { op: 'hasAny', field: reference.index, values: [target.uuid] }
        : { op: 'eq', field: reference.index, value: target.uuid },
    });
    for (const rec of r.records) {
      const count = reference.count(rec.data, target.uuid);
      if (count > 0) out.push({ reference, entity: rec.data, count });
    }
  }
  return out;
}

/**
 * Detaches every record that points at a deleted record (blocking links must have been checked
 * before). A referrer with several links to the target is written once, with all of them removed.
 */
export async function detachReferrers(
  call: CallContext,
  references: readonly Reference[],
  target: { kind: string; uuid: string; organizationUuid: string | null },
): Promise<void> {
  const found = await referrers(
    call,
    references.filter((r) => r.onDelete !== 'block'),
    target,
  );
  const byRecord = new Map<string, { def: EntityDefinition; current: EntityMeta; next: EntityMeta }>();
  for (const { reference, entity } of found) {
    const key = `${reference.from.kind}:${entity.uuid}`;
    const seen = byRecord.get(key);
    const base = seen?.next ?? entity;
    const detach = reference.onDelete as (e: EntityMeta, uuid: string) => EntityMeta;
    byRecord.set(key, { def: reference.from, current: seen?.current ?? entity, next: detach(base, target.uuid) });
  }
  for (const { def, current, next } of byRecord.values()) {
    if (next.uuid === target.uuid && def.kind === target.kind) continue; // the record itself is gone
    await writeEntity(call.tx, def, call.write, next, current);
  }
}
