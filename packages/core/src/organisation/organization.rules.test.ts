import { describe, expect, it } from 'vitest';
import { isValidDanishCvr, organizationTypesCreatableBy } from './organization.rules.js';
import { OrganizationType, organizationCategory } from './organization.schema.js';

describe('isValidDanishCvr', () => {
  it('accepts 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11', () => {
    // 2*2 + 9*7 + 1*6 + 8*5 + 9*4 + 7*3 + 6*2 + 5*1 = 187 = 17 * 11
    expect(isValidDanishCvr('29189765')).toBe(true);
    expect(isValidDanishCvr('10103940')).toBe(true);
  });
  it('rejects a number whose checksum is off by one digit', () => {
    expect(isValidDanishCvr('29189766')).toBe(false);
    expect(isValidDanishCvr('12345678')).toBe(false);
  });
  it('rejects 7 or 9 digits, letters, spaces and a country prefix', () => {
    for (const v of ['2918976', '291897650', '2918976A', ' 29189765', '2918 9765', 'DK29189765', '']) {
      expect(isValidDanishCvr(v)).toBe(false);
    }
  });
});

describe('organization types', () => {
  it('keeps the KITOS codes 1–4 and Danish names', () => {
    expect(OrganizationType.fromCode(1)).toBe('Kommune');
    expect(OrganizationType.fromCode(2)).toBe('Interessefællesskab');
    expect(OrganizationType.toCode('AndenOffentligMyndighed')).toBe(4);
    expect(OrganizationType.fromCode(0)).toBeUndefined();
  });
  it('derives the municipality category for Kommune and Interessefællesskab only', () => {
    expect(organizationCategory('Kommune')).toBe('Municipality');
    expect(organizationCategory('Interessefællesskab')).toBe('Municipality');
    expect(organizationCategory('Virksomhed')).toBe('Other');
    expect(organizationCategory('AndenOffentligMyndighed')).toBe('Other');
  });
});

describe('organizationTypesCreatableBy', () => {
  it('lets a global admin create every type', () => {
    expect(organizationTypesCreatableBy({ isGlobalAdmin: true, roles: [] })).toEqual([...OrganizationType.values]);
  });
  it('lets a local admin create interest communities and companies only', () => {
    expect(organizationTypesCreatableBy({ isGlobalAdmin: false, roles: ['User', 'LocalAdmin'] })).toEqual([
      'Interessefællesskab',
      'Virksomhed',
    ]);
  });
  it('lets module admins and plain users create none', () => {
    expect(organizationTypesCreatableBy({ isGlobalAdmin: false, roles: ['OrganizationModuleAdmin', 'User'] })).toEqual(
      [],
    );
  });
});
