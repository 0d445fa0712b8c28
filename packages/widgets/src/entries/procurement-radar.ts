/**
 * `@os2kitos/widgets/procurement-radar`: defines `<kitos-procurement-radar>` (the joint procurement
 * radar across municipalities) and nothing else. It needs a client with the coordination reads (the
 * in-page or the HTTP client), through `<kitos-provider>` (`@os2kitos/widgets/provider`) or `.client`.
 *
 * @module procurement-radar
 */
import './context-root.js';

export { KitosProcurementRadar } from '../components/procurement-radar/procurement-radar.js';
export type { RadarSubjectKind } from '../components/procurement-radar/procurement-radar.component.js';
