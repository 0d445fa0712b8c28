/**
 * Who takes part in a project: the one place that keeps a project's `participants` (organisation
 * and role) and its derived `jointOrganizationUuids` (the list storage indexes and the permission
 * rules read) in step, and the rules over them.
 *
 * The owning organisation is always the project's lead and is never listed. A participant is
 * `lead` (leads together with the owner), `partner` or `observer`; every participant's people read
 * the project, and when the participant is an interest community, so do the people of its member
 * organisations (see the access policy). Only the owner changes the project.
 *
 * @module
 */
import { fail, ok, type RuleResult, type RuleViolation } from '../shared/result.js';
import type { Project, ProjectParticipant, ProjectParticipantRole } from './project.schema.js';

/** The participation fields of a project. */
export type ProjectParticipation = Pick<Project, 'participants' | 'jointOrganizationUuids'>;

/** The role a participant gets when it is added through `jointOrganizationUuids` alone. */
export const DEFAULT_PARTICIPANT_ROLE: ProjectParticipantRole = 'partner';

const key = (uuid: string) => uuid.toLowerCase();

/**
 * The participants of a stored project. Projects stored before participation had roles have only
 * `jointOrganizationUuids`: each of those organisations is a `partner`.
 *
 * @example
 * ```ts
 * participantsOf({ jointOrganizationUuids: [vejle] } as Project); // [{ organizationUuid: vejle, role: 'partner' }]
 * ```
 */
export function participantsOf(
  p: Pick<Project, 'jointOrganizationUuids'> & { readonly participants?: readonly ProjectParticipant[] },
): ProjectParticipant[] {
  // The core derives the joint organisations from the participants on every write, so joint
  // organisations without participants are a project stored before participants had roles (read
  // with the schema's default of none): its joint organisations are its partners.
  const legacy = !p.participants || (p.participants.length === 0 && p.jointOrganizationUuids.length > 0);
  return !legacy && p.participants
    ? p.participants.map((x) => ({ ...x }))
    : p.jointOrganizationUuids.map((organizationUuid) => ({ organizationUuid, role: DEFAULT_PARTICIPANT_ROLE }));
}

const sameOrganisations = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => key(x) === key(b[i] as string));
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const s = new Set(a.map(key));
  return a.length === b.length && b.every((x) => s.has(key(x)));
};
const sameParticipants = (a: readonly ProjectParticipant[], b: readonly ProjectParticipant[]) =>
  a.length === b.length &&
  a.every((x, i) => key(x.organizationUuid) === key(b[i]?.organizationUuid ?? '') && x.role === b[i]?.role);

/**
 * The participation of the next state of a project, from what the write changed against the
 * previous state (none for a new project):
 *
 * - `participants` changed (or both lists changed and name the same organisations): they are kept
 *   and `jointOrganizationUuids` becomes their organisations, in their order;
 * - only `jointOrganizationUuids` changed: the participants follow it, organisations already
 *   taking part keep their roles and new ones join as {@link DEFAULT_PARTICIPANT_ROLE};
 * - both changed and disagree: `participants-mismatch`.
 *
 * Every write path of projects runs this before the project's checks.
 *
 * @example
 * ```ts
 * reconcileParticipation({ participants: [{ organizationUuid: vejle, role: 'observer' }], jointOrganizationUuids: [] }, undefined);
 * // ok: jointOrganizationUuids [vejle]
 * ```
 */
export function reconcileParticipation(
  next: { readonly participants?: readonly ProjectParticipant[]; readonly jointOrganizationUuids: readonly string[] },
  previous:
    | (Pick<Project, 'jointOrganizationUuids'> & { readonly participants?: readonly ProjectParticipant[] })
    | undefined,
): RuleResult<ProjectParticipation> {
  const before = previous ? participantsOf(previous) : [];
  const beforeJoint = previous?.jointOrganizationUuids ?? [];
  const participants = next.participants ?? before;
  const participantsChanged = !sameParticipants(participants, before);
  const jointChanged = !sameOrganisations(next.jointOrganizationUuids, beforeJoint);
  const derived = participants.map((p) => p.organizationUuid);
  if (participantsChanged || !jointChanged) {
    if (jointChanged && participantsChanged && !sameSet(next.jointOrganizationUuids, derived))
      return fail({
        code: 'participants-mismatch',
        message: 'jointOrganizationUuids must name the organisations of participants (or be left out)',
        path: ['jointOrganizationUuids'],
      });
    return ok({ participants: participants.map((p) => ({ ...p })), jointOrganizationUuids: derived });
  }
  const roles = new Map(participants.map((p) => [key(p.organizationUuid), p.role]));
  return ok({
    participants: next.jointOrganizationUuids.map((organizationUuid) => ({
      organizationUuid,
      role: roles.get(key(organizationUuid)) ?? DEFAULT_PARTICIPANT_ROLE,
    })),
    jointOrganizationUuids: [...next.jointOrganizationUuids],
  });
}

/**
 * Rules over a project's participants beyond their shape (the schema already refuses an unknown
 * role and an organisation listed twice; the reference check refuses an organisation that does not
 * exist): the owning organisation is not listed (`owner-participates`: it is always the lead).
 *
 * @example
 * ```ts
 * participationValidity({ organizationUuid: aarhus, participants: [{ organizationUuid: aarhus, role: 'partner' }] });
 * // fails: owner-participates at ['participants', 0, 'organizationUuid']
 * ```
 */
export function participationValidity(
  project: Pick<Project, 'organizationUuid' | 'participants'>,
): RuleResult<readonly ProjectParticipant[]> {
  const violations: RuleViolation[] = [];
  project.participants.forEach((p, i) => {
    if (key(p.organizationUuid) === key(project.organizationUuid))
      violations.push({
        code: 'owner-participates',
        message: 'the owning organisation leads the project and is not listed among its participants',
        path: ['participants', i, 'organizationUuid'],
        context: { organizationUuid: p.organizationUuid },
      });
  });
  return violations.length > 0 ? fail(...violations) : ok(project.participants);
}
