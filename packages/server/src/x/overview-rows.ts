/**
 * The rows of the overviews, as the API documents them: the core's typed row schema of each
 * overview (`OVERVIEW_ROW_SCHEMAS`). This file is the one place that decides how rows appear in
 * the OpenAPI document.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';
import { OVERVIEW_ROW_SCHEMAS } from '@os2kitos/core';

const page = (row: z.ZodType, name: string) =>
  z.object({ rows: z.array(row), total: z.number().int(), today: z.string() }).openapi(name);

/** A page of an overview: the rows, the total before paging and the day derived columns were computed for. */
export const OverviewPageSchema = z
  .union([
    page(OVERVIEW_ROW_SCHEMAS.usages, 'UsageOverviewPage'),
    page(OVERVIEW_ROW_SCHEMAS.contracts, 'ContractOverviewPage'),
    page(OVERVIEW_ROW_SCHEMAS.dataProcessing, 'DataProcessingOverviewPage'),
    page(OVERVIEW_ROW_SCHEMAS.projects, 'ProjectOverviewPage'),
    page(OVERVIEW_ROW_SCHEMAS.catalogue, 'CatalogueOverviewPage'),
  ])
  .openapi('OverviewPage', { description: 'The page of the overview named in the path.' });
