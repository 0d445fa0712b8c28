import { describe, expect, it } from 'vitest';
import { parseNoticePeriodMonths } from './notice-period.rules.js';
import { parseExtensionOption } from './terms.rules.js';

describe('option readings are read once and shared frozen', () => {
  it('returns the same frozen reading for the same name, so no caller can change the next contract’s', () => {
    const first = parseNoticePeriodMonths('3 måneder');
    expect(parseNoticePeriodMonths('3 måneder')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    if (first.ok) throw new Error('expected a violation');
    expect(Object.isFrozen(first.violations)).toBe(true);
    expect(() => (first.violations as unknown as unknown[]).push({})).toThrow(TypeError);
    const extension = parseExtensionOption('2 x 1 år');
    expect(parseExtensionOption('2 x 1 år')).toBe(extension);
    expect(extension).toEqual({ ok: true, value: { count: 2, months: 12 } });
  });
});
