/**
 * `npm run eld-table`: writes src/i18n/eld-sv-fi-en.json from the installed eld. Run it after
 * changing eld's version; test/i18n/eld-table.test.ts fails until it is run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SUBSET_FILE, subsetFileFromInstalled } from './eld-table.ts';

const subset = await subsetFileFromInstalled();
writeFileSync(SUBSET_FILE, `${JSON.stringify(subset)}\n`);
console.log(`${fileURLToPath(SUBSET_FILE)}: ${Object.keys(subset.ngrams).length} n-grams (${subset.source})`);
