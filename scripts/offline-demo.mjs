// `npm run example:offline`: the offline demo page in examples/ (the widgets on sql.js in this
// browser's IndexedDB, no server), with the packages compiled from source.
import { startKitosDevServer } from './dev-server.mjs';

const port = Number(process.env.PORT ?? 8001);
const { url } = await startKitosDevServer({ port, hostname: process.env.HOST ?? '127.0.0.1' });
console.log(`\nOS2KITOS offline demo: open ${url}/examples/index.html\n(stop with Ctrl+C)`);
