// Walks every word the library shows a user, in both languages: enum values, the error-code
// catalogue, overview columns, states, terms, groups and option types. A new value without a
// label, an empty label or two values with the same label in one language fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERVIEW_COLUMNS } from '../overview/columns.js';
import { KITOS_ERROR_CLASSES } from '../shared/errors.js';
import { ISSUE_CODES, isIssueCode } from '../shared/issue-codes.js';
import { ENUM_LABELS, ENUMS, type EnumName } from './enums.js';
import type { Label } from './label.js';
import {
  COLUMN_GROUP_LABELS,
  CONTRACT_STATE_LABELS,
  CONTRACT_TERM_LABELS,
  OPTION_TYPE_LABELS,
  OVERVIEW_LABELS,
} from './terms.js';

const LANGUAGES = ['da', 'en'] as const;

/** Every label of a table is non-empty and trimmed, and no two entries share a label in one language. */
function expectLabelled(table: Readonly<Record<string, Label>>, name: string): void {
  for (const lang of LANGUAGES) {
    const seen = new Map<string, string>();
    for (const [key, label] of Object.entries(table)) {
      const text = label[lang];
      expect(text, `${name}.${key}.${lang}`).toMatch(/^\S(.*\S)?$/s);
      expect(seen.get(text), `${name}: ${key} and ${seen.get(text)} read the same in ${lang}`).toBeUndefined();
      seen.set(text, key);
    }
  }
}

describe('the vocabulary', () => {
  it('labels every value of every enumeration in Danish and English, distinctly', () => {
    const names = Object.keys(ENUMS) as EnumName[];
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const labels = ENUM_LABELS[name] as Readonly<Record<string, Label>>;
      expect(Object.keys(labels).sort(), name).toEqual([...ENUMS[name].values].sort());
      expectLabelled(labels, name);
    }
  });

  it('labels every overview, column group, contract state, contract term and option type', () => {
    expectLabelled(OVERVIEW_LABELS, 'OVERVIEW_LABELS');
    expectLabelled(COLUMN_GROUP_LABELS, 'COLUMN_GROUP_LABELS');
    expectLabelled(CONTRACT_STATE_LABELS, 'CONTRACT_STATE_LABELS');
    expectLabelled(CONTRACT_TERM_LABELS, 'CONTRACT_TERM_LABELS');
    expectLabelled(OPTION_TYPE_LABELS, 'OPTION_TYPE_LABELS');
  });

  it('gives every overview column a distinct header in both languages and a known enumeration', () => {
    for (const [kind, columns] of Object.entries(OVERVIEW_COLUMNS)) {
      expectLabelled(Object.fromEntries(columns.map((c) => [c.id, c.label])), kind);
      for (const c of columns) {
        if (c.type !== 'enum') continue;
        expect(c.enum, `${kind}.${c.id} names its enumeration`).toBeDefined();
        expect(Object.hasOwn(ENUMS, c.enum as string), `${kind}.${c.id}`).toBe(true);
      }
    }
  });

  it('explains every error code in both languages and files it under a known error class', () => {
    expect(Object.keys(ISSUE_CODES).every((code) => /^[a-z]+(-[a-z]+)*$/.test(code))).toBe(true);
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      expect(Object.hasOwn(KITOS_ERROR_CLASSES, info.class), code).toBe(true);
      for (const lang of LANGUAGES) expect(info[lang], `${code}.${lang}`).toMatch(/^\S(.*\S)?$/s);
    }
  });
});

/** Every source file of the core (tests and the spreadsheet modules' own issue catalogue excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the error codes in the source', () => {
  it('names only catalogued codes in refinements (where the compiler cannot see them)', () => {
    const root = join(import.meta.dirname, '..');
    const found: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/params:\s*\{\s*code:\s*'([^']+)'/g)) found.push(`${file}: ${m[1]}`);
    }
    expect(found.length).toBeGreaterThan(10);
    const unknown = found.filter((f) => !isIssueCode(f.slice(f.lastIndexOf(' ') + 1)));
    expect(unknown).toEqual([]);
  });
});
