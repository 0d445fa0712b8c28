// The index of architecture decisions (docs/decisions/README.md) is kept by hand; this test keeps it
// honest: every `NNNN-*.md` record is listed, every listed file exists, and the number and title in
// each record's first line agree with its file name and its row in the index.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../docs/decisions');
const records = readdirSync(dir)
  .filter((f) => /^\d{4}-.+\.md$/.test(f))
  .sort();

interface Row {
  number: string;
  file: string;
  title: string;
  line: string;
}

/** The index table's body rows; a row that is not `| [NNNN](file.md) | title |` fails the test. */
function indexRows(): Row[] {
  const lines = readFileSync(join(dir, 'README.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|'));
  // The first two table lines are the header and its `| --- |` separator.
  return lines.slice(2).map((line) => {
    const m = /^\| \[(\d{4})\]\(([^)]+)\) \| (.+?) \|$/.exec(line);
    expect(m, `an index row that does not read "| [NNNN](NNNN-name.md) | title |": ${line}`).not.toBeNull();
    return { number: m![1]!, file: m![2]!, title: m![3]!, line };
  });
}

/** `# 0007 – Biome for lint and format` → number and title. */
function heading(file: string): { number: string; title: string } {
  const first = readFileSync(join(dir, file), 'utf8').split('\n', 1)[0] ?? '';
  const m = /^# (\d{4}) – (.+)$/.exec(first);
  expect(m, `${file} should start with "# NNNN – Title", not: ${first}`).not.toBeNull();
  return { number: m![1]!, title: m![2]! };
}

describe('docs/decisions', () => {
  it('has records (the file pattern still matches)', () => {
    expect(records.length).toBeGreaterThan(10);
  });

  it('lists every record in the index, and only files that exist', () => {
    expect(indexRows().map((r) => r.file)).toEqual(records);
  });

  it('gives every record its own number', () => {
    const numbers = records.map((f) => f.slice(0, 4));
    expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
  });

  it.each(records)('%s: the title carries the file’s number', (file) => {
    expect(heading(file).number).toBe(file.slice(0, 4));
  });

  it('links each record under its own number and title', () => {
    for (const row of indexRows()) {
      expect(row.number, row.line).toBe(row.file.slice(0, 4));
      if (records.includes(row.file)) expect(row.title, row.line).toBe(heading(row.file).title);
    }
  });
});
