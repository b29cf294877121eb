/**
 * Builds the website (site/, with Astro) from a strategy that check refuses, for the sanitising tests only.
 *
 *   node test/hostile/unchecked-site.ts <strategy dir> <schema dir> <out dir>
 *
 * The site reads its data only through src/view/load.ts's loadViewModels, which refuses a strategy with errors. A Vite
 * plugin given to this one build points the site's import of src/view/load.ts at unchecked-pipeline.ts instead, so
 * the view models of a hostile strategy reach the real templates and the real bodyToHtml. Nothing else differs from
 * src/render/site/build.ts (no Pagefind index, which the tests do not need). The build fails if the redirect was
 * never used, so the test cannot silently build the checked site instead.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const siteDir = resolve(repoRoot, 'site');
const viewLoader = resolve(repoRoot, 'src/view/load.ts');
const unchecked = resolve(repoRoot, 'test/hostile/unchecked-pipeline.ts');

const [strategyDir, schemaDir, outDir] = process.argv.slice(2);
if (!strategyDir || !schemaDir || !outDir) {
  process.stderr.write('usage: unchecked-site.ts <strategy dir> <schema dir> <out dir>\n');
  process.exit(2);
}

let redirected = 0;
const uncheckedPipeline: Plugin = {
  name: 'unchecked-pipeline',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !resolve(importer).startsWith(`${siteDir}/`)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (resolved && resolve(resolved.id.split('?')[0]!) === viewLoader) {
      redirected++;
      return unchecked;
    }
    return null;
  },
};

process.env['STRATEGY_DIR'] = resolve(strategyDir);
process.env['SCHEMA_DIR'] = resolve(schemaDir);
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const { build } = await import('astro');
await build({ root: siteDir, outDir: resolve(outDir), logLevel: 'warn', mode: 'production', vite: { plugins: [uncheckedPipeline] } });
if (redirected === 0) throw new Error('The site never imported src/view/load.ts: the unchecked build would have been the checked one');
process.stdout.write(`unchecked site written to ${outDir} (${redirected} import(s) redirected)\n`);
