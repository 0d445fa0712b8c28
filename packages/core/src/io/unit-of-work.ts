/**
 * One storage transaction for a whole import. The facade opens a transaction per call, so
 * thousands of facade calls could not be undone together; here the core's own services are built
 * on a call runner bound to one transaction, so every row goes through exactly the checks a
 * facade call makes (schema, permissions, uniqueness, links) and either all rows are stored or,
 * when anything throws, the storage rolls back and nothing is.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import type { CallContext } from '../engine/call.js';
import { type Clock, DEFAULT_TIME_ZONE, systemClock, todayBy } from '../engine/clock.js';
import { resolveActor } from '../engine/runtime.js';
import type { CallRunner } from '../engine/service.js';
import type { Kitos } from '../kitos.js';
import { catalogueServices } from '../services/catalogue-facade.js';
import { contractService } from '../services/contract.service.js';
import { dataProcessingService } from '../services/data-processing.service.js';
import { optionsService } from '../services/options.service.js';
import { organizationService, unitService, userService } from '../services/organisation.service.js';
import { projectService } from '../services/project.service.js';
import { usageService } from '../services/usage.service.js';
import { withEqualityIndex } from './indexed-tx.js';

/**
 * Settings shared by the writing functions of this entry point.
 *
 * @example
 * ```ts
 * await importSpreadsheet(kitos, actor, { ...options, clock: fixedClock('2025-06-15T10:00:00Z') });
 * ```
 */
export interface WriteSettings {
  /**
   * Source of "now" for the records' timestamps and "today" (default: the system clock). Pass the
   * clock the facade was created with; the facade does not expose it.
   */
  readonly clock?: Clock;
  /** Time zone of "today" (default `Europe/Copenhagen`). */
  readonly timeZone?: string;
  /** Uuid generator for new records (default `crypto.randomUUID`). */
  readonly newUuid?: () => string;
}

/** The services, bound to one transaction. */
export function servicesOn(runner: CallRunner) {
  const catalogue = catalogueServices(runner);
  return {
    organizations: organizationService(runner),
    units: unitService(runner),
    users: userService(runner),
    systems: catalogue.systems,
    interfaces: catalogue.interfaces,
    usages: usageService(runner),
    contracts: contractService(runner),
    dataProcessing: dataProcessingService(runner),
    projects: projectService(runner),
    options: optionsService(runner),
  };
}

/** The services of one unit of work. */
export type UnitOfWorkServices = ReturnType<typeof servicesOn>;

/** Thrown inside the transaction to roll it back on purpose (dry runs, refused imports). */
class Rollback<R> extends Error {
  constructor(readonly result: R) {
    super('rollback');
  }
}

/**
 * Runs `work` in one storage transaction with services bound to it. When `work` returns
 * `{ commit: false }` the transaction is rolled back and the result still returned; when it
 * throws, the storage rolls back and the error propagates.
 *
 * @example
 * ```ts
 * const n = await unitOfWork(kitos, actor, {}, async (s) => {
 *   await s.units.create(actor, { organizationUuid, name: 'Skole' });
 *   return { commit: true, result: 1 };
 * });
 * ```
 */
export async function unitOfWork<R>(
  kitos: Kitos,
  actor: Actor,
  settings: WriteSettings,
  work: (services: UnitOfWorkServices, call: CallContext) => Promise<{ commit: boolean; result: R }>,
): Promise<R> {
  const clock = settings.clock ?? systemClock;
  const newUuid = settings.newUuid ?? (() => globalThis.crypto.randomUUID());
  try {
    return await kitos.storage.transaction(async (raw) => {
      const tx = withEqualityIndex(raw);
      const now = clock.now();
      const call: CallContext = {
        tx,
        actor: await resolveActor(tx, actor),
        write: { actorUuid: actor.userUuid, now: now.toISOString(), newUuid },
        today: todayBy({ now: () => now }, settings.timeZone ?? DEFAULT_TIME_ZONE),
      };
      // The actor is resolved once: re-resolving per row would rescan every usage for role holders.
      const runner: CallRunner = { write: (_a, w) => w(call), read: (_a, w) => w(call) };
      const outcome = await work(servicesOn(runner), call);
      if (!outcome.commit) throw new Rollback(outcome.result);
      return outcome.result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as R;
    throw e;
  }
}
