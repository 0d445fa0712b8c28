/**
 * Groups the catalogue services for the facade.
 *
 * @module
 */
import type { CallRunner } from '../engine/service.js';
import { interfaceService, systemService } from './catalogue.service.js';

/** The catalogue services. */
export function catalogueServices(runner: CallRunner) {
  return { systems: systemService(runner), interfaces: interfaceService(runner) };
}
