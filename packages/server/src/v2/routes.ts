/**
 * Every KITOS API v2 resource of the server.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.js';
import { registerItInterfaceRoutes } from './it-interfaces.routes.js';
import { registerItSystemRoutes } from './it-systems.routes.js';
import { registerOrganizationRoutes } from './organizations.routes.js';
import { registerReferenceDataRoutes } from './reference-data.routes.js';
import { registerItContractRoutes } from './it-contracts.routes.js';
import { registerDprRoutes } from './data-processing-registrations.routes.js';
import { registerItSystemUsageRoutes } from './it-system-usages.routes.js';

/** Registers the KITOS API v2 routes. */
export function registerV2Routes(app: OpenAPIHono<ServerEnv>): void {
  registerItSystemRoutes(app);
  registerItInterfaceRoutes(app);
  registerItSystemUsageRoutes(app);
  registerItContractRoutes(app);
  registerDprRoutes(app);
  registerOrganizationRoutes(app);
  registerReferenceDataRoutes(app);
}
