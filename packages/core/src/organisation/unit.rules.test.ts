import { describe, expect, it } from 'vitest';
import { unitDelete, unitMove, unitParentForCreate, type UnitUses } from './unit.rules.js';
import { unitPath } from './unit-tree.rules.js';
import type { UnitNode } from './unit.schema.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG = id(900);
const OTHER = id(901);
const unit = (n: number, name: string, parent: number | null, org = ORG): UnitNode => ({
  uuid: id(n),
  name,
  organizationUuid: org,
  parentUuid: parent === null ? null : id(parent),
});

// Root (1) › A (2) › A1 (3) › A1a (4); A › A2 (5); Root › B (6); another organisation's root (50)
const tree: UnitNode[] = [
  unit(1, 'Root', null),
  unit(2, 'A', 1),
  unit(3, 'A1', 2),
  unit(4, 'A1a', 3),
  unit(5, 'A2', 2),
  unit(6, 'B', 1),
  unit(50, 'Other root', null, OTHER),
];
const unused: UnitUses = { systemUsages: 0, economyStreams: 0, responsibleForContracts: 0, roleAssignments: 0 };
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => r.violations?.map((v) => v.code);
const apply = (units: UnitNode[], changed: UnitNode[]) => units.map((u) => changed.find((c) => c.uuid === u.uuid) ?? u);

describe('unitParentForCreate', () => {
  it('defaults a new unit to the root of its organisation', () => {
    expect(unitParentForCreate(tree, { organizationUuid: ORG })).toEqual({ ok: true, value: id(1) });
    expect(unitParentForCreate(tree, { organizationUuid: ORG, parentUuid: null })).toEqual({ ok: true, value: id(1) });
  });
  it('keeps a given parent of the same organisation', () => {
    expect(unitParentForCreate(tree, { organizationUuid: ORG, parentUuid: id(3) })).toEqual({ ok: true, value: id(3) });
  });
  it('refuses a parent in another organisation or an unknown parent', () => {
    expect(codes(unitParentForCreate(tree, { organizationUuid: ORG, parentUuid: id(50) }))).toEqual([
      'not-same-organisation',
    ]);
    expect(codes(unitParentForCreate(tree, { organizationUuid: ORG, parentUuid: id(77) }))).toEqual([
      'parent-not-found',
    ]);
  });
  it('makes the first unit of an empty organisation the root', () => {
    expect(unitParentForCreate(tree, { organizationUuid: id(902) })).toEqual({ ok: true, value: null });
  });
});

describe('unitMove', () => {
  it('moves a unit with its subtree', () => {
    const r = unitMove(tree, id(2), id(6), { withSubtree: true });
    expect(r.ok && r.value).toEqual([{ ...unit(2, 'A', 6) }]);
    if (r.ok) expect(unitPath(apply(tree, r.value), id(4))).toEqual(['Root', 'B', 'A', 'A1', 'A1a']);
  });
  it('refuses to move a unit with its subtree under its own grandchild', () => {
    expect(codes(unitMove(tree, id(2), id(4), { withSubtree: true }))).toEqual(['cycle']);
  });
  it('refuses to move a unit under itself, even without its subtree', () => {
    expect(codes(unitMove(tree, id(2), id(2), { withSubtree: false }))).toEqual(['cycle']);
  });
  it('without subtree, re-parents the children to the old parent and moves only the unit', () => {
    const r = unitMove(tree, id(2), id(6), { withSubtree: false });
    expect(r.ok && r.value).toEqual([unit(3, 'A1', 1), unit(5, 'A2', 1), unit(2, 'A', 6)]);
  });
  it('without subtree, may move a unit under its former grandchild', () => {
    const r = unitMove(tree, id(2), id(4), { withSubtree: false });
    expect(r.ok).toBe(true);
    if (r.ok) expect(unitPath(apply(tree, r.value), id(2))).toEqual(['Root', 'A1', 'A1a', 'A']);
  });
  it('refuses to move the root', () => {
    expect(codes(unitMove(tree, id(1), id(6), { withSubtree: true }))).toEqual(['root-unit']);
  });
  it('refuses a parent in another organisation and unknown units', () => {
    expect(codes(unitMove(tree, id(2), id(50), { withSubtree: true }))).toEqual(['not-same-organisation']);
    expect(codes(unitMove(tree, id(2), id(77), { withSubtree: true }))).toEqual(['parent-not-found']);
    expect(codes(unitMove(tree, id(77), id(2), { withSubtree: true }))).toEqual(['unit-not-found']);
  });
  it('changes nothing when moved to its current parent', () => {
    expect(unitMove(tree, id(3), id(2), { withSubtree: false })).toEqual({ ok: true, value: [] });
  });
  it('does not mutate its input', () => {
    const copy = structuredClone(tree);
    unitMove(tree, id(2), id(6), { withSubtree: false });
    expect(tree).toEqual(copy);
  });
});

describe('unitDelete', () => {
  it('deletes an unused unit and moves its children up to its parent', () => {
    const r = unitDelete(tree, id(2), unused);
    expect(r.ok && r.value).toEqual({ removedUuid: id(2), changed: [unit(3, 'A1', 1), unit(5, 'A2', 1)] });
  });
  it('refuses to delete the root, even when unused', () => {
    expect(codes(unitDelete(tree, id(1), unused))).toEqual(['root-unit']);
  });
  it('refuses a unit in use and names every use in the fixed order', () => {
    const r = unitDelete(tree, id(6), {
      systemUsages: 0,
      economyStreams: 2,
      responsibleForContracts: 0,
      roleAssignments: 1,
    });
    expect(codes(r)).toEqual(['in-use']);
    expect(!r.ok && r.violations[0]?.context?.uses).toEqual(['economyStreams', 'roleAssignments']);
    const all = unitDelete(tree, id(6), {
      systemUsages: 1,
      economyStreams: 1,
      responsibleForContracts: 1,
      roleAssignments: 1,
    });
    expect(!all.ok && all.violations[0]?.context?.uses).toEqual([
      'systemUsages',
      'economyStreams',
      'responsibleForContracts',
      'roleAssignments',
    ]);
  });
  it('reports an unknown unit', () => {
    expect(codes(unitDelete(tree, id(77), unused))).toEqual(['unit-not-found']);
  });
});
