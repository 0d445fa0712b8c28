/**
 * Two-sided links: a link that both of its ends list. A registration's contracts and a contract's
 * registrations are one link, shown on both records as in KITOS; every write of either end
 * carries its change over to the other end in the same transaction, so the two lists never drift
 * apart, and deleting either end removes it from the other (the detaching references). The
 * integrity check reports a link listed on only one end (`link-not-mirrored`).
 *
 * @module
 */
import type { Contract } from '../contract/contract.schema.js';
import type { DataProcessingRegistration } from '../data-processing/dpr.schema.js';
import type { CallContext } from '../engine/call.js';
import { type EntityDefinition, writeEntity } from '../engine/repository.js';
import type { EntityMeta } from '../shared/schema.js';
import { CONTRACT, DPR } from './kinds.js';

/** One end of a two-sided link: the kind and its list of the other end's uuids. */
export interface LinkEnd<E extends EntityMeta> {
  readonly def: EntityDefinition<E>;
  /** The field that holds the list, for messages. */
  readonly field: string;
  list(entity: E): readonly string[];
  withList(entity: E, list: string[]): E;
}

/** A two-sided link between two kinds. */
export interface MirroredLink<A extends EntityMeta, B extends EntityMeta> {
  readonly a: LinkEnd<A>;
  readonly b: LinkEnd<B>;
}

/** Registrations and the contracts they are concluded under. */
export const DPR_CONTRACT_LINK: MirroredLink<DataProcessingRegistration, Contract> = {
  a: {
    def: DPR,
    field: 'contractUuids',
    list: (d) => d.contractUuids,
    withList: (d, contractUuids) => ({ ...d, contractUuids }),
  },
  b: {
    def: CONTRACT,
    field: 'dataProcessingRegistrationUuids',
    list: (c) => c.dataProcessingRegistrationUuids,
    withList: (c, dataProcessingRegistrationUuids) => ({ ...c, dataProcessingRegistrationUuids }),
  },
};

/**
 * Carries a saved record's change of its end of a link over to the other end: records newly
 * listed get the saved record's uuid, records no longer listed lose it. The other ends were
 * checked by the saved record's rules (they exist, in its organisation), so they are written
 * directly, versioned and audited.
 */
export async function mirrorLink<S extends EntityMeta, T extends EntityMeta>(
  call: CallContext,
  from: LinkEnd<S>,
  to: LinkEnd<T>,
  saved: S,
  previous: S | undefined,
): Promise<void> {
  const before = new Set(previous ? from.list(previous) : []);
  const after = new Set(from.list(saved));
  const changed = [...after].filter((u) => !before.has(u)).concat([...before].filter((u) => !after.has(u)));
  for (const uuid of changed) {
    const other = (await call.tx.get<T>(to.def.kind, uuid))?.data;
    if (!other) continue;
    const list = to.list(other);
    const listed = list.includes(saved.uuid);
    if (after.has(uuid) && !listed)
      await writeEntity(call.tx, to.def, call.write, to.withList(other, [...list, saved.uuid]), other);
    if (!after.has(uuid) && listed)
      await writeEntity(
        call.tx,
        to.def,
        call.write,
        to.withList(
          other,
          list.filter((x) => x !== saved.uuid),
        ),
        other,
      );
  }
}
