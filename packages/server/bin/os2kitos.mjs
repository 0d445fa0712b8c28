#!/usr/bin/env node
// The os2kitos command: runs the built CLI (npm run build). From a checkout without a build:
// npx tsx --conditions development packages/server/src/cli.ts <command>
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
