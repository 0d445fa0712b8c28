// A @web/test-runner plugin: the browser tests ask for a real OS2KITOS server with
// `executeServerCommand('kitos-server')` and get its address, portfolio and tokens. It starts once
// per run, on first request (scripts/test-server.ts: 127.0.0.1, port 0, a temporary embedded
// store), allows the test page's origin for CORS, and is stopped when the test runner stops.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export function kitosServerPlugin() {
  let origins = [];
  let child;
  let started;

  const start = () =>
    new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'scripts/test-server.ts'], {
        cwd: root,
        env: { ...process.env, KITOS_TEST_ORIGINS: origins.join(',') },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the test server exited with ${code} before it was ready`)));
      createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    });

  return {
    name: 'kitos-server',
    serverStart({ config }) {
      const port = config.port;
      origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
      if (config.hostname) origins.push(`http://${config.hostname}:${port}`);
    },
    async executeCommand({ command }) {
      if (command !== 'kitos-server') return undefined;
      started ??= start();
      return started;
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
