/**
 * The redline PDFs `strategy build` writes beside the council PDFs once an approved version is in versions/: the
 * mini strategy approved with `strategy approve` and then edited (test/helpers/changed-mini.ts, the edits the site's
 * changes page is tested with too), then `strategy build --only pdf`; and the same unedited. Read
 * back as a councillor gets them: the text (pdftotext -layout), the marks on the printed page in black and white
 * (pdftoppm -gray: a line through a deleted word, a line under an inserted one), the metadata (pdfinfo) and the
 * bookmarks (qpdf). apt: poppler-utils qpdf
 * (That a strategy with no approved version gets no redline is shown by test/output/deterministic.test.ts, whose builds
 * of the mini fixture write the two council PDFs and nothing else.)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { changedMini, knownEdits } from '../helpers/changed-mini.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';
import { copyPdfsIntoSite } from '../../src/render/site/build.ts';
import { loadViewModels } from '../../src/view/load.ts';
import { renderPdf } from '../../src/render/pdf/render.ts';
import { pdfInfo, pdfOutline, pdfWords, preflight, preflightAvailable, removeTempDirs, tempDir } from './helpers.ts';
import { elemText, matterhorn, readPdf, uriLinks, walk } from './pdfua.ts';

const mini = join(repoRoot, 'test/fixtures/mini/strategy');
const languages = ['sv', 'fi'] as const;
type Lang = (typeof languages)[number];

/** A project as the county keeps it, strategy/ and schema/ side by side, just after the decision of 16.6.2025 § 45. */
async function approvedProject(): Promise<string> {
  const project = tempDir('redline-');
  cpSync(mini, join(project, 'strategy'), { recursive: true });
  cpSync(repoSchema, join(project, 'schema'), { recursive: true });
  const { name, date, section } = knownEdits.decision;
  const run = await runMain(['approve', name, '--date', date, '--section', String(section), '--body-sv', 'Välfärdsområdesfullmäktige', '--body-fi', 'Aluevaltuusto'], { cwd: project });
  expect(run.code, run.stderr).toBe(0);
  return project;
}

async function build(project: string, out = 'out'): Promise<string> {
  const run = await runMain(['build', join(project, 'strategy'), '--out', join(project, out), '--only', 'pdf'], { cwd: project });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

/** The page's text as pdftotext lays it out, the watermark (a pagination artifact of its own) left out, each line's spaces folded. */
function lines(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', withoutWatermark(file), '-'], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Words as a reader reads them: line by line (bottoms within 3 pt), left to right; the watermark's giant letters left out. */
function readingOrder(words: ReturnType<typeof pdfWords>): ReturnType<typeof pdfWords> {
  const sorted = words.filter((w) => w.yMax - w.yMin < 30).sort((a, b) => a.page - b.page || a.yMax - b.yMax);
  const out: typeof sorted = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.page === sorted[i]!.page && sorted[j]!.yMax - sorted[i]!.yMax < 3) j++;
    out.push(...sorted.slice(i, j).sort((a, b) => a.xMin - b.xMin));
    i = j;
  }
  return out;
}

/**
 * The lines drawn across a word on the page printed in black and white (144 dpi, grey levels): rows of the word's
 * box that are dark from one end to the other. A line through its middle is a deletion, one at its foot an
 * insertion; letters alone never darken a whole row. The word is `word` in the first run of words `phrase`.
 */
function marks(file: string, phrase: string, word: string): { through: boolean; under: boolean } {
  const words = readingOrder(pdfWords(file));
  const run = phrase.split(' ');
  const start = words.findIndex((_, i) => run.every((part, j) => words[i + j]?.word === part));
  const box = words[start + run.indexOf(word)];
  if (start < 0 || !box) throw new Error(`${file} has no "${phrase}"`);
  const prefix = join(tempDir('redline-page-'), 'page');
  execFileSync('pdftoppm', ['-gray', '-r', '144', '-f', String(box.page), '-l', String(box.page), '-singlefile', file, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const pixels = pgm.subarray(header[0].length);
  const scale = 2; // 144 dpi: two pixels a point
  const [left, right] = [Math.ceil(box.xMin * scale) + 1, Math.floor(box.xMax * scale) - 1];
  const [top, bottom] = [Math.floor(box.yMin * scale), Math.ceil(box.yMax * scale)];
  const dark: number[] = [];
  for (let y = top; y <= bottom + 2; y++) {
    let count = 0;
    for (let x = left; x <= right; x++) if (pixels[y * width + x]! < 140) count++;
    if (count >= 0.95 * (right - left + 1)) dark.push((y - top) / (bottom - top));
  }
  return { through: dark.some((at) => at > 0.3 && at < 0.75), under: dark.some((at) => at >= 0.75) };
}

/** A copy of the PDF without its watermark: the marked content tagged as the watermark artifact, cut out with qpdf. */
const unmarked = new Map<string, string>();
function withoutWatermark(file: string): string {
  const done = unmarked.get(file);
  if (done) return done;
  const json = JSON.parse(execFileSync('qpdf', ['--json-output', '--json-stream-data=inline', '--decode-level=generalized', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })) as { qpdf: [unknown, Record<string, { stream?: { data?: string } }>] };
  for (const object of Object.values(json.qpdf[1])) {
    const data = object.stream?.data;
    if (!data) continue;
    const content = Buffer.from(data, 'base64').toString('latin1');
    if (content.includes('/Subtype /Watermark')) object.stream!.data = Buffer.from(content.replace(/\/Artifact <<\/Type \/Pagination \/Subtype \/Watermark>> BDC[\s\S]*?\nEMC\n/g, ''), 'latin1').toString('base64');
  }
  const out = join(tempDir('redline-unmarked-'), 'page.pdf');
  writeFileSync(`${out}.json`, JSON.stringify(json));
  execFileSync('qpdf', ['--json-input', `${out}.json`, out]);
  unmarked.set(file, out);
  return out;
}

const pdfs = (project: string) => readdirSync(join(project, 'out/pdf')).sort();
const file = (project: string, name: string) => join(project, 'out/pdf', name);

afterAll(removeTempDirs);

describe('the redline of an edited strategy', () => {
  let project: string;
  let output: string;
  const redline = (lang: Lang) => file(project, `mini-strategy-${lang}-changes.pdf`);
  const text = (lang: Lang) => lines(redline(lang)).join('\n');

  beforeAll(async () => {
    project = tempDir('redline-');
    await changedMini(project);
    output = await build(project);
  });

  test('build writes a redline beside each council PDF, named after it', () => {
    expect(pdfs(project)).toEqual(['mini-strategy-fi-changes.pdf', 'mini-strategy-fi.pdf', 'mini-strategy-sv-changes.pdf', 'mini-strategy-sv.pdf']);
    expect(output).toContain(`wrote ${file(project, 'mini-strategy-sv-changes.pdf')}\n`);
    expect(output).toContain(`wrote ${file(project, 'mini-strategy-fi-changes.pdf')}\n`);
  });

  test('the site gets the redlines too', () => {
    const { views } = loadViewModels(join(project, 'strategy'));
    const site = join(project, 'site');
    expect(copyPdfsIntoSite(views, join(project, 'out/pdf'), site).sort()).toEqual(pdfs(project));
    expect(existsSync(join(site, 'pdf/mini-strategy-fi-changes.pdf'))).toBe(true);
  });

  test.each([
    ['sv', 'Ändringar jämfört med beslutet 16.06.2025 § 45', 'Servicestrategi 2025–2029'],
    ['fi', 'Muutokset 16.06.2025 § 45 päätökseen verrattuna', 'Palvelustrategia 2025–2029'],
  ] as const)('%s: the title says what it compares with, and the pages are the council PDF’s', (lang, title, document) => {
    const info = pdfInfo(redline(lang));
    const council = pdfInfo(file(project, `mini-strategy-${lang}.pdf`));
    expect(info['Title']).toBe(`${document} – ${title}`);
    expect(info['Page size']).toBe(council['Page size']);
    expect(info['Page size']).toMatch(/\(A4\)/);
    for (const key of ['Author', 'Subject', 'CreationDate', 'ModDate']) expect(info[key], key).toBe(council[key]);
    const page = lines(redline(lang));
    // The running header on every page, the page numbers in the footer, the title and the organisation on page 1.
    expect(page[0]).toBe(`${document} – ${title} ${lang === 'sv' ? 'Utkast' : 'Luonnos'}`);
    expect(page.join(' ')).toContain(` ${title} `);
    expect(page).toContain(lang === 'sv' ? 'Österbottens välfärdsområde' : 'Pohjanmaan hyvinvointialue');
    expect(page).toContainEqual(expect.stringMatching(lang === 'sv' ? /^Sida 1 av \d+$/ : /^Sivu 1 \/ \d+$/));
  });

  const { reworded, moved, deleted, added } = knownEdits;
  const expected = {
    sv: ['Servicestrategi 2025–2029', 'Kapitel: Ekonomi', `Mål: ${reworded.sv[1]}`, `Åtgärd: ${moved.sv}`, `Åtgärd: ${deleted.sv}`, 'Mätare: Andelen 75 år fyllda som bor hemma', `Mätare: ${added.sv}`],
    fi: ['Palvelustrategia 2025–2029', 'Luku: Talous', `Tavoite: ${reworded.fi[1]}`, `Toimenpide: ${moved.fi}`, `Toimenpide: ${deleted.fi}`, 'Mittari: Kotona asuvien 75 vuotta täyttäneiden osuus', `Mittari: ${added.fi}`],
  };

  test.each(languages)('%s: the bookmarks list the summary and every changed item, in the document’s order', (lang) => {
    const outline = pdfOutline(redline(lang));
    expect(outline.map((entry) => entry.title)).toEqual(lang === 'sv' ? ['Sammanfattning', 'Ändringarna i dokumentets ordning'] : ['Yhteenveto', 'Muutokset asiakirjan järjestyksessä']);
    expect(outline[1]!.kids.map((entry) => entry.title)).toEqual(expected[lang]);
    for (const entry of outline[1]!.kids) expect(entry.page).toBeGreaterThanOrEqual(1);
  });

  test.each([
    ['sv', ['Ändrad', 'Borttagen', 'Tillagd'], ['Del av', 'Allmän del', 'Äldre'], 'Ny plats under ”Allt fler äldre kan bo kvar hemma”', ['Antal läkemedelsrobotar', 'Läkemedelsrobotar tas i bruk i hemvården', 'För att skapa trygghet', 'Verkningsfull service']],
    ['fi', ['Muutettu', 'Poistettu', 'Lisätty'], ['Osa kokonaisuutta', 'Yleinen osa', 'Ikääntyneet'], 'Uusi paikka kohdassa ”Yhä useampi ikääntynyt voi asua kotona”', ['Lääkerobottien määrä', 'Lääkerobotit otetaan käyttöön kotihoidossa', 'Turvallisuutta luoden', 'Vaikuttavat palvelut']],
  ] as const)('%s: the changed items in the document’s order, each with what happened to it and where it stands, and nothing else', (lang, [changed, removed, inserted], [partOf, general, older], place, unchanged) => {
    const flat = text(lang).replace(/\n/g, ' ');
    // What happened to each, and the part of the strategy it belongs to (but for the document itself).
    const goal = `${partOf}: ${reworded[lang][1]}`;
    const labels = [changed, `${changed} ${partOf}: ${general}`, `${changed} ${partOf}: ${older}`, `${changed} ${goal} ${place}`, `${removed} ${goal}`, `${changed} ${goal}`, `${inserted} ${goal}`];
    const at = expected[lang].map((heading, index) => flat.indexOf(`${heading} ${labels[index]}`));
    expect(at.every((position) => position > 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Nothing of what stayed: the measure and the action left as they were, a value, the general part.
    for (const title of unchanged) expect(flat).not.toContain(title);
  });

  test('the reworded goal word by word, the old word struck through and the new ones underlined', () => {
    // "bor" struck through, "kan bo kvar" underlined: in the text one after the other.
    expect(text('sv')).toContain('Rubrik: Allt fler äldre bor kan bo kvar hemma');
    expect(text('fi')).toContain('Otsikko: Yhä useampi ikääntynyt asuu voi asua kotona');
    expect(marks(redline('sv'), 'äldre bor kan', 'bor')).toEqual({ through: true, under: false });
    expect(marks(redline('sv'), 'bor kan bo kvar', 'kvar')).toEqual({ through: false, under: true });
    expect(marks(redline('sv'), 'fler äldre bor', 'äldre')).toEqual({ through: false, under: false });
    expect(marks(redline('fi'), 'ikääntynyt asuu voi', 'asuu')).toEqual({ through: true, under: false });
    expect(marks(redline('fi'), 'asuu voi asua', 'voi')).toEqual({ through: false, under: true });
  });

  test.each([
    ['sv', 'Målvärden', 'Tabellrad'],
    ['fi', 'Tavoitearvot', 'Taulukon rivi'],
  ] as const)('%s: the target before and after, and the changed cell of the finance table', (lang, targets, row) => {
    expect(lines(redline(lang))).toContain(`${targets} 2026: 93 %, 2029: 94 % 2026: 93 %, 2029: 95 %`);
    // The number whole: "1 048,0" → "1 051,3", not its last group.
    expect(lines(redline(lang))).toContain(`${row}: 2025 | 1 048,0 1 051,3`);
    expect(marks(redline(lang), '048,0 1 051,3', '048,0')).toEqual({ through: true, under: false });
    expect(marks(redline(lang), '048,0 1 051,3', '051,3')).toEqual({ through: false, under: true });
    expect(marks(redline(lang), '2025 | 1 048,0', '2025')).toEqual({ through: false, under: false });
    expect(marks(redline(lang), '2029: 94 %', '94')).toEqual({ through: true, under: false });
    expect(marks(redline(lang), '2029: 95 %', '95')).toEqual({ through: false, under: true });
  });

  test('the deleted action with what it had, the new measure with what it has', () => {
    const sv = lines(redline('sv'));
    // What it had, under "Förut", and what it has, under "Nu": no column of dashes beside them.
    const gone = sv.indexOf(`Åtgärd: ${deleted.sv}`);
    expect(sv.slice(gone, gone + 7)).toEqual([`Åtgärd: ${deleted.sv}`, 'Borttagen', `Del av: ${reworded.sv[1]}`, 'Uppgift Förut', 'År 2026', 'Status Planerad', 'Ansvarig Hemvården']);
    const come = sv.indexOf(`Mätare: ${added.sv}`);
    expect(sv.slice(come, come + 5)).toEqual([`Mätare: ${added.sv}`, 'Tillagd', `Del av: ${reworded.sv[1]}`, 'Uppgift Nu', 'Typ av mätare Antal']);
    expect(sv).toContain('Målvärden 2026: 400 st.');
    const fi = lines(redline('fi'));
    expect(fi.slice(fi.indexOf(`Toimenpide: ${deleted.fi}`) + 1, fi.indexOf(`Toimenpide: ${deleted.fi}`) + 4)).toEqual(['Poistettu', `Osa kokonaisuutta: ${reworded.fi[1]}`, 'Tieto Aiemmin']);
    expect(fi).toContain('Vastuutaho Kotihoito');
  });

  test('the Swedish-only edit: in the Swedish redline with its words, in the Finnish one as a note', () => {
    expect(text('sv')).toContain('Endast den svenska versionen har ändrats.');
    expect(text('sv')).toContain(knownEdits.svOnly.added);
    expect(marks(redline('sv'), 'varje höst.', 'höst.')).toEqual({ through: false, under: true });
    expect(text('fi')).toContain('Vain ruotsinkielistä versiota on muutettu.');
    expect(text('fi')).not.toContain('Texten ses över');
  });

  test.each([
    ['sv', 'Typ Tillagda Borttagna Ändrade Flyttade Delade Sammanslagna', ['Servicestrategier 0 0 1 0 0 0', 'Kapitel 0 0 1 0 0 0', 'Mål 0 0 1 0 0 0', 'Åtgärder 0 1 0 1 0 0', 'Mätare 1 0 1 0 0 0', 'Totalt 1 1 4 1 0 0']],
    ['fi', 'Tyyppi Lisätyt Poistetut Muutetut Siirretyt Jaetut Yhdistetyt', ['Palvelustrategiat 0 0 1 0 0 0', 'Luvut 0 0 1 0 0 0', 'Tavoitteet 0 0 1 0 0 0', 'Toimenpiteet 0 1 0 1 0 0', 'Mittarit 1 0 1 0 0 0', 'Yhteensä 1 1 4 1 0 0']],
  ] as const)('%s: the summary counts by kind and kind of change, with the totals', (lang, header, rows) => {
    const all = lines(redline(lang));
    const start = all.indexOf(header);
    expect(start).toBeGreaterThan(0);
    expect(all.slice(start + 1, start + 1 + rows.length)).toEqual(rows);
  });

  test.runIf(preflightAvailable())('the redline is PDF/A-1b whatever the status: a draft’s, with its watermark, and an approved one’s', async () => {
    const { views } = loadViewModels(join(project, 'strategy'));
    const view = views['fi']!;
    const approved = { ...view, document: { ...view.document, status: { ...view.document.status!, watermark: false } } };
    const path = join(tempDir('redline-pdfa-'), 'approved-changes.pdf');
    await renderPdf(approved, path, {}, 'redline');
    const [draft, result] = await preflight(redline('sv'), path);
    expect(draft!.valid, draft!.report).toBe(true);
    expect(result!.valid, result!.report).toBe(true);
  });

  test.each([
    ['sv', '[struket: bor, slut på det strukna]', '[tillagt: kan bo kvar, slut på tillägget]'],
    ['fi', '[poistettu: asuu, poisto päättyy]', '[lisätty: voi asua, lisäys päättyy]'],
  ] as const)('%s: tagged as the council PDF is, each insertion and deletion a span that says what it is', async (lang, deletion, insertion) => {
    const back = await readPdf(redline(lang));
    expect(matterhorn(back)).toEqual([]);
    const spans = [...walk(back.root!)].filter((element) => element.role === 'Span' && element.alt !== undefined);
    expect(spans.map((span) => span.alt)).toEqual(expect.arrayContaining([deletion, insertion]));
    // Each says the very words it stands for, which a screen reader reads in their place.
    for (const span of spans) expect(span.alt).toContain(`: ${elemText(back, span)},`);
    // The changed items are headings below the section "in the document's order", the summary a table with row headers.
    const headings = [...walk(back.root!)].filter((element) => /^H\d$/.test(element.role)).map((element) => `${element.role} ${elemText(back, element)}`);
    expect(headings[0]).toMatch(/^H1 /);
    expect(headings).toContain(lang === 'sv' ? 'H3 Mål: Allt fler äldre kan bo kvar hemma' : 'H3 Tavoite: Yhä useampi ikääntynyt voi asua kotona');
  });

  test.each([
    ['sv', 'Teckenförklaring', 'exempel understruken text har lagts till', 'exempel genomstruken text har strukits'],
    ['fi', 'Merkkien selitys', 'esimerkki alleviivattu teksti on lisätty', 'esimerkki yliviivattu teksti on poistettu'],
  ] as const)('%s: the legend shows an insertion and a deletion as they look', (lang, legend, inserted, deleted) => {
    const all = lines(redline(lang));
    expect(all.slice(all.indexOf(legend), all.indexOf(legend) + 3)).toEqual([legend, inserted, deleted]);
    const sample = (line: string) => line.split(' ').slice(0, 2).join(' ');
    expect(marks(redline(lang), sample(inserted), inserted.split(' ')[0]!)).toEqual({ through: false, under: true });
    expect(marks(redline(lang), sample(deleted), deleted.split(' ')[0]!)).toEqual({ through: true, under: false });
  });

  describe('published at an address (SITE_URL)', () => {
    beforeAll(async () => {
      const before = process.env['SITE_URL'];
      process.env['SITE_URL'] = 'https://owner.github.io/strategy';
      try {
        await build(project, 'published');
      } finally {
        if (before === undefined) delete process.env['SITE_URL'];
        else process.env['SITE_URL'] = before;
      }
    });

    test.each([
      ['sv', 'Webbversion', 'andringar'],
      ['fi', 'Verkkoversio', 'muutokset'],
    ] as const)('%s: the council PDF links to the front page on the site and the redline to the changes page, as tagged links', async (lang, label, changes) => {
      const councilFile = join(project, 'published/pdf', `mini-strategy-${lang}.pdf`);
      const council = await readPdf(councilFile);
      const front = `https://owner.github.io/strategy/${lang}/`;
      expect(webLinks(council)).toEqual([{ page: 1, uri: front, contents: front, element: front }]);
      expect(matterhorn(council)).toEqual([]);
      expect(lines(councilFile)).toContain(`${label} ${front}`);
      const published = await readPdf(join(project, 'published/pdf', `mini-strategy-${lang}-changes.pdf`));
      const page = `https://owner.github.io/strategy/${lang}/${changes}/`;
      expect(webLinks(published)).toEqual([{ page: 1, uri: page, contents: page, element: page }]);
      expect(matterhorn(published)).toEqual([]);
      // Built without SITE_URL, the PDFs cannot know where the site is, and link nowhere outside themselves.
      expect(uriLinks(await readPdf(file(project, `mini-strategy-${lang}.pdf`)))).toEqual([]);
      expect(uriLinks(await readPdf(redline(lang)))).toEqual([]);
    });
  });
});

/**
 * The distinct web links of a PDF, each with the text of the Link element that holds its annotations (pdfmake draws
 * an address broken after its slashes as several runs, each with an annotation; one Link element holds them all).
 */
function webLinks(back: Awaited<ReturnType<typeof readPdf>>): { page: number; uri: string; contents: string | undefined; element: string }[] {
  const holders = [...walk(back.root!)].filter((element) => element.role === 'Link' && element.kids.some((kid) => 'annotation' in kid));
  const seen = new Map<string, { page: number; uri: string; contents: string | undefined; element: string }>();
  for (const link of uriLinks(back)) {
    const holder = holders.filter((element) => elemText(back, element) === link.uri);
    if (!seen.has(link.uri)) seen.set(link.uri, { ...link, element: holder.length === 1 ? elemText(back, holder[0]!) : `${holder.length} Link elements` });
  }
  return [...seen.values()];
}

describe('the redline of a strategy unchanged since its approval', () => {
  test('says there are no changes, and nothing else', async () => {
    const project = await approvedProject();
    await build(project);
    expect(pdfs(project)).toEqual(['mini-strategy-fi-changes.pdf', 'mini-strategy-fi.pdf', 'mini-strategy-sv-changes.pdf', 'mini-strategy-sv.pdf']);
    for (const [lang, none, summary] of [
      ['sv', 'Inga ändringar sedan beslutet.', 'Sammanfattning'],
      ['fi', 'Ei muutoksia päätöksen jälkeen.', 'Yhteenveto'],
    ] as const) {
      const all = lines(file(project, `mini-strategy-${lang}-changes.pdf`));
      expect(all).toContain(none);
      expect(all.join('\n')).not.toContain(summary);
      expect(pdfOutline(file(project, `mini-strategy-${lang}-changes.pdf`))).toEqual([]);
    }
  });
});
