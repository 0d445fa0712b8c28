import { describe, expect, it } from 'vitest';
import { projectCurrentPhase, projectPhaseOn, projectPhasesValidity } from './project-phase.rules.js';
import { testPhases, testProject } from './testing/fixtures/project-builders.js';

const project = testProject({
  phases: testPhases(
    ['2024-01-01', '2024-02-29'],
    ['2024-03-01', '2024-05-31'],
    ['2024-05-31', null],
    ['2024-09-01', '2024-09-30'],
    ['2024-11-01', '2025-12-31'],
  ),
});

describe('projectPhaseOn', () => {
  it('counts the first and the last day of a phase as inside it', () => {
    expect(projectPhaseOn(project, '2024-01-01')).toBe(1);
    expect(projectPhaseOn(project, '2024-02-29')).toBe(1);
    expect(projectPhaseOn(project, '2024-03-01')).toBe(2);
  });
  it('gives a handover day to the phase that starts that day', () => {
    expect(projectPhaseOn(project, '2024-05-30')).toBe(2);
    expect(projectPhaseOn(project, '2024-05-31')).toBe(3);
  });
  it('lets a phase without an end date run until the next phase starts', () => {
    expect(projectPhaseOn(project, '2024-08-31')).toBe(3);
    expect(projectPhaseOn(project, '2024-09-01')).toBe(4);
  });
  it('returns null before the first phase, in a gap and after the last phase', () => {
    expect(projectPhaseOn(project, '2023-12-31')).toBeNull();
    expect(projectPhaseOn(project, '2024-10-15')).toBeNull();
    expect(projectPhaseOn(project, '2026-01-01')).toBeNull();
  });
  it('returns null when no phase has a start date', () => {
    expect(projectPhaseOn(testProject(), '2025-01-01')).toBeNull();
  });
});

describe('projectCurrentPhase', () => {
  it('flags a manual phase that disagrees with the dates', () => {
    const p = { ...project, currentPhase: 1 as const };
    expect(projectCurrentPhase(p, '2024-04-01')).toEqual({
      phase: 2,
      source: 'dates',
      byDates: 2,
      manual: 1,
      inSync: false,
    });
  });
  it('falls back to the manual phase when the dates say nothing', () => {
    expect(projectCurrentPhase({ ...project, currentPhase: 4 }, '2024-10-15')).toMatchObject({
      phase: 4,
      source: 'manual',
      inSync: true,
    });
  });
});

describe('projectPhasesValidity', () => {
  it('compares with the nearest earlier phase that has dates, skipping undated ones', () => {
    const r = projectPhasesValidity(testPhases(['2025-01-01', '2025-06-30'], [null, null], ['2025-06-29', null]));
    expect(r.ok ? [] : r.violations.map((v) => [v.code, v.path, v.context?.previousPhase])).toEqual([
      ['phase-overlap', [2, 'startDate'], 1],
    ]);
  });
  it('uses the end date of a phase without a start', () => {
    const r = projectPhasesValidity(testPhases(['2025-01-01', '2025-06-30'], [null, '2025-05-01']));
    expect(r.ok ? [] : r.violations.map((v) => [v.code, v.path])).toEqual([['phase-overlap', [1, 'endDate']]]);
  });
  it('accepts one-day phases and phases in order', () => {
    expect(projectPhasesValidity(testPhases(['2025-01-01', '2025-01-01'], ['2025-01-01', '2025-01-02'])).ok).toBe(true);
  });
});
