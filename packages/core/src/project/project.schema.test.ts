import { describe, expect, it } from 'vitest';
import { safeParse } from '../shared/index.js';
import { defaultProjectPhases, newProjectFields } from './project-defaults.js';
import { ProjectCreateSchema, ProjectPatchSchema, ProjectSchema } from './project.schema.js';
import { ORG_A, testPhases, testProject } from './testing/fixtures/project-builders.js';

function issues(input: unknown) {
  const r = safeParse(ProjectSchema, input, 'project');
  return r.ok ? [] : r.error.issues.map((i) => [i.path.join('.'), i.code]);
}
const U1 = '20000000-0000-4000-8000-000000000001';

describe('ProjectSchema', () => {
  it('accepts a new project built from the defaults', () => {
    expect(issues(testProject())).toEqual([]);
  });
  it('gives a new project the five default phase names in order', () => {
    expect(defaultProjectPhases().map((p) => p.name)).toEqual([
      'Afventer',
      'Foranalyse',
      'Gennemførsel',
      'Overlevering',
      'Drift',
    ]);
  });
  it('requires exactly five phases', () => {
    const phases = defaultProjectPhases();
    expect(issues(testProject({ phases: phases.slice(0, 4) as never })).length).toBeGreaterThan(0);
    expect(issues(testProject({ phases: [...phases, phases[0]] as never })).length).toBeGreaterThan(0);
  });
  it('reports overlapping phases and a phase that ends before it starts, listing both', () => {
    const phases = testPhases(['2025-01-01', '2025-03-31'], ['2025-03-30', '2025-03-01']);
    expect(issues(testProject({ phases }))).toEqual([
      ['phases.1.endDate', 'phase-ends-before-start'],
      ['phases.1.startDate', 'phase-overlap'],
    ]);
  });
  it('allows a handover day shared by two phases, and gaps between phases', () => {
    const phases = testPhases(
      ['2025-01-01', '2025-03-31'],
      ['2025-03-31', '2025-06-30'],
      ['2025-09-01', null],
      [null, null],
      ['2026-01-01', null],
    );
    expect(issues(testProject({ phases }))).toEqual([]);
  });
  it('checks dates strictly: 29 February only in leap years', () => {
    expect(issues(testProject({ phases: testPhases(['2024-02-29', '2024-02-29']) }))).toEqual([]);
    expect(issues(testProject({ phases: testPhases(['2025-02-29', null]) }))).toEqual([
      ['phases.0.startDate', 'invalid-date'],
    ]);
  });
  it('limits the current phase to 1–5 and risk ratings to 1–5', () => {
    expect(issues({ ...testProject(), currentPhase: 6 })).toEqual([['currentPhase', 'invalid-value']]);
    expect(issues({ ...testProject(), currentPhase: 2.5 })).toEqual([['currentPhase', 'invalid-value']]);
    const risk = {
      uuid: U1,
      name: 'Forsinkelse',
      probability: 0,
      consequence: 6,
      action: null,
      responsibleUserUuid: null,
    };
    expect(issues(testProject({ risks: [risk] }))).toEqual([
      ['risks.0.probability', 'too-small'],
      ['risks.0.consequence', 'too-big'],
    ]);
  });
  it('rejects repeated links, milestone uuids and economy years', () => {
    const milestone = { uuid: U1, name: 'Kontrakt', date: null, status: 'White', done: false } as const;
    const year = { year: 2025, budget: {}, actual: {} };
    expect(
      issues({
        ...testProject({ usingUnitUuids: [U1, U1.toUpperCase()], milestones: [milestone, milestone] }),
        economyYears: [year, year],
      }),
    ).toEqual([
      ['usingUnitUuids.1', 'duplicate'],
      ['milestones.1', 'duplicate'],
      ['economyYears.1', 'duplicate'],
    ]);
  });
  it('fills missing economy amounts with 0', () => {
    const parsed = ProjectSchema.parse({
      ...testProject(),
      economyYears: [{ year: 2025, budget: { software: 5 }, actual: {} }],
    });
    expect(parsed.economyYears[0]?.budget).toEqual({
      consultants: 0,
      education: 0,
      hardware: 0,
      software: 5,
      other: 0,
      salary: 0,
      savings: 0,
    });
  });
  it('accepts a 200-character name and rejects 201', () => {
    expect(issues(testProject({ name: 'x'.repeat(200) }))).toEqual([]);
    expect(issues(testProject({ name: 'x'.repeat(201) }))).toEqual([['name', 'too-big']]);
  });
});

describe('derived project inputs', () => {
  it('needs an organisation and a name to create', () => {
    expect(ProjectCreateSchema.safeParse({ organizationUuid: ORG_A, name: 'ESDH' }).success).toBe(true);
    expect(ProjectCreateSchema.safeParse({ name: 'ESDH' }).success).toBe(false);
  });
  it('fills defaults under the given fields for a new project', () => {
    const fields = newProjectFields({ organizationUuid: ORG_A, name: 'ESDH', priority: 'High', note: undefined });
    expect(fields).toMatchObject({ priority: 'High', note: null, currentPhase: 1, isArchived: false });
  });
  it('does not move a project to another organisation, and adds nothing a patch did not say', () => {
    expect(ProjectPatchSchema.safeParse({ organizationUuid: ORG_A, isArchived: true }).success).toBe(false);
    expect(ProjectPatchSchema.parse({ isArchived: true })).toEqual({ isArchived: true });
    expect(ProjectPatchSchema.parse({})).toEqual({});
  });
  it('checks phase order in a patch too', () => {
    const phases = testPhases(['2025-05-01', '2025-06-01'], ['2025-04-01', null]);
    expect(ProjectPatchSchema.safeParse({ phases }).success).toBe(false);
  });
});
