/**
 * Phase rules: the five phases run in order without overlapping, and the dates tell which phase
 * a project is in on a given day.
 *
 * All dates are inclusive: a phase from 1 March to 31 March covers both days. One day may be
 * shared: when a phase starts on the day the previous one ends (a handover day), that day belongs
 * to the phase that starts. Gaps between phases are allowed; on a day in a gap no phase applies.
 *
 * @module
 */
import { type IsoDate, type RuleResult, type RuleViolation, fail, maxDate, ok } from '../shared/index.js';
import type { Project, ProjectPhaseNumber } from './project.schema.js';

/** The dates of one phase, as the phase rules need them. */
export type ProjectPhaseDates = { readonly startDate: IsoDate | null; readonly endDate: IsoDate | null };

/**
 * Checks the phase dates. Violations, in phase order:
 * - `phase-ends-before-start` (path `[i, 'endDate']`): the end date is before the start date;
 * - `phase-overlap` (path `[i, 'startDate']`, or `'endDate'` when the phase has no start): the
 *   phase begins before the latest date of the nearest earlier phase that has dates.
 * Phases without dates are skipped; a phase may start on the day the previous one ends.
 *
 * @example
 * ```ts
 * projectPhasesValidity([
 *   { startDate: '2025-01-01', endDate: '2025-03-31' },
 *   { startDate: '2025-03-31', endDate: '2025-06-30' }, // handover day: fine
 * ]).ok; // true
 * ```
 */
export function projectPhasesValidity<T extends ProjectPhaseDates>(phases: readonly T[]): RuleResult<readonly T[]> {
  const violations: RuleViolation[] = [];
  let previous: { index: number; latest: IsoDate } | null = null;
  phases.forEach((phase, index) => {
    const { startDate, endDate } = phase;
    if (startDate && endDate && endDate < startDate) {
      violations.push({
        code: 'phase-ends-before-start',
        message: `phase ${index + 1} ends before it starts`,
        path: [index, 'endDate'],
        context: { startDate, endDate },
      });
    }
    const earliest = startDate ?? endDate;
    if (earliest && previous && earliest < previous.latest) {
      violations.push({
        code: 'phase-overlap',
        message: `phase ${index + 1} begins before phase ${previous.index + 1} ends`,
        path: [index, startDate ? 'startDate' : 'endDate'],
        context: { previousPhase: previous.index + 1, previousEnd: previous.latest, begins: earliest },
      });
    }
    const latest = endDate && startDate ? maxDate(startDate, endDate) : (endDate ?? startDate);
    if (latest) previous = { index, latest };
  });
  return violations.length ? fail(...violations) : ok(phases);
}

/**
 * The phase (1–5) a project is in on `today` according to its dates, or `null` when the dates do
 * not say (before the first phase, in a gap, after the last phase ended, or no dates at all).
 * A phase needs a start date to count; without an end date it lasts until a later phase starts.
 * On a handover day the phase that starts wins.
 *
 * @example
 * ```ts
 * projectPhaseOn(project, '2025-03-31'); // 2 when phase 2 starts on 31 March, the day phase 1 ends
 * ```
 */
export function projectPhaseOn(project: Pick<Project, 'phases'>, today: IsoDate): ProjectPhaseNumber | null {
  for (let i = project.phases.length - 1; i >= 0; i -= 1) {
    const phase = project.phases[i];
    if (!phase?.startDate || phase.startDate > today) continue;
    // The latest phase that has started decides: either today is inside it, or it has ended
    // and today falls in a gap or after the last phase.
    return phase.endDate === null || today <= phase.endDate ? ((i + 1) as ProjectPhaseNumber) : null;
  }
  return null;
}

/** The phase to show for a project, and whether the manually set phase agrees with the dates. */
export interface ProjectCurrentPhase {
  /** The phase by the dates when they say one, else the manually set phase. */
  readonly phase: ProjectPhaseNumber;
  /** Where {@link ProjectCurrentPhase.phase} comes from. */
  readonly source: 'dates' | 'manual';
  /** The phase by the dates ({@link projectPhaseOn}), or `null`. */
  readonly byDates: ProjectPhaseNumber | null;
  /** The phase set on the project. */
  readonly manual: ProjectPhaseNumber;
  /** False when the dates name a phase other than the manual one (worth a look). */
  readonly inSync: boolean;
}

/**
 * Compares the manually set `currentPhase` with the phase the dates give for `today`.
 *
 * @example
 * ```ts
 * const p = projectCurrentPhase(project, '2025-05-01');
 * if (!p.inSync) console.log(`dates say phase ${p.byDates}, the project says ${p.manual}`);
 * ```
 */
export function projectCurrentPhase(
  project: Pick<Project, 'phases' | 'currentPhase'>,
  today: IsoDate,
): ProjectCurrentPhase {
  const manual = project.currentPhase;
  const byDates = projectPhaseOn(project, today);
  return {
    phase: byDates ?? manual,
    source: byDates === null ? 'manual' : 'dates',
    byDates,
    manual,
    inSync: byDates === null || byDates === manual,
  };
}
