/**
 * The rows of the overviews, as the API documents them. For now a permissive row (a uuid and any
 * cell values); when the core publishes typed row schemas per overview, they replace these here
 * and nowhere else.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';

/** A cell: scalars, or a list shown joined; dates are `YYYY-MM-DD`. */
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** One overview row: always a uuid, then a value per column id. */
export const OverviewRowSchema = z
  .object({ uuid: z.string() })
  .catchall(Cell)
  .openapi('OverviewRow', { description: 'A flat row keyed by column id (see the column catalogue of the overview).' });

/** A page of an overview with the total before paging and the day derived columns were computed for. */
export const OverviewPageSchema = z
  .object({ rows: z.array(OverviewRowSchema), total: z.number().int(), today: z.string() })
  .openapi('OverviewPage');
