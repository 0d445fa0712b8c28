import { describe, expect, it } from 'vitest';
import {
  itInterfaceDeletion,
  itInterfaceIdentityIsUnique,
  itInterfaceInitialAccessModifier,
  itInterfaceRightsHolder,
} from './it-interface.rules.js';
import { ItInterfaceCreateSchema, ItInterfaceSchema } from './it-interface.schema.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG = id(900);
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => r.violations?.map((v) => v.code);

describe('interface schemas', () => {
  it('defaults the interface id to the empty string on create', () => {
    expect(ItInterfaceCreateSchema.parse({ organizationUuid: ORG, name: 'CPR opslag' })).toEqual({
      organizationUuid: ORG,
      name: 'CPR opslag',
      interfaceId: '',
    });
  });
  it('rejects a version over 20 characters and duplicated data row uuids', () => {
    expect(
      ItInterfaceCreateSchema.safeParse({ organizationUuid: ORG, name: 'X', interfaceVersion: 'v'.repeat(21) }).success,
    ).toBe(false);
    const row = { uuid: id(5), data: 'CPR-nummer', dataTypeUuid: null };
    expect(ItInterfaceSchema.shape.dataRows.safeParse([row, row]).success).toBe(false);
    expect(ItInterfaceSchema.shape.dataRows.safeParse([row, { ...row, uuid: id(6) }]).success).toBe(true);
  });
});

describe('itInterfaceIdentityIsUnique', () => {
  const existing = [{ uuid: id(1), organizationUuid: ORG, name: 'CPR opslag', interfaceId: '' }];
  it('refuses the same name and interface id in one organisation, case-insensitively', () => {
    expect(
      codes(itInterfaceIdentityIsUnique({ organizationUuid: ORG, name: 'cpr OPSLAG ', interfaceId: '' }, existing)),
    ).toEqual(['duplicate-name-and-interface-id']);
  });
  it('allows the same name with another interface id, or in another organisation', () => {
    expect(
      itInterfaceIdentityIsUnique({ organizationUuid: ORG, name: 'CPR opslag', interfaceId: 'v2' }, existing).ok,
    ).toBe(true);
    expect(
      itInterfaceIdentityIsUnique({ organizationUuid: id(901), name: 'CPR opslag', interfaceId: '' }, existing).ok,
    ).toBe(true);
  });
  it('lets an interface keep its own identity', () => {
    expect(
      itInterfaceIdentityIsUnique({ uuid: id(1), organizationUuid: ORG, name: 'CPR Opslag', interfaceId: '' }, existing)
        .ok,
    ).toBe(true);
  });
});

describe('exposure', () => {
  const systems = [
    { uuid: id(10), rightsHolderUuid: id(50) },
    { uuid: id(11), rightsHolderUuid: null },
  ];
  it('takes the rights holder from the exposing system, or null when there is none', () => {
    expect(itInterfaceRightsHolder({ exposedBySystemUuid: id(10) }, systems)).toBe(id(50));
    expect(itInterfaceRightsHolder({ exposedBySystemUuid: id(11) }, systems)).toBeNull();
    expect(itInterfaceRightsHolder({ exposedBySystemUuid: null }, systems)).toBeNull();
  });
});

describe('itInterfaceInitialAccessModifier', () => {
  it('starts Public only when the creator may publish', () => {
    expect(itInterfaceInitialAccessModifier(true)).toBe('Public');
    expect(itInterfaceInitialAccessModifier(false)).toBe('Local');
  });
});

describe('itInterfaceDeletion', () => {
  it('refuses to delete an exposed interface', () => {
    expect(codes(itInterfaceDeletion({ uuid: id(1), exposedBySystemUuid: id(10) }))).toEqual(['exposed-by-system']);
  });
  it('allows deleting an interface no system exposes', () => {
    expect(itInterfaceDeletion({ uuid: id(1), exposedBySystemUuid: null }).ok).toBe(true);
  });
});
