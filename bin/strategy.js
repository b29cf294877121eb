#!/usr/bin/env -S node --max-semi-space-size=64 --v8-pool-size=1
// --max-semi-space-size gives V8 a larger young generation: check holds every parsed file until it has run every
// rule, and with the default one the scavenger copies those trees over and over (at 20,000 files: 940 scavenges
// taking 2.1 s, against 256 taking 1.1 s).
// --v8-pool-size=1 gives V8 one helper thread instead of Node's four, whatever the cores: on a machine of two cores
// four helpers (the optimising compiler, the collector's parallel work) contend with the main thread for the
// second core. `strategy check` of 1,000 files, in five alternating pairs: 2.3–2.55 s of CPU and 1.4–1.5 s wall
// with four helpers, 2.05–2.45 s and 1.2–1.4 s with one; at 5,000 and 20,000 files as fast or faster. On a machine
// with many cores a large check may take a little longer in wall time.
// npm's scripts and the benchmarks start Node with the same flags (test/cli/node-flags.test.ts keeps them in step).
// The project ships its TypeScript sources; they run compiled, from a copy kept in node_modules/.cache/ and made
// again when a source changes (src/load/compiled.mjs), or through tsx with STRATEGY_SOURCES=1.
import { importEntry } from '../src/load/compiled.mjs';

const { main } = await importEntry('cli');
process.exitCode = await main(process.argv.slice(2));
