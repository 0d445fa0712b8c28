import { describe, expect, it } from 'vitest';
import type { ProjectMilestone, ProjectRisk } from './project.schema.js';
import { projectStatus } from './project-status.rules.js';
import { testProject } from './testing/fixtures/project-builders.js';

let n = 0;
function milestone(date: string | null, done = false): ProjectMilestone {
  n += 1;
  return { uuid: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `M${n}`, date, status: 'Green', done };
}
function risk(probability: number, consequence: number): ProjectRisk {
  n += 1;
  const uuid = `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { uuid, name: `R${n}`, probability, consequence, action: null, responsibleUserUuid: null };
}
const TODAY = '2025-06-10';
const status = (fields: Parameters<typeof testProject>[0]) => projectStatus(testProject(fields), TODAY);

describe('projectStatus from milestones', () => {
  it('turns Yellow, not Red, for an open milestone due today', () => {
    expect(status({ milestones: [milestone(TODAY)] })).toMatchObject({
      trafficLight: 'Yellow',
      reasons: [{ code: 'milestone-due-soon' }],
    });
  });
  it('turns Red for an open milestone due yesterday', () => {
    expect(status({ milestones: [milestone('2025-06-09')] }).trafficLight).toBe('Red');
  });
  it('ignores done milestones and milestones without a date', () => {
    expect(status({ milestones: [milestone('2025-01-01', true), milestone(null)] })).toEqual({
      trafficLight: 'Green',
      reasons: [],
    });
  });
  it('warns from 14 days ahead, inclusive, and not at 15', () => {
    expect(status({ milestones: [milestone('2025-06-24')] }).trafficLight).toBe('Yellow');
    expect(status({ milestones: [milestone('2025-06-25')] }).trafficLight).toBe('Green');
  });
  it('counts the warning window across a leap day', () => {
    const p = testProject({ milestones: [milestone('2024-02-29')] });
    expect(projectStatus(p, '2024-02-15').trafficLight).toBe('Yellow');
    expect(projectStatus(p, '2024-02-14').trafficLight).toBe('Green');
  });
});

describe('projectStatus from risks and the reported status', () => {
  it('raises to at least Yellow for a risk scoring 15 or more, not for 12', () => {
    expect(status({ risks: [risk(3, 5)] })).toMatchObject({ trafficLight: 'Yellow', reasons: [{ code: 'high-risk' }] });
    expect(status({ risks: [risk(4, 3)] }).trafficLight).toBe('Green');
  });
  it('keeps a reported Red even when nothing else is wrong', () => {
    const s = status({ status: { trafficLight: 'Red', note: null, updatedAt: null } });
    expect(s).toMatchObject({ trafficLight: 'Red', reasons: [{ code: 'reported-status', trafficLight: 'Red' }] });
  });
  it('lists Red reasons first, then Yellow, milestones by date and risks by score', () => {
    const s = status({
      status: { trafficLight: 'Yellow', note: null, updatedAt: null },
      milestones: [milestone('2025-06-20'), milestone('2025-06-01'), milestone('2025-06-12')],
      risks: [risk(3, 5), risk(5, 5)],
    });
    expect(s.trafficLight).toBe('Red');
    expect(s.reasons.map((r) => `${r.code}:${r.trafficLight}`)).toEqual([
      'milestone-overdue:Red',
      'reported-status:Yellow',
      'milestone-due-soon:Yellow',
      'milestone-due-soon:Yellow',
      'high-risk:Yellow',
      'high-risk:Yellow',
    ]);
    expect(s.reasons.slice(2, 4).map((r) => r.message)).toEqual([
      expect.stringContaining('2025-06-12'),
      expect.stringContaining('2025-06-20'),
    ]);
    expect(s.reasons[4]?.message).toContain('25');
  });
  it('is White when there is nothing to assess', () => {
    expect(status({})).toEqual({ trafficLight: 'White', reasons: [] });
  });
});
