/**
 * The server's own record kinds, kept in the same store as the core's (`createKitos({ extraKinds })`
 * migrates them), so N server processes share credentials, sessions and the reminder delivery log
 * through the database and hold nothing of their own.
 *
 * @module
 */
import type { KindDefinition } from '@os2kitos/core';
import { DELIVERY_KIND_DEFINITION } from '../notify/kinds.js';

/** A user's password hash (one record per user; the record uuid is the user's uuid). */
export const CREDENTIAL_KIND = 'serverCredential';
/** An API token or a cookie session: only its SHA-256 hash is stored. */
export const TOKEN_KIND = 'serverToken';

/** Stored password of a user. */
export interface StoredCredential {
  readonly userUuid: string;
  /** `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`. */
  readonly passwordHash: string;
  readonly changedAt: string;
}

/** What a stored token is for: an API token, a cookie session, or a pending OIDC sign-in (its `state`). */
export type TokenPurpose = 'api' | 'session' | 'oidc-state';

/** What a pending OIDC sign-in must remember until the provider sends the user back. */
export interface PendingSignIn {
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly returnTo: string;
}

/** A stored API token or session. */
export interface StoredToken {
  readonly uuid: string;
  readonly purpose: TokenPurpose;
  /** SHA-256 of the secret, base64url. The secret itself is never stored. */
  readonly tokenHash: string;
  readonly userUuid: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  /**
   * Unused (always `null`): a session's CSRF token is derived from its secret (`csrfTokenOf`).
   * Kept so records written by earlier versions still read.
   */
  readonly csrfHash: string | null;
  /** Free text (e.g. what the token is for), shown by `os2kitos token list`. */
  readonly label: string | null;
  /** Pending OIDC sign-ins only. */
  readonly pending?: PendingSignIn;
}

/**
 * The server's kinds for `createKitos({ extraKinds })`.
 *
 * @example
 * ```ts
 * const kitos = await createKitos({ storage, extraKinds: SERVER_KINDS });
 * ```
 */
export const SERVER_KINDS: readonly KindDefinition[] = [
  { kind: CREDENTIAL_KIND, fields: [{ name: 'userUuid', type: 'text' }] },
  {
    kind: TOKEN_KIND,
    fields: [
      { name: 'tokenHash', type: 'text' },
      { name: 'userUuid', type: 'text' },
      { name: 'purpose', type: 'text' },
      { name: 'expiresAt', type: 'text' },
    ],
    unique: [{ name: 'token_hash', fields: ['tokenHash'], perOrganization: false }],
  },
  DELIVERY_KIND_DEFINITION,
];
