import { describe, expect, it } from 'vitest';
import { systemHierarchy } from './it-system-hierarchy.rules.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sys = (n: number, name: string, parent: number | null) => ({
  uuid: id(n),
  name,
  parentUuid: parent === null ? null : id(parent),
});
// Suite (1) › Modul A (2) › Del A1 (4); Suite › Modul B (3)
const systems = [sys(1, 'Suite', null), sys(2, 'Modul A', 1), sys(3, 'Modul B', 1), sys(4, 'Del A1', 2)];

describe('systemHierarchy', () => {
  it('gives the path from the top-most main system and the direct sub-systems', () => {
    const r = systemHierarchy(systems, id(2));
    expect(r.ok && r.value.path.map((s) => s.name)).toEqual(['Suite', 'Modul A']);
    expect(r.ok && r.value.children.map((s) => s.name)).toEqual(['Del A1']);
  });
  it('gives a top-level system a path of itself and all its children', () => {
    const r = systemHierarchy(systems, id(1));
    expect(r.ok && r.value.path.map((s) => s.name)).toEqual(['Suite']);
    expect(r.ok && r.value.children.map((s) => s.name)).toEqual(['Modul A', 'Modul B']);
  });
  it('reports an unknown system and a loop in stored data', () => {
    const unknown = systemHierarchy(systems, id(9));
    expect(!unknown.ok && unknown.violations[0]?.code).toBe('system-not-found');
    const loop = systemHierarchy([sys(1, 'X', 2), sys(2, 'Y', 1)], id(1));
    expect(!loop.ok && loop.violations[0]?.code).toBe('cycle');
  });
});
