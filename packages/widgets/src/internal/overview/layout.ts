import type { OverviewColumn, OverviewKind } from '@os2kitos/core';

/** The column whose cell carries the row's link, per overview (the entity's name). */
export const PRIMARY_COLUMN: Readonly<Record<OverviewKind, string>> = {
  usages: 'systemName',
  contracts: 'name',
  dataProcessing: 'name',
  projects: 'name',
  catalogue: 'name',
};

/** Width of a column in rem, by what it holds; the status column fits the badge and reason. */
export function columnWidth(column: OverviewColumn, primary: boolean): number {
  if (primary) return 18;
  if (column.id === 'active') return 22;
  switch (column.type) {
    case 'date':
      return 9;
    case 'boolean':
    case 'number':
      return 8;
    case 'amount':
      return 10;
    case 'enum':
      return 13;
    case 'list':
      return 16;
    default:
      return 14;
  }
}

/** The CSS grid template and total width of a row with these columns. */
export function gridTemplate(
  columns: readonly OverviewColumn[],
  primaryId: string,
): { template: string; width: string } {
  const widths = columns.map((c) => columnWidth(c, c.id === primaryId));
  return {
    template: widths.map((w) => `${w}rem`).join(' '),
    width: `${widths.reduce((a, b) => a + b, 0)}rem`,
  };
}
