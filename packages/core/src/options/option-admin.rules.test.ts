import { describe, expect, it } from 'vitest';
import {
  disableGlobalOption,
  moveOptionPriority,
  newGlobalOption,
  nextOptionPriority,
  normalizeOptionPriorities,
  patchGlobalOption,
  setLocalOptionActive,
} from './option-admin.rules.js';
import type { GlobalOption } from './option.schema.js';

const ORG = '11111111-1111-4111-8111-111111111111';

function option(id: string, priority: number, fields: Partial<GlobalOption> = {}): GlobalOption {
  return {
    uuid: `00000000-0000-4000-8000-0000000000${id}`,
    type: 'business-types',
    name: id,
    description: null,
    isEnabled: true,
    isObligatory: false,
    priority,
    ...fields,
  };
}
const priorities = (list: readonly GlobalOption[]) => Object.fromEntries(list.map((o) => [o.name, o.priority]));
function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
}

describe('nextOptionPriority and newGlobalOption', () => {
  it('gives the first option of a type priority 1 and later ones max + 1 within the type', () => {
    const other = option('zz', 40, { type: 'it-contract-contract-types' });
    expect(nextOptionPriority([other], 'business-types')).toBe(1);
    expect(nextOptionPriority([option('aa', 3), option('bb', 7), other], 'business-types')).toBe(8);
  });
  it('creates a disabled, non-obligatory option at the top of the priority list', () => {
    const created = newGlobalOption(
      { type: 'business-types', name: 'Borgerservice' },
      '33333333-3333-4333-8333-333333333333',
      [option('aa', 2)],
    );
    expect(created).toEqual({
      uuid: '33333333-3333-4333-8333-333333333333',
      type: 'business-types',
      name: 'Borgerservice',
      description: null,
      isEnabled: false,
      isObligatory: false,
      priority: 3,
    });
  });
  it('gives a new role read access and, unless asked, no write access', () => {
    const role = newGlobalOption({ type: 'it-contract-role-types', name: 'Jurist' }, 'x', []);
    expect([role.hasReadAccess, role.hasWriteAccess]).toEqual([true, false]);
  });
});

describe('moveOptionPriority', () => {
  const list = [option('aa', 4), option('bb', 3), option('cc', 2), option('dd', 1)];
  it('moving an option up shifts the ones in between down by one', () => {
    expect(priorities(value(moveOptionPriority(list, list[3]!.uuid, 3)))).toEqual({ aa: 4, bb: 2, cc: 1, dd: 3 });
  });
  it('moving an option down shifts the ones in between up by one', () => {
    expect(priorities(value(moveOptionPriority(list, list[0]!.uuid, 2)))).toEqual({ aa: 2, bb: 4, cc: 3, dd: 1 });
  });
  it('keeps the priorities a permutation of 1..n for every possible move', () => {
    for (const o of list) {
      for (let p = 1; p <= 4; p += 1) {
        const result = value(moveOptionPriority(list, o.uuid, p));
        expect(result.map((x) => x.priority).sort()).toEqual([1, 2, 3, 4]);
        expect(result.find((x) => x.uuid === o.uuid)?.priority).toBe(p);
      }
    }
  });
  it('leaves options of other types alone', () => {
    const foreign = option('ff', 2, { type: 'it-contract-contract-types' });
    const result = value(moveOptionPriority([...list, foreign], list[0]!.uuid, 1));
    expect(result.at(-1)).toBe(foreign);
  });
  it('refuses priorities outside 1..n and unknown options', () => {
    for (const p of [0, 5, 1.5]) {
      const r = moveOptionPriority(list, list[0]!.uuid, p);
      expect(r.ok ? null : r.violations[0]?.code).toBe('priority-out-of-range');
    }
    const r = moveOptionPriority(list, '99999999-9999-4999-8999-999999999999', 1);
    expect(r.ok ? null : r.violations[0]?.code).toBe('option-not-found');
  });
});

describe('patchGlobalOption and disableGlobalOption', () => {
  const list = [option('aa', 2), option('bb', 1)];
  it('applies fields and shifts siblings when the priority changes', () => {
    const result = value(patchGlobalOption(list, list[1]!.uuid, { name: 'Bee', isObligatory: true, priority: 2 }));
    expect(result[1]).toMatchObject({ name: 'Bee', isObligatory: true, priority: 2 });
    expect(result[0]?.priority).toBe(1);
  });
  it('ignores fields that are undefined in the patch', () => {
    const result = value(patchGlobalOption(list, list[0]!.uuid, { description: undefined }));
    expect(result[0]).toEqual(list[0]);
  });
  it('refuses role flags on a non-role option', () => {
    const r = patchGlobalOption(list, list[0]!.uuid, { hasWriteAccess: true });
    expect(r.ok ? null : r.violations[0]?.code).toBe('not-a-role-type');
  });
  it('disables instead of deleting', () => {
    expect(disableGlobalOption(list[0]!)).toEqual({ ...list[0], isEnabled: false });
  });
});

describe('normalizeOptionPriorities', () => {
  it('renumbers gaps and duplicates to n..1 per type, keeping the order and the input order', () => {
    // Equal priorities fall back to Danish name order: 'Bravo' before 'Øst'.
    const result = normalizeOptionPriorities([
      option('0c', 0, { name: 'Charlie' }),
      option('0a', 10, { name: 'Øst' }),
      option('0b', 10, { name: 'Bravo' }),
      option('0d', 9, { name: 'Andet', type: 'it-contract-contract-types' }),
    ]);
    expect(result.map((o) => [o.name, o.priority])).toEqual([
      ['Charlie', 1],
      ['Øst', 2],
      ['Bravo', 3],
      ['Andet', 1],
    ]);
  });
});

describe('setLocalOptionActive', () => {
  it('creates an active local option the first time and keeps the description of an existing one', () => {
    const o = option('aa', 1);
    expect(value(setLocalOptionActive(o, [], ORG, true))).toEqual({
      organizationUuid: ORG,
      optionUuid: o.uuid,
      isActive: true,
      description: null,
    });
    const existing = { organizationUuid: ORG, optionUuid: o.uuid, isActive: true, description: 'lokal' };
    expect(value(setLocalOptionActive(o, [existing], ORG, false))).toEqual({ ...existing, isActive: false });
  });
  it('refuses to activate a disabled option or deactivate an obligatory one', () => {
    const disabled = setLocalOptionActive(option('aa', 1, { isEnabled: false }), [], ORG, true);
    expect(disabled.ok ? null : disabled.violations[0]?.code).toBe('option-disabled');
    const obligatory = setLocalOptionActive(option('aa', 1, { isObligatory: true }), [], ORG, false);
    expect(obligatory.ok ? null : obligatory.violations[0]?.code).toBe('option-obligatory');
  });
  it('refuses local activation for types without a local level', () => {
    const r = setLocalOptionActive(option('aa', 1, { type: 'country-codes' }), [], ORG, true);
    expect(r.ok ? null : r.violations[0]?.code).toBe('no-local-options');
  });
});
