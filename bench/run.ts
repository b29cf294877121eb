/**
 * The benchmarks: `npm run bench` (all sizes), `npm run bench -- --sizes 1000` (a quick run).
 *
 * For each size N (files) the same generated strategy (bench/generate.ts, bench/data/<N>/strategy) is measured:
 *   (a) the parse floor: read + remark-parse/gfm/frontmatter + YAML parseDocument, nothing else;
 *   (b) the full check (loadStrategy, every rule), interleaved with (a) in one process, fresh parse each run;
 *   (c) the peer: remark-cli + remark-lint-frontmatter-schema over the same folder, as a child process;
 *   (d) incremental re-check (createChecker + update([file]) after a body edit), at the largest size;
 *   (e) the site (buildSite: check, Astro's build, Pagefind) against a plain Astro 7 glob-collection site over the same Markdown;
 *   (f) the council PDF (renderPdfFiles, as build runs it) at the size that gives ~300 pages: time and peak memory.
 *   (g) the real strategy's `npm run build`, cold: a fresh clone of the repository's HEAD, `npm ci`, then the build timed.
 * Results go to bench/RESULTS.md (and bench/data/results.json). The process exits 1 when a ratio target is missed.
 * Timings are compared as ratios within one run; CPU time (user + system) is the primary figure, since other
 * processes on a shared 2-core machine disturb wall time far more.
 *
 * Options: --sizes 1000,5000,20000  --runs 3  --skip peer,site,pdf,incremental,check-cli,cold  --peer-max 5000  --site-max 5000
 *          --pdf-size 4000  --seed 1  --report-only (rewrite RESULTS.md from bench/data/results.json)
 *          --only pdf (measure (f) alone; the other parts stay as bench/data/results.json has them)
 *          --pdf-baseline <git ref> (also render (f) with the code of that commit, in a worktree of it, run for run)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, generateStrategy, GENERATOR_VERSION, repoRoot } from './generate.ts';
import { preparePeer } from './peer.ts';
import { writeResults, type Results, type SitePhases, type SiteSample, type SizeResult } from './report.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    runs: { type: 'string', default: '3' },
    skip: { type: 'string', default: '' },
    'peer-max': { type: 'string', default: '5000' },
    'site-max': { type: 'string', default: '5000' },
    'pdf-size': { type: 'string', default: '4000' },
    seed: { type: 'string', default: '1' },
    'report-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    'pdf-baseline': { type: 'string' },
  },
});

if (values['report-only']) {
  // Rewrites RESULTS.md from the last run's bench/data/results.json, without measuring.
  const last = JSON.parse(readFileSync(join(repoRoot, 'bench', 'data', 'results.json'), 'utf8')) as Results;
  const missed = writeResults(last, join(repoRoot, 'bench', 'RESULTS.md'), join(repoRoot, 'bench', 'data', 'results.json'));
  for (const failure of missed) process.stderr.write(`target missed: ${failure}\n`);
  process.exit(missed.length ? 1 : 0);
}
const onlyPdf = values.only === 'pdf';
if (values.only !== undefined && !onlyPdf) throw new Error(`--only takes pdf, not ${values.only}`);
const sizes = onlyPdf ? [] : values.sizes!.split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(values.runs));
const skip = new Set(onlyPdf ? ['incremental', 'diff', 'cold'] : values.skip!.split(',').filter(Boolean));
const schemaDir = join(repoRoot, 'schema');
const node = process.execPath;
const log = (text: string) => process.stderr.write(`${text}\n`);

function ensureData(files: number): string {
  const dir = dataDir(files);
  const stampFile = join(dir, '..', 'generated.json');
  const stamp = JSON.stringify({ files, seed: Number(values.seed), version: GENERATOR_VERSION });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    log(`generating ${files} files ...`);
    generateStrategy(dir, { files, seed: Number(values.seed) });
    writeFileSync(stampFile, stamp);
  }
  return dir;
}

interface Timed {
  wall: number;
  cpu: number;
  maxRssMB: number;
  stdout: string;
  status: number | null;
}

/** Runs a child under /usr/bin/time: wall seconds, user + system CPU seconds, peak RSS. */
function timedChild(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Timed {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : args[0]!;
  const commandArgs = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, ...args] : args.slice(1);
  const started = performance.now();
  const child = spawnSync(command, commandArgs, { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - started;
  if (child.status !== 0) log(`  ! ${args.slice(0, 4).join(' ')} exited ${child.status}: ${(child.stderr ?? '').slice(-800)}`);
  let [wall, user, system, rssKB] = [wallMs / 1000, Number.NaN, Number.NaN, Number.NaN];
  if (useTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    [wall, user, system, rssKB] = [last[0]!, last[1]!, last[2]!, last[3]!];
    rmSync(timeFile, { force: true });
  }
  return { wall, cpu: user + system, maxRssMB: rssKB / 1024, stdout: child.stdout ?? '', status: child.status };
}


/** HTML pages in a built site, Pagefind's files left out. */
function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind')).length;
}
const lastJson = (text: string): Record<string, unknown> => JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;

const results: Results = {
  date: new Date().toISOString(),
  machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, loadBefore: loadavg() },
  runs,
  sizes: [],
  notes: [],
};

for (const files of sizes) {
  const dir = ensureData(files);
  const size: SizeResult = { files };
  results.sizes.push(size);

  log(`[${files}] (a) parse floor and (b) check, ${runs} runs + warm-up ...`);
  const check = timedChild([node, '--expose-gc', 'bench/workers/check.ts', dir, schemaDir, String(runs)]);
  if (check.status === 0) {
    const out = lastJson(check.stdout) as { floor: { wall: number; cpu: number }[]; check: { wall: number; cpu: number }[]; summary: SizeResult['summary'] };
    size.floor = out.floor;
    size.check = out.check;
    size.summary = out.summary;
  }

  if (!skip.has('check-cli')) {
    log(`[${files}] (b) check as a child process (strategy check) ...`);
    size.checkCli = [];
    for (let run = 0; run < runs; run++) {
      const t = timedChild([node, 'bin/strategy.js', 'check', dir, '--schema', schemaDir, '--format', 'json']);
      size.checkCli.push({ wall: t.wall * 1000, cpu: t.cpu * 1000, maxRssMB: t.maxRssMB });
    }
  }

  if (!skip.has('peer') && files <= Number(values['peer-max'])) {
    const sizeDir = join(dir, '..');
    preparePeer(sizeDir, schemaDir);
    const peerRuns = files >= 5000 ? 1 : runs;
    log(`[${files}] (c) peer remark-cli + remark-lint-frontmatter-schema, ${peerRuns} run(s) ...`);
    size.peer = [];
    for (let run = 0; run < peerRuns; run++) {
      const t = timedChild([node, join(repoRoot, 'node_modules/remark-cli/cli.js'), 'strategy', '--no-stdout', '--quiet', '--no-color'], { cwd: sizeDir });
      size.peer.push({ wall: t.wall * 1000, cpu: t.cpu * 1000, maxRssMB: t.maxRssMB });
    }
  }

  if (!skip.has('site') && files <= Number(values['site-max'])) {
    const siteRuns = files >= 5000 ? 1 : runs;
    log(`[${files}] (e) site: ours and plain Astro, ${siteRuns} run(s) each ...`);
    size.site = [];
    size.plainAstro = [];
    const oursOnce = (): SiteSample => {
      const out = mkdtempSync(join(tmpdir(), 'bench-site-'));
      try {
        const ours = timedChild([node, 'bench/workers/site.ts', dir, schemaDir, join(out, 'site')]);
        const oursJson = ours.status === 0 ? lastJson(ours.stdout) : { failed: true };
        return oursJson['failed'] ? { failed: true } : { wall: ours.wall * 1000, cpu: ours.cpu * 1000, pages: countPages(join(out, 'site')), ...(oursJson['phases'] ? { phases: oursJson['phases'] as SitePhases } : {}) };
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    };
    for (let run = 0; run < siteRuns; run++) {
      size.site.push(oursOnce());
      const out = mkdtempSync(join(tmpdir(), 'bench-site-'));
      const plain = timedChild([node, join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: join(repoRoot, 'bench/plain-astro'),
        env: { BENCH_CONTENT_DIR: dir, BENCH_OUT_DIR: join(out, 'plain'), BENCH_CACHE_DIR: join(out, 'plain-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      });
      size.plainAstro.push(plain.status === 0 ? { wall: plain.wall * 1000, cpu: plain.cpu * 1000, pages: countPages(join(out, 'plain')) } : { failed: true });
      rmSync(out, { recursive: true, force: true });
    }
  }

}

// (f) at its own size: the number of files whose council PDF has about 300 pages.
if (!skip.has('pdf')) {
  const files = Number(values['pdf-size']);
  const dir = ensureData(files);
  log(`[${files}] (f) PDF, ${runs} runs ...`);
  // The baseline: the same worker and the same strategy, with the code of another commit (a worktree of it).
  const baselineRef = values['pdf-baseline'];
  let baseline: { ref: string; commit: string; dir: string } | undefined;
  if (baselineRef) {
    const worktree = mkdtempSync(join(tmpdir(), 'bench-pdf-baseline-'));
    const added = spawnSync('git', ['worktree', 'add', '--detach', worktree, baselineRef], { cwd: repoRoot, encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`git worktree add ${baselineRef}: ${added.stderr}`);
    symlinkSync(join(repoRoot, 'node_modules'), join(worktree, 'node_modules'));
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: worktree, encoding: 'utf8' }).stdout.trim();
    baseline = { ref: baselineRef, commit, dir: worktree };
  }
  const once = (cwd: string): NonNullable<Results['pdf']>['runs'][number] => {
    const t = timedChild([node, 'bench/workers/pdf.ts', dir, join(cwd, 'schema'), 'sv'], { cwd });
    const out = t.status === 0 ? lastJson(t.stdout) : { failed: true };
    return { ...(out as object), maxRssMB: t.maxRssMB, wallProcess: t.wall } as NonNullable<Results['pdf']>['runs'][number];
  };
  const pdfRuns: NonNullable<Results['pdf']>['runs'] = [];
  const baselineRuns: NonNullable<Results['pdf']>['runs'] = [];
  try {
    // Run for run, the baseline first, so that both see the machine alike.
    for (let run = 0; run < runs; run++) {
      if (baseline) baselineRuns.push(once(baseline.dir));
      pdfRuns.push(once(repoRoot));
    }
  } finally {
    if (baseline) spawnSync('git', ['worktree', 'remove', '--force', baseline.dir], { cwd: repoRoot });
  }
  results.pdf = { files, runs: pdfRuns, ...(baseline ? { baseline: { ref: baseline.ref, commit: baseline.commit, runs: baselineRuns } } : {}) };
}

const largest = Math.max(...sizes);
if (!skip.has('incremental')) {
  log(`[${largest}] (d) incremental re-check, 7 edits ...`);
  const t = timedChild([node, '--expose-gc', 'bench/workers/incremental.ts', ensureData(largest), schemaDir, '7']);
  if (t.status === 0) results.incremental = { files: largest, ...(lastJson(t.stdout) as object) } as Results['incremental'];
}

// (h) strategy diff of two versions at the largest size: the generated strategy, and a copy with every 100th
// Swedish file's text changed; a process, as a pull request's job runs it, against `strategy check` as a process.
if (!skip.has('diff')) {
  const before = ensureData(largest);
  const copy = mkdtempSync(join(tmpdir(), 'bench-diff-'));
  try {
    cpSync(before, copy, { recursive: true });
    const swedish = (readdirSync(copy, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith('.sv.md')).sort();
    let edited = 0;
    for (const [index, path] of swedish.entries()) {
      if (index % 100 !== 0) continue;
      writeFileSync(join(copy, path), `${readFileSync(join(copy, path), 'utf8').trimEnd()}\n\nTexten ses över varje höst.\n`);
      edited++;
    }
    log(`[${largest}] (h) diff of two versions, ${edited} files edited, ${runs} runs ...`);
    const samples: { cpu: number; wall: number; changed: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const t = timedChild([node, 'bin/strategy.js', 'diff', before, copy, '--schema', schemaDir, '--format', 'json']);
      if (t.status !== 0) break;
      samples.push({ cpu: t.cpu * 1000, wall: t.wall * 1000, changed: (JSON.parse(t.stdout) as { items: unknown[] }).items.length });
    }
    results.diff = { files: largest, edited, samples };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (!skip.has('cold')) {
  log('(g) the real strategy: a fresh clone, npm ci, then npm run build, timed ...');
  const clone = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const cloned = spawnSync('git', ['clone', '--quiet', repoRoot, clone], { encoding: 'utf8' });
    const installed = cloned.status === 0 && spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone, encoding: 'utf8' }).status === 0;
    if (installed) {
      // Node's compile cache in a new, empty folder: the first run of a fresh machine, which fills it.
      const t = timedChild(['npm', 'run', 'build'], { cwd: clone, env: { NODE_COMPILE_CACHE: join(clone, '.compile-cache') } });
      results.coldBuild = { wall: t.wall * 1000, cpu: t.cpu * 1000, maxRssMB: t.maxRssMB, status: t.status, summary: t.stdout.trim().split('\n').at(-1) ?? '' };
    } else log('  ! the fresh clone could not be installed');
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

results.machine.loadAfter = loadavg();
const resultsFile = join(repoRoot, 'bench', 'data', 'results.json');
// --only pdf: the other parts as the last run measured them.
const written: Results =
  onlyPdf && existsSync(resultsFile)
    ? (() => {
        const last = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
        return { ...last, pdf: results.pdf };
      })()
    : results;
const failures = writeResults(written, join(repoRoot, 'bench', 'RESULTS.md'), resultsFile, onlyPdf ? results : undefined);
for (const failure of failures) log(`target missed: ${failure}`);
log(`bench/RESULTS.md written${failures.length ? `; ${failures.length} target(s) missed` : '; every target met'}`);
process.exitCode = failures.length ? 1 : 0;
