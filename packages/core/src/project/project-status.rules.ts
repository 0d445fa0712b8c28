/**
 * The project's traffic light, computed from its milestones, risks and reported status, with the
 * reasons spelled out so a reader can see why a project is red.
 *
 * The rule (all dates inclusive, `today` given by the caller):
 * 1. The reported status counts when it is Red or Yellow (`reported-status`).
 * 2. A milestone that is not done and whose date is before today is **Red** (`milestone-overdue`).
 * 3. A milestone that is not done and is due from today up to {@link PROJECT_MILESTONE_WARNING_DAYS}
 *    days ahead is **Yellow** (`milestone-due-soon`); a milestone due today is due soon, not overdue.
 * 4. A risk with probability × consequence ≥ {@link PROJECT_HIGH_RISK_SCORE} is **Yellow** (`high-risk`).
 * The light is the worst reason. Without reasons it is Green, or White ("not assessed") when the
 * project has no milestones, no risks and no reported light.
 *
 * @module
 */
import { type IsoDate, type TrafficLight, addDays } from '../shared/index.js';
import type { Project, ProjectRisk } from './project.schema.js';

/** Days ahead within which an open milestone turns the project Yellow. */
export const PROJECT_MILESTONE_WARNING_DAYS = 14;
/** Risk score (probability × consequence) from which a risk turns the project Yellow. */
export const PROJECT_HIGH_RISK_SCORE = 15;

/**
 * A risk's score: probability × consequence, 1 to 25.
 *
 * @example
 * ```ts
 * projectRiskScore({ probability: 3, consequence: 5 }); // 15
 * ```
 */
export function projectRiskScore(risk: Pick<ProjectRisk, 'probability' | 'consequence'>): number {
  return risk.probability * risk.consequence;
}

/** Risk level by score: Low (1–7), Medium (8–14), High (15–25). */
export type ProjectRiskLevel = 'Low' | 'Medium' | 'High';

/** Why a project has the light it has. */
export interface ProjectStatusReason {
  /** `reported-status`, `milestone-overdue`, `milestone-due-soon` or `high-risk`. */
  readonly code: 'reported-status' | 'milestone-overdue' | 'milestone-due-soon' | 'high-risk';
  /** The light this reason calls for. */
  readonly trafficLight: 'Red' | 'Yellow';
  /** Readable explanation (English). */
  readonly message: string;
  /** The milestone or risk concerned, if any. */
  readonly uuid?: string;
}

/** A computed project status. */
export interface ProjectStatusResult {
  /** The resulting light. */
  readonly trafficLight: TrafficLight;
  /** Red reasons first, then Yellow; within a light: reported status, milestones by date, risks by score. */
  readonly reasons: readonly ProjectStatusReason[];
}

function milestoneReasons(project: Pick<Project, 'milestones'>, today: IsoDate): ProjectStatusReason[] {
  const warnUntil = addDays(today, PROJECT_MILESTONE_WARNING_DAYS);
  return project.milestones
    .filter((m) => !m.done && m.date !== null && m.date <= warnUntil)
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0))
    .map((m) =>
      (m.date ?? '') < today
        ? {
            code: 'milestone-overdue',
            trafficLight: 'Red',
            message: `milestone "${m.name}" was due ${m.date}`,
            uuid: m.uuid,
          }
        : {
            code: 'milestone-due-soon',
            trafficLight: 'Yellow',
            message: `milestone "${m.name}" is due ${m.date}`,
            uuid: m.uuid,
          },
    );
}

function riskReasons(project: Pick<Project, 'risks'>): ProjectStatusReason[] {
  return project.risks
    .filter((r) => projectRiskScore(r) >= PROJECT_HIGH_RISK_SCORE)
    .sort((a, b) => projectRiskScore(b) - projectRiskScore(a))
    .map((r) => ({
      code: 'high-risk',
      trafficLight: 'Yellow',
      message: `risk "${r.name}" scores ${projectRiskScore(r)}`,
      uuid: r.uuid,
    }));
}

/**
 * Computes the project's traffic light for `today` with its reasons (see the module rule).
 *
 * @example
 * ```ts
 * const s = projectStatus(project, '2025-06-01');
 * s.trafficLight;                 // 'Red'
 * s.reasons.map((r) => r.code);   // ['milestone-overdue', 'high-risk']
 * ```
 */
export function projectStatus(
  project: Pick<Project, 'status' | 'milestones' | 'risks'>,
  today: IsoDate,
): ProjectStatusResult {
  const reported = project.status.trafficLight;
  const reasons: ProjectStatusReason[] = [];
  if (reported === 'Red' || reported === 'Yellow') {
    reasons.push({ code: 'reported-status', trafficLight: reported, message: `the reported status is ${reported}` });
  }
  reasons.push(...milestoneReasons(project, today), ...riskReasons(project));
  // A stable sort keeps the per-light order described above.
  reasons.sort((a, b) => (a.trafficLight === b.trafficLight ? 0 : a.trafficLight === 'Red' ? -1 : 1));
  const first = reasons[0];
  if (first) return { trafficLight: first.trafficLight, reasons };
  const assessed = reported === 'Green' || project.milestones.length > 0 || project.risks.length > 0;
  return { trafficLight: assessed ? 'Green' : 'White', reasons };
}
