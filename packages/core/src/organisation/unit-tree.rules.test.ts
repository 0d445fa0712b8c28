import { describe, expect, it } from 'vitest';
import { unitDescendants, unitIsAncestor, unitPath, unitRoot, unitTreeValidity } from './unit-tree.rules.js';
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

// Kommune (1) › Børn og Unge (2) › Skoler (3) › Skole A (4); Børn og Unge › Dagtilbud (5); Kommune › Teknik (6)
const tree: UnitNode[] = [
  unit(1, 'Kommune', null),
  unit(2, 'Børn og Unge', 1),
  unit(3, 'Skoler', 2),
  unit(4, 'Skole A', 3),
  unit(5, 'Dagtilbud', 2),
  unit(6, 'Teknik', 1),
  unit(50, 'Anden kommune', null, OTHER),
];

describe('unitRoot', () => {
  it('finds the one unit without a parent in the organisation', () => {
    const r = unitRoot(tree, ORG);
    expect(r.ok && r.value.name).toBe('Kommune');
  });
  it('reports no-root and multiple-roots', () => {
    const none = unitRoot(tree, id(999));
    expect(!none.ok && none.violations[0]?.code).toBe('no-root');
    const two = unitRoot([...tree, unit(7, 'Second root', null)], ORG);
    expect(!two.ok && two.violations[0]?.code).toBe('multiple-roots');
  });
});

describe('unitDescendants', () => {
  it('lists all sub-units breadth-first, without the unit itself by default', () => {
    expect(unitDescendants(tree, id(2)).map((u) => u.name)).toEqual(['Skoler', 'Dagtilbud', 'Skole A']);
  });
  it('puts the unit first with includeSelf (the "including sub-units" filter)', () => {
    expect(unitDescendants(tree, id(3), { includeSelf: true }).map((u) => u.name)).toEqual(['Skoler', 'Skole A']);
  });
  it('gives a leaf no descendants and an unknown uuid an empty list', () => {
    expect(unitDescendants(tree, id(4))).toEqual([]);
    expect(unitDescendants(tree, id(999), { includeSelf: true })).toEqual([]);
  });
  it('terminates on a corrupt cyclic tree', () => {
    const cyclic = [unit(1, 'X', 2), unit(2, 'Y', 1)];
    expect(unitDescendants(cyclic, id(1)).map((u) => u.name)).toEqual(['Y']);
  });
});

describe('unitPath', () => {
  it('names the units from the root down to the unit', () => {
    expect(unitPath(tree, id(4))).toEqual(['Kommune', 'Børn og Unge', 'Skoler', 'Skole A']);
    expect(unitPath(tree, id(1))).toEqual(['Kommune']);
  });
  it('is empty for an unknown unit', () => {
    expect(unitPath(tree, id(999))).toEqual([]);
  });
});

describe('unitIsAncestor', () => {
  it('is true for parent, grandparent and root', () => {
    expect(unitIsAncestor(tree, id(3), id(4))).toBe(true);
    expect(unitIsAncestor(tree, id(2), id(4))).toBe(true);
    expect(unitIsAncestor(tree, id(1), id(4))).toBe(true);
  });
  it('is false for the unit itself, a sibling branch and a descendant', () => {
    expect(unitIsAncestor(tree, id(4), id(4))).toBe(false);
    expect(unitIsAncestor(tree, id(6), id(4))).toBe(false);
    expect(unitIsAncestor(tree, id(4), id(2))).toBe(false);
  });
});

describe('unitTreeValidity', () => {
  it('accepts a sound tree of one organisation', () => {
    expect(unitTreeValidity(tree.slice(0, 6), ORG).ok).toBe(true);
  });
  it('reports foreign units, missing parents, cycles and missing roots in that order', () => {
    const broken = [unit(2, 'A', 3), unit(3, 'B', 2), unit(4, 'C', 77), unit(50, 'Foreign', null, OTHER)];
    const r = unitTreeValidity(broken, ORG);
    expect(!r.ok && r.violations.map((v) => v.code)).toEqual([
      'cycle',
      'cycle',
      'parent-not-found',
      'not-same-organisation',
      'no-root',
    ]);
  });
  it('reports a duplicated unit', () => {
    const r = unitTreeValidity([...tree.slice(0, 6), unit(4, 'Skole A', 3)], ORG);
    expect(!r.ok && r.violations.map((v) => v.code)).toEqual(['duplicate-uuid']);
  });
});
