/**
 * Our extensions beyond KITOS, under `/api/v2/x-os2kitos/…`.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.js';

/** The prefix of every extension route: KITOS will never use an `x-` segment. */
export const EXTENSION_PREFIX = '/api/v2/x-os2kitos';

/** Registers the extension routes. */
export function registerExtensionRoutes(_app: OpenAPIHono<ServerEnv>): void {}
