/**
 * No network and no files from outside during a build. A trap server on 127.0.0.1 counts every request; strategies
 * point images and links at it, and at a secret file beside strategy/. Every file the process opens while rendering
 * is recorded.
 *
 * - check reports the outside and remote images (unsafe-link);
 * - the council PDFs of that hostile strategy (built without the check gate) fetch nothing and open no file outside
 *   the strategy, the fonts and the installed packages; pdfmake's URL and local-file policies refuse a document
 *   definition that names the secret or the trap directly;
 * - `strategy build` of a strategy that passes check with a link to the trap fetches nothing.
 * The site's build is covered in site.test.ts (its strategy points at a trap too; nothing is fetched).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs, { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { loadStrategy } from '../../src/pipeline.ts';
import { buildViewModel } from '../../src/view/build.ts';
import { renderDefinition, renderPdfBuffer } from '../../src/render/pdf/index.ts';
import { main } from '../../src/cli.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { writeHostileStrategy } from './hostile-strategy.ts';
import { startTrap, type Trap } from './trap.ts';

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let trap: Trap;
let temp = '';
let strategyDir = '';
let secret = '';

beforeAll(async () => {
  trap = await startTrap();
  temp = mkdtempSync(join(tmpdir(), 'no-network-'));
  strategyDir = join(temp, 'strategy');
  writeHostileStrategy(strategyDir, trap.url);
  secret = join(temp, 'outside', 'secret.png');
  mkdirSync(join(temp, 'outside'), { recursive: true });
  writeFileSync(secret, png);
  writeFileSync(join(strategyDir, 'general', 'inside.png'), png);
  for (const lang of ['sv', 'fi']) {
    const file = join(strategyDir, 'general', `finance.${lang}.md`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n![ut](../../outside/secret.png) ![abs](${secret}) ![in](inside.png) [länk](${trap.url}/link)\n`);
  }
});

afterAll(async () => {
  await trap?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Records the path of every file opened or read through node:fs (pdfkit, pdfmake and our code all use it) while `run` runs. */
async function recordingReads<T>(run: () => Promise<T>): Promise<{ value: T; reads: string[] }> {
  const reads: string[] = [];
  const record = (path: unknown) => {
    if (typeof path === 'string' || path instanceof URL || Buffer.isBuffer(path)) reads.push(resolve(path instanceof URL ? path.pathname : String(path)));
  };
  const patched = ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream'] as const;
  const saved = patched.map((name) => fs[name]);
  const savedPromises = { readFile: fs.promises.readFile, open: fs.promises.open };
  patched.forEach((name, index) => {
    const original = saved[index] as (...args: unknown[]) => unknown;
    (fs as unknown as Record<string, unknown>)[name] = (path: unknown, ...rest: unknown[]) => {
      record(path);
      return original(path, ...rest);
    };
  });
  fs.promises.readFile = ((path: unknown, ...rest: unknown[]) => (record(path), (savedPromises.readFile as (...a: unknown[]) => unknown)(path, ...rest))) as typeof fs.promises.readFile;
  fs.promises.open = ((path: unknown, ...rest: unknown[]) => (record(path), (savedPromises.open as (...a: unknown[]) => unknown)(path, ...rest))) as typeof fs.promises.open;
  syncBuiltinESMExports();
  try {
    return { value: await run(), reads };
  } finally {
    patched.forEach((name, index) => ((fs as unknown as Record<string, unknown>)[name] = saved[index]));
    fs.promises.readFile = savedPromises.readFile;
    fs.promises.open = savedPromises.open;
    syncBuiltinESMExports();
  }
}

const inside = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Files a render may read: the strategy, and the project with its installed packages (fonts, pdfkit's data). */
const outsideAllowed = (reads: string[]) => reads.filter((path) => !inside(path, strategyDir) && !inside(path, repoRoot));

describe('images and links that leave strategy/ or the machine', () => {
  it('are check errors: unsafe-link on the outside, the absolute and the remote image paths', () => {
    const { messages } = loadStrategy(strategyDir, { schemaDir: repoSchema });
    const unsafe = messages.filter((m) => m.ruleId === 'unsafe-link' && String(m.file).endsWith('general/finance.sv.md')).map((m) => m.reason);
    expect(unsafe.some((reason) => reason.includes('leaves strategy/') && reason.includes('../../outside/secret.png'))).toBe(true);
    expect(unsafe.some((reason) => reason.includes('absolute image path') && reason.includes('secret.png'))).toBe(true);
    expect(unsafe.some((reason) => reason.includes('another site') && reason.includes(trap.url))).toBe(true);
    expect(unsafe.some((reason) => reason.includes('inside.png'))).toBe(false);
  });
});

describe('the council PDF of a hostile strategy (rendered without the check gate)', () => {
  it('fetches nothing from the trap and opens no file outside the strategy and the project', { timeout: 120_000 }, async () => {
    const { graph } = loadStrategy(strategyDir, { schemaDir: repoSchema });
    const views = graph.schema.project.languages.map((lang) => buildViewModel(graph, lang, { strategyDir, sourceDate: '2025-06-16T00:00:00.000Z' }));
    const { value: pdfs, reads } = await recordingReads(() => Promise.all(views.map((view) => renderPdfBuffer(view, { strategyDir }))));
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads).not.toContain(secret);
    expect(outsideAllowed(reads)).toEqual([]);
    expect(trap.requests).toEqual([]);
  });

  it('refuses, through pdfmake\'s policies, a definition that names the outside file or the trap', { timeout: 60_000 }, async () => {
    // Tagged as the council PDF tags a figure, so that what refuses it is pdfmake's policy, not a missing tag.
    const definition = (image: string) => ({ content: [{ image, width: 10, tag: { type: 'Figure' as const, alt: 'Diagram' } }], defaultStyle: { font: 'DejaVuSans' } });
    const outsideFile = await recordingReads(() => renderDefinition(definition(secret), { strategyDir }).then(() => 'rendered', (error: Error) => error.message));
    expect(outsideFile.value).toMatch(/access|denied|not allowed|policy/i);
    expect(outsideFile.reads).not.toContain(secret);

    const remote = await recordingReads(() => renderDefinition(definition(`${trap.url}/definition.png`), { strategyDir }).then(() => 'rendered', (error: Error) => error.message));
    expect(remote.value).toMatch(/access|denied|not allowed|policy/i);
    expect(trap.requests).toEqual([]);

    // The policy is not a blanket refusal: an image inside the strategy is read and embedded.
    const insideFile = await recordingReads(() => renderDefinition(definition(join(strategyDir, 'general', 'inside.png')), { strategyDir }));
    expect(insideFile.value.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(insideFile.reads).toContain(join(strategyDir, 'general', 'inside.png'));
  });
});

describe('strategy build of a checked strategy that links to the trap', () => {
  it('writes the PDFs and the open data without fetching anything or reading outside files', { timeout: 120_000 }, async () => {
    const clean = join(temp, 'clean');
    fs.cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), join(clean, 'strategy'), { recursive: true });
    // A link (not an image) to the trap passes check; the same in both twins, so the pair stays aligned.
    for (const lang of ['sv', 'fi']) {
      const file = join(clean, 'strategy', 'general', `finance.${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\*\*(Utgifterna|Menot)\*\*/, `[**$1**](${trap.url}/report)`));
    }
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    expect(await main(['i18n', 'stamp', 'chapter-finance', '--dir', join(clean, 'strategy'), '--schema', repoSchema], io)).toBe(0);
    const { value: code, reads } = await recordingReads(() =>
      main(['build', join(clean, 'strategy'), '--schema', repoSchema, '--out', join(clean, 'out'), '--only', 'pdf', '--only', 'data'], io),
    );
    expect(err).not.toMatch(/error/i);
    expect(code, `${out}\n${err}`).toBe(0);
    expect(readFileSync(join(clean, 'out', 'pdf', 'mini-strategy-sv.pdf')).includes(Buffer.from(`${trap.url}/report`))).toBe(true);
    expect(trap.requests).toEqual([]);
    expect(reads.filter((path) => !inside(path, clean) && !inside(path, repoRoot))).toEqual([]);
  });
});
