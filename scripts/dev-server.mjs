// One dev-server setup shared by the offline demo (`npm run example:offline`), the examples'
// end-to-end tests and the browser benchmarks: serves the repository root, resolves bare imports
// from node_modules (workspace packages from source through the `development` condition) and
// compiles TypeScript on the fly.
import rollupCommonjs from '@rollup/plugin-commonjs';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';

const commonjs = fromRollup(rollupCommonjs);

/**
 * Starts the server; `port: 0` picks a free port.
 * @param {{ port?: number, hostname?: string, quiet?: boolean }} [options]
 */
export async function startKitosDevServer({ port = 0, hostname = '127.0.0.1', quiet = true } = {}) {
  const server = await startDevServer({
    config: {
      rootDir: '.',
      port,
      hostname,
      nodeResolve: { exportConditions: ['browser', 'development'] },
      plugins: [
        esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
        commonjs({ include: ['**/node_modules/sql.js/**'] }),
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: !quiet,
  });
  const address = server.server?.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${hostname}:${actualPort}`, stop: () => server.stop() };
}
