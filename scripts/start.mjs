// `npm start`: the demo as deployed (examples/live/server.ts): the OS2KITOS server on the embedded
// better-sqlite3 file, seeded on the first start, serving the demo page that reads through the HTTP
// client. Run through tsx with the `development` condition, so nothing needs building first.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const child = spawn(
  process.execPath,
  ['--conditions=development', '--import', 'tsx', 'examples/live/server.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
