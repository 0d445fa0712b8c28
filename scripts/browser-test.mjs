// `npm run test:browser`: only the browser tests, in Chromium (found or installed by find-chromium.mjs).
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chrome = findChromium();
const r = spawnSync('npx', ['wtr', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(r.status ?? 1);
