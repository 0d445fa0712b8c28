// The fixture corpus: packages/core/test/fixtures/<ExportedSchemaName>/{valid,invalid}/*.json.
// Every folder is matched to the schema exported under that name, so adding a schema's fixtures
// needs no registration, and a folder whose schema disappears fails loudly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const files = (folder: string, kind: 'valid' | 'invalid') => {
  try {
    return readdirSync(join(root, folder, kind)).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
};

describe('fixture corpus', () => {
  it('covers the main schemas of every module', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(folders)('%s', (folder) => {
    const schema = (core as Record<string, unknown>)[folder] as { safeParse?: (v: unknown) => { success: boolean } };

    it('names an exported zod schema and has valid and invalid examples', () => {
      expect(typeof schema?.safeParse, `@os2kitos/core exports no schema named ${folder}`).toBe('function');
      expect(files(folder, 'valid').length).toBeGreaterThan(0);
      expect(files(folder, 'invalid').length).toBeGreaterThan(0);
    });

    it.each(files(folder, 'valid'))('accepts valid/%s', (file) => {
      const r = schema.safeParse?.(JSON.parse(readFileSync(join(root, folder, 'valid', file), 'utf8')));
      expect(r?.success).toBe(true);
    });

    it.each(files(folder, 'invalid'))('rejects invalid/%s', (file) => {
      const r = schema.safeParse?.(JSON.parse(readFileSync(join(root, folder, 'invalid', file), 'utf8')));
      expect(r?.success).toBe(false);
    });
  });
});
