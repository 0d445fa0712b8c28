// Month arithmetic is the heart of the deadline engine. Baseline: the same loop with native Date
// arithmetic (which does NOT clamp to month end, so it is a speed reference, not a correct rule).
import { addMonths } from '@os2kitos/core';
import { bench, describe } from 'vitest';
import { benchOptions } from './options.js';

const dates = Array.from({ length: 10_000 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1 + i));
  return d.toISOString().slice(0, 10);
});

describe('deadline arithmetic: add 3 months to 10,000 dates', () => {
  bench(
    'baseline: native Date.setUTCMonth (no clamping)',
    () => {
      for (const s of dates) {
        const d = new Date(`${s}T00:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() + 3);
        d.toISOString().slice(0, 10);
      }
    },
    benchOptions,
  );
  bench(
    'core addMonths (clamps to month end)',
    () => {
      for (const s of dates) addMonths(s, 3);
    },
    benchOptions,
  );
});
