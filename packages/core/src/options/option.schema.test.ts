import { describe, expect, it } from 'vitest';
import { safeParse } from '../shared/index.js';
import {
  GlobalOptionCreateSchema,
  GlobalOptionPatchSchema,
  GlobalOptionSchema,
  LocalOptionCreateSchema,
  LocalOptionPatchSchema,
} from './option.schema.js';
import { OPTION_TYPES, OptionTypeSchema, ROLE_OPTION_TYPES, isRoleOptionType } from './option-type.js';

const base = {
  uuid: '0f8c2d8e-3c1a-4f0e-9f57-2f8a7a3b1c01',
  type: 'business-types',
  name: 'GIS',
  description: null,
  isEnabled: true,
  isObligatory: true,
  priority: 1,
};
const codes = (schema: Parameters<typeof safeParse>[0], input: unknown) => {
  const r = safeParse(schema, input, 'options');
  return r.ok ? [] : r.error.issues.map((i) => [i.path.join('.'), i.code]);
};

describe('option types', () => {
  it('names the four role types', () => {
    expect(ROLE_OPTION_TYPES).toEqual([
      'it-system-usage-role-types',
      'it-contract-role-types',
      'data-processing-registration-role-types',
      'organization-unit-role-types',
    ]);
    expect(isRoleOptionType('business-types')).toBe(false);
  });
  it('accepts every listed identifier and nothing else', () => {
    for (const t of OPTION_TYPES) expect(OptionTypeSchema.safeParse(t).success).toBe(true);
    expect(OptionTypeSchema.safeParse('BusinessType').success).toBe(false);
  });
});

describe('GlobalOptionSchema', () => {
  it('requires the description to be given, as text or null', () => {
    expect(GlobalOptionSchema.parse(base).description).toBeNull();
    const { description: _, ...withoutDescription } = base;
    expect(codes(GlobalOptionSchema, withoutDescription)).toEqual([['description', 'invalid-type']]);
  });
  it('rejects role flags on a non-role type and requires both on a role type', () => {
    expect(codes(GlobalOptionSchema, { ...base, hasWriteAccess: true })).toEqual([
      ['hasWriteAccess', 'not-a-role-type'],
    ]);
    expect(codes(GlobalOptionSchema, { ...base, type: 'it-contract-role-types', hasWriteAccess: true })).toEqual([
      ['hasReadAccess', 'role-flag-missing'],
    ]);
  });
  it('rejects a blank or 151-character name and a priority below 1', () => {
    expect(codes(GlobalOptionSchema, { ...base, name: '  ' })).toEqual([['name', 'too-small']]);
    expect(codes(GlobalOptionSchema, { ...base, name: 'x'.repeat(151) })).toEqual([['name', 'too-big']]);
    expect(GlobalOptionSchema.safeParse({ ...base, name: 'x'.repeat(150) }).success).toBe(true);
    expect(codes(GlobalOptionSchema, { ...base, priority: 0 })).toEqual([['priority', 'too-small']]);
  });
});

describe('derived option inputs', () => {
  it('needs only type and name to create, with role flags optional for roles', () => {
    expect(GlobalOptionCreateSchema.safeParse({ type: 'it-contract-role-types', name: 'Jurist' }).success).toBe(true);
    expect(GlobalOptionCreateSchema.safeParse({ name: 'Jurist' }).success).toBe(false);
    expect(codes(GlobalOptionCreateSchema, { type: 'business-types', name: 'GIS', hasReadAccess: true })).toEqual([
      ['hasReadAccess', 'not-a-role-type'],
    ]);
  });
  it('does not let a patch change the type, and adds nothing the patch did not say', () => {
    expect(GlobalOptionPatchSchema.safeParse({ type: 'country-codes', name: 'X' }).success).toBe(false);
    expect(GlobalOptionPatchSchema.parse({ name: 'X' })).toEqual({ name: 'X' });
    expect(GlobalOptionPatchSchema.parse({})).toEqual({});
  });
  it('lets a local option patch leave the description alone or clear it', () => {
    expect(LocalOptionPatchSchema.parse({})).toEqual({});
    expect(LocalOptionPatchSchema.parse({ description: null })).toEqual({ description: null });
  });
  it('creates a local option without a description', () => {
    const parsed = LocalOptionCreateSchema.parse({
      organizationUuid: '5d0e7a53-0b0b-4c43-9d55-0c5c1e2a7f10',
      optionUuid: base.uuid,
    });
    expect(parsed).not.toHaveProperty('description');
  });
});
