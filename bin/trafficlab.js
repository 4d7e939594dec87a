#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so there is no separate build step for Node.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
const { processIO } = await import(fileURLToPath(new URL('../src/cli/io.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2), processIO);
