/**
 * Projects: the acquisition and phase-out projects around an organisation's IT systems.
 *
 * KITOS removed its project module in 2022; this library keeps a lean version of it: five fixed
 * phases with dates, a reported status, milestones, risks, goals, a budget per year, links to
 * usages, contracts and units, and joint projects that partner organisations may read.
 *
 * @module
 */
import { z } from 'zod';
import {
  EntityMetaSchema,
  type EnumValue,
  IsoDateSchema,
  IsoDateTimeSchema,
  TrafficLight,
  UuidSchema,
  kitosEnum,
  nameSchema,
} from '../shared/index.js';
import { projectPhasesValidity } from './project-phase.rules.js';
import { boundedText, distinctList, LIMITS } from '../shared/limits.js';

/** Longest project name. */
export const PROJECT_NAME_MAX_LENGTH = 200;

/** Project priority (KITOS `ItProjectPriority`): None=0, Low=1, Mid=2, High=3. */
export const ProjectPriority = kitosEnum({ None: 0, Low: 1, Mid: 2, High: 3 });
/** Project priority. */
export type ProjectPriority = EnumValue<typeof ProjectPriority>;

/** Default names of the five phases, in order (KITOS's `Phase1`..`Phase5`). */
export const PROJECT_PHASE_DEFAULT_NAMES = ['Afventer', 'Foranalyse', 'Gennemførsel', 'Overlevering', 'Drift'] as const;

/** A phase number, 1 (Afventer) to 5 (Drift). */
export const ProjectPhaseNumberSchema = z.literal([1, 2, 3, 4, 5]);
/** A phase number, 1 to 5. */
export type ProjectPhaseNumber = z.infer<typeof ProjectPhaseNumberSchema>;

/** One phase: its (renamable) name and optional inclusive start and end dates. */
export const ProjectPhaseSchema = z.strictObject({
  name: nameSchema(100),
  startDate: IsoDateSchema.nullable(),
  endDate: IsoDateSchema.nullable(),
});
/** One project phase. */
export type ProjectPhase = z.infer<typeof ProjectPhaseSchema>;

/**
 * Exactly five phases in order. Each phase ends on or after it starts, and starts on or after the
 * previous dated phase ends (a shared handover day is allowed; gaps are allowed).
 */
export const ProjectPhasesSchema = z
  .tuple([ProjectPhaseSchema, ProjectPhaseSchema, ProjectPhaseSchema, ProjectPhaseSchema, ProjectPhaseSchema])
  .superRefine((phases, ctx) => {
    const result = projectPhasesValidity(phases);
    if (result.ok) return;
    for (const v of result.violations) {
      ctx.addIssue({ code: 'custom', path: [...(v.path ?? [])], message: v.message, params: { code: v.code } });
    }
  });
/** The five phases of a project. */
export type ProjectPhases = z.infer<typeof ProjectPhasesSchema>;

/** The status the project manager reports: a traffic light, a note, and when it was set. */
export const ProjectReportedStatusSchema = z.strictObject({
  trafficLight: TrafficLight.schema,
  note: boundedText(LIMITS.note).nullable(),
  updatedAt: IsoDateTimeSchema.nullable(),
});
/** The reported project status. */
export type ProjectReportedStatus = z.infer<typeof ProjectReportedStatusSchema>;

/** A milestone: due date (inclusive), its own traffic light, and whether it is done. */
export const ProjectMilestoneSchema = z.strictObject({
  uuid: UuidSchema,
  name: nameSchema(PROJECT_NAME_MAX_LENGTH),
  date: IsoDateSchema.nullable(),
  status: TrafficLight.schema,
  done: z.boolean(),
});
/** A project milestone. */
export type ProjectMilestone = z.infer<typeof ProjectMilestoneSchema>;

/** A risk, rated 1–5 for probability and consequence; see `projectRiskScore`. */
export const ProjectRiskSchema = z.strictObject({
  uuid: UuidSchema,
  name: nameSchema(PROJECT_NAME_MAX_LENGTH),
  probability: z.number().int().min(1).max(5),
  consequence: z.number().int().min(1).max(5),
  action: boundedText(LIMITS.text).nullable(),
  responsibleUserUuid: UuidSchema.nullable(),
});
/** A project risk. */
export type ProjectRisk = z.infer<typeof ProjectRiskSchema>;

/** A goal the project should reach, with its status and target date. */
export const ProjectGoalSchema = z.strictObject({
  uuid: UuidSchema,
  name: nameSchema(PROJECT_NAME_MAX_LENGTH),
  measurable: z.boolean(),
  status: TrafficLight.schema,
  targetDate: IsoDateSchema.nullable(),
});
/** A project goal. */
export type ProjectGoal = z.infer<typeof ProjectGoalSchema>;

const amount = z.number().int().min(0).default(0);

/**
 * Amounts (whole kroner) per economy category. Expenses: consultants, education, hardware,
 * software, other. Savings: salary (staff time saved) and savings (other savings, e.g. licences
 * or maintenance no longer paid). Missing categories are 0.
 */
export const ProjectEconomyAmountsSchema = z.strictObject({
  consultants: amount,
  education: amount,
  hardware: amount,
  software: amount,
  other: amount,
  salary: amount,
  savings: amount,
});
/** Amounts per economy category. */
export type ProjectEconomyAmounts = z.infer<typeof ProjectEconomyAmountsSchema>;

/** Budget and actual (realised) amounts for one calendar year. */
export const ProjectEconomyYearSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  budget: ProjectEconomyAmountsSchema,
  actual: ProjectEconomyAmountsSchema,
});
/** One economy year. */
export type ProjectEconomyYear = z.infer<typeof ProjectEconomyYearSchema>;

const uuidList = (what: string) => distinctList(UuidSchema, { max: LIMITS.references, what });

/**
 * The role of an organisation in a project. The owning organisation is always `lead`; a
 * participating organisation is `lead` too when it leads the project together with the owner,
 * `partner` when it takes part (staff, money, its own rollout), `observer` when it follows the
 * project to learn from it. Every participant reads the project; only the owner changes it.
 */
export const ProjectParticipantRole = kitosEnum({ lead: 0, partner: 1, observer: 2 });
/** The role of an organisation in a project. */
export type ProjectParticipantRole = EnumValue<typeof ProjectParticipantRole>;

/** An organisation taking part in a project (besides its owner), with its role. */
export const ProjectParticipantSchema = z.strictObject({
  organizationUuid: UuidSchema,
  role: ProjectParticipantRole.schema,
});
/** An organisation taking part in a project. */
export type ProjectParticipant = z.infer<typeof ProjectParticipantSchema>;

/** The fields of a project, without identity and metadata. */
export const ProjectFieldsSchema = z.strictObject({
  organizationUuid: UuidSchema,
  name: nameSchema(PROJECT_NAME_MAX_LENGTH),
  /** The organisation's own project number or code. */
  projectId: z.string().max(100).nullable(),
  description: boundedText(LIMITS.note).nullable(),
  background: boundedText(LIMITS.note).nullable(),
  note: boundedText(LIMITS.note).nullable(),
  /** A project type option (`it-project-types`). */
  type: UuidSchema.nullable(),
  isArchived: z.boolean(),
  isStrategic: z.boolean(),
  isTransversal: z.boolean(),
  priority: ProjectPriority.schema,
  responsibleUnitUuid: UuidSchema.nullable(),
  usingUnitUuids: uuidList('an organisation unit'),
  systemUsageUuids: uuidList('a system usage'),
  contractUuids: uuidList('a contract'),
  kleUuids: uuidList('a KLE task'),
  parentProjectUuid: UuidSchema.nullable(),
  /**
   * The organisations taking part in a joint project, each with its role (the owner is not listed:
   * it is always the lead). Municipalities and interest communities; the people of a participating
   * community's member organisations read the project too.
   */
  participants: distinctList(ProjectParticipantSchema, {
    max: LIMITS.references,
    key: (p) => p.organizationUuid.toLowerCase(),
    what: 'a participating organisation',
  }),
  /**
   * The participants' organisations, in the order of `participants`: kept by the core on every
   * write (see `reconcileParticipation`) so that storage can index who reads the project. Writing
   * it without `participants` is the short way to set the participants: organisations added join
   * as `partner`, the others keep their roles.
   */
  jointOrganizationUuids: uuidList('an organisation'),
  phases: ProjectPhasesSchema,
  /** The phase the project manager says the project is in; compare `projectCurrentPhase`. */
  currentPhase: ProjectPhaseNumberSchema,
  status: ProjectReportedStatusSchema,
  milestones: distinctList(ProjectMilestoneSchema, { max: LIMITS.items, key: (m) => m.uuid, what: 'a milestone' }),
  risks: distinctList(ProjectRiskSchema, { max: LIMITS.items, key: (r) => r.uuid, what: 'a risk' }),
  goals: distinctList(ProjectGoalSchema, { max: LIMITS.items, key: (g) => g.uuid, what: 'a goal' }),
  economyYears: distinctList(ProjectEconomyYearSchema, { max: LIMITS.items, key: (y) => y.year, what: 'a year' }),
});
/** The fields of a project. */
export type ProjectFields = z.infer<typeof ProjectFieldsSchema>;

/**
 * A stored project.
 *
 * @example
 * ```ts
 * const project = parse(ProjectSchema, json, 'project'); // bad input: KitosValidationError listing every problem
 * project.phases[2].name; // 'Gennemførsel' unless renamed
 * ```
 */
export const ProjectSchema = EntityMetaSchema.extend({
  ...ProjectFieldsSchema.shape,
  // A project stored before participants had roles has none: `participantsOf` reads its joint
  // organisations as partners.
  participants: ProjectFieldsSchema.shape.participants.default([]),
});
/** A stored project. */
export type Project = z.infer<typeof ProjectSchema>;

/** Input for creating a project: organisation and name required; see `newProjectFields` for defaults. */
export const ProjectCreateSchema = ProjectFieldsSchema.partial().required({ organizationUuid: true, name: true });
/** Input for creating a project. */
export type ProjectCreate = z.infer<typeof ProjectCreateSchema>;

/** Input for changing a project; a project cannot move to another organisation. */
export const ProjectPatchSchema = ProjectFieldsSchema.omit({ organizationUuid: true }).partial();
/** Input for changing a project. */
export type ProjectPatch = z.infer<typeof ProjectPatchSchema>;
