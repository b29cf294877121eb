#!/usr/bin/env -S node --max-semi-space-size=64
// The flag gives V8 a larger young generation: check holds every parsed file until it has run every rule, and
// with the default one the scavenger copies those trees over and over (at 20,000 files: 940 scavenges taking
// 2.1 s, against 256 taking 1.1 s). npm's scripts and the benchmarks start Node with the same flags
// (test/cli/node-flags.test.ts keeps them in step).
// The project ships its TypeScript sources; they run compiled, from a copy kept in node_modules/.cache/ and made
// again when a source changes (src/load/compiled.mjs), or through tsx with STRATEGY_SOURCES=1.
import { importEntry } from '../src/load/compiled.mjs';

const { main } = await importEntry('cli');
process.exitCode = await main(process.argv.slice(2));
