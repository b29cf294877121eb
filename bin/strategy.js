#!/usr/bin/env node
// Runs the TypeScript CLI directly: the project ships its sources, not a compiled copy.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
