/** Turns the measurements of bench/run.ts into bench/RESULTS.md and says which targets were missed. */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Sample {
  wall: number;
  cpu: number;
  maxRssMB?: number;
}
/** Wall milliseconds of our build's steps, as buildSite reports them. */
export interface SitePhases {
  viewsMs: number;
  astroMs: number;
  searchMs: number;
}
export type SiteSample = { wall: number; cpu: number; pages: number; phases?: SitePhases } | { failed: true };

export interface SizeResult {
  files: number;
  summary?: { files: number; errors: number; warnings: number } | undefined;
  floor?: Sample[];
  check?: Sample[];
  checkCli?: Sample[];
  peer?: Sample[];
  site?: SiteSample[] | undefined;
  plainAstro?: SiteSample[];
  /** Earlier runs measured the PDF at one of the sizes; now it has its own (Results.pdf). */
  pdf?: PdfRun[] | undefined;
}

export type PdfRun = { loadSeconds: number; renderSeconds: number; totalSeconds: number; pages: number; bytes: number; rendererPeakRssMB: number; rendererCpuSeconds?: number; viewMB: number; maxRssMB: number; wallProcess: number; failed?: true };

export interface Results {
  date: string;
  machine: { nproc: number; cpu: string; node: string; loadBefore: number[]; loadAfter?: number[] };
  runs: number;
  sizes: SizeResult[];
  /** (f) the council PDF, at the size of strategy that gives about 300 pages (--pdf-size). */
  pdf?: { files: number; runs: PdfRun[]; baseline?: { ref: string; commit: string; runs: PdfRun[] } } | undefined;
  incremental?: { files: number; initial: number; times: number[]; restores: number[]; errorsAfterEdit: number[]; errorsAtEnd: number } | undefined;
  /** (h) `strategy diff` of two versions at the largest size, as a process. */
  diff?: { files: number; edited: number; samples: { cpu: number; wall: number; changed: number }[] } | undefined;
  /** (g) `npm run build` of the shipped strategy in a fresh clone after `npm ci`. */
  coldBuild?: (Sample & { status: number | null; summary: string }) | undefined;
  notes: string[];
}

export const targets = {
  /** (b)/(a) at the largest size. */
  checkOverFloor: 1.6,
  /** (c)/(b), process to process, at this size. */
  peerOverCheck: 5,
  peerSize: 5000,
  incrementalMs: 100,
  /** Astro's step of our build per page, against plain Astro's whole process per page. */
  astroOverPlain: 1.2,
  /** Our whole site build (check, Astro, Pagefind) against plain Astro's whole process. */
  siteOverPlain: 2,
  pdfSeconds: 5,
  pdfMB: 300,
  /** The tagged PDF's render time against the untagged one's (a --pdf-baseline run), CPU. */
  pdfOverUntagged: 1.3,
  /** (h) diff of two versions against one full check, process to process. */
  diffOverCheck: 3,
  coldBuildSeconds: 10,
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`) : '–');
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const us = (v: number) => (Number.isFinite(v) ? `${(v * 1000).toFixed(0)} µs` : '–');
const med = (samples: readonly Sample[] | undefined, key: 'wall' | 'cpu') => median((samples ?? []).map((s) => s[key]));
const okSites = (samples: readonly SiteSample[] | undefined) => (samples ?? []).filter((s): s is Exclude<SiteSample, { failed: true }> => !('failed' in s));

/** Writes RESULTS.md (the measured part between markers; the analysis below them is kept) and returns the missed targets. */
/**
 * Writes RESULTS.md (between its markers) and results.json; with `onlyPdf`, only the (f) section of RESULTS.md is
 * replaced (the other parts stay as the file has them) and only (f)'s targets are reported.
 */
export function writeResults(results: Results, markdownPath: string, jsonPath: string, onlyPdf?: Pick<Results, 'date' | 'machine' | 'runs'>): string[] {
  const failures: string[] = [];
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  const { machine } = results;
  push(
    `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.nproc} cores (${machine.cpu}), Node ${machine.node}; load average ${machine.loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${(machine.loadAfter ?? []).map((l) => l.toFixed(1)).join(' ')} after (other engineers' test runs share the machine).`,
    `Medians of ${results.runs} runs after a warm-up run, unless a row says otherwise. **CPU** is user + system time of the process (what the ratios use: it is the figure other processes on the machine disturb least); wall time is shown beside it.`,
    '',
    '### (a) parse floor, (b) check, (c) peer',
    '',
    '| files | errors / warnings | (a) floor CPU (wall) | (b) check CPU (wall) | (b)/(a), median of the per-run ratios (range) | (b) as a `strategy check` process, CPU (wall) | (c) peer process CPU (wall), runs | (c)/(b) | (c)/(b) process to process | per file: (a) / (b) / (c) CPU |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const size of results.sizes) {
    const [a, b] = [med(size.floor, 'cpu'), med(size.check, 'cpu')];
    const [bCli, c] = [med(size.checkCli, 'cpu'), med(size.peer, 'cpu')];
    // The median of the per-run ratios: (a) and (b) of one run ran back to back (in alternating order), so each
    // ratio compares the two under the same conditions; the machine's speed drifts between runs.
    const perRun = (size.floor ?? []).map((floor, index) => (size.check?.[index]?.cpu ?? Number.NaN) / floor.cpu).filter(Number.isFinite);
    const ratioB = perRun.length ? median(perRun) : b / a;
    const spread = perRun.length > 1 ? ` (${x(Math.min(...perRun))}–${x(Math.max(...perRun))})` : '';
    // (b) is the in-process check as defined; the process-to-process ratio is shown too (it carries the CLI's start-up).
    const ratioC = c / b;
    const ratioCProcess = c / bCli;
    push(
      `| ${size.files} | ${size.summary ? `${size.summary.errors} / ${size.summary.warnings}` : '–'} | ${ms(a)} (${ms(med(size.floor, 'wall'))}) | ${ms(b)} (${ms(med(size.check, 'wall'))}) | ${x(ratioB)}${spread} | ${ms(bCli)} (${ms(med(size.checkCli, 'wall'))}) | ${size.peer ? `${ms(c)} (${ms(med(size.peer, 'wall'))}), ${size.peer.length}` : 'not run'} | ${size.peer ? x(ratioC) : '–'} | ${size.peer ? x(ratioCProcess) : '–'} | ${us(a / size.files)} / ${us(b / size.files)} / ${size.peer ? us(c / size.files) : '–'} |`,
    );
    if (size.summary && size.summary.errors > 0) failures.push(`${size.files} files: the generated strategy has ${size.summary.errors} check errors`);
    if (size === results.sizes.at(-1) && ratioB > targets.checkOverFloor) failures.push(`(b)/(a) = ${ratioB.toFixed(2)} at ${size.files} files, target ≤ ${targets.checkOverFloor}`);
    if (size.peer && size.files === targets.peerSize && !(ratioCProcess >= targets.peerOverCheck)) failures.push(`(c)/(b) process to process = ${ratioCProcess.toFixed(2)} at ${size.files} files, target ≥ ${targets.peerOverCheck}`);
  }

  push('', '### (d) incremental re-check', '');
  const inc = results.incremental;
  if (inc) {
    const t = median(inc.times);
    push(
      `createChecker on ${inc.files} files took ${ms(inc.initial)} (wall). Then ${inc.times.length} edits, each a number in a measure's paragraph (a body edit), each followed by \`update([file])\`: median **${ms(t)}** (all: ${inc.times.map(ms).join(', ')}; wall), restoring the file and re-checking: median ${ms(median(inc.restores))}. Each edit produced ${median(inc.errorsAfterEdit)} errors (numbers-agree, translation-outdated), as it should; 0 after restoring.`,
    );
    if (!(t < targets.incrementalMs)) failures.push(`(d) incremental ${t.toFixed(0)} ms at ${inc.files} files, target < ${targets.incrementalMs} ms`);
  } else push('not measured in this run.');

  push(
    '',
    '### (e) site build',
    '',
    'Ours is `buildSite`: the check with every rule and the view models, Astro\'s own build of site/ (a process of its own, reading the view models from a file), and Pagefind. Plain Astro is `astro build` of a site with one page per Markdown file of the same strategy, through a content collection with the glob loader (its content layer parses the Markdown). Whole processes, CPU (wall).',
    '',
    '| files | ours: pages, CPU (wall), runs | plain Astro: pages, CPU (wall), runs | ours / plain, whole process, CPU (wall) | check and views | Astro\'s step | Pagefind | Astro\'s step / plain Astro, per page (wall) |',
    '|---:|---|---|---:|---:|---:|---:|---:|',
  );
  for (const size of results.sizes) {
    if (size.site === undefined && size.plainAstro === undefined) continue;
    const ours = okSites(size.site);
    const plain = okSites(size.plainAstro);
    const whole = median(ours.map((s) => s.cpu)) / median(plain.map((s) => s.cpu));
    const wholeWall = median(ours.map((s) => s.wall)) / median(plain.map((s) => s.wall));
    const phased = ours.filter((s) => s.phases);
    const step = (key: keyof SitePhases) => median(phased.map((s) => s.phases![key]));
    const astroPerPage = median(phased.map((s) => s.phases!.astroMs / s.pages)) / median(plain.map((s) => s.wall / s.pages));
    push(
      `| ${size.files} | ${ours.length ? `${ours[0]!.pages}, ${ms(median(ours.map((s) => s.cpu)))} (${ms(median(ours.map((s) => s.wall)))}), ${ours.length}` : 'build failed'} | ${plain.length ? `${plain[0]!.pages}, ${ms(median(plain.map((s) => s.cpu)))} (${ms(median(plain.map((s) => s.wall)))}), ${plain.length}` : 'failed'} | ${x(whole)} (${x(wholeWall)}) | ${ms(step('viewsMs'))} | ${ms(step('astroMs'))} | ${ms(step('searchMs'))} | ${x(astroPerPage)} |`,
    );
    if (!ours.length || !plain.length) failures.push(`(e) site build failed at ${size.files} files`);
    if (Number.isFinite(astroPerPage) && astroPerPage > targets.astroOverPlain) failures.push(`(e) Astro's step ${astroPerPage.toFixed(2)}× plain Astro per page at ${size.files} files, target ≤ ${targets.astroOverPlain}`);
    if (Number.isFinite(whole) && whole > targets.siteOverPlain) failures.push(`(e) whole site build ${whole.toFixed(2)}× plain Astro's process (CPU) at ${size.files} files, target ≤ ${targets.siteOverPlain}`);
  }

  push('', '### (f) council PDF', '');
  const legacy = results.sizes.find((s) => s.pdf !== undefined);
  const pdfSize = results.pdf ? { files: results.pdf.files, pdf: results.pdf.runs } : legacy;
  if (pdfSize?.pdf?.length) {
    const ok = pdfSize.pdf.filter((p) => !p.failed);
    const render = median(ok.map((p) => p.renderSeconds));
    const total = median(ok.map((p) => p.totalSeconds));
    const rss = median(ok.map((p) => p.rendererPeakRssMB));
    push(
      `${pdfSize.files} files, Swedish: **${ok[0]?.pages ?? '?'} pages**, ${((ok[0]?.bytes ?? 0) / 2 ** 20).toFixed(1)} MB, from a view model of ${(ok[0]?.viewMB ?? 0).toFixed(1)} MB (JSON). ` +
        `Rendered as \`strategy build\` does, in a child process that holds only the view model: median **${render.toFixed(2)} s** (${ok.map((p) => p.renderSeconds.toFixed(2)).join(', ')}), ` +
        `peak RSS of that process **${rss.toFixed(0)} MB** (${ok.map((p) => p.rendererPeakRssMB.toFixed(0)).join(', ')}). ` +
        `The whole renderPdfFiles call, with the child's start-up (Node, pdfmake, fonts) and the hand-over of the view model: ${total.toFixed(2)} s. ` +
        `Check and view model before it, in the parent: ${median(ok.map((p) => p.loadSeconds)).toFixed(1)} s.`,
    );
    if (render > targets.pdfSeconds) failures.push(`(f) PDF ${render.toFixed(2)} s, target < ${targets.pdfSeconds} s`);
    if (rss > targets.pdfMB) failures.push(`(f) PDF renderer peak ${rss.toFixed(0)} MB, target < ${targets.pdfMB} MB`);
    const base = results.pdf?.baseline;
    const baseOk = base?.runs.filter((p) => !p.failed) ?? [];
    if (base && baseOk.length) {
      const cpu = (runs: PdfRun[]) => median(runs.map((p) => p.rendererCpuSeconds ?? Number.NaN));
      const baseRender = median(baseOk.map((p) => p.renderSeconds));
      const baseRss = median(baseOk.map((p) => p.rendererPeakRssMB));
      const ratio = cpu(ok) / cpu(baseOk);
      push(
        '',
        `Against the untagged PDF of commit ${base.commit} (\`--pdf-baseline ${base.ref}\`: the same worker and strategy with that commit's code, run for run before ours): ` +
          `${baseOk[0]?.pages ?? '?'} pages, ${((baseOk[0]?.bytes ?? 0) / 2 ** 20).toFixed(1)} MB, median ${baseRender.toFixed(2)} s (${baseOk.map((p) => p.renderSeconds.toFixed(2)).join(', ')}), ` +
          `peak ${baseRss.toFixed(0)} MB (${baseOk.map((p) => p.rendererPeakRssMB.toFixed(0)).join(', ')}); renderer CPU ${cpu(baseOk).toFixed(2)} s against ours ${cpu(ok).toFixed(2)} s: **${ratio.toFixed(2)}×** ` +
          `(wall ${(render / baseRender).toFixed(2)}×), peak memory ${(rss - baseRss >= 0 ? '+' : '')}${(rss - baseRss).toFixed(0)} MB.`,
      );
      if (Number.isFinite(ratio) && ratio > targets.pdfOverUntagged) failures.push(`(f) tagged PDF ${ratio.toFixed(2)}× the untagged one's CPU, target ≤ ${targets.pdfOverUntagged}`);
    }
  } else push('not measured in this run.');

  push('', '### (h) strategy diff of two versions', '');
  const diffRun = results.diff;
  const checkAt = diffRun ? results.sizes.find((s) => s.files === diffRun.files) : undefined;
  if (diffRun?.samples.length) {
    const cpu = median(diffRun.samples.map((s) => s.cpu));
    const check = checkAt?.checkCli?.length ? median(checkAt.checkCli.map((s) => s.cpu)) : Number.NaN;
    const ratio = cpu / check;
    push(
      `\`strategy diff\` of the ${diffRun.files}-file strategy against a copy with ${diffRun.edited} Swedish files edited, as a process: median **${(cpu / 1000).toFixed(1)} s** CPU ` +
        `(${diffRun.samples.map((s) => (s.cpu / 1000).toFixed(1)).join(', ')}; wall ${(median(diffRun.samples.map((s) => s.wall)) / 1000).toFixed(1)} s), ${diffRun.samples[0]!.changed} items changed, ` +
        `against **${(check / 1000).toFixed(1)} s** for \`strategy check\` of one version as a process: **${ratio.toFixed(2)}×**.`,
    );
    if (Number.isFinite(ratio) && ratio > targets.diffOverCheck) failures.push(`(h) diff ${ratio.toFixed(2)}× a check, target < ${targets.diffOverCheck}`);
  } else push('not measured in this run.');

  push('', '### (g) the shipped strategy, cold', '');
  const cold = results.coldBuild;
  if (cold) {
    push(
      `\`npm run build\` of strategy/ in a fresh clone of HEAD, right after \`npm ci\` (no Astro cache, no build output, nothing kept): **${(cold.wall / 1000).toFixed(1)} s** wall, ${(cold.cpu / 1000).toFixed(1)} s CPU, peak ${(cold.maxRssMB ?? Number.NaN).toFixed(0)} MB, exit ${cold.status} (\`${cold.summary}\`).`,
    );
    if (cold.status !== 0) failures.push('(g) the cold build failed');
    else if (!(cold.wall / 1000 < targets.coldBuildSeconds)) failures.push(`(g) cold build ${(cold.wall / 1000).toFixed(1)} s, target < ${targets.coldBuildSeconds} s`);
  } else push('not measured in this run.');

  push('', '### Targets', '', ...(failures.length ? failures.map((f) => `- missed: ${f}`) : ['- every target measured in this run was met']), ...results.notes.map((n) => `- ${n}`));

  const begin = '<!-- bench:begin (written by npm run bench; edit outside the markers) -->';
  const end = '<!-- bench:end -->';
  const generated = `${begin}\n${lines.join('\n')}\n${end}`;
  const previous = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
  let next = previous.includes(begin) && previous.includes(end) ? previous.slice(0, previous.indexOf(begin)) + generated + previous.slice(previous.indexOf(end) + end.length) : `${previous}\n${generated}\n`;
  if (onlyPdf) {
    // The (f) section alone, with when and how it was measured; the rest of the file as it was.
    const section = (text: string): [number, number] => {
      const start = text.indexOf('### (f) council PDF');
      return [start, text.indexOf('\n### ', start + 1)];
    };
    const [from, to] = section(generated);
    const [oldFrom, oldTo] = section(previous);
    if (from < 0 || oldFrom < 0 || oldTo < 0) throw new Error(`${markdownPath} has no (f) section to replace`);
    const { machine } = onlyPdf;
    const when = `Measured alone (\`npm run bench -- --only pdf\`) ${onlyPdf.date.slice(0, 16).replace('T', ' ')} UTC, ${onlyPdf.runs} runs, load average ${machine.loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${(machine.loadAfter ?? []).map((l) => l.toFixed(1)).join(' ')} after.`;
    const block = generated.slice(from, to).replace('### (f) council PDF\n\n', `### (f) council PDF\n\n${when} `);
    const missed = failures.filter((failure) => failure.startsWith('(f)'));
    next = `${previous.slice(0, oldFrom)}${block}${missed.length ? `\n\n${missed.map((f) => `Target missed: ${f}.`).join(' ')}` : ''}\n${previous.slice(oldTo)}`;
    failures.splice(0, failures.length, ...missed);
  }
  writeFileSync(markdownPath, next);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  return failures;
}
