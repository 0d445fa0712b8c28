import { describe, expect, it } from 'vitest';
import {
  ArchiveDutyRecommendation,
  ItSystemCreateSchema,
  ItSystemPatchSchema,
  ItSystemSchema,
} from './it-system.schema.js';

const ORG = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const stored = {
  uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 3,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-02-01T00:00:00.000Z',
  lastChangedBy: null,
  organizationUuid: ORG,
  name: 'Eksempel ESDH',
  accessModifier: 'Public',
  description: null,
  previousName: null,
  externalUuid: null,
  legacyId: null,
  parentUuid: null,
  rightsHolderUuid: null,
  businessTypeUuid: null,
  kleUuids: [],
  deactivated: false,
  archiveDuty: 'B',
  archiveDutyComment: 'Bevares efter bekendtgørelse',
  legalName: null,
  legalDataProcessorName: null,
};
const issuePaths = (r: { error?: { issues: { path: PropertyKey[]; code: string; params?: unknown }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.'));

describe('ArchiveDutyRecommendation', () => {
  it('keeps the KITOS codes', () => {
    expect(ArchiveDutyRecommendation.codes).toEqual({
      Undecided: 0,
      B: 1,
      K: 2,
      NoRecommendation: 3,
      PreserveDataCanDiscardDocuments: 4,
    });
  });
});

describe('ItSystemSchema', () => {
  it('accepts a system with a recommendation and its comment', () => {
    expect(ItSystemSchema.safeParse(stored).success).toBe(true);
  });
  it('refuses a comment beside no recommendation or Undecided', () => {
    expect(issuePaths(ItSystemSchema.safeParse({ ...stored, archiveDuty: null }))).toEqual(['archiveDutyComment']);
    expect(issuePaths(ItSystemSchema.safeParse({ ...stored, archiveDuty: 'Undecided' }))).toEqual([
      'archiveDutyComment',
    ]);
  });
  it('accepts Undecided or no recommendation without a comment (blank counts as none)', () => {
    expect(ItSystemSchema.safeParse({ ...stored, archiveDuty: 'Undecided', archiveDutyComment: null }).success).toBe(
      true,
    );
    expect(ItSystemSchema.safeParse({ ...stored, archiveDuty: null, archiveDutyComment: '  ' }).success).toBe(true);
  });
  it('rejects a blank name, a 101-character name and a KLE task listed twice', () => {
    expect(ItSystemSchema.safeParse({ ...stored, name: '   ' }).success).toBe(false);
    expect(ItSystemSchema.safeParse({ ...stored, name: 'x'.repeat(101) }).success).toBe(false);
    expect(ItSystemSchema.safeParse({ ...stored, kleUuids: [ORG, ORG] }).success).toBe(false);
  });
  it('accepts a 100-character name', () => {
    expect(ItSystemSchema.safeParse({ ...stored, name: 'x'.repeat(100) }).success).toBe(true);
  });
});

describe('ItSystemCreateSchema', () => {
  it('needs organisation and name, trims the name and defaults the scope to Public', () => {
    expect(ItSystemCreateSchema.parse({ organizationUuid: ORG, name: '  SBSYS ' })).toEqual({
      organizationUuid: ORG,
      name: 'SBSYS',
      accessModifier: 'Public',
    });
    expect(ItSystemCreateSchema.safeParse({ name: 'SBSYS' }).success).toBe(false);
  });
  it('keeps an explicit Local scope', () => {
    expect(
      ItSystemCreateSchema.parse({ organizationUuid: ORG, name: 'X', accessModifier: 'Local' }).accessModifier,
    ).toBe('Local');
  });
  it('refuses a comment without a recommendation', () => {
    expect(ItSystemCreateSchema.safeParse({ organizationUuid: ORG, name: 'X', archiveDutyComment: 'c' }).success).toBe(
      false,
    );
  });
});

describe('ItSystemPatchSchema', () => {
  it('refuses a comment sent beside a cleared recommendation', () => {
    expect(ItSystemPatchSchema.safeParse({ archiveDuty: null, archiveDutyComment: 'c' }).success).toBe(false);
  });
  it('lets a comment alone through (checked against the stored value by the rule)', () => {
    expect(ItSystemPatchSchema.parse({ archiveDutyComment: 'c' })).toEqual({ archiveDutyComment: 'c' });
  });
  it('cannot move a system to another creating organisation (an unknown key is refused, not dropped)', () => {
    const r = ItSystemPatchSchema.safeParse({ organizationUuid: ORG });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});
