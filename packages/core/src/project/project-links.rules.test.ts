import { describe, expect, it } from 'vitest';
import { projectLinksValidity, projectParentValidity } from './project-links.rules.js';
import { ORG_A, ORG_B, testProject } from './testing/fixtures/project-builders.js';

const uuid = (n: number) => `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) =>
  r.ok ? [] : (r.violations ?? []).map((v) => v.code);

describe('projectParentValidity', () => {
  const root = { uuid: uuid(1), organizationUuid: ORG_A, parentProjectUuid: null };
  const child = { uuid: uuid(2), organizationUuid: ORG_A, parentProjectUuid: uuid(1) };
  const grandchild = { uuid: uuid(3), organizationUuid: ORG_A, parentProjectUuid: uuid(2) };
  const foreign = { uuid: uuid(4), organizationUuid: ORG_B, parentProjectUuid: null };
  const all = [root, child, grandchild, foreign];
  it('accepts no parent and a parent in the same organisation', () => {
    expect(projectParentValidity(child, null, all).ok).toBe(true);
    expect(projectParentValidity(grandchild, uuid(1), all).ok).toBe(true);
  });
  it('refuses the project itself and its descendants as parent', () => {
    expect(codes(projectParentValidity(root, uuid(1), all))).toEqual(['cycle']);
    expect(codes(projectParentValidity(root, uuid(3), all))).toEqual(['cycle']);
  });
  it('refuses an unknown parent and a parent in another organisation', () => {
    expect(codes(projectParentValidity(root, uuid(9), all))).toEqual(['parent-not-found']);
    expect(codes(projectParentValidity(root, uuid(4), all))).toEqual(['not-same-organisation']);
  });
  it('stops at a loop higher up instead of running forever', () => {
    const a = { uuid: uuid(5), organizationUuid: ORG_A, parentProjectUuid: uuid(6) };
    const b = { uuid: uuid(6), organizationUuid: ORG_A, parentProjectUuid: uuid(5) };
    expect(projectParentValidity(root, uuid(5), [root, a, b]).ok).toBe(true);
  });
});

describe('projectLinksValidity', () => {
  it('accepts links that all belong to the project organisation', () => {
    const p = testProject({ responsibleUnitUuid: uuid(1), usingUnitUuids: [uuid(1)], contractUuids: [uuid(2)] });
    const orgs = new Map([
      [uuid(1), ORG_A],
      [uuid(2), ORG_A],
    ]);
    expect(projectLinksValidity(p, orgs).ok).toBe(true);
  });
  it('reports foreign, unknown and misplaced links in field order', () => {
    const p = testProject({
      responsibleUnitUuid: uuid(1),
      usingUnitUuids: [uuid(2)],
      systemUsageUuids: [uuid(3)],
      contractUuids: [uuid(9)],
    });
    const orgs = new Map([
      [uuid(1), ORG_A],
      [uuid(2), ORG_A],
      [uuid(3), ORG_B],
    ]);
    const r = projectLinksValidity(p, orgs);
    expect(r.ok ? [] : r.violations.map((v) => [v.code, v.path])).toEqual([
      ['not-same-organisation', ['systemUsageUuids', 0]],
      ['reference-not-found', ['contractUuids', 0]],
      ['responsible-unit-not-using', ['responsibleUnitUuid']],
    ]);
  });
});
