import { describe, expect, it } from 'vitest';
import { catalogueNameKey } from './catalogue-name.js';
import {
  itSystemArchiveDutyUpdate,
  itSystemDeletion,
  itSystemNameIsUnique,
  itSystemParentChange,
} from './it-system.rules.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG = id(900);
const OTHER = id(901);
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => r.violations?.map((v) => v.code);

describe('catalogueNameKey', () => {
  it('ignores case and surrounding spaces but not accents or inner spaces', () => {
    expect(catalogueNameKey(' SBSYS ')).toBe(catalogueNameKey('sbsys'));
    expect(catalogueNameKey('ØKONOMI')).toBe(catalogueNameKey('økonomi'));
    expect(catalogueNameKey('Æble')).not.toBe(catalogueNameKey('Aeble'));
    expect(catalogueNameKey('Sbsys 2')).not.toBe(catalogueNameKey('Sbsys  2'));
  });
  it('treats composed and decomposed letters as the same', () => {
    expect(catalogueNameKey('A\u030Arhus')).toBe(catalogueNameKey('Århus'));
  });
});

describe('itSystemNameIsUnique', () => {
  const existing = [{ uuid: id(1), organizationUuid: ORG, name: 'SBSYS' }];
  it('refuses the same name in the same organisation, whatever the case and spacing', () => {
    const r = itSystemNameIsUnique({ organizationUuid: ORG, name: ' sbsys ' }, existing);
    expect(codes(r)).toEqual(['duplicate-name']);
    expect(!r.ok && r.violations[0]?.context?.conflictingUuid).toBe(id(1));
  });
  it('allows the same name in another organisation', () => {
    expect(itSystemNameIsUnique({ organizationUuid: OTHER, name: 'SBSYS' }, existing).ok).toBe(true);
  });
  it('allows a system to keep (or re-case) its own name', () => {
    expect(itSystemNameIsUnique({ uuid: id(1), organizationUuid: ORG, name: 'Sbsys' }, existing).ok).toBe(true);
  });
});

describe('itSystemParentChange', () => {
  // 1 › 2 › 3 (main system, sub-system, sub-sub-system); 4 stands alone
  const systems = [
    { uuid: id(1), parentUuid: null },
    { uuid: id(2), parentUuid: id(1) },
    { uuid: id(3), parentUuid: id(2) },
    { uuid: id(4), parentUuid: null },
  ];
  it('accepts a parent outside its own subtree, and detaching', () => {
    expect(itSystemParentChange(systems, id(4), id(3))).toEqual({ ok: true, value: id(3) });
    expect(itSystemParentChange(systems, id(3), null)).toEqual({ ok: true, value: null });
  });
  it('refuses itself and its own grandchild as parent', () => {
    expect(codes(itSystemParentChange(systems, id(2), id(2)))).toEqual(['cycle']);
    expect(codes(itSystemParentChange(systems, id(1), id(3)))).toEqual(['cycle']);
  });
  it('refuses an unknown parent', () => {
    expect(codes(itSystemParentChange(systems, id(1), id(77)))).toEqual(['parent-not-found']);
  });
});

describe('itSystemDeletion', () => {
  const systems = [
    { uuid: id(1), parentUuid: null },
    { uuid: id(2), parentUuid: id(1) },
  ];
  const interfaces = [{ uuid: id(10), exposedBySystemUuid: id(1) }];
  it('reports every conflict in the order in-use, has-children, has-interface-exhibits', () => {
    const r = itSystemDeletion(id(1), { usageUuids: [id(20)], systems, interfaces });
    expect(codes(r)).toEqual(['in-use', 'has-children', 'has-interface-exhibits']);
  });
  it('reports only the conflicts that apply', () => {
    expect(codes(itSystemDeletion(id(1), { usageUuids: [], systems, interfaces: [] }))).toEqual(['has-children']);
    expect(codes(itSystemDeletion(id(1), { usageUuids: [], systems: [], interfaces }))).toEqual([
      'has-interface-exhibits',
    ]);
  });
  it('allows deleting an unused leaf that exposes nothing', () => {
    expect(itSystemDeletion(id(2), { usageUuids: [], systems, interfaces }).ok).toBe(true);
  });
});

describe('itSystemArchiveDutyUpdate', () => {
  const current = { archiveDuty: 'B' as const, archiveDutyComment: 'Se bekendtgørelsen' };
  it('clears the comment when the recommendation is cleared or set to Undecided', () => {
    expect(itSystemArchiveDutyUpdate(current, { archiveDuty: null })).toEqual({
      ok: true,
      value: { archiveDuty: null, archiveDutyComment: null },
    });
    expect(itSystemArchiveDutyUpdate(current, { archiveDuty: 'Undecided' })).toEqual({
      ok: true,
      value: { archiveDuty: 'Undecided', archiveDutyComment: null },
    });
  });
  it('keeps the comment when switching between real recommendations', () => {
    expect(itSystemArchiveDutyUpdate(current, { archiveDuty: 'K' })).toEqual({
      ok: true,
      value: { archiveDuty: 'K', archiveDutyComment: 'Se bekendtgørelsen' },
    });
  });
  it('refuses a comment when the stored recommendation is not real', () => {
    const r = itSystemArchiveDutyUpdate({ archiveDuty: null, archiveDutyComment: null }, { archiveDutyComment: 'x' });
    expect(codes(r)).toEqual(['archive-duty-comment-without-recommendation']);
  });
  it('accepts a recommendation and a comment set together', () => {
    const r = itSystemArchiveDutyUpdate(
      { archiveDuty: null, archiveDutyComment: null },
      { archiveDuty: 'K', archiveDutyComment: 'x' },
    );
    expect(r).toEqual({ ok: true, value: { archiveDuty: 'K', archiveDutyComment: 'x' } });
  });
});
