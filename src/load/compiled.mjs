// The command line as compiled JavaScript, kept in node_modules/.cache/ and compiled again when a source changes.
//
// The project ships its TypeScript sources. Run through tsx, every module a command loads passes tsx's module hooks,
// which cost about 0.6 s of CPU before `strategy check` has read a file (`check` of a 20-item strategy: 1.1 s of
// CPU, 0.45 s compiled). So the first command after a change compiles the entry points below with esbuild into one
// folder (about 0.3 s), and every command after it imports that. The folder records what it was compiled from:
// a hash of every source file it holds, of this file, and of npm's record of the installed packages. A difference
// in any of them compiles it again.
//
// This file is JavaScript, not TypeScript: it runs before anything could compile TypeScript.
//
// STRATEGY_SOURCES=1 runs the TypeScript sources through tsx instead (stack traces then name the .ts files), and so
// does any failure to compile or to write the cache: a command never fails for want of its compiled copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hash, keptFolder, projectPath } from './kept.mjs';

/** The project's root folder. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The entry points, by the name a caller imports them by. */
export const ENTRIES = { cli: 'src/cli.ts', site: 'src/render/site/build.ts' };

// Packages left out of the bundle and loaded from node_modules as they are. pdfmake: src/render/pdf patches classes
// it loads by path, which must be the ones pdfmake itself uses. astro: only its own process loads it. eld: its
// internals are imported by file URL (src/i18n/eld-table.ts).
const EXTERNAL = ['astro', 'astro/*', 'pdfmake', 'pdfmake/*', 'eld', 'eld/*'];

/**
 * Each module keeps the address of its source file as import.meta.url, so that the paths it finds beside itself
 * (site/, the Astro and PDF worker scripts, the eld table, the fonts) are the same compiled or not. The hash of
 * what was read is kept in `read`: a file saved again while esbuild works is then seen as changed next time.
 */
function projectFiles(root, read) {
  return {
    name: 'project-files',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mjs|js|json)$/ }, (args) => {
        const path = projectPath(root, args.path);
        if (!path) return undefined;
        const bytes = readFileSync(args.path);
        read.set(path, hash(bytes));
        if (args.path.endsWith('.json')) return { contents: bytes, loader: 'json' };
        const contents = bytes.toString('utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * Compiles the entries into `staging`. Resolves to the project's own files it read, with the hash of what was read;
 * the packages count through npm's record of them (src/load/kept.mjs).
 */
async function compile(root, staging, entries) {
  const { build } = await import('esbuild');
  const read = new Map();
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages (yaml, ajv) call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'silent',
    plugins: [projectFiles(root, read)],
  });
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.split('/').includes('node_modules'));
  return Object.fromEntries(sources.map((path) => [path, read.get(path)]));
}

/**
 * The compiled folder for these sources, compiled now if it is missing or stale; undefined when it cannot be had
 * (esbuild missing, a read-only cache, a source that does not compile: tsx then reports the error).
 */
export async function compiledDir({ root = projectRoot, cacheDir = join(root, 'node_modules/.cache/strategy-compiled'), entries = ENTRIES } = {}) {
  try {
    return await keptFolder(root, cacheDir, { recipe: [import.meta.url], make: (staging) => compile(root, staging, entries) });
  } catch {
    return undefined;
  }
}

/** Imports an entry point (a key of ENTRIES): compiled, or from its TypeScript source through tsx. */
export async function importEntry(entry) {
  const dir = process.env.STRATEGY_SOURCES === '1' ? undefined : await compiledDir();
  if (dir) return import(pathToFileURL(join(dir, `${entry}.js`)).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(projectRoot, ENTRIES[entry])).href);
}
