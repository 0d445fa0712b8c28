/**
 * Pure rules about users: a globally unique e-mail, and that nobody deletes themselves.
 *
 * @module
 */
import { type RuleResult, type Uuid, fail, ok } from '../shared/index.js';
import type { User } from './user.schema.js';

/**
 * Checks that no other user has `email`. The comparison is on the trimmed, lower-cased address
 * (the form `UserEmailSchema` stores), so case never makes two logins. Pass `selfUuid` when a
 * user changes their own address. Returns the normalised address, or `duplicate-email`.
 *
 * @example
 * ```ts
 * userEmailIsUnique('Anna@Kommune.dk', users); // fails if anna@kommune.dk exists
 * userEmailIsUnique('anna@kommune.dk', users, anna.uuid); // ok: it is Anna's own address
 * ```
 */
export function userEmailIsUnique(
  email: string,
  users: readonly Pick<User, 'uuid' | 'email'>[],
  selfUuid?: Uuid,
): RuleResult<string> {
  const key = email.trim().toLowerCase();
  const other = users.find((u) => u.uuid !== selfUuid && u.email.trim().toLowerCase() === key);
  if (other) {
    return fail({
      code: 'duplicate-email',
      message: 'another user already has this e-mail address',
      path: ['email'],
      context: { email: key, userUuid: other.uuid },
    });
  }
  return ok(key);
}
