import { describe, expect, it } from 'vitest';
import { userEmailIsUnique } from './user.rules.js';
import { UserCreateSchema, UserEmailSchema, UserPatchSchema } from './user.schema.js';

const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('UserEmailSchema', () => {
  it('trims and lower-cases before checking', () => {
    expect(UserEmailSchema.parse('  Anna.Hansen@Kommune.DK ')).toBe('anna.hansen@kommune.dk');
  });
  it('rejects an address without a domain and an empty string', () => {
    expect(UserEmailSchema.safeParse('anna@').success).toBe(false);
    expect(UserEmailSchema.safeParse('').success).toBe(false);
  });
});

describe('user create and patch', () => {
  it('requires first name, last name and e-mail to create', () => {
    expect(UserCreateSchema.safeParse({ firstName: 'Anna', lastName: 'Hansen', email: 'a@b.dk' }).success).toBe(true);
    expect(UserCreateSchema.safeParse({ firstName: 'Anna', email: 'a@b.dk' }).success).toBe(false);
    expect(UserCreateSchema.safeParse({ firstName: '  ', lastName: 'Hansen', email: 'a@b.dk' }).success).toBe(false);
  });
  it('normalises the e-mail in a patch too', () => {
    expect(UserPatchSchema.parse({ email: 'ANNA@B.DK' })).toEqual({ email: 'anna@b.dk' });
  });
});

describe('userEmailIsUnique', () => {
  const users = [{ uuid: A, email: 'anna@kommune.dk' }];
  it('refuses an address another user has, whatever its case', () => {
    const r = userEmailIsUnique('Anna@Kommune.DK', [...users]);
    expect(!r.ok && r.violations[0]?.code).toBe('duplicate-email');
    expect(!r.ok && r.violations[0]?.context?.userUuid).toBe(A);
  });
  it("accepts the user's own address and a new address, returning it normalised", () => {
    expect(userEmailIsUnique('anna@kommune.dk', users, A)).toEqual({ ok: true, value: 'anna@kommune.dk' });
    expect(userEmailIsUnique(' Bo@Kommune.dk', users, B)).toEqual({ ok: true, value: 'bo@kommune.dk' });
  });
});
