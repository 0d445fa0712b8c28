/**
 * The read model of projects: the overview row and the card (status explained, phases, economy).
 *
 * @module
 */
import { z } from 'zod';
import type { ReadContext } from '../overview/read-context.js';
import { EntityRefSchema, PermissionsSchema, UnitRefSchema } from '../overview/refs.js';
import { defineColumns } from '../overview/query.js';
import { TrafficLight } from '../shared/enums.js';
import { IsoDateSchema, UuidSchema } from '../shared/schema.js';
import { projectStatus } from './project-status.rules.js';
import { participantsOf } from './project-participation.rules.js';
import { ProjectParticipantRole, ProjectPriority, type Project } from './project.schema.js';
import { projectEconomySummary } from './project-economy.rules.js';

const text = z.string().max(10_000).nullable();
const date = IsoDateSchema.nullable();

/** One row of the project overview. */
export const ProjectRowSchema = z.strictObject({
  uuid: UuidSchema,
  name: z.string().max(200),
  status: TrafficLight.schema,
  priority: ProjectPriority.schema,
  phase: z.string().max(200),
  phaseEnds: date,
  responsibleUnit: text,
  responsibleUnitUuid: UuidSchema.nullable(),
  joint: z.boolean(),
  ownedHere: z.boolean(),
  /** The participating organisations' names, in the project's order (the owner not included). */
  participants: z.string().max(10_000),
  /** The role of the overview's organisation: `lead` for the owner; `null` when it reads the project through an interest community. */
  role: ProjectParticipantRole.schema.nullable(),
  budget: z.number(),
  actual: z.number(),
  nextMilestone: date,
  lastChanged: IsoDateSchema,
});
/** One row of the project overview. */
export type ProjectRow = z.infer<typeof ProjectRowSchema>;

const l = (da: string, en: string) => ({ da, en });

/** Columns of the project overview. */
export const PROJECT_COLUMNS = defineColumns<ProjectRow>({
  name: { type: 'text', group: 'core', label: l('Projekt', 'Project'), visible: true },
  status: { type: 'enum', group: 'core', label: l('Status', 'Status'), visible: true, enum: 'TrafficLight' },
  priority: { type: 'enum', group: 'core', label: l('Prioritet', 'Priority'), enum: 'ProjectPriority' },
  phase: { type: 'text', group: 'core', label: l('Fase', 'Phase'), visible: true },
  phaseEnds: { type: 'date', group: 'core', label: l('Fasen slutter', 'Phase ends') },
  responsibleUnit: {
    type: 'unit',
    group: 'core',
    label: l('Ansvarlig organisationsenhed', 'Responsible unit'),
    visible: true,
    unitUuidColumn: 'responsibleUnitUuid',
  },
  responsibleUnitUuid: {
    type: 'text',
    group: 'core',
    label: l('Ansvarlig organisationsenhed (UUID)', 'Responsible unit (UUID)'),
  },
  joint: { type: 'boolean', group: 'core', label: l('Fælleskommunalt', 'Joint project') },
  ownedHere: { type: 'boolean', group: 'core', label: l('Organisationens eget', 'Owned here') },
  participants: { type: 'text', group: 'core', label: l('Deltagende organisationer', 'Participating organisations') },
  role: { type: 'enum', group: 'core', label: l('Vores rolle', 'Our role'), enum: 'ProjectParticipantRole' },
  budget: { type: 'amount', group: 'economy', label: l('Budget', 'Budget'), visible: true },
  actual: { type: 'amount', group: 'economy', label: l('Forbrug', 'Actual'), visible: true },
  nextMilestone: { type: 'date', group: 'core', label: l('Næste milepæl', 'Next milestone'), visible: true },
  lastChanged: { type: 'date', group: 'audit', label: l('Sidst redigeret', 'Last changed') },
});

/** Budgeted and actual expenses over all years (savings are reported beside them, not added). */
function economyTotals(p: Project): { budget: number; actual: number } {
  const { total } = projectEconomySummary(p.economyYears);
  return { budget: total.budget.expenses, actual: total.actual.expenses };
}

function nextMilestone(p: Project, today: string): string | null {
  return (
    p.milestones
      .filter((m) => !m.done && m.date && m.date >= today)
      .map((m) => m.date as string)
      .sort()[0] ?? null
  );
}

/**
 * The overview rows of the projects an organisation owns or takes part in.
 *
 * @example
 * ```ts
 * const rows = projectRows(projects, ctx);
 * ```
 */
export function projectRows(projects: readonly Project[], ctx: ReadContext): ProjectRow[] {
  return projects.map((p) => {
    const phase = p.phases[p.currentPhase - 1];
    const own = p.organizationUuid === ctx.organizationUuid;
    const participants = participantsOf(p);
    return {
      uuid: p.uuid,
      name: p.name,
      status: projectStatus(p, ctx.today).trafficLight,
      priority: p.priority,
      phase: phase?.name ?? String(p.currentPhase),
      phaseEnds: phase?.endDate ?? null,
      // A partner's project: its units are not ours to show.
      responsibleUnit: own ? ctx.unitPath(p.responsibleUnitUuid) : null,
      responsibleUnitUuid: own ? p.responsibleUnitUuid : null,
      joint: participants.length > 0,
      ownedHere: own,
      participants: participants.map((x) => ctx.organizationName(x.organizationUuid) ?? x.organizationUuid).join(', '),
      role: own ? 'lead' : (participants.find((x) => x.organizationUuid === ctx.organizationUuid)?.role ?? null),
      ...economyTotals(p),
      nextMilestone: nextMilestone(p, ctx.today),
      lastChanged: p.lastChanged.slice(0, 10),
    };
  });
}

/** Everything a card shows about one project. */
export const ProjectCardSchema = z.strictObject({
  uuid: UuidSchema,
  organizationUuid: UuidSchema,
  version: z.number().int(),
  name: z.string().max(200),
  owner: z.string().max(200).nullable(),
  status: TrafficLight.schema,
  statusReasons: z
    .array(
      z.strictObject({ code: z.string().max(50), trafficLight: TrafficLight.schema, message: z.string().max(500) }),
    )
    .max(1_000),
  priority: ProjectPriority.schema,
  currentPhase: z.number().int(),
  phases: z
    .array(z.strictObject({ number: z.number().int(), name: z.string().max(200), startDate: date, endDate: date }))
    .max(5),
  responsibleUnit: UnitRefSchema.nullable(),
  /** The participating organisations (same as `participants` without roles). */
  partners: z.array(EntityRefSchema).max(2_000),
  /** The participating organisations with their roles (the owner, always the lead, not included). */
  participants: z
    .array(z.strictObject({ uuid: UuidSchema, name: z.string().max(300), role: ProjectParticipantRole.schema }))
    .max(2_000),
  systemUsages: z.array(EntityRefSchema).max(2_000),
  contracts: z.array(EntityRefSchema).max(2_000),
  budget: z.number(),
  actual: z.number(),
  nextMilestone: date,
  permissions: PermissionsSchema,
});
/** Everything a card shows about one project. */
export type ProjectCard = z.infer<typeof ProjectCardSchema>;

/**
 * The card of one project, for a member of its owner or of a partner organisation. A partner sees
 * the project's own facts, not the owner's units, usages or contracts.
 *
 * @example
 * ```ts
 * const card = projectCard(project, ctx, permissions);
 * card.statusReasons; // why the traffic light shows its colour
 * ```
 */
export function projectCard(p: Project, ctx: ReadContext, permissions: z.infer<typeof PermissionsSchema>): ProjectCard {
  const status = projectStatus(p, ctx.today);
  const own = p.organizationUuid === ctx.organizationUuid;
  return {
    uuid: p.uuid,
    organizationUuid: p.organizationUuid,
    version: p.version,
    name: p.name,
    owner: ctx.organizationName(p.organizationUuid),
    status: status.trafficLight,
    statusReasons: status.reasons.map((r) => ({ code: r.code, trafficLight: r.trafficLight, message: r.message })),
    priority: p.priority,
    currentPhase: p.currentPhase,
    phases: p.phases.map((ph, i) => ({
      number: i + 1,
      name: ph.name,
      startDate: ph.startDate ?? null,
      endDate: ph.endDate ?? null,
    })),
    responsibleUnit: own ? ctx.unit(p.responsibleUnitUuid) : null,
    partners: participantsOf(p).map((x) => ({
      uuid: x.organizationUuid,
      name: ctx.organizationName(x.organizationUuid) ?? x.organizationUuid,
    })),
    participants: participantsOf(p).map((x) => ({
      uuid: x.organizationUuid,
      name: ctx.organizationName(x.organizationUuid) ?? x.organizationUuid,
      role: x.role,
    })),
    systemUsages: own ? p.systemUsageUuids.map((u) => ctx.usageName(u)) : [],
    contracts: own ? p.contractUuids.map((c) => ({ uuid: c, name: ctx.contract(c)?.name ?? c })) : [],
    ...economyTotals(p),
    nextMilestone: nextMilestone(p, ctx.today),
    permissions,
  };
}
