import { describe, expect, it } from 'vitest';
import { KitosValidationError } from '../shared/index.js';
import { kleKeyLevel, kleParentKey, kleTaskTypeForKey } from './kle-key.js';
import { kleIsActive, kleTreeConsistency, parseKleFeed } from './kle.rules.js';
import { type KleTask, KleTaskSchema } from './kle.schema.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// Illustrative rows only: KLE itself is licensed and loaded from a feed, never shipped.
const main: KleTask = {
  uuid: id(1),
  taskKey: '00',
  description: 'Kommunens styrelse',
  type: 'KLE-Hovedgruppe',
  parentUuid: null,
  activeFrom: null,
  activeTo: null,
};
const group: KleTask = {
  ...main,
  uuid: id(2),
  taskKey: '00.03',
  description: 'Eksempelgruppe',
  type: 'KLE-Gruppe',
  parentUuid: id(1),
};
const topic: KleTask = {
  ...main,
  uuid: id(3),
  taskKey: '00.03.01',
  description: 'Eksempelemne',
  type: 'KLE-Emne',
  parentUuid: id(2),
};
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => r.violations?.map((v) => v.code);

describe('KLE keys', () => {
  it('derives level and type from the key depth', () => {
    expect(['00', '00.03', '00.03.01'].map(kleKeyLevel)).toEqual([1, 2, 3]);
    expect(['00', '00.03', '00.03.01'].map(kleTaskTypeForKey)).toEqual(['KLE-Hovedgruppe', 'KLE-Gruppe', 'KLE-Emne']);
  });
  it('rejects one-digit parts, a fourth level, trailing dots and other separators', () => {
    for (const key of ['0', '0.03', '00.3', '00.03.01.02', '00.', '00-03', '000', 'ab', '']) {
      expect(kleKeyLevel(key)).toBeUndefined();
    }
  });
  it('finds the parent key by dropping the last level', () => {
    expect(kleParentKey('00.03.01')).toBe('00.03');
    expect(kleParentKey('00.03')).toBe('00');
    expect(kleParentKey('00')).toBeNull();
  });
});

describe('KleTaskSchema', () => {
  it('accepts a task on each level', () => {
    for (const t of [main, group, topic]) expect(KleTaskSchema.safeParse(t).success).toBe(true);
  });
  it('rejects a type that does not match the key depth', () => {
    const r = KleTaskSchema.safeParse({ ...topic, type: 'KLE-Gruppe' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['type']);
  });
  it('rejects a main group with a parent and a topic without one', () => {
    expect(KleTaskSchema.safeParse({ ...main, parentUuid: id(9) }).success).toBe(false);
    expect(KleTaskSchema.safeParse({ ...topic, parentUuid: null }).success).toBe(false);
  });
  it('accepts a one-day period and rejects activeTo before activeFrom', () => {
    expect(KleTaskSchema.safeParse({ ...main, activeFrom: '2025-01-01', activeTo: '2025-01-01' }).success).toBe(true);
    expect(KleTaskSchema.safeParse({ ...main, activeFrom: '2025-01-02', activeTo: '2025-01-01' }).success).toBe(false);
  });
  it('rejects a description over 150 characters', () => {
    expect(KleTaskSchema.safeParse({ ...main, description: 'x'.repeat(151) }).success).toBe(false);
  });
});

describe('kleTreeConsistency', () => {
  it('accepts a consistent three-level tree', () => {
    expect(kleTreeConsistency([main, group, topic]).ok).toBe(true);
  });
  it('refuses a topic hung directly under a main group (key prefix mismatch)', () => {
    expect(codes(kleTreeConsistency([main, group, { ...topic, parentUuid: id(1) }]))).toEqual([
      'kle-parent-key-mismatch',
    ]);
  });
  it('refuses a topic under a group of another main group', () => {
    const otherGroup = { ...group, uuid: id(4), taskKey: '01.03' };
    const otherMain = { ...main, uuid: id(5), taskKey: '01' };
    expect(
      codes(
        kleTreeConsistency([
          main,
          otherMain,
          group,
          { ...otherGroup, parentUuid: id(5) },
          { ...topic, parentUuid: id(4) },
        ]),
      ),
    ).toEqual(['kle-parent-key-mismatch']);
  });
  it('reports type mismatch, missing and unknown parents, and duplicates', () => {
    const r = kleTreeConsistency([
      main,
      { ...group, type: 'KLE-Emne' },
      { ...topic, parentUuid: null },
      { ...topic, uuid: id(6), taskKey: '00.03.02', parentUuid: id(99) },
      { ...main, uuid: id(7) },
      { ...main, uuid: id(8), taskKey: '02', parentUuid: id(1) },
    ]);
    expect(codes(r)).toEqual([
      'kle-type-mismatch',
      'kle-parent-missing',
      'parent-not-found',
      'kle-duplicate-task-key',
      'kle-unexpected-parent',
    ]);
  });
});

describe('kleIsActive', () => {
  const period = { activeFrom: '2024-01-01', activeTo: '2025-12-31' };
  it('includes the first and the last day', () => {
    expect(kleIsActive(period, '2024-01-01')).toBe(true);
    expect(kleIsActive(period, '2025-12-31')).toBe(true);
  });
  it('excludes the day before and the day after', () => {
    expect(kleIsActive(period, '2023-12-31')).toBe(false);
    expect(kleIsActive(period, '2026-01-01')).toBe(false);
  });
  it('treats a missing bound as open-ended', () => {
    expect(kleIsActive({ activeFrom: null, activeTo: null }, '1999-01-01')).toBe(true);
    expect(kleIsActive({ activeFrom: '2030-01-01', activeTo: null }, '2029-12-31')).toBe(false);
  });
});

describe('parseKleFeed', () => {
  const rows = [
    { uuid: id(3), taskKey: '00.03.01', description: 'Eksempelemne', activeTo: '2026-06-30' },
    { uuid: id(1), taskKey: '00', description: 'Kommunens styrelse' },
    { uuid: id(2), taskKey: '00.03', description: 'Eksempelgruppe', activeFrom: null },
  ];
  it('derives type and parent from the keys and sorts by key', () => {
    const tasks = parseKleFeed(rows);
    expect(tasks).toEqual([main, group, { ...topic, activeTo: '2026-06-30' }]);
    expect(kleTreeConsistency(tasks).ok).toBe(true);
  });
  it('lists every problem with its row index', () => {
    const bad = [
      { uuid: id(1), taskKey: '00', description: 'A' },
      { uuid: id(1), taskKey: '00', description: 'B' },
      { uuid: id(4), taskKey: '05.01', description: 'Orphan group' },
      { uuid: id(5), taskKey: '5', description: 'Bad key', activeFrom: '2025-02-30' },
    ];
    try {
      parseKleFeed(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KitosValidationError);
      const issues = (e as KitosValidationError).issues.map((i) => `${i.path.join('.')}:${i.code}`);
      expect(issues).toEqual(
        expect.arrayContaining([
          '1.taskKey:duplicate',
          '1.uuid:duplicate',
          '2.taskKey:kle-parent-missing',
          '3.taskKey:invalid-format',
          '3.activeFrom:invalid-date',
        ]),
      );
    }
  });
  it('rejects a feed that is not an array', () => {
    expect(() => parseKleFeed({ rows: [] })).toThrow(KitosValidationError);
  });
});
