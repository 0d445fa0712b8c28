/**
 * Budget totals and variance per year and over the whole project.
 *
 * Categories split into expenses (consultants, education, hardware, software, other) and savings
 * (salary, savings). For each of budget and actual: `expenses`, `savings`, and `net` = expenses −
 * savings (positive: the project costs money net). Variance is always actual − budget, so a
 * positive expense variance is an overspend and a positive savings variance is more saved.
 *
 * @module
 */
import type { ProjectEconomyAmounts, ProjectEconomyYear } from './project.schema.js';

/** Categories that cost money. */
export const PROJECT_EXPENSE_CATEGORIES = ['consultants', 'education', 'hardware', 'software', 'other'] as const;
/** Categories that save money. */
export const PROJECT_SAVINGS_CATEGORIES = ['salary', 'savings'] as const;

/** Totals of one set of amounts. */
export interface ProjectEconomyTotals {
  readonly expenses: number;
  readonly savings: number;
  /** Expenses − savings. */
  readonly net: number;
}

/** Budget, actual and variance (actual − budget) for one year or for the whole project. */
export interface ProjectEconomySummary {
  /** The year, or `null` for the whole project. */
  readonly year: number | null;
  readonly budget: ProjectEconomyTotals;
  readonly actual: ProjectEconomyTotals;
  readonly variance: ProjectEconomyTotals;
  /** Budget, actual and variance per category. */
  readonly categories: Readonly<
    Record<keyof ProjectEconomyAmounts, { readonly budget: number; readonly actual: number; readonly variance: number }>
  >;
}

/** All categories in a fixed order: expenses, then savings. */
const CATEGORIES = [...PROJECT_EXPENSE_CATEGORIES, ...PROJECT_SAVINGS_CATEGORIES];

function totals(amounts: ProjectEconomyAmounts): ProjectEconomyTotals {
  const expenses = PROJECT_EXPENSE_CATEGORIES.reduce((sum, c) => sum + amounts[c], 0);
  const savings = PROJECT_SAVINGS_CATEGORIES.reduce((sum, c) => sum + amounts[c], 0);
  return { expenses, savings, net: expenses - savings };
}

function difference(a: ProjectEconomyTotals, b: ProjectEconomyTotals): ProjectEconomyTotals {
  return { expenses: a.expenses - b.expenses, savings: a.savings - b.savings, net: a.net - b.net };
}

function summarise(year: number | null, budget: ProjectEconomyAmounts, actual: ProjectEconomyAmounts) {
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, { budget: budget[c], actual: actual[c], variance: actual[c] - budget[c] }]),
  ) as ProjectEconomySummary['categories'];
  const b = totals(budget);
  const a = totals(actual);
  return { year, budget: b, actual: a, variance: difference(a, b), categories };
}

/**
 * Totals and variance for one economy year.
 *
 * @example
 * ```ts
 * const s = projectEconomyYearSummary(year);
 * s.variance.expenses; // > 0 when more was spent than budgeted
 * ```
 */
export function projectEconomyYearSummary(year: ProjectEconomyYear): ProjectEconomySummary {
  return summarise(year.year, year.budget, year.actual);
}

/**
 * Summaries per year (sorted by year) and for the whole project (`total.year` is `null`).
 *
 * @example
 * ```ts
 * const { years, total } = projectEconomySummary(project.economyYears);
 * total.budget.net; // net budgeted cost over all years
 * ```
 */
export function projectEconomySummary(economyYears: readonly ProjectEconomyYear[]): {
  years: ProjectEconomySummary[];
  total: ProjectEconomySummary;
} {
  const sorted = [...economyYears].sort((a, b) => a.year - b.year);
  const zero = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as ProjectEconomyAmounts;
  const add = (sum: ProjectEconomyAmounts, x: ProjectEconomyAmounts) =>
    Object.fromEntries(CATEGORIES.map((c) => [c, sum[c] + x[c]])) as ProjectEconomyAmounts;
  const budget = sorted.reduce((sum, y) => add(sum, y.budget), zero);
  const actual = sorted.reduce((sum, y) => add(sum, y.actual), zero);
  return { years: sorted.map(projectEconomyYearSummary), total: summarise(null, budget, actual) };
}
