#!/usr/bin/env -S node --max-semi-space-size=64
// The flag gives V8 a larger young generation: check holds every parsed file until it has run every rule, and
// with the default one the scavenger copies those trees over and over (at 20,000 files: 940 scavenges taking
// 2.1 s, against 256 taking 1.1 s). npm's scripts and the benchmarks start Node with the same flags
// (test/cli/node-flags.test.ts keeps them in step).
// Runs the TypeScript CLI directly: the project ships its sources, not a compiled copy.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
