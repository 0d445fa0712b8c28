/**
 * Helpers the resource routes share: the caller's actor, the per-request name lookup, ETag and
 * Location headers, If-Match, and KITOS's list pipeline.
 *
 * @module
 */
import type { Actor } from '@os2kitos/core';
import type { Context } from 'hono';
import type { ServerEnv } from '../env.js';
import { etagOf, writeOptionsFromIfMatch } from '../http/etag.js';
import { NameLookup } from './common.js';

/** The authenticated actor (the authentication middleware guarantees one on these routes). */
export function actorOf(c: Context<ServerEnv>): Actor {
  const auth = c.get('auth');
  if (!auth) throw new Error('[kitos] [server] route reached without authentication');
  return auth.actor;
}

/** A name lookup for this request. */
export function namesOf(c: Context<ServerEnv>): NameLookup {
  return new NameLookup(c.get('kitos'));
}

/** Write options from the request's If-Match. */
export function ifMatch(c: Context<ServerEnv>) {
  return writeOptionsFromIfMatch(c.req.header('if-match'));
}

/** Sets the ETag of a record version. */
export function setEtag(c: Context<ServerEnv>, version: number): void {
  c.header('ETag', etagOf(version));
}

/** The absolute URL of a new record: the collection URL + `/` + uuid, as KITOS answers. */
export function locationOf(c: Context<ServerEnv>, uuid: string): string {
  const base = c.get('config').publicUrl;
  const url = new URL(c.req.url);
  const origin = base ? base.replace(/\/$/, '') : url.origin;
  return `${origin}${url.pathname.replace(/\/$/, '')}/${uuid}`;
}
