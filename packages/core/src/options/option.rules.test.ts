import { describe, expect, it } from 'vitest';
import { compareOptionNames, isOptionAvailable, optionsAvailableInOrganization } from './option.rules.js';
import type { GlobalOption, LocalOption } from './option.schema.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';

let counter = 0;
function option(name: string, fields: Partial<GlobalOption> = {}): GlobalOption {
  counter += 1;
  return {
    uuid: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'business-types',
    name,
    description: `global ${name}`,
    isEnabled: true,
    isObligatory: false,
    priority: counter,
    ...fields,
  };
}
function local(o: GlobalOption, fields: Partial<LocalOption> = {}): LocalOption {
  return { organizationUuid: ORG, optionUuid: o.uuid, isActive: true, description: null, ...fields };
}

describe('option availability in an organisation', () => {
  it('makes an enabled obligatory option available without any local option', () => {
    expect(isOptionAvailable(option('GIS', { isObligatory: true }), [], ORG)).toBe(true);
  });
  it('makes an enabled non-obligatory option available only where it is activated locally', () => {
    const o = option('GIS');
    expect(isOptionAvailable(o, [], ORG)).toBe(false);
    expect(isOptionAvailable(o, [local(o)], ORG)).toBe(true);
    expect(isOptionAvailable(o, [local(o, { organizationUuid: OTHER_ORG })], ORG)).toBe(false);
    expect(isOptionAvailable(o, [local(o, { isActive: false })], ORG)).toBe(false);
  });
  it('never makes a disabled option available, even if obligatory or activated locally', () => {
    const o = option('GIS', { isEnabled: false, isObligatory: true });
    expect(isOptionAvailable(o, [local(o)], ORG)).toBe(false);
  });
  it('keeps an obligatory option available when its local row is inactive', () => {
    const o = option('GIS', { isObligatory: true });
    expect(isOptionAvailable(o, [local(o, { isActive: false })], ORG)).toBe(true);
  });
});

describe('optionsAvailableInOrganization', () => {
  it('lists obligatory and locally activated options, leaving out disabled and inactive ones', () => {
    const obligatory = option('Obligatorisk', { isObligatory: true });
    const activated = option('Aktiveret');
    const notActivated = option('Ikke aktiveret');
    const disabled = option('Slået fra', { isEnabled: false, isObligatory: true });
    const names = optionsAvailableInOrganization(
      [obligatory, activated, notActivated, disabled],
      [local(activated), local(disabled)],
      ORG,
    ).map((o) => o.name);
    expect(names).toEqual(['Aktiveret', 'Obligatorisk']);
  });
  it('replaces the description with a non-blank local one, also from an inactive row of an obligatory option', () => {
    const a = option('A', { isObligatory: true });
    const b = option('B', { isObligatory: true });
    const c = option('C', { isObligatory: true });
    const list = optionsAvailableInOrganization(
      [a, b, c],
      [
        local(a, { description: 'lokal' }),
        local(b, { description: '   ' }),
        local(c, { isActive: false, description: 'inaktiv' }),
      ],
      ORG,
    );
    expect(list.map((o) => o.description)).toEqual(['lokal', 'global B', 'inaktiv']);
  });
  it('does not change the global option objects it is given', () => {
    const a = option('A', { isObligatory: true });
    optionsAvailableInOrganization([a], [local(a, { description: 'lokal' })], ORG);
    expect(a.description).toBe('global A');
  });
  it('sorts by name the Danish way: æ, ø, å after z', () => {
    const names = ['Øvrigt', 'Åben', 'Zone', 'Ærø', 'Arkiv'];
    const list = optionsAvailableInOrganization(
      names.map((n) => option(n, { isObligatory: true })),
      [],
      ORG,
    );
    expect(list.map((o) => o.name)).toEqual(['Arkiv', 'Zone', 'Ærø', 'Øvrigt', 'Åben']);
  });
  it('sorts by priority with the highest first in the admin order', () => {
    const list = optionsAvailableInOrganization(
      [option('B', { isObligatory: true, priority: 1 }), option('A', { isObligatory: true, priority: 3 })],
      [],
      ORG,
      'priority',
    );
    expect(list.map((o) => o.name)).toEqual(['A', 'B']);
  });
});

describe('compareOptionNames', () => {
  it('sorts a leading "aa" as å and digits as numbers', () => {
    expect(['Aalborg', 'Billund', 'Åbyhøj'].sort(compareOptionNames)).toEqual(['Billund', 'Åbyhøj', 'Aalborg']);
    expect(['10', '2', '1'].sort(compareOptionNames)).toEqual(['1', '2', '10']);
  });
});
