// The overview sort compares precomputed ranks instead of calling the Danish collator per pair; it
// must order exactly as a comparison of the cells does (Danish letters, "aa", case, empties last in
// both directions, numbers, dates, booleans, several sort keys, ties by uuid or by input order),
// and a kept sorted order of an unchanging list must equal a fresh one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { danishCollator } from '../storage/evaluate.js';
import { USAGE_COLUMNS } from '../usage/usage.read-model.js';
import { applyOverviewQuery, type OverviewRow, type OverviewSort } from './query.js';

const TEXTS = ['Aa', 'aa', 'Å', 'å', 'Ærø', 'Ø', 'Z', 'z', 'Øl', 'ESDH', 'esdh', 'Éa', 'ea', 'Aarhus', 'Århus', ''];

const rowArb = fc.record({
  uuid: fc.uuid(),
  systemName: fc.constantFrom(...TEXTS),
  localCallName: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
  validTo: fc.option(fc.constantFrom('2024-01-01', '2025-06-30', '2030-12-31'), { nil: null }),
  active: fc.boolean(),
  outgoingRelationCount: fc.integer({ min: 0, max: 3 }),
});
const sortArb = fc.array(
  fc.record({
    column: fc.constantFrom('systemName', 'localCallName', 'validTo', 'active', 'outgoingRelationCount'),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { maxLength: 3 },
);

type Row = OverviewRow & Record<string, unknown>;

/** The reference: compare the cells of every pair. */
function reference(rows: readonly Row[], sort: readonly OverviewSort[], ties: 'uuid' | 'input'): string[] {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  const types = new Map<string, string>(USAGE_COLUMNS.map((c) => [c.id, c.type]));
  const compare = (a: unknown, b: unknown, type: string | undefined) => {
    if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(b) - Number(a);
    if (type === 'date') return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
    return danishCollator.compare(String(a), String(b));
  };
  const index = new Map(rows.map((r, i) => [r, i]));
  return [...rows]
    .sort((a, b) => {
      for (const s of sort) {
        const c = compare(a[s.column], b[s.column], types.get(s.column));
        if (c !== 0) return s.direction === 'desc' && !empty(a[s.column]) && !empty(b[s.column]) ? -c : c;
      }
      if (ties === 'input') return (index.get(a) ?? 0) - (index.get(b) ?? 0);
      return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
    })
    .map((r) => r.uuid);
}

describe('overview sort by ranks', () => {
  it('orders as comparing the cells does, for any rows and sort keys, kept or not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: (r) => r.uuid, maxLength: 40 }),
        sortArb,
        fc.constantFrom('uuid' as const, 'input' as const),
        (rows, sort, ties) => {
          const list = rows as unknown as Row[];
          const expected = reference(list, sort, ties);
          const fresh = applyOverviewQuery(list, USAGE_COLUMNS, { sort }, undefined, { ties });
          expect(fresh.rows.map((r) => r.uuid)).toEqual(expected);
          // An unchanging list: the second query of the same sort comes from the kept order.
          for (let round = 0; round < 2; round++) {
            const kept = applyOverviewQuery(list, USAGE_COLUMNS, { sort }, undefined, { ties, unchanging: true });
            expect(kept.rows.map((r) => r.uuid)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
  });
});
