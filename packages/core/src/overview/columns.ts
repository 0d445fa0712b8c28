/**
 * The overviews and their read models, by kind: the row schema, the column catalogue (grouped by
 * section as in KITOS's column chooser) and the row type. The read models themselves live in
 * their modules (`usage/usage.read-model.ts`, `contract/contract.read-model.ts`, …).
 *
 * @module
 */
import { type CatalogueRow, CATALOGUE_COLUMNS, CatalogueRowSchema } from '../catalogue/it-system.read-model.js';
import { CONTRACT_COLUMNS, type ContractRow, ContractRowSchema } from '../contract/contract.read-model.js';
import { DPR_COLUMNS, type DprRow, DprRowSchema } from '../data-processing/dpr.read-model.js';
import { PROJECT_COLUMNS, type ProjectRow, ProjectRowSchema } from '../project/project.read-model.js';
import { USAGE_COLUMNS, type UsageRow, UsageRowSchema } from '../usage/usage.read-model.js';
import type { OverviewColumn, OverviewKind } from './query.js';

export { CATALOGUE_COLUMNS, CONTRACT_COLUMNS, DPR_COLUMNS as DATA_PROCESSING_COLUMNS, PROJECT_COLUMNS, USAGE_COLUMNS };

/** The row type of each overview. */
export interface OverviewRows {
  readonly usages: UsageRow;
  readonly contracts: ContractRow;
  readonly dataProcessing: DprRow;
  readonly projects: ProjectRow;
  readonly catalogue: CatalogueRow;
}

/** The row type of one overview. */
export type OverviewRowOf<K extends OverviewKind> = OverviewRows[K];

/** The row schema of each overview (for APIs that publish the rows). */
export const OVERVIEW_ROW_SCHEMAS = {
  usages: UsageRowSchema,
  contracts: ContractRowSchema,
  dataProcessing: DprRowSchema,
  projects: ProjectRowSchema,
  catalogue: CatalogueRowSchema,
} as const;

/** The column catalogue of each overview. */
export const OVERVIEW_COLUMNS: { readonly [K in OverviewKind]: readonly OverviewColumn[] } = {
  usages: USAGE_COLUMNS,
  contracts: CONTRACT_COLUMNS,
  dataProcessing: DPR_COLUMNS,
  projects: PROJECT_COLUMNS,
  catalogue: CATALOGUE_COLUMNS,
};
