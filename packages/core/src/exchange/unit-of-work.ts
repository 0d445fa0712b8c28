/**
 * One storage transaction for a whole import. The facade opens a transaction per call, so
 * thousands of facade calls could not be undone together; `kitos.unitOfWork` gives services bound
 * to one transaction, so every row goes through exactly the checks a facade call makes (schema,
 * permissions, uniqueness, links) and either all rows are stored or, when anything throws, the
 * storage rolls back and nothing is. Here the work itself decides, once it is done, whether to
 * keep what it wrote: an import that finds a bad row, or a dry run, rolls back and still returns
 * its report.
 *
 * @module
 */
import type { Actor } from '../access/actor.js';
import type { Kitos, UnitOfWorkServices } from '../kitos.js';
import type { IsoDate } from '../shared/dates.js';

/** Thrown inside the transaction to roll it back on purpose (dry runs, refused imports). */
class Rollback<R> extends Error {
  constructor(readonly result: R) {
    super('rollback');
  }
}

/**
 * Runs `work` in one unit of work of the facade (`kitos.unitOfWork`), letting the work decide at its
 * end whether to commit: when `work` returns `{ commit: false }` the transaction is rolled back and
 * the result still returned; when it throws, nothing is stored and the error propagates. (With
 * `kitos.unitOfWork` alone, rolling back is decided before the work starts, or by throwing.) Reads
 * inside go through an index of equality look-ups kept current by the unit's own writes, so
 * thousands of rows do not each rescan their organisation. The portfolio import and the spreadsheet
 * import of `@os2kitos/io` run in it.
 *
 * @example
 * ```ts
 * const n = await unitOfWork(kitos, actor, async (s) => {
 *   await s.units.create(actor, { organizationUuid, name: 'Skole' });
 *   return { commit: true, result: 1 };
 * });
 * ```
 */
export async function unitOfWork<R>(
  kitos: Kitos,
  actor: Actor,
  work: (services: UnitOfWorkServices, today: IsoDate) => Promise<{ commit: boolean; result: R }>,
): Promise<R> {
  try {
    return await kitos.unitOfWork(actor, async (services, today) => {
      const outcome = await work(services, today);
      if (!outcome.commit) throw new Rollback(outcome.result);
      return outcome.result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as R;
    throw e;
  }
}
