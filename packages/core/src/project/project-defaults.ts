/**
 * Defaults for a new project, so a create call needs only an organisation and a name.
 *
 * @module
 */
import {
  PROJECT_PHASE_DEFAULT_NAMES,
  type ProjectCreate,
  type ProjectFields,
  type ProjectPhases,
} from './project.schema.js';

/**
 * Five undated phases with the default names Afventer, Foranalyse, Gennemførsel, Overlevering, Drift.
 *
 * @example
 * ```ts
 * defaultProjectPhases()[4]; // { name: 'Drift', startDate: null, endDate: null }
 * ```
 */
export function defaultProjectPhases(): ProjectPhases {
  const [p1, p2, p3, p4, p5] = PROJECT_PHASE_DEFAULT_NAMES.map((name) => ({ name, startDate: null, endDate: null }));
  return [p1!, p2!, p3!, p4!, p5!];
}

/**
 * The full field set of a new project: the given input over the defaults (not archived, priority
 * None, phase 1 of five undated phases, White status, empty lists). Parse the input with
 * `ProjectCreateSchema` first.
 *
 * @example
 * ```ts
 * const fields = newProjectFields({ organizationUuid, name: 'Nyt ESDH' });
 * fields.currentPhase; // 1
 * ```
 */
export function newProjectFields(input: ProjectCreate): ProjectFields {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as ProjectCreate;
  return {
    projectId: null,
    description: null,
    background: null,
    note: null,
    type: null,
    isArchived: false,
    isStrategic: false,
    isTransversal: false,
    priority: 'None',
    responsibleUnitUuid: null,
    usingUnitUuids: [],
    systemUsageUuids: [],
    contractUuids: [],
    kleUuids: [],
    parentProjectUuid: null,
    participants: [],
    jointOrganizationUuids: [],
    phases: defaultProjectPhases(),
    currentPhase: 1,
    status: { trafficLight: 'White', note: null, updatedAt: null },
    milestones: [],
    risks: [],
    goals: [],
    economyYears: [],
    ...defined,
  };
}
