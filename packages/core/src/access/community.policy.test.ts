// Projects read through interest communities: the policy's answer for one project and the storage
// filter a list pushes down agree for every actor and project, and only membership (of the owner,
// a participant, or a community that owns or takes part) grants reading, never changing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../storage/evaluate.js';
import { actorContext } from './actor.js';
import { canModify, canRead, readFilter } from './policy.js';

const ORGS = [1, 2, 3, 4, 5, 6].map((i) => `00000000-0000-4000-8000-00000000000${i}`);
const org = fc.constantFrom(...ORGS);

describe('projects and interest communities', () => {
  it('canRead and readFilter agree, and a community member never modifies', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(org, { maxLength: 3 }),
        fc.uniqueArray(org, { maxLength: 3 }),
        org,
        fc.uniqueArray(org, { maxLength: 3 }),
        (mine, communities, owner, joint) => {
          const ctx = actorContext({
            userUuid: '00000000-0000-4000-8000-0000000000aa',
            memberships: mine.map((o) => ({ organizationUuid: o, role: 'LocalAdmin' as const })),
            communityUuids: communities,
          });
          const project = {
            kind: 'project' as const,
            uuid: 'p',
            organizationUuid: owner,
            jointOrganizationUuids: joint,
          };
          const scope = readFilter(ctx, 'project');
          const listed =
            scope === 'all' ||
            (scope !== 'none' &&
              matchesFilter({ organizationUuid: owner, jointOrganizationUuids: joint }, scope, {
                jointOrganizationUuids: 'textList',
              }));
          expect(listed).toBe(canRead(ctx, project));
          const expected =
            mine.includes(owner) ||
            communities.includes(owner) ||
            joint.some((o) => mine.includes(o) || communities.includes(o));
          expect(canRead(ctx, project)).toBe(expected);
          expect(canModify(ctx, project)).toBe(mine.includes(owner));
        },
      ),
      { numRuns: 500, seed: 20261206 },
    );
  });

  it('grants nothing through a community for contracts through the policy (the coordination reads show them)', () => {
    const ctx = actorContext({ userUuid: 'u', communityUuids: [ORGS[0] as string] });
    expect(canRead(ctx, { kind: 'itContract', uuid: 'c', organizationUuid: ORGS[0] as string })).toBe(false);
  });
});
