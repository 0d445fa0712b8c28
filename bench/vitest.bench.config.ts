import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  ssr: { resolve: { conditions: ['development'] } },
  test: { include: ['bench/**/*.bench.ts'], benchmark: { include: ['bench/**/*.bench.ts'] } },
});
