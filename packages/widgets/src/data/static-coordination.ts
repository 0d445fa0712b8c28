/**
 * The coordination reads over a snapshot of several municipalities, for {@link createStaticClient}'s
 * `coordination` field. Kept apart from the static client so that a page whose static client has
 * no coordination (the overview's `.rows`, a one-organisation demo) carries none of the core's
 * coordination code.
 *
 * @module
 */
import {
  type ActorFacts,
  actorContext,
  type CoordinationFacts,
  coordinationReads,
  type IsoDate,
  indexCoordinationData,
  toIsoDate,
} from '@os2kitos/core';
import type { KitosClient } from './client.js';

/**
 * A snapshot of several municipalities: every organisation's facts with its sharing setting, and the
 * reader whose view the answers are.
 */
export interface StaticCoordinationData {
  /** The reader: user, memberships and the municipalities among them (core's `ActorFacts`). */
  readonly reader: ActorFacts;
  /** Every organisation's facts, as core's `loadCoordinationFacts` reads them from a store. */
  readonly facts: CoordinationFacts;
  /** The day the reads are computed for; default: today in Copenhagen. */
  readonly today?: IsoDate;
}

/** The names of the coordination reads. */
export type StaticCoordinationRead =
  | 'catalogue'
  | 'catalogueFilters'
  | 'systemUse'
  | 'radar'
  | 'contractsLikeMine'
  | 'similarLandscapes'
  | 'landscapeSuggestions';

/** The seven coordination reads over a snapshot, answered at once (see {@link staticCoordination}). */
export type StaticCoordination = {
  readonly [K in StaticCoordinationRead]: (
    ...args: Parameters<Required<KitosClient>[K]>
  ) => Awaited<ReturnType<Required<KitosClient>[K]>>;
};

/**
 * The coordination reads of one reader over a snapshot (indexed once), through the core's pure
 * `coordinationReads`: the same checks and sharing rules as the coordination service, so a record
 * its owner does not share with the reader does not leave it. Give the result to
 * `createStaticClient({ coordination })`.
 *
 * @example
 * ```ts
 * const client = createStaticClient({ coordination: staticCoordination({ reader, facts, today: '2025-06-15' }) });
 * ```
 */
export function staticCoordination(snapshot: StaticCoordinationData): StaticCoordination {
  const today = snapshot.today ?? toIsoDate(new Date(), 'Europe/Copenhagen');
  const reads = coordinationReads(actorContext(snapshot.reader), indexCoordinationData({ today, ...snapshot.facts }));
  return {
    catalogue: (query) => reads.catalogue(query),
    catalogueFilters: () => reads.catalogueFilters(),
    systemUse: (systemUuid) => reads.systemUse(systemUuid),
    radar: (query) => reads.radar(query),
    contractsLikeMine: (contractUuid, options) => reads.contractsLikeMine(contractUuid, options),
    similarLandscapes: (query) => reads.similarLandscapes(query),
    landscapeSuggestions: (query) => reads.landscapeSuggestions(query),
  };
}
