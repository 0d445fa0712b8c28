import { describe, expect, it } from 'vitest';
import { checkUsageKleDeviations, effectiveUsageKle } from './usage-kle.rules.js';

const dev = (addedKleUuids: string[], removedKleUuids: string[]) => ({ addedKleUuids, removedKleUuids });

describe('effectiveUsageKle', () => {
  it('is the system KLE plus additions minus removals', () => {
    expect(effectiveUsageKle(['a', 'b', 'c'], dev(['d'], ['b']))).toEqual(['a', 'c', 'd']);
  });

  it('is the system KLE when there are no deviations', () => {
    expect(effectiveUsageKle(['a'], dev([], []))).toEqual(['a']);
  });

  it('lists a KLE only once', () => {
    expect(effectiveUsageKle(['a', 'a'], dev(['b', 'b'], []))).toEqual(['a', 'b']);
  });
});

describe('checkUsageKleDeviations', () => {
  it('accepts additions the system lacks and removals the system has', () => {
    expect(checkUsageKleDeviations(dev(['x'], ['a']), ['a', 'b']).ok).toBe(true);
  });

  it('refuses adding a KLE the system already has', () => {
    const r = checkUsageKleDeviations(dev(['a'], []), ['a']);
    expect(r.ok ? null : r.violations).toEqual([
      expect.objectContaining({ code: 'kle-already-on-system', path: ['localKleDeviations', 'addedKleUuids', 0] }),
    ]);
  });

  it('refuses removing a KLE the system does not have', () => {
    const r = checkUsageKleDeviations(dev([], ['z']), ['a']);
    expect(r.ok ? null : r.violations[0]?.code).toBe('kle-not-on-system');
  });

  it('refuses a KLE that is both added and removed', () => {
    const r = checkUsageKleDeviations(dev(['x'], ['x']), []);
    expect(r.ok ? [] : r.violations.map((v) => v.code)).toContain('kle-added-and-removed');
  });

  it('refuses duplicates in either list', () => {
    const r = checkUsageKleDeviations(dev(['x', 'x'], ['a', 'a']), ['a']);
    expect(r.ok ? [] : r.violations.map((v) => [v.code, v.path?.[1]])).toEqual([
      ['duplicate', 'addedKleUuids'],
      ['duplicate', 'removedKleUuids'],
    ]);
  });

  it('lists every problem in order: duplicates, both, already on system, not on system', () => {
    const r = checkUsageKleDeviations(dev(['a', 'b', 'b'], ['b', 'z']), ['a']);
    expect(r.ok ? [] : r.violations.map((v) => v.code)).toEqual([
      'duplicate',
      'kle-added-and-removed',
      'kle-already-on-system',
      'kle-not-on-system',
      'kle-not-on-system',
    ]);
  });
});
