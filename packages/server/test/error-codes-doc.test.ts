/**
 * The error-code reference (`docs/guides/error-codes.md`) is generated from the catalogues the code
 * uses: the core's `ISSUE_CODES` with its error classes and their HTTP statuses, and the server's
 * own codes. This test fails when the page and the catalogues drift apart;
 * `UPDATE_ERROR_CODES=1 npx vitest run packages/server/test/error-codes-doc.test.ts` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ISSUE_CODES, KITOS_ERROR_CLASSES } from '@os2kitos/core';
import { describe, expect, it } from 'vitest';
import { SERVER_ISSUE_CODES } from '../src/problem.js';

const PAGE = fileURLToPath(new URL('../../../docs/guides/error-codes.md', import.meta.url));
const cell = (s: string) => s.replaceAll('|', '\\|');

function render(): string {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from ISSUE_CODES, KITOS_ERROR_CLASSES and SERVER_ISSUE_CODES by',
    '     packages/server/test/error-codes-doc.test.ts (UPDATE_ERROR_CODES=1 rewrites it). -->',
    '',
    'Every refusal carries a class (the error type in the library, `code` and the HTTP status in',
    'problem details) and a specific code (`context.code` in the library, `specificCode` on the wire)',
    'with its meaning in Danish and English. Classes:',
    '',
    '| class | HTTP | title (da) | title (en) | meaning |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [name, info] of Object.entries(KITOS_ERROR_CLASSES))
    lines.push(
      `| \`${name}\` | ${info.status} | ${cell(info.title.da)} | ${cell(info.title.en)} | ${cell(info.meaning)} |`,
    );
  lines.push('', '## Specific codes of the core', '');
  const classes = [...new Set(Object.values(ISSUE_CODES).map((c) => c.class))];
  for (const cls of classes) {
    lines.push(`### ${cls} (${KITOS_ERROR_CLASSES[cls].status})`, '', '| code | da | en |', '| --- | --- | --- |');
    for (const [code, info] of Object.entries(ISSUE_CODES))
      if (info.class === cls) lines.push(`| \`${code}\` | ${cell(info.da)} | ${cell(info.en)} |`);
    lines.push('');
  }
  lines.push('## Specific codes of the server', '', '| code | da | en |', '| --- | --- | --- |');
  for (const [code, info] of Object.entries(SERVER_ISSUE_CODES))
    lines.push(`| \`${code}\` | ${cell(info.da)} | ${cell(info.en)} |`);
  return `${lines.join('\n')}\n`;
}

describe('the error-code reference', () => {
  it('lists every class and code with its status and both languages', () => {
    const page = render();
    if (process.env.UPDATE_ERROR_CODES === '1') writeFileSync(PAGE, page);
    expect(readFileSync(PAGE, 'utf8')).toBe(page);
    for (const code of Object.keys(ISSUE_CODES)) expect(page).toContain(`| \`${code}\` |`);
  });
});
