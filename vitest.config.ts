import { defineConfig } from 'vitest/config';

// Node tests run from source through the `development` export condition (see docs/decisions/0002).
// Browser tests (widgets, `*.browser.test.ts`) run in Chromium under @web/test-runner instead.
//
// A few tests read what rollup builds instead: the smoke test of the packages' dist files and the
// embed example, which loads examples/embed/dist in Chromium. They form their own project, whose
// globalSetup (scripts/bundles-setup.mjs) runs `npm run build:bundles` first when a bundle is missing
// or older than its sources. vitest runs a project's globalSetup only when that project has test
// files in the run, so `npx vitest run packages/core/src/…` never waits for a build.
const bundleTests = [
  'packages/core/test/dist.smoke.test.ts',
  'examples/test/examples.e2e.test.ts',
  'examples/test/embed-bundle.e2e.test.ts',
];

export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'source',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'examples/test/**/*.test.ts',
            'bench/test/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'packages/widgets/src/**', '**/*.browser.test.ts', ...bundleTests],
        },
      },
      {
        extends: true,
        test: { name: 'bundles', include: bundleTests, globalSetup: ['scripts/bundles-setup.mjs'] },
      },
    ],
  },
});
