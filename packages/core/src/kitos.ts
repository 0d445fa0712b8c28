/**
 * `createKitos`: the facade over every service, on any storage adapter.
 *
 * @module
 */
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
import type {
  Organization,
  OrganizationCreateSchema,
  OrganizationPatchSchema,
} from './organisation/organization.schema.js';
import type { User, UserPatchSchema } from './organisation/user.schema.js';
import type { Project, ProjectCreateSchema, ProjectPatchSchema } from './project/project.schema.js';
import type { FeedService } from './services/feed.service.js';
import type { OptionsService } from './services/options.service.js';
import type { OverviewService } from './services/overview.service.js';
import type { MembershipService, UnitRoleService, UnitService } from './services/organisation.service.js';
import type { ItSystemUsage, ItSystemUsageCreateSchema, ItSystemUsagePatchSchema } from './usage/usage.schema.js';
import { type Clock, DEFAULT_TIME_ZONE, systemClock } from './engine/clock.js';
import { CORE_STORAGE_SCHEMA, MEMBERSHIP, ORGANIZATION, USER } from './engine/kinds.js';
import { writeEntity } from './engine/repository.js';
import { createRuntime } from './engine/runtime.js';
import { type UserCreate, UserCreateSchema } from './organisation/user.schema.js';
import { catalogueServices } from './services/catalogue-facade.js';
import { contractService } from './services/contract.service.js';
import { dataProcessingService } from './services/data-processing.service.js';
import { feedService } from './services/feed.service.js';
import { type KleService, kleService } from './services/kle.service.js';
import {
  membershipService,
  newOrganizationFields,
  organizationService,
  unitRoleService,
  unitService,
  userService,
} from './services/organisation.service.js';
import { optionsService, seedOptions } from './services/options.service.js';
import { overviewService } from './services/overview.service.js';
import { projectService } from './services/project.service.js';
import { usageService } from './services/usage.service.js';
import { KitosConflictError } from './shared/errors.js';
import { parse } from './shared/schema.js';
import type { StorageAdapter } from './storage/port.js';

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
}

function makeFacade(options: KitosOptions): Kitos {
  const runtime = createRuntime({
    storage: options.storage,
    clock: options.clock ?? systemClock,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    newUuid: options.newUuid ?? (() => globalThis.crypto.randomUUID()),
  });
  const catalogue = catalogueServices(runtime);
  return {
    /** The storage adapter in use. */
    storage: options.storage,
    organizations: organizationService(runtime),
    units: unitService(runtime),
    users: userService(runtime),
    memberships: membershipService(runtime),
    unitRoles: unitRoleService(runtime),
    systems: catalogue.systems,
    interfaces: catalogue.interfaces,
    usages: usageService(runtime),
    contracts: contractService(runtime),
    dataProcessing: dataProcessingService(runtime),
    projects: projectService(runtime),
    options: optionsService(runtime),
    overviews: overviewService(runtime, options.storage),
    feed: feedService(runtime),
    kle: kleService(runtime),
    /**
     * Creates the first global administrator in an empty store, with KITOS's option seed and the
     * default organisation "Fælles Kommune". Refused once any user exists.
     *
     * @example
     * ```ts
     * const admin = await kitos.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@kommune.dk' });
     * ```
     */
    async bootstrap(admin: UserCreate): Promise<Actor> {
      const input = parse(UserCreateSchema, admin, 'organisation');
      return options.storage.transaction(async (tx) => {
        // Concurrent first starts must not each find an empty store and each create an admin.
        await tx.lock(['bootstrap', `kind:${USER.kind}`]);
        const any = await tx.query({ kind: USER.kind, limit: 1 });
        if (any.records.length > 0)
          throw new KitosConflictError('organisation', 'the store already has users: bootstrap only runs once');
        const now = (options.clock ?? systemClock).now().toISOString();
        const newUuid = options.newUuid ?? (() => globalThis.crypto.randomUUID());
        const uuid = newUuid();
        const write = { actorUuid: uuid, now, newUuid };
        await writeEntity(
          tx,
          USER,
          write,
          {
            phoneNumber: null,
            hasApiAccess: false,
            hasStakeHolderAccess: false,
            isSystemIntegrator: false,
            ...input,
            isGlobalAdmin: true,
            uuid,
          },
          undefined,
        );
        const org = newUuid();
        await writeEntity(
          tx,
          ORGANIZATION,
          write,
          {
            uuid: org,
            ...newOrganizationFields({
              name: 'Fælles Kommune',
              type: 'Kommune',
              accessModifier: 'Public',
              isDefaultOrganization: true,
            }),
          },
          undefined,
        );
        await writeEntity(
          tx,
          MEMBERSHIP,
          write,
          { uuid: newUuid(), userUuid: uuid, organizationUuid: org, role: 'User' },
          undefined,
        );
        const call = { tx, write, today: now.slice(0, 10), actor: undefined as never };
        await seedOptions(call);
        return { userUuid: uuid };
      });
    },
  };
}

type In<S extends z.ZodType> = z.input<S>;

/** The facade: one service per module, every method taking an actor. */
export interface Kitos {
  /** The storage adapter in use. */
  readonly storage: StorageAdapter;
  readonly organizations: EntityService<
    Organization,
    In<typeof OrganizationCreateSchema>,
    In<typeof OrganizationPatchSchema>
  >;
  readonly units: UnitService;
  readonly users: EntityService<User, In<typeof UserCreateSchema>, In<typeof UserPatchSchema>>;
  readonly memberships: MembershipService;
  readonly unitRoles: UnitRoleService;
  readonly systems: EntityService<ItSystem, In<typeof ItSystemCreateSchema>, In<typeof ItSystemPatchSchema>>;
  readonly interfaces: EntityService<
    ItInterface,
    In<typeof ItInterfaceCreateSchema>,
    In<typeof ItInterfacePatchSchema>
  >;
  readonly usages: EntityService<
    ItSystemUsage,
    In<typeof ItSystemUsageCreateSchema>,
    In<typeof ItSystemUsagePatchSchema>
  >;
  readonly contracts: EntityService<Contract, In<typeof ContractCreateSchema>, In<typeof ContractPatchSchema>>;
  readonly dataProcessing: EntityService<
    DataProcessingRegistration,
    In<typeof DataProcessingRegistrationCreateSchema>,
    In<typeof DataProcessingRegistrationPatchSchema>
  >;
  readonly projects: EntityService<Project, In<typeof ProjectCreateSchema>, In<typeof ProjectPatchSchema>>;
  readonly options: OptionsService;
  readonly overviews: OverviewService;
  readonly feed: FeedService;
  readonly kle: KleService;
  /**
   * Creates the first global administrator in an empty store, with KITOS's option seed and the
   * default organisation "Fælles Kommune". Refused once any user exists.
   */
  bootstrap(admin: In<typeof UserCreateSchema>): Promise<Actor>;
}

/**
 * Creates the facade over a storage adapter, after applying the core's storage schema to it.
 *
 * @example
 * ```ts
 * import { createKitos, createMemoryStorage } from '@os2kitos/core';
 * const kitos = await createKitos({ storage: createMemoryStorage() });
 * const admin = await kitos.bootstrap({ firstName: 'Ada', lastName: 'Admin', email: 'admin@kommune.dk' });
 * const org = await kitos.organizations.create(admin, { name: 'Nordby Kommune', type: 'Kommune' });
 * ```
 */
export async function createKitos(options: KitosOptions): Promise<Kitos> {
  await options.storage.migrate(CORE_STORAGE_SCHEMA);
  return makeFacade(options);
}
