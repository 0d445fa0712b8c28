/**
 * Where adapters may legitimately differ from the reference (memory) adapter, declared once per
 * adapter. The table is keyed by every adapter name, so adding an adapter to {@link AdapterName}
 * forces a decision for each entry before the code compiles.
 *
 * @module
 */

/** Names of the adapters the conformance suite knows. */
export type AdapterName = 'memory' | 'sqljs' | 'better-sqlite3' | 'postgres';

/** Per-adapter expectations. */
export interface AdapterExpectations {
  /** How text sorts: `da` = Danish (æ, ø, å after z). */
  readonly collation: 'da' | 'binary';
  /** Whether a closed and reopened store keeps its data. */
  readonly persistent: boolean;
}

/** The one table of per-adapter differences. */
export const ADAPTER_EXPECTATIONS: Readonly<Record<AdapterName, AdapterExpectations>> = {
  memory: { collation: 'da', persistent: false },
  sqljs: { collation: 'da', persistent: true },
  'better-sqlite3': { collation: 'da', persistent: true },
  postgres: { collation: 'da', persistent: true },
};
