import { describe, expect, it } from 'vitest';
import { YesNoDontKnow, YesNoUndecided, YearSegment, kitosEnum } from './enums.js';

describe('KITOS enum codes', () => {
  it('reads code 0 as Yes in YesNoUndecided but as No in DataOptions', () => {
    expect(YesNoUndecided.fromCode(0)).toBe('Yes');
    expect(YesNoDontKnow.fromCode(0)).toBe('No');
  });
  it('round-trips every name through its code', () => {
    for (const e of [YesNoUndecided, YesNoDontKnow, YearSegment]) {
      for (const name of e.values) expect(e.fromCode(e.toCode(name as never))).toBe(name);
    }
  });
  it('returns undefined for an unknown code and rejects unknown names', () => {
    expect(YesNoUndecided.fromCode(7)).toBeUndefined();
    expect(YesNoUndecided.schema.safeParse('yes').success).toBe(false);
  });
  it('orders values by code', () => {
    expect(kitosEnum({ B: 2, A: 1, C: 0 }).values).toEqual(['C', 'A', 'B']);
  });
});
