// `npm test`: all Node tests (vitest) and all browser tests (@web/test-runner in Chromium), then one
// plain line `N passed, N failed` with the counts of both runners, so any log shows how many ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';

const dir = mkdtempSync(join(tmpdir(), 'kitos-test-'));
const vitestJson = join(dir, 'vitest.json');
const wtrJson = join(dir, 'wtr.json');
const extra = process.argv.slice(2);

// Fail early, in one sentence, when no browser can be found or installed.
let chrome;
try {
  chrome = findChromium();
} catch (e) {
  console.error(`[kitos] ${e.message}`);
  process.exit(1);
}

console.log(
  process.env.KITOS_PG_URL
    ? '[kitos] PostgreSQL tests run against the server in KITOS_PG_URL.'
    : '[kitos] KITOS_PG_URL is not set: PostgreSQL tests run against PGlite (embedded PostgreSQL) instead.',
);

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome, ...env } }).status ?? 1;

const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
  ...extra,
]);
const wtrStatus = run('npx', ['wtr', '--config', 'web-test-runner.config.mjs'], { KITOS_WTR_COUNTS: wtrJson });

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A test file that fails to load has no tests in it; count it so the summary never hides it.
  counts.failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  counts.failed += 1;
  console.error('[kitos] vitest wrote no results: counted as one failure.');
}
if (existsSync(wtrJson)) {
  const w = JSON.parse(readFileSync(wtrJson, 'utf8'));
  counts.passed += w.passed;
  counts.failed += w.failed;
  counts.skipped += w.skipped;
} else {
  counts.failed += 1;
  console.error('[kitos] @web/test-runner wrote no results: counted as one failure.');
}
rmSync(dir, { recursive: true, force: true });

const failedRunner = vitestStatus !== 0 || wtrStatus !== 0;
if (failedRunner && counts.failed === 0) counts.failed = 1; // a runner failed without a failing test (config error)
console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failedRunner ? 1 : 0);
