import { defineConfig } from 'vitest/config';

// The benches load their modules with Node's own `import` and tsx's loader (the sources under the
// `development` condition), not through Vite's module runner: the runner turns every call across
// a module boundary into a look-up on a dictionary-mode exports object and a getter call, which no
// application meets (the published packages are bundles, or native ES modules) and which taxes
// modular code by the number of its internal calls. Under the runner the deadline engine measured
// about twice its CPU time outside vitest (docs/decisions/0075).
export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: {
    include: ['bench/**/*.bench.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    execArgv: ['--import', 'tsx', '--conditions', 'development'],
    experimental: { viteModuleRunner: false, nodeLoader: false },
  },
});
