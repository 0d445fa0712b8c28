/**
 * Who may see a project, and which other entities it may point at.
 *
 * A project belongs to one organisation. A **joint project** also lists partner organisations
 * (`jointOrganizationUuids`), which may read it: this is how municipalities coordinate a shared
 * acquisition. Everything a project links to (units, usages, contracts, its parent project) must
 * belong to the project's own organisation.
 *
 * @module
 */
import { type IssueCode, type RuleResult, type RuleViolation, fail, ok } from '../shared/index.js';
import type { Project } from './project.schema.js';

/** The fields of another project that the parent rule needs. */
export type ProjectParentCandidate = Pick<Project, 'uuid' | 'organizationUuid' | 'parentProjectUuid'>;

/**
 * Checks setting `parentUuid` as the parent of `project`. `null` (no parent) is always fine.
 * Violations (first match wins): `parent-not-found`, `not-same-organisation`, `cycle` (the parent
 * is the project itself or one of its descendants).
 *
 * @param projects the organisation's projects (at least the parent chain), used to walk upwards.
 * @example
 * ```ts
 * projectParentValidity(child, parent.uuid, [child, parent]).ok;  // true
 * projectParentValidity(parent, child.uuid, [child, parent]);      // fails: 'cycle' (child's parent is parent)
 * ```
 */
export function projectParentValidity(
  project: Pick<Project, 'uuid' | 'organizationUuid'>,
  parentUuid: string | null,
  projects: readonly ProjectParentCandidate[],
): RuleResult<string | null> {
  if (parentUuid === null) return ok(null);
  const byUuid = new Map(projects.map((p) => [p.uuid, p]));
  const parent = byUuid.get(parentUuid);
  const context = { projectUuid: project.uuid, parentUuid };
  const violation = (code: IssueCode, message: string): RuleResult<string | null> =>
    fail({ code, message, path: ['parentProjectUuid'], context });
  if (parentUuid !== project.uuid && !parent) return violation('parent-not-found', 'the parent project does not exist');
  if (parent && parent.organizationUuid !== project.organizationUuid) {
    return violation('not-same-organisation', 'the parent project belongs to another organisation');
  }
  const seen = new Set<string>();
  for (let at: string | null | undefined = parentUuid; at; at = byUuid.get(at)?.parentProjectUuid) {
    if (at === project.uuid) return violation('cycle', 'a project cannot be its own ancestor');
    if (seen.has(at)) break; // an existing loop above us; not ours to report
    seen.add(at);
  }
  return ok(parentUuid);
}

/** The link fields of a project that must stay inside its organisation. */
export type ProjectLinks = Pick<
  Project,
  'organizationUuid' | 'responsibleUnitUuid' | 'usingUnitUuids' | 'systemUsageUuids' | 'contractUuids'
>;

/**
 * Checks that every linked unit, usage and contract belongs to the project's organisation, and
 * that the responsible unit is one of the using units. `organizationOf` maps each referenced
 * uuid to its organisation's uuid. Violations, in field order (responsible unit, using units,
 * usages, contracts): `reference-not-found` (not in the map), `not-same-organisation`, then
 * `responsible-unit-not-using`.
 *
 * @example
 * ```ts
 * const orgs = new Map([[unitUuid, orgA], [usageUuid, orgB]]);
 * projectLinksValidity({ ...project, organizationUuid: orgA }, orgs); // fails: usage is in orgB
 * ```
 */
export function projectLinksValidity(
  project: ProjectLinks,
  organizationOf: ReadonlyMap<string, string>,
): RuleResult<ProjectLinks> {
  const violations: RuleViolation[] = [];
  const check = (uuid: string, path: (string | number)[]) => {
    const owner = organizationOf.get(uuid);
    if (owner === undefined) {
      violations.push({
        code: 'reference-not-found',
        message: 'the linked entity is unknown',
        path,
        context: { uuid },
      });
    } else if (owner !== project.organizationUuid) {
      violations.push({
        code: 'not-same-organisation',
        message: 'the linked entity belongs to another organisation',
        path,
        context: { uuid, organizationUuid: owner },
      });
    }
  };
  if (project.responsibleUnitUuid) check(project.responsibleUnitUuid, ['responsibleUnitUuid']);
  for (const field of ['usingUnitUuids', 'systemUsageUuids', 'contractUuids'] as const) {
    project[field].forEach((u, i) => {
      check(u, [field, i]);
    });
  }
  if (project.responsibleUnitUuid && !project.usingUnitUuids.includes(project.responsibleUnitUuid)) {
    violations.push({
      code: 'responsible-unit-not-using',
      message: 'the responsible unit must be one of the using units',
      path: ['responsibleUnitUuid'],
    });
  }
  return violations.length ? fail(...violations) : ok(project);
}
