/**
 * Passwords, API tokens and sessions in the store. Every read and write goes through
 * `storage.transaction`, so several server processes over one database agree on them.
 *
 * @module
 */
import type { Kitos, StoredRecord, User } from '@os2kitos/core';
import { KitosNotFoundError, KitosValidationError } from '@os2kitos/core';
import {
  CREDENTIAL_KIND,
  type PendingSignIn,
  type StoredCredential,
  type StoredToken,
  TOKEN_KIND,
  type TokenPurpose,
} from './kinds.js';
import { csrfTokenOf, hashPassword, MIN_PASSWORD_LENGTH, newSecret, secretHash, verifyPassword } from './secrets.js';

/** A user as stored by the core (read for authentication, before there is an actor). */
export type StoredUser = User;

/**
 * Looks a user up by e-mail (case-insensitive, as the core stores e-mails lower-cased). Reads the
 * store directly: authentication happens before there is an actor to call the services as.
 */
export async function findUserByEmail(kitos: Kitos, email: string): Promise<StoredUser | undefined> {
  const r = await kitos.storage.query<StoredUser>({
    kind: 'user',
    filter: { op: 'eq', field: 'email', value: email.trim().toLowerCase() },
    limit: 1,
  });
  return r.records[0]?.data;
}

/** Reads a user by uuid (for the token and session checks). */
export async function findUser(kitos: Kitos, userUuid: string): Promise<StoredUser | undefined> {
  return (await kitos.storage.get<StoredUser>('user', userUuid))?.data;
}

/**
 * Sets (or replaces) a user's password. Refuses passwords shorter than 12 characters.
 *
 * @example
 * ```ts
 * await setPassword(kitos, admin.userUuid, 'a long enough passphrase');
 * ```
 */
export async function setPassword(kitos: Kitos, userUuid: string, password: string, now = new Date()): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024)
    throw new KitosValidationError('access', [
      {
        path: ['password'],
        code: 'too-small',
        message: `a password must be ${MIN_PASSWORD_LENGTH} to 1024 characters`,
      },
    ]);
  if (!(await findUser(kitos, userUuid)))
    throw new KitosNotFoundError('access', `user ${userUuid} does not exist`, { uuid: userUuid });
  const passwordHash = await hashPassword(password);
  await kitos.storage.transaction(async (tx) => {
    const current = await tx.get<StoredCredential>(CREDENTIAL_KIND, userUuid);
    const data: StoredCredential = { userUuid, passwordHash, changedAt: now.toISOString() };
    await tx.put({
      kind: CREDENTIAL_KIND,
      uuid: userUuid,
      organizationUuid: null,
      expectedVersion: current?.version ?? 0,
      lastChanged: now.toISOString(),
      index: { userUuid },
      data,
    });
  });
}

// A hash of a random password, checked when the e-mail is unknown, so a wrong e-mail takes as long
// as a wrong password and response times do not tell which e-mails exist.
let decoy: Promise<string> | undefined;

/** The user if the e-mail and password match, else `undefined` (never says which one was wrong). */
export async function checkPassword(kitos: Kitos, email: string, password: string): Promise<StoredUser | undefined> {
  const user = await findUserByEmail(kitos, email);
  const credential = user ? (await kitos.storage.get<StoredCredential>(CREDENTIAL_KIND, user.uuid))?.data : undefined;
  if (!credential) decoy ??= hashPassword(newSecret());
  const stored = credential?.passwordHash ?? (await (decoy as Promise<string>));
  const ok = await verifyPassword(password, stored);
  return ok && credential ? user : undefined;
}

/** A token just issued: the secret is returned once and never stored. */
export interface IssuedToken {
  readonly secret: string;
  readonly record: StoredToken;
  /** Sessions: the CSRF token the page echoes in `X-CSRF-Token` on writes. */
  readonly csrfToken: string | null;
}

/**
 * Issues an API token or a session for a user.
 *
 * @example
 * ```ts
 * const { secret } = await issueToken(kitos, { userUuid, purpose: 'api', ttlSeconds: 86400 });
 * ```
 */
export async function issueToken(
  kitos: Kitos,
  input: {
    userUuid: string;
    purpose: TokenPurpose;
    ttlSeconds: number;
    label?: string | null;
    now?: Date;
    pending?: PendingSignIn;
  },
): Promise<IssuedToken> {
  const now = input.now ?? new Date();
  const secret = newSecret();
  const csrfToken = input.purpose === 'session' ? csrfTokenOf(secret) : null;
  const record: StoredToken = {
    uuid: globalThis.crypto.randomUUID(),
    purpose: input.purpose,
    tokenHash: secretHash(secret),
    userUuid: input.userUuid,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000).toISOString(),
    revokedAt: null,
    csrfHash: null,
    label: input.label ?? null,
    ...(input.pending ? { pending: input.pending } : {}),
  };
  await kitos.storage.transaction((tx) =>
    tx.put({
      kind: TOKEN_KIND,
      uuid: record.uuid,
      organizationUuid: null,
      expectedVersion: 0,
      lastChanged: now.toISOString(),
      index: {
        tokenHash: record.tokenHash,
        userUuid: record.userUuid,
        purpose: record.purpose,
        expiresAt: record.expiresAt,
      },
      data: record,
    }),
  );
  return { secret, record, csrfToken };
}

/** The stored token for a secret if it exists, has the purpose, is not revoked and not expired. */
export async function findValidToken(
  kitos: Kitos,
  secret: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<StoredToken | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const r = await kitos.storage.query<StoredToken>({
    kind: TOKEN_KIND,
    filter: { op: 'eq', field: 'tokenHash', value: secretHash(secret) },
    limit: 1,
  });
  const token = r.records[0]?.data;
  if (!token || token.purpose !== purpose || token.revokedAt !== null) return undefined;
  return Date.parse(token.expiresAt) > now.getTime() ? token : undefined;
}

/** Revokes a token or session by its uuid; `false` when there is no such token. */
export async function revokeToken(kitos: Kitos, uuid: string, now = new Date()): Promise<boolean> {
  return kitos.storage.transaction(async (tx) => {
    const current = await tx.get<StoredToken>(TOKEN_KIND, uuid);
    if (!current) return false;
    if (current.data.revokedAt) return true;
    const data: StoredToken = { ...current.data, revokedAt: now.toISOString() };
    await tx.put({
      kind: TOKEN_KIND,
      uuid,
      organizationUuid: null,
      expectedVersion: current.version,
      lastChanged: now.toISOString(),
      index: (current as StoredRecord).index,
      data,
    });
    return true;
  });
}

/** Every token and session of a user (hashes only), newest first. */
export async function listTokens(kitos: Kitos, userUuid: string): Promise<StoredToken[]> {
  const r = await kitos.storage.query<StoredToken>({
    kind: TOKEN_KIND,
    filter: { op: 'eq', field: 'userUuid', value: userUuid },
  });
  return r.records.map((x) => x.data).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
