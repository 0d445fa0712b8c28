/**
 * Every KITOS API v2 resource of the server.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.js';
import { registerItSystemRoutes } from './it-systems.routes.js';

/** Registers the KITOS API v2 routes. */
export function registerV2Routes(app: OpenAPIHono<ServerEnv>): void {
  registerItSystemRoutes(app);
}
