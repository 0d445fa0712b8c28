import { defineConfig } from 'vitest/config';

// Node tests run from source through the `development` export condition (see docs/decisions/0002).
// Browser tests (widgets, `*.browser.test.ts`) run in Chromium under @web/test-runner instead.
export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/test/**/*.test.ts',
      'bench/test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'packages/widgets/src/**', '**/*.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
