// Browser tests: every widget test and every `*.browser.test.ts`, in Debian's Chromium.
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import { kitosServerPlugin } from './scripts/wtr-kitos-server.mjs';

// sql.js ships UMD only; the browser needs it as ESM. Keep plugin-commonjs at 26.0.3 (docs/decisions/0001).
const commonjs = fromRollup(rollupCommonjs);

/** Counts passed/failed/skipped tests for the plain summary line that scripts/test.mjs prints. */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) counts.skipped++;
          else if (t.passed) counts.passed++;
          else counts.failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        // A file that failed to load has no test results but errors: count it as one failure.
        if (
          !s.passed &&
          (s.errors?.length ?? 0) > 0 &&
          !(s.testResults?.tests?.length || s.testResults?.suites?.length)
        )
          counts.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}

export default {
  rootDir: '.',
  files: ['packages/widgets/src/**/*.test.ts', 'packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    // The tsconfig is required: without it esbuild compiles standard decorators and Lit's legacy ones fail.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    commonjs({ include: ['**/node_modules/sql.js/**'] }),
    // A real server for the tests that read through the HTTP client (started on first use).
    kitosServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  // Lit's dev build (from the `development` condition) announces itself in every file; the rest of the log stays.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), countingReporter(process.env.KITOS_WTR_COUNTS)],
};
