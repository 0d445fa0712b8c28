import { describe, expect, it } from 'vitest';
import { participantsOf, participationValidity, reconcileParticipation } from './project-participation.rules.js';
import { ProjectFieldsSchema } from './project.schema.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const OWNER = '44444444-4444-4444-8444-444444444444';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => {
  expect(r.ok).toBe(true);
  return (r as { value: T }).value;
};

describe('reconcileParticipation', () => {
  it('derives the joint organisations from new participants, in their order', () => {
    const r = value(
      reconcileParticipation(
        {
          participants: [
            { organizationUuid: B, role: 'observer' },
            { organizationUuid: A, role: 'lead' },
          ],
          jointOrganizationUuids: [],
        },
        undefined,
      ),
    );
    expect(r.jointOrganizationUuids).toEqual([B, A]);
  });

  it('turns a change of the joint organisations alone into participants: new ones are partners, others keep their roles', () => {
    const previous = {
      participants: [{ organizationUuid: A, role: 'observer' as const }],
      jointOrganizationUuids: [A],
    };
    const r = value(reconcileParticipation({ ...previous, jointOrganizationUuids: [A, C] }, previous));
    expect(r.participants).toEqual([
      { organizationUuid: A, role: 'observer' },
      { organizationUuid: C, role: 'partner' },
    ]);
    expect(r.jointOrganizationUuids).toEqual([A, C]);
    // Removing one through the joint list removes the participant.
    expect(value(reconcileParticipation({ ...r, jointOrganizationUuids: [C] }, r)).participants).toEqual([
      { organizationUuid: C, role: 'partner' },
    ]);
  });

  it('overrides a stale joint list when only the participants changed (a read record written back)', () => {
    const previous = { participants: [{ organizationUuid: A, role: 'partner' as const }], jointOrganizationUuids: [A] };
    const r = value(
      reconcileParticipation(
        { participants: [{ organizationUuid: B, role: 'lead' }], jointOrganizationUuids: [A] },
        previous,
      ),
    );
    expect(r.jointOrganizationUuids).toEqual([B]);
  });

  it('refuses both lists changed to different organisations, and accepts them agreeing', () => {
    const r = reconcileParticipation(
      { participants: [{ organizationUuid: A, role: 'partner' }], jointOrganizationUuids: [B] },
      undefined,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.violations.map((v) => v.code)).toEqual(['participants-mismatch']);
    const agreeing = reconcileParticipation(
      { participants: [{ organizationUuid: A, role: 'observer' }], jointOrganizationUuids: [A.toUpperCase()] },
      undefined,
    );
    expect(value(agreeing).participants).toEqual([{ organizationUuid: A, role: 'observer' }]);
  });

  it('reads projects stored before participants had roles as partners', () => {
    expect(participantsOf({ jointOrganizationUuids: [A] })).toEqual([{ organizationUuid: A, role: 'partner' }]);
    const old = { jointOrganizationUuids: [A, B] };
    expect(value(reconcileParticipation({ jointOrganizationUuids: [A, B] }, old)).participants).toHaveLength(2);
  });
});

describe('participationValidity and the schema', () => {
  it('refuses the owner among the participants', () => {
    const r = participationValidity({
      organizationUuid: OWNER,
      participants: [
        { organizationUuid: A, role: 'partner' },
        { organizationUuid: OWNER.toUpperCase(), role: 'lead' },
      ],
    });
    expect(!r.ok && r.violations).toEqual([
      expect.objectContaining({ code: 'owner-participates', path: ['participants', 1, 'organizationUuid'] }),
    ]);
    expect(participationValidity({ organizationUuid: OWNER, participants: [] }).ok).toBe(true);
  });

  it('refuses an organisation listed twice and a role outside the closed list', () => {
    const twice = ProjectFieldsSchema.shape.participants.safeParse([
      { organizationUuid: A, role: 'partner' },
      { organizationUuid: A.toUpperCase(), role: 'observer' },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual([1]);
    const role = ProjectFieldsSchema.shape.participants.safeParse([{ organizationUuid: A, role: 'boss' }]);
    expect(role.success).toBe(false);
    expect(role.error?.issues[0]?.path).toEqual([0, 'role']);
  });
});
