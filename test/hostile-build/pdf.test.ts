/**
 * The `pdf-*` cases of test/fixtures/hostile-build/: nothing check accepts is lost in the council PDFs, and what the PDFs
 * cannot show is refused by check, at the Markdown node. Each case's `case.json` says what comes out:
 * - `exitCode` 0 and `texts` (language → texts of the body): build `--only pdf` finishes, and pdftotext of each
 *   language's PDF holds every text, white space ignored (a long word may break across lines, and where its cell runs
 *   over pages the other cells' text comes between its pieces: each piece must be at least `minPiece` characters);
 * - `exitCode` 1, `refusedBy` and `diagnostics`: check exits 1, every error is of that rule, at the file and line given.
 * The strategy is test/fixtures/mini/strategy with the case's `strategy/` laid over it; the items in `stamp` are
 * stamped first, so that no translation message hides what the case is about.
 */
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoSchema } from '../helpers/fixtures.ts';
import { casesWithPrefix, makeProject, readCase, scratchFolder, stackFrame, stampItems, runCheck, type Case } from './cases.ts';
import { runMain } from '../helpers/cli.ts';

interface PdfCase extends Case {
  stamp?: string[];
  exitCode: 0 | 1;
  texts?: Record<string, string[]>;
  refusedBy?: string;
  diagnostics?: { file: string; line: number; ruleId: string }[];
}

const scratch = scratchFolder('hostile-pdf-');
const cases = casesWithPrefix('pdf-');
const minPiece = 20;

it('has the pdf cases, refused and built', () => {
  const all = cases.map((name) => readCase(name) as PdfCase);
  expect(all.filter((c) => c.exitCode === 0).length).toBeGreaterThanOrEqual(3);
  expect(all.filter((c) => c.exitCode === 1).length).toBeGreaterThanOrEqual(3);
});

/** Whether `wanted` is in `text` in order, in pieces of at least minPiece characters (or the whole of it). */
function findsInPieces(text: string, wanted: string): boolean {
  for (let start = text.indexOf(wanted.slice(0, Math.min(minPiece, wanted.length))); start >= 0; start = text.indexOf(wanted.slice(0, Math.min(minPiece, wanted.length)), start + 1)) {
    let at = start;
    let done = 0;
    while (done < wanted.length) {
      let run = 0;
      while (done + run < wanted.length && text[at + run] === wanted[done + run]) run++;
      if (run < Math.min(minPiece, wanted.length - done)) break;
      done += run;
      at += run;
      if (done === wanted.length) return true;
      // The next piece: the soonest place its first characters stand.
      const next = text.indexOf(wanted.slice(done, done + Math.min(minPiece, wanted.length - done)), at);
      if (next < 0) break;
      at = next;
    }
  }
  return false;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

it.each(cases)('%s', async (name) => {
  const testCase = readCase(name) as PdfCase;
  const { project } = makeProject(scratch(), name, testCase);
  await stampItems(project, testCase.stamp ?? []);
  if (testCase.exitCode === 1) {
    const checked = await runCheck(['strategy', '--format', 'json', '--schema', repoSchema], { cwd: project });
    expect(checked.stderr).not.toMatch(stackFrame);
    const messages = (JSON.parse(checked.stdout) as { messages?: unknown }).messages as { file: string; line: number; severity: string; ruleId: string }[];
    const errors = messages.filter((m) => m.severity === 'error');
    expect(checked.code).toBe(1);
    expect(errors.map((m) => m.ruleId)).toEqual(errors.map(() => testCase.refusedBy));
    for (const wanted of testCase.diagnostics ?? []) {
      expect(errors.some((m) => m.file === wanted.file && m.line === wanted.line && m.ruleId === wanted.ruleId), JSON.stringify(wanted)).toBe(true);
    }
    return;
  }
  // build checks first and refuses on any error, printing check's report: exit 0 is a clean check too.
  const built = await runMain(['build', 'strategy', '--schema', repoSchema, '--out', 'out', '--only', 'pdf'], { cwd: project });
  expect(built.code, built.stderr).toBe(0);
  expect(built.stderr).not.toMatch(stackFrame);
  const pdfs = readdirSync(join(project, 'out/pdf')).filter((file) => file.endsWith('.pdf'));
  for (const [language, texts] of Object.entries(testCase.texts ?? {})) {
    const file = pdfs.find((pdf) => pdf.endsWith(`-${language}.pdf`));
    expect(file, `${language} PDF`).toBeDefined();
    // -raw: in the order drawn, so that a cell's text is not mixed with its row's other cells line by line.
    const extracted = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(project, 'out/pdf', file!), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(extracted.status, extracted.stderr).toBe(0);
    const text = squeeze(extracted.stdout);
    for (const wanted of texts) expect(findsInPieces(text, squeeze(wanted)), `${language}: ${wanted.slice(0, 60)}`).toBe(true);
  }
}, 240_000);
