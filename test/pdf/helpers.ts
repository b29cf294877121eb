/**
 * Helpers for the PDF tests: the poppler-utils and qpdf command-line tools (apt: poppler-utils qpdf) and,
 * where installed, Apache PDFBox Preflight (apt: libpdfbox2-java libactivation-java libjaxb-api-java).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadViewModels } from '../../src/view/load.ts';
import type { ViewModel } from '../../src/view/types.ts';

export const schemaDir = resolve('schema');
export const miniDir = resolve('test/fixtures/mini/strategy');

const created: string[] = [];

export function tempDir(prefix = 'pdf-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes the temporary folders this test file made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function miniViews(): Record<string, ViewModel> {
  return loadViewModels(miniDir, { schemaDir }).views;
}

/** A copy of the mini fixture with another document status (and optionally other document fields). */
export function miniWithStatus(status: 'draft' | 'proposal' | 'approved', edit: (text: string) => string = (t) => t): { dir: string; views: Record<string, ViewModel> } {
  const dir = join(tempDir('pdf-fixture-'), 'strategy');
  cpSync(miniDir, dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => /^document\.\w+\.md$/.test(n))) {
    const path = join(dir, name);
    writeFileSync(path, edit(readFileSync(path, 'utf8').replace(/^status: \w+$/m, `status: ${status}`)));
  }
  // Both twins change together, which the translation stamps would (rightly) call outdated.
  return { dir, views: loadViewModels(dir, { schemaDir, severities: { 'translation-outdated': 'off' } }).views };
}

/**
 * A copy of the Swedish mini view whose goal has `count` actions with long titles ("Extra åtgärd 0 med …"): a
 * council-table row taller than a page. Returns the view and the actions' ids.
 */
export function withLongGoalRow(view: ViewModel, count = 45): { view: ViewModel; ids: string[] } {
  const copy = structuredClone(view);
  const goal = copy.items['goal-older-home']!;
  const action = copy.items[goal.childGroups[0]!.ids[0]!]!;
  const ids = Array.from({ length: count }, (_, i) => `action-extra-${i}`);
  for (const [i, id] of ids.entries()) copy.items[id] = { ...action, id, title: `Extra åtgärd ${i} med en titel som räcker över flera rader i en smal kolumn` };
  goal.childGroups[0]!.ids = ids;
  return { view: copy, ids };
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${command} is not installed: apt-get install -y poppler-utils qpdf`);
    throw new Error(`${command} ${args.join(' ')} failed: ${e.stderr ?? e.message}`);
  }
}

/** The text of the PDF (or of pages first..last) in content order, whitespace collapsed. */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-']).replace(/\s+/g, ' ');
}

/** Every word pdftotext finds, with its page and box (points from the page's top-left corner), in content order. */
export function pdfWords(file: string): { page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const words: ReturnType<typeof pdfWords> = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') {
      page += 1;
      continue;
    }
    words.push({ page, word: match[5]!, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return words;
}

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', '-enc', 'UTF-8', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!.trim()] = match[2]!.trim();
  }
  return info;
}

export interface PageSize {
  page: number;
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
}

export function pageSizes(file: string): PageSize[] {
  const count = Number(pdfInfo(file)['Pages']);
  const out = run('pdfinfo', ['-f', '1', '-l', String(count), file]);
  return [...out.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => {
    const width = Number(m[2]);
    const height = Number(m[3]);
    return { page: Number(m[1]), width, height, orientation: width > height ? 'landscape' : 'portrait' };
  });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID: emb is the 5th field from the end.
    return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: parts.at(-5) === 'yes' };
  });
}

export interface OutlineEntry {
  title: string;
  page: number;
  kids: OutlineEntry[];
}

/** The bookmarks, read with qpdf's JSON output. */
export function pdfOutline(file: string): OutlineEntry[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[] };
  const map = (entries: { title: string; destpageposfrom1: number; kids: unknown[] }[]): OutlineEntry[] =>
    entries.map((e) => ({ title: e.title, page: e.destpageposfrom1, kids: map(e.kids as typeof entries) }));
  return map(json.outlines);
}

/** The document catalog (/Lang, /Outlines, ...), read with qpdf. */
export function pdfCatalog(file: string): Record<string, unknown> {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', file])) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] };
  const objects = json.qpdf[1];
  const root = objects['trailer']!.value['/Root'] as string;
  return objects[`obj:${root}`]!.value;
}

/** The XMP metadata packet. */
export function pdfXmp(file: string): string {
  return run('pdfinfo', ['-meta', file]);
}

const preflightJars = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((name) => `/usr/share/java/${name}.jar`);

/** Whether Apache PDFBox Preflight can run (Debian: libpdfbox2-java, libactivation-java, libjaxb-api-java; and java). */
export function preflightAvailable(): boolean {
  return preflightJars.every((jar) => existsSync(jar)) && spawnSync('java', ['-version']).status === 0;
}

/**
 * PDFBox Preflight's PDF/A-1b validator over the given files, in one Java process (its group mode: starting the JVM
 * takes longer than validating a small PDF): for each file, in order, whether it is valid and Preflight's report.
 */
export async function preflight(...files: string[]): Promise<{ valid: boolean; report: string }[]> {
  const names = files.map((file) => basename(file));
  if (new Set(names).size !== names.length) throw new Error(`preflight reports by file name: give files of different names (${names.join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
  try {
    const list = join(dir, 'files.txt');
    writeFileSync(list, `${files.map((file) => resolve(file)).join('\n')}\n`);
    const said = await new Promise<string>((done) => {
      const child = spawn('java', ['-cp', preflightJars.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', 'xml', 'group', list]);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      child.on('close', () => done(output));
    });
    const xml = existsSync(`${list}.preflight.xml`) ? readFileSync(`${list}.preflight.xml`, 'utf8') : '';
    const reports = new Map([...xml.matchAll(/<preflight name="([^"]*)">([\s\S]*?)<\/preflight>/g)].map((match) => [match[1]!, match[2]!.trim()]));
    return names.map((name) => {
      const report = reports.get(name);
      return report === undefined ? { valid: false, report: `no report for ${name}: ${said}${xml}` } : { valid: /<isValid type="PDF\/A1-b">true<\/isValid>/.test(report), report };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
