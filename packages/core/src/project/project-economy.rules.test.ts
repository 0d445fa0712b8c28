import { describe, expect, it } from 'vitest';
import type { ProjectEconomyAmounts, ProjectEconomyYear } from './project.schema.js';
import { projectEconomySummary, projectEconomyYearSummary } from './project-economy.rules.js';

const none: ProjectEconomyAmounts = {
  consultants: 0,
  education: 0,
  hardware: 0,
  software: 0,
  other: 0,
  salary: 0,
  savings: 0,
};
function year(
  y: number,
  budget: Partial<ProjectEconomyAmounts>,
  actual: Partial<ProjectEconomyAmounts>,
): ProjectEconomyYear {
  return { year: y, budget: { ...none, ...budget }, actual: { ...none, ...actual } };
}

describe('projectEconomyYearSummary', () => {
  it('totals expenses and savings, nets them and takes actual minus budget as variance', () => {
    const s = projectEconomyYearSummary(
      year(2025, { consultants: 100, software: 50, salary: 30 }, { consultants: 120, software: 40, savings: 10 }),
    );
    expect(s.budget).toEqual({ expenses: 150, savings: 30, net: 120 });
    expect(s.actual).toEqual({ expenses: 160, savings: 10, net: 150 });
    expect(s.variance).toEqual({ expenses: 10, savings: -20, net: 30 });
    expect(s.categories.consultants).toEqual({ budget: 100, actual: 120, variance: 20 });
    expect(s.year).toBe(2025);
  });
});

describe('projectEconomySummary', () => {
  it('sorts years and adds them up into a total without a year', () => {
    const { years, total } = projectEconomySummary([
      year(2026, { hardware: 10 }, {}),
      year(2025, { hardware: 5 }, { hardware: 7 }),
    ]);
    expect(years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(total.year).toBeNull();
    expect(total.categories.hardware).toEqual({ budget: 15, actual: 7, variance: -8 });
    expect(total.budget.net).toBe(15);
  });
  it('gives zeros for a project without economy years', () => {
    const { years, total } = projectEconomySummary([]);
    expect(years).toEqual([]);
    expect(total.budget).toEqual({ expenses: 0, savings: 0, net: 0 });
  });
});
