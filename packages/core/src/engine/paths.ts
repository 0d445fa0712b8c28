/**
 * Reading values out of a record by a dotted path, where `*` stands for each item of a list
 * (`roles.*.roleUuid`). Declarations of which fields hold what (option uuids, KLE, users, list
 * fields) use these paths, so one walker serves every check that reads them.
 *
 * @module
 */

/** One value found at a path, with the concrete path to it (list indices filled in). */
export interface PathValue {
  readonly value: unknown;
  readonly path: readonly (string | number)[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every value at `path` in `record` (none when a step is missing, `null` or not an object). A
 * `*` step walks each item of a list; `null` and `undefined` leaves are left out.
 *
 * @example
 * ```ts
 * valuesAt({ roles: [{ roleUuid: 'a' }, { roleUuid: 'b' }] }, 'roles.*.roleUuid');
 * // [{ value: 'a', path: ['roles', 0, 'roleUuid'] }, { value: 'b', path: ['roles', 1, 'roleUuid'] }]
 * ```
 */
export function valuesAt(record: unknown, path: string): PathValue[] {
  let at: PathValue[] = [{ value: record, path: [] }];
  for (const step of path.split('.')) {
    const next: PathValue[] = [];
    for (const { value, path: p } of at) {
      if (step === '*') {
        if (Array.isArray(value)) for (const [i, item] of value.entries()) next.push({ value: item, path: [...p, i] });
      } else if (isRecord(value) && Object.hasOwn(value, step)) {
        next.push({ value: value[step], path: [...p, step] });
      }
    }
    at = next;
  }
  return at.filter((v) => v.value !== null && v.value !== undefined);
}

/** The string values at `path` (see {@link valuesAt}). */
export function stringsAt(record: unknown, path: string): string[] {
  return valuesAt(record, path)
    .map((v) => v.value)
    .filter((v): v is string => typeof v === 'string');
}
