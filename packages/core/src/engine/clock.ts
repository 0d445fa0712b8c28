/**
 * Time for the services. Rules never read the clock; services ask the clock once per call and pass
 * `today` down, so a whole call sees one date.
 *
 * @module
 */
import { type IsoDate, toIsoDate } from '../shared/dates.js';

/** Source of the current instant. */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock stopped at one instant: for tests, demos and "what if" views.
 *
 * @example
 * ```ts
 * const kitos = await createKitos({ storage, clock: fixedClock('2025-06-30T10:00:00Z') });
 * ```
 */
export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`[kitos] [core] not an instant: ${String(instant)}`);
  return { now: () => new Date(at) };
}

/** Danish municipalities live in one time zone; "today" is the date there. */
export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** Today's date in the time zone, by the clock. */
export function todayBy(clock: Clock, timeZone = DEFAULT_TIME_ZONE): IsoDate {
  return toIsoDate(clock.now(), timeZone);
}
