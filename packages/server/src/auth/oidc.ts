/**
 * OpenID Connect bearer tokens from the municipality's identity provider: the issuer's JWKS is
 * found through its discovery document, each token's signature, issuer, audience and lifetime are
 * checked with `jose`, and a configured claim (default `email`) names the KITOS user.
 *
 * @module
 */
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { OidcConfig } from '../config.js';

/** Verifies OIDC access tokens; the JWKS is cached in process and refetched on an unknown key id. */
export interface OidcVerifier {
  /** The user claim's value of a valid token, or `undefined` when the token is not valid. */
  verify(token: string): Promise<{ subject: string; userKey: string } | undefined>;
}

/** True for `http:` URLs on a loopback address (allowed for test providers only). */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * Creates a verifier for one issuer. Discovery runs on first use (so the server starts while the
 * identity provider is down) and is retried on the next token after a failure.
 *
 * @example
 * ```ts
 * const oidc = createOidcVerifier({ issuer: 'https://login.kommune.dk', audience: 'kitos', userClaim: 'email',
 *   clockToleranceSeconds: 30, allowInsecureIssuer: false });
 * const who = await oidc.verify(bearer); // { subject, userKey: 'anna@kommune.dk' } or undefined
 * ```
 */
export function createOidcVerifier(config: OidcConfig, fetchImpl: typeof fetch = fetch): OidcVerifier {
  const issuerUrl = new URL(config.issuer);
  if (issuerUrl.protocol !== 'https:' && !(config.allowInsecureIssuer && isLoopback(issuerUrl)))
    throw new Error('[kitos] [server] the OIDC issuer must use https (http only on loopback with allowInsecureIssuer)');
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const discover = async () => {
    const base = config.issuer.endsWith('/') ? config.issuer : `${config.issuer}/`;
    const response = await fetchImpl(new URL('.well-known/openid-configuration', base), {
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
    const doc = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (doc.issuer !== config.issuer) throw new Error('OIDC discovery names another issuer');
    if (typeof doc.jwks_uri !== 'string') throw new Error('OIDC discovery has no jwks_uri');
    return createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  };
  return {
    async verify(token) {
      keys ??= discover().catch((e) => {
        keys = undefined;
        throw e;
      });
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keys, {
          issuer: config.issuer,
          audience: config.audience,
          clockTolerance: config.clockToleranceSeconds,
          requiredClaims: ['exp'],
        }));
      } catch {
        return undefined;
      }
      const value = payload[config.userClaim];
      if (typeof value !== 'string' || value === '') return undefined;
      return { subject: payload.sub ?? value, userKey: value };
    },
  };
}
