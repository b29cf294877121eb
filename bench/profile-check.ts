/**
 * One full check, for profiling: node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-check.ts <strategyDir> [schemaDir]
 * Summarise the profile with: node bench/profile-summary.mjs /tmp/prof/<file>.cpuprofile
 */
import { resolve } from 'node:path';
import { loadStrategy } from '../src/pipeline.ts';

const [dir = 'bench/data/1000/strategy', schemaDir = 'schema'] = process.argv.slice(2);
const started = performance.now();
const result = loadStrategy(resolve(dir), { schemaDir: resolve(schemaDir) });
process.stdout.write(`${result.graph.files.length} files, ${result.errorCount} errors, ${result.warningCount} warnings, ${(performance.now() - started).toFixed(0)} ms\n`);
