/**
 * The council PDF's appendix of what the council decides on without the county's own text: the parts whose text in
 * the PDF's language is a translation nobody has reviewed (with the language of the original and the source), and
 * the county's open questions. Read back as a councillor reads it (pdftotext, the bookmarks) and as a screen reader
 * does (the structure tree). apt: poppler-utils qpdf
 */
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { editItem } from '../helpers/changed-mini.ts';
import { loadViewModels } from '../../src/view/load.ts';
import { renderPdf } from '../../src/render/pdf/render.ts';
import { miniDir, miniViews, pdfOutline, removeTempDirs, schemaDir, tempDir } from './helpers.ts';
import { elemText, matterhorn, readPdf, walk, type Elem } from './pdfua.ts';

const text = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Each table of the PDF as rows of "TH:text" / "TD:text" cells, read from the structure tree. */
async function tableRows(file: string): Promise<string[][][]> {
  const back = await readPdf(file);
  const squash = (value: string) => value.replace(/[\u2002\u00ad\u200b]/g, ' ').replace(/\s+/g, ' ').trim();
  return [...walk(back.root!)]
    .filter((element) => element.role === 'Table')
    .map((table) => [...walk(table)].filter((element) => element.role === 'TR').map((row) => row.kids.filter((kid): kid is Elem => 'kids' in kid && (kid.role === 'TH' || kid.role === 'TD')).map((cell) => `${cell.role}:${squash(elemText(back, cell))}`)))
    .filter((rows) => rows.length > 0);
}

let dir: string;
const files = { sv: '', fi: '', plain: '' };

beforeAll(async () => {
  dir = tempDir('pdf-provenance-');
  const strategy = join(dir, 'strategy');
  cpSync(miniDir, strategy, { recursive: true });
  // The goal written in Swedish and translated into Finnish; a question about the measure's target year in each language.
  editItem(strategy, 'services/home/goal', /^(id: .*)$/m, '$1\ntext-status: original', ['sv']);
  editItem(strategy, 'services/home/goal', /^(id: .*)$/m, '$1\ntext-status: translation', ['fi']);
  editItem(strategy, 'services/home/measure', /^(id: .*)$/m, '$1\nquestions:\n  - field: targets\n    text: "Målåret 2026 är antaget: vilket år ska målet vara nått?"', ['sv']);
  editItem(strategy, 'services/home/measure', /^(id: .*)$/m, '$1\nquestions:\n  - field: targets\n    text: "Tavoitevuosi 2026 on oletettu: mihin vuoteen mennessä tavoite on saavutettava?"', ['fi']);
  // Only one side's status changes, which the translation stamps would (rightly) call outdated.
  const { views } = loadViewModels(strategy, { schemaDir, severities: { 'translation-outdated': 'off' } });
  files.sv = join(dir, 'sv.pdf');
  files.fi = join(dir, 'fi.pdf');
  files.plain = join(dir, 'plain.pdf');
  await renderPdf(views['sv']!, files.sv);
  await renderPdf(views['fi']!, files.fi);
  await renderPdf(miniViews()['fi']!, files.plain);
});
afterAll(removeTempDirs);

describe('the appendix of translations and open questions', () => {
  test('fi: the translated goal with its status, the language of its original and its source; the question with the field it is about', async () => {
    const lines = text(files.fi);
    const start = lines.indexOf('Liite 3 Käännökset ja avoimet kysymykset');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start)).toContain('Tekstit, joita ei ole vielä hyväksytty (1)');
    expect(lines.slice(start)).toContain('Avoimet kysymykset (1)');
    // The two tables' rows as a screen reader reads them, cell by cell: the section's row heads those below it, each part its own row.
    const tables = await tableRows(files.fi);
    expect(tables.at(-2)).toEqual([
      ['TH:Osa', 'TH:Tila', 'TH:Alkukieli', 'TH:Lähde'],
      ['TH:3 Ikääntyneet'],
      ['TH:Yhä useampi ikääntynyt asuu kotona Tavoite', 'TD:Käännös, ei tarkastettu', 'TD:ruotsi', 'TD:–'],
    ]);
    expect(tables.at(-1)).toEqual([
      ['TH:Osa', 'TH:Koskee', 'TH:Kysymys'],
      ['TH:3 Ikääntyneet'],
      ['TH:Kotona asuvien 75 vuotta täyttäneiden osuus Mittari', 'TD:Tavoitearvot', 'TD:Tavoitevuosi 2026 on oletettu: mihin vuoteen mennessä tavoite on saavutettava?'],
    ]);
    // Listed in the table of contents and the bookmarks, with its two parts.
    const entry = pdfOutline(files.fi).find((e) => e.title === 'Liite 3 Käännökset ja avoimet kysymykset');
    expect(entry?.kids.map((kid) => kid.title)).toEqual(['Tekstit, joita ei ole vielä hyväksytty (1)', 'Avoimet kysymykset (1)']);
    expect(lines.slice(0, start)).toContainEqual(expect.stringMatching(/^Liite 3 Käännökset ja avoimet kysymykset \d+$/));
  });

  test('sv: the Swedish text is the original, so only the open question is listed', async () => {
    const lines = text(files.sv);
    const start = lines.indexOf('Bilaga 3 Översättningar och öppna frågor');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start).join(' ')).not.toContain('Texter som ännu inte är godkända');
    expect(lines.slice(start)).toContain('Öppna frågor (1)');
    expect((await tableRows(files.sv)).at(-1)).toEqual([
      ['TH:Del', 'TH:Gäller', 'TH:Fråga'],
      ['TH:3 Äldre'],
      ['TH:Andelen 75 år fyllda som bor hemma Mätare', 'TD:Målvärden', 'TD:Målåret 2026 är antaget: vilket år ska målet vara nått?'],
    ]);
  });

  test('a strategy whose texts are all the county’s own and with no open question has no such appendix', () => {
    expect(pdfOutline(files.plain).map((entry) => entry.title)).not.toContain('Liite 3 Käännökset ja avoimet kysymykset');
    expect(text(files.plain).join(' ')).not.toContain('Käännökset ja avoimet kysymykset');
  });

  test('tagged as the rest of the PDF: headings, and tables whose group rows head the rows below', async () => {
    expect(matterhorn(await readPdf(files.fi))).toEqual([]);
    expect(matterhorn(await readPdf(files.sv))).toEqual([]);
  });
});
