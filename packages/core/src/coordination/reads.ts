/**
 * The coordination reads over facts already loaded, with the checks every reader passes: only
 * members of a municipality, stakeholders and global admins read across municipalities; "used here",
 * landscapes and suggestions only for an organisation the reader is a member of; contracts like
 * mine only for the reader's own contract. The coordination service runs the same checks (it loads
 * per read what these take whole); a client over a static snapshot of several municipalities runs
 * these.
 *
 * @module
 */
import type { ActorContext } from '../access/actor.js';
import { KitosForbiddenError, KitosNotFoundError } from '../shared/errors.js';
import { parse, UuidSchema } from '../shared/schema.js';
import {
  type CatalogueFilters,
  catalogueFilters,
  type NationalCataloguePage,
  type NationalCatalogueQuery,
  NationalCatalogueQuerySchema,
  nationalCatalogue,
  type SystemUse,
  systemUse,
} from './catalogue.rules.js';
import type { CoordinationData } from './data.js';
import {
  type LandscapeSuggestion,
  type LandscapeSuggestionsQuery,
  LandscapeSuggestionsQuerySchema,
  landscapeSuggestions,
  type SimilarLandscape,
  type SimilarLandscapesQuery,
  SimilarLandscapesQuerySchema,
  similarLandscapes,
} from './landscapes.rules.js';
import {
  contractsLikeMine,
  type LikeMine,
  procurementRadar,
  type Radar,
  type RadarQuery,
  RadarQuerySchema,
} from './radar.rules.js';
import { mayCoordinate, readsPrivately } from './sharing.rules.js';
import { viewerOf } from './viewer.js';

/** Refuses a reader outside every municipality (not a member of one, no stakeholder, no global admin). */
export function assertMayCoordinate(actor: ActorContext): void {
  if (!mayCoordinate(actor))
    throw new KitosForbiddenError(
      'coordination',
      'only members of a municipality, stakeholders and global admins see across municipalities',
      {},
    );
}

/** Refuses a reader who is not a member of the organisation. */
export function assertMemberOf(actor: ActorContext, organizationUuid: string): void {
  if (!readsPrivately(actor, organizationUuid))
    throw new KitosForbiddenError('coordination', 'you may only do this for an organisation you are a member of', {
      organizationUuid,
    });
}

/** The coordination reads of one reader over loaded facts (see {@link coordinationReads}). */
export interface CoordinationReads {
  catalogue(query?: NationalCatalogueQuery): NationalCataloguePage;
  catalogueFilters(): CatalogueFilters;
  systemUse(systemUuid: string): SystemUse;
  /** The radar; its window starts at the data's `today` unless the query gives `from`. */
  radar(query: RadarQuery): Radar;
  contractsLikeMine(contractUuid: string, options?: { readonly limit?: number }): LikeMine[];
  similarLandscapes(query: SimilarLandscapesQuery): SimilarLandscape[];
  landscapeSuggestions(query: LandscapeSuggestionsQuery): LandscapeSuggestion[];
}

/**
 * The coordination reads of `actor` over `data` (every record through the sharing rules), with the
 * service's checks and typed errors.
 *
 * @example
 * ```ts
 * const reads = coordinationReads(actorContext({ userUuid, memberships }), indexCoordinationData(facts));
 * reads.catalogue({ limit: 10 }).entries[0]?.organizations;
 * ```
 */
export function coordinationReads(actor: ActorContext, data: CoordinationData): CoordinationReads {
  const v = () => {
    assertMayCoordinate(actor);
    return viewerOf(actor, data);
  };
  const notVisible = (kind: string, uuid: string) =>
    new KitosNotFoundError('coordination', `${kind} ${uuid} does not exist or is not visible to you`, { kind, uuid });
  return {
    catalogue: (query = {}) => {
      const q = parse(NationalCatalogueQuerySchema, query, 'coordination');
      if (q.organizationUuid) assertMemberOf(actor, q.organizationUuid);
      return nationalCatalogue(v(), q);
    },
    catalogueFilters: () => catalogueFilters(v()),
    systemUse: (systemUuid) => {
      const uuid = parse(UuidSchema, systemUuid, 'coordination');
      const use = systemUse(v(), uuid);
      if (!use) throw notVisible('itSystem', uuid);
      return use;
    },
    radar: (query) => procurementRadar(v(), parse(RadarQuerySchema, query, 'coordination')),
    contractsLikeMine: (contractUuid, options = {}) => {
      const uuid = parse(UuidSchema, contractUuid, 'coordination');
      const limit = parse(SimilarLandscapesQuerySchema.shape.limit, options.limit, 'coordination');
      const viewer = v();
      const mine = data.contractsByUuid.get(uuid);
      if (!mine || !readsPrivately(actor, mine.organizationUuid)) throw notVisible('itContract', uuid);
      return contractsLikeMine(viewer, mine, limit);
    },
    similarLandscapes: (query) => {
      const q = parse(SimilarLandscapesQuerySchema, query, 'coordination');
      assertMemberOf(actor, q.organizationUuid);
      return similarLandscapes(v(), q);
    },
    landscapeSuggestions: (query) => {
      const q = parse(LandscapeSuggestionsQuerySchema, query, 'coordination');
      assertMemberOf(actor, q.organizationUuid);
      return landscapeSuggestions(v(), q);
    },
  };
}
