/**
 * The project service: acquisition and phase-out projects, including joint projects that partner
 * organisations may read.
 *
 * @module
 */
import { CONTRACT, PROJECT, UNIT, USAGE } from './kinds.js';
import { type CallRunner, createEntityService } from '../engine/service.js';
import { newProjectFields } from '../project/project-defaults.js';
import { ProjectCreateSchema, ProjectFieldsSchema, ProjectPatchSchema } from '../project/project.schema.js';
import { projectParentValidity } from '../project/project-links.rules.js';
import { participationValidity, reconcileParticipation } from '../project/project-participation.rules.js';
import type { Project } from '../project/project.schema.js';
import { enforce, sameOrganisation } from './enforce.js';
import { allOf, uuidsInOrganization } from './lookup.js';
import { DETACHING_REFERENCES } from './references.js';

/** Projects. */
export function projectService(runner: CallRunner) {
  return createEntityService(runner, {
    def: PROJECT,
    fieldsSchema: ProjectFieldsSchema,
    createSchema: ProjectCreateSchema,
    patchSchema: ProjectPatchSchema,
    protect: (_call, p) => ({
      kind: 'project' as const,
      uuid: p.uuid,
      organizationUuid: p.organizationUuid,
      jointOrganizationUuids: p.jointOrganizationUuids,
    }),
    createOrganization: (i) => i.organizationUuid,
    prepareCreate: (_call, input) => newProjectFields(input),
    detach: DETACHING_REFERENCES,
    derive: (next, current) => ({ ...next, ...enforce(reconcileParticipation(next, current), 'project') }),
    check: async (call, next) => {
      const org = next.organizationUuid;
      enforce(participationValidity(next), 'project');
      const projects = await allOf<Project>(call.tx, PROJECT.kind, org);
      enforce(
        projectParentValidity(next, next.parentProjectUuid, [...projects.filter((p) => p.uuid !== next.uuid), next]),
        'project',
      );
      const units = await uuidsInOrganization(call.tx, UNIT.kind, org);
      sameOrganisation(
        [next.responsibleUnitUuid, ...next.usingUnitUuids].map((uuid, i) => ({
          path: i === 0 ? ['responsibleUnitUuid'] : ['usingUnitUuids', i - 1],
          uuid,
        })),
        units,
        'project',
      );
      const usages = await uuidsInOrganization(call.tx, USAGE.kind, org);
      sameOrganisation(
        next.systemUsageUuids.map((uuid, i) => ({ path: ['systemUsageUuids', i], uuid })),
        usages,
        'project',
      );
      const contracts = await uuidsInOrganization(call.tx, CONTRACT.kind, org);
      sameOrganisation(
        next.contractUuids.map((uuid, i) => ({ path: ['contractUuids', i], uuid })),
        contracts,
        'project',
      );
    },
  });
}
