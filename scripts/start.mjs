// `npm start`: serves the demo page in examples/ and prints the address to open.
import { startKitosDevServer } from './dev-server.mjs';

const port = Number(process.env.PORT ?? 8000);
const { url } = await startKitosDevServer({ port, hostname: process.env.HOST ?? '127.0.0.1' });
console.log(`\nOS2KITOS demo: open ${url}/examples/index.html\n(stop with Ctrl+C)`);
