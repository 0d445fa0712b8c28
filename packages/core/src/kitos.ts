/**
 * `createKitos`: the facade over every service, on any storage adapter.
 *
 * @module
 */
import { checkReferenceFields } from './services/reference-fields.js';
import type { z } from 'zod';
import type { Actor } from './access/actor.js';
import type { ItInterface } from './catalogue/it-interface.schema.js';
import type { ItInterfaceCreateSchema, ItInterfacePatchSchema } from './catalogue/it-interface.schema.js';
import type { ItSystem, ItSystemCreateSchema, ItSystemPatchSchema } from './catalogue/it-system.schema.js';
import type { Contract, ContractCreateSchema, ContractPatchSchema } from './contract/contract.schema.js';
import type {
  DataProcessingRegistration,
  DataProcessingRegistrationCreateSchema,
  DataProcessingRegistrationPatchSchema,
} from './data-processing/dpr.schema.js';
import type { EntityService } from './engine/service.js';
import type { User, UserCreateSchema, UserPatchSchema } from './organisation/user.schema.js';
import type { Project, ProjectCreateSchema, ProjectPatchSchema } from './project/project.schema.js';
import type { FeedService } from './services/feed.service.js';
import type { OptionsService } from './services/options.service.js';
import type { CardService, OverviewService } from './services/overview.service.js';
import type { MembershipService, UnitRoleService, UnitService } from './services/organisation.service.js';
import type { ItSystemUsage, ItSystemUsageCreateSchema, ItSystemUsagePatchSchema } from './usage/usage.schema.js';
import { type Clock, DEFAULT_TIME_ZONE, systemClock } from './engine/clock.js';
import { CORE_STORAGE_SCHEMA } from './services/kinds.js';
import { createRuntime, type Runtime } from './engine/runtime.js';
import { resolveActor } from './services/actors.js';
import type { CallRunner } from './engine/service.js';
import type { IsoDate } from './shared/dates.js';
import type { KindDefinition } from './storage/port.js';
import { catalogueServices } from './services/catalogue-facade.js';
import { contractService } from './services/contract.service.js';
import { type CoordinationService, coordinationService } from './services/coordination.service.js';
import { dataProcessingService } from './services/data-processing.service.js';
import { feedService } from './services/feed.service.js';
import { type KleService, kleService } from './services/kle.service.js';
import {
  membershipService,
  type OrganizationService,
  organizationService,
  unitRoleService,
  unitService,
  userService,
} from './services/organisation.service.js';
import { optionsService } from './services/options.service.js';
import { type NotificationService, notificationService } from './services/notification.service.js';
import { cardService, overviewService } from './services/overview.service.js';
import { overviewRowsCache } from './services/overview-rows.js';
import { projectService } from './services/project.service.js';
import { type RolesService, rolesService } from './services/roles.service.js';
import { type RelationGraphService, relationGraphService } from './services/relation-graph.service.js';
import {
  type DataQualityService,
  dataQualityService,
  type GdprRegisterService,
  gdprRegisterService,
} from './services/registers.service.js';
import { usageService } from './services/usage.service.js';
import type { StorageAdapter } from './storage/port.js';
import type { ContractListName, DprListName, SystemListName, UsageListName } from './services/list-fields.js';

/** Options of {@link createKitos}. */
export interface KitosOptions {
  /** Where data lives: `createMemoryStorage()`, or an adapter from `@os2kitos/storage-adapters`. */
  readonly storage: StorageAdapter;
  /** Source of "now" (default: the system clock). Rules get "today" from it, once per call. */
  readonly clock?: Clock;
  /** Time zone of "today" (default `Europe/Copenhagen`). */
  readonly timeZone?: string;
  /** Uuid generator (default `crypto.randomUUID`); inject a deterministic one in tests. */
  readonly newUuid?: () => string;
  /**
   * Record kinds of your own (a server's tokens, say) to keep in the same store: migrated with the
   * core's kinds, so the store knows them before the first transaction.
   */
  readonly extraKinds?: readonly KindDefinition[];
}

/**
 * Every service, on one call runner: the facade builds them on the runtime, a unit of work on a
 * runner bound to one transaction. One list, so the two can never offer different services.
 */
function buildServices(runner: CallRunner, storage: StorageAdapter, runtime?: Runtime): UnitOfWorkServices {
  const catalogue = catalogueServices(runner);
  // Overviews, cards and deadline lists share the rows and read contexts they keep up to date.
  const rows = overviewRowsCache(storage);
  return {
    organizations: organizationService(runner, runtime),
    units: unitService(runner),
    users: userService(runner),
    memberships: membershipService(runner),
    unitRoles: unitRoleService(runner),
    systems: catalogue.systems,
    interfaces: catalogue.interfaces,
    usages: usageService(runner),
    contracts: contractService(runner),
    dataProcessing: dataProcessingService(runner),
    projects: projectService(runner),
    options: optionsService(runner),
    overviews: overviewService(runner, rows),
    cards: cardService(runner, rows),
    feed: feedService(runner),
    kle: kleService(runner),
    notifications: notificationService(runner, runtime),
    coordination: coordinationService(runner, storage),
    roles: rolesService(runner),
    relations: relationGraphService(runner),
    quality: dataQualityService(runner, rows),
    gdpr: gdprRegisterService(runner, rows),
  };
}

function makeFacade(options: KitosOptions): Kitos {
  const runtime = createRuntime({
    storage: options.storage,
    clock: options.clock ?? systemClock,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    newUuid: options.newUuid ?? (() => globalThis.crypto.randomUUID()),
    resolveActor,
    checkWrite: checkReferenceFields,
  });
  return {
    storage: options.storage,
    ...buildServices(runtime, options.storage, runtime),
    unitOfWork: async (actor, work, settings = {}) => {
      try {
        return await runtime.unitOfWork(actor, async (runner, call) => {
          const result = await work(buildServices(runner, options.storage), call.today);
          if (settings.commit === false) throw new Rollback(result);
          return result;
        });
      } catch (e) {
        // The work's own result (of type R, erased by the throw), thrown past the transaction so
        // that it rolls back.
        if (e instanceof Rollback) return e.result as never;
        throw e;
      }
    },
  };
}

/** Thrown inside a unit of work to roll it back on purpose (a dry run), carrying its result. */
class Rollback extends Error {
  constructor(readonly result: unknown) {
    super('rollback');
  }
}

/**
 * The services of a unit of work: the facade's services, bound to one transaction (named by the
 * facade's own interface, so a service added to {@link Kitos} must be built for both).
 */
export type UnitOfWorkServices = Omit<Kitos, 'storage' | 'unitOfWork'>;

type In<S extends z.ZodType> = z.input<S>;

/** The facade: one service per module, every method taking an actor. */
export interface Kitos {
  /** The storage adapter in use. */
  readonly storage: StorageAdapter;
  readonly organizations: OrganizationService;
  readonly units: UnitService;
  readonly users: EntityService<User, In<typeof UserCreateSchema>, In<typeof UserPatchSchema>>;
  readonly memberships: MembershipService;
  readonly unitRoles: UnitRoleService;
  readonly systems: EntityService<
    ItSystem,
    In<typeof ItSystemCreateSchema>,
    In<typeof ItSystemPatchSchema>,
    SystemListName
  >;
  readonly interfaces: EntityService<
    ItInterface,
    In<typeof ItInterfaceCreateSchema>,
    In<typeof ItInterfacePatchSchema>
  >;
  readonly usages: EntityService<
    ItSystemUsage,
    In<typeof ItSystemUsageCreateSchema>,
    In<typeof ItSystemUsagePatchSchema>,
    UsageListName
  >;
  readonly contracts: EntityService<
    Contract,
    In<typeof ContractCreateSchema>,
    In<typeof ContractPatchSchema>,
    ContractListName
  >;
  readonly dataProcessing: EntityService<
    DataProcessingRegistration,
    In<typeof DataProcessingRegistrationCreateSchema>,
    In<typeof DataProcessingRegistrationPatchSchema>,
    DprListName
  >;
  readonly projects: EntityService<Project, In<typeof ProjectCreateSchema>, In<typeof ProjectPatchSchema>>;
  readonly options: OptionsService;
  readonly overviews: OverviewService;
  /** Everything a detail view shows about one record: usages, contracts, registrations, projects. */
  readonly cards: CardService;
  readonly feed: FeedService;
  readonly kle: KleService;
  /** Reminder rules, manual advis and the reminder plan (the server's scheduler sends them). */
  readonly notifications: NotificationService;
  /**
   * Across municipalities: sharing settings, the national catalogue, who uses what, the joint
   * procurement radar and landscapes like mine.
   */
  readonly coordination: CoordinationService;
  /** Who holds which role where in an organisation, and moving a person's roles to another. */
  readonly roles: RolesService;
  /** The organisation's usages and the relations between them, as a graph. */
  readonly relations: RelationGraphService;
  /** Data quality: scores and gaps per usage, contract and registration, summed up per unit. */
  readonly quality: DataQualityService;
  /** The GDPR register of processing activities (article 30). */
  readonly gdpr: GdprRegisterService;
  /**
   * Runs several service calls in one transaction, as one actor: all of them are stored, or none
   * (throw to roll back; `{ commit: false }` rolls back on purpose and still returns the result,
   * for dry runs). `work` gets the same services as the facade, bound to the transaction, and the
   * transaction's "today".
   *
   * @example
   * ```ts
   * const unit = await kitos.unitOfWork(admin, async (s) => {
   *   const root = await s.units.create(admin, { organizationUuid, name: 'Nordby' });
   *   return s.units.create(admin, { organizationUuid, name: 'Skoler', parentUuid: root.uuid });
   * });
   * ```
   */
  unitOfWork<R>(
    actor: Actor,
    work: (services: UnitOfWorkServices, today: IsoDate) => Promise<R>,
    options?: { readonly commit?: boolean },
  ): Promise<R>;
}

/**
 * Creates the facade over a storage adapter, after applying the core's storage schema to it.
 *
 * @example
 * ```ts
 * import { createKitos, createMemoryStorage } from '@os2kitos/core';
 * const kitos = await createKitos({ storage: createMemoryStorage() });
 * const admin = await kitos.organizations.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@kommune.dk' });
 * const org = await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' });
 * ```
 */
export async function createKitos(options: KitosOptions): Promise<Kitos> {
  await options.storage.migrate({
    version: CORE_STORAGE_SCHEMA.version,
    kinds: [...CORE_STORAGE_SCHEMA.kinds, ...(options.extraKinds ?? [])],
  });
  return makeFacade(options);
}
