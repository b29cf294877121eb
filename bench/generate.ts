/**
 * A deterministic generator of synthetic bilingual strategies for the benchmarks: N files (N/2 items × sv, fi),
 * shaped like strategy/ (document → sections → goals → actions, measures, milestones; framing values, promises,
 * strategic goals that goals link to; chapters with GFM tables and lists), valid under schema/, with glossary
 * terms and numbers mirrored between twins, and every pair stamped with `twin-hash` the way `i18n stamp` does.
 *
 *   node bench/generate.ts --files 1000 [--seed 1] [--out bench/data/1000/strategy]
 *
 * Deliberate warnings, a handful per thousand items: a goal without a measure (expected-children), an unstamped
 * pair (translation-stamp-missing), a value nothing links to (unlinked-target).
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFile } from '../src/parse/parse-file.ts';
import { fileHash } from '../src/cross-language/file-view.ts';
import { startBuild } from './generate/build.ts';
import { addDocument } from './generate/document.ts';
import { addFraming } from './generate/framing.ts';
import { addGeneral } from './generate/general.ts';
import { addServices } from './generate/services.ts';
import { render, type Lang, type Twin } from './generate/twin.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bumped whenever the generated content changes, so bench/run.ts regenerates bench/data/<N>. */
export const GENERATOR_VERSION = 3;

export interface GenerateOptions {
  /** Number of files: twice the number of items. */
  files: number;
  seed?: number;
}

export interface Generated {
  files: number;
  items: number;
  kinds: Record<string, number>;
}

/** Builds the twins of a strategy with `options.files / 2` items, in memory, from the root down. */
export function buildTwins(options: GenerateOptions): Twin[] {
  const total = Math.floor(options.files / 2);
  if (total < 40) throw new Error('at least 80 files');
  const b = startBuild(total, options.seed ?? 1);
  addDocument(b);
  const framing = addFraming(b, total);
  addGeneral(b, total);
  addServices(b, framing);
  return b.twins;
}

/** Writes the strategy (and its glossary) into `dir`, which is emptied first. */
export function generateStrategy(dir: string, options: GenerateOptions): Generated {
  const twins = buildTwins(options);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(repoRoot, 'bench', 'glossary.yaml'), join(dir, 'glossary.yaml'));
  const kinds: Record<string, number> = {};
  for (const twin of twins) {
    const kind = twin.fields.find(([key]) => key === 'kind')![1] as string;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const unstamped = { sv: render(twin, 'sv', undefined), fi: render(twin, 'fi', undefined) };
    // The stamp is the hash `strategy i18n stamp` writes: fileHash of the twin, which leaves `twin-hash` out.
    const hash = (lang: Lang) => fileHash(parseFile({ path: `${twin.stem}.${lang}.md`, lang, stem: twin.stem }, Buffer.from(unstamped[lang])));
    const stamps = twin.stamped ? { sv: hash('fi'), fi: hash('sv') } : undefined;
    for (const lang of ['sv', 'fi'] as const) {
      const path = join(dir, `${twin.stem}.${lang}.md`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, stamps ? render(twin, lang, stamps[lang]) : unstamped[lang]);
    }
  }
  return { files: twins.length * 2, items: twins.length, kinds };
}

/** bench/data/<N>/strategy */
export function dataDir(files: number): string {
  return join(repoRoot, 'bench', 'data', String(files), 'strategy');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const files = Number(values.files);
  const out = resolve(values.out ?? dataDir(files));
  const started = performance.now();
  const result = generateStrategy(out, { files, seed: Number(values.seed) });
  process.stdout.write(`${result.files} files (${JSON.stringify(result.kinds)}) in ${out}, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
