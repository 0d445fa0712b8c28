import { describe, expect, it } from 'vitest';
import { OrganizationCreateSchema, OrganizationPatchSchema, OrganizationSchema } from './organization.schema.js';

const valid = {
  uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
  lastChanged: '2025-01-01T00:00:00.000Z',
  lastChangedBy: null,
  name: 'Eksempel Kommune',
  cvr: '29189765',
  foreignCvr: null,
  foreignCountryCodeUuid: null,
  type: 'Kommune',
  accessModifier: 'Public',
  phone: null,
  address: null,
  email: 'kontakt@eksempel.dk',
  isDefaultOrganization: false,
  config: {
    showItSystemModule: true,
    showItContractModule: true,
    showDataProcessing: false,
    showItSystemPrefix: true,
    showItContractPrefix: true,
    itSupportGuide: null,
  },
};

describe('OrganizationSchema', () => {
  it('accepts a complete organisation', () => {
    expect(OrganizationSchema.safeParse(valid).success).toBe(true);
  });
  it('accepts a CVR of 8 to 10 characters, as KITOS does, and rejects 7 or 11', () => {
    for (const cvr of ['12345678', '1234567890'])
      expect(OrganizationSchema.safeParse({ ...valid, cvr }).success).toBe(true);
    for (const cvr of ['1234567', '12345678901', '']) {
      expect(OrganizationSchema.safeParse({ ...valid, cvr }).success).toBe(false);
    }
  });
  it('rejects a 101-character name, a numeric type code and a bad e-mail', () => {
    expect(OrganizationSchema.safeParse({ ...valid, name: 'x'.repeat(101) }).success).toBe(false);
    expect(OrganizationSchema.safeParse({ ...valid, type: 1 }).success).toBe(false);
    expect(OrganizationSchema.safeParse({ ...valid, email: 'not-an-email' }).success).toBe(false);
  });
});

describe('organisation create and patch', () => {
  it('needs only name and type to create', () => {
    expect(OrganizationCreateSchema.safeParse({ name: 'Leverandør A/S', type: 'Virksomhed' }).success).toBe(true);
    expect(OrganizationCreateSchema.safeParse({ name: 'Leverandør A/S' }).success).toBe(false);
  });
  it('leaves absent fields out of a patch instead of filling them', () => {
    expect(OrganizationPatchSchema.parse({ phone: '12345678' })).toEqual({ phone: '12345678' });
  });
});
