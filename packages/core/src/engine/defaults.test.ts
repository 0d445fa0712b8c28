import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blankFor, mergePatch } from './defaults.js';

describe('blankFor', () => {
  it('fills nullable, boolean, list and nested object fields and leaves required scalars to the caller', () => {
    const s = z.object({
      name: z.string(),
      note: z.string().nullable(),
      active: z.boolean(),
      tags: z.array(z.string()),
      nested: z.object({ when: z.string().nullable(), kind: z.enum(['a', 'b']) }),
      withDefault: z.string().default('x'),
    });
    expect(blankFor(s)).toEqual({ note: null, active: false, tags: [], nested: { when: null } });
  });
});

describe('mergePatch', () => {
  it('changes only present keys, merges objects and replaces lists', () => {
    const base = { a: 1, general: { notes: 'x', id: '1' }, list: [1, 2] };
    expect(mergePatch(base, { general: { notes: null }, list: [3] })).toEqual({
      a: 1,
      general: { notes: null, id: '1' },
      list: [3],
    });
  });
  it('treats undefined as absent', () => {
    expect(mergePatch({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
  });
});
