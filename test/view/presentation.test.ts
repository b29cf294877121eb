/**
 * Presentation is data: what a reader sees comes from schema/, so another county's strategy, with other levels,
 * other field names and no numbered sections, builds into a site and PDFs that speak only of it, and every item
 * shows the same facts on its site page as in the PDF, in this county's strategy as in the other one.
 *
 * test/fixtures/second-county is a made-up city's service strategy (plan → theme → priority → objective → method
 * and indicator; promises linked from themes, priorities and objectives), with its own field names (`city`, `term`,
 * `adopted-by`, `sector`, `date`, `edition`, `aim`; an indicator's `scale`, `measured-in`, `reference`, `aims`), an
 * enum of its own (a method's `phase`), and no status.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadViewModels } from '../../src/view/load.ts';
import { roles } from '../../src/model/presentation.ts';
import metaSchema from '../../src/load/meta-schema.json' with { type: 'json' };
import type { ViewModel } from '../../src/view/types.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { runMain } from '../helpers/cli.ts';
import { decodeEntities } from '../site/helpers.ts';
import { isCouncilRow } from '../../src/render/pdf/index.ts';
import { pdfFonts } from '../pdf/helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'presentation-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Built {
  views: Record<string, ViewModel>;
  out: string;
  /** What build printed. */
  said: string;
}

/** `strategy build` as the command line runs it, in this process (test/helpers/cli.ts), with the date fixed. */
async function build(strategyDir: string, schemaDir: string, name: string): Promise<Built> {
  const out = join(temp, name);
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  process.env['SOURCE_DATE_EPOCH'] = '1750000000';
  try {
    const run = await runMain(['build', strategyDir, '--schema', schemaDir, '--out', out, '--only', 'site,pdf']);
    if (run.code !== 0) throw new Error(`build of ${strategyDir} failed:\n${run.stderr}`);
    return { views: loadViewModels(strategyDir, { schemaDir }).views, out, said: run.stdout };
  } finally {
    if (epoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
    else process.env['SOURCE_DATE_EPOCH'] = epoch;
  }
}

const decode = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\u00a0/g, ' ');
/** Text with all white space (and the PDF's zero-width break opportunities) removed, for finding wrapped values. */
const squeeze = (text: string) => text.replace(/[\s\u200b\u00ad]+/g, '');

const pageText = (built: Built, lang: string, id: string) => decode(readFileSync(join(built.out, 'site', lang, id, 'index.html'), 'utf8'));
/** The council PDF of a language. */
const pdfFile = (built: Built, lang: string) => join(built.out, 'pdf', readdirSync(join(built.out, 'pdf')).find((name) => name.endsWith(`-${lang}.pdf`))!);
/** Its text as pdftotext reads it, read once per build and language. */
const pdfTexts = new Map<string, string>();
function pdfText(built: Built, lang: string): string {
  const file = pdfFile(built, lang);
  const known = pdfTexts.get(file);
  if (known !== undefined) return known;
  const run = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(run.stderr);
  pdfTexts.set(file, run.stdout);
  return run.stdout;
}
function allSiteText(built: Built): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.html')) texts.push(decode(readFileSync(join(dir, entry.name), 'utf8')));
    }
  };
  walk(join(built.out, 'site'));
  return texts.join('\n');
}

/** For every item: each fact its view gives is on its site page and in its language's PDF. */
function expectSameFacts(built: Built): number {
  let compared = 0;
  for (const [lang, view] of Object.entries(built.views)) {
    const pdf = squeeze(pdfText(built, lang));
    for (const id of view.order) {
      const item = view.items[id]!;
      if (item.facts.length === 0) continue;
      const page = squeeze(pageText(built, lang, id));
      for (const fact of item.facts) {
        expect(page, `${lang}/${id} on the site: ${fact.label} ${fact.value}`).toContain(squeeze(fact.value));
        expect(pdf, `${lang}/${id} in the PDF: ${fact.label} ${fact.value}`).toContain(squeeze(fact.value));
        compared++;
      }
    }
  }
  return compared;
}

describe('the roles', () => {
  it('the view model knows are the roles the meta-schema lets a schema give a field, no more and no fewer', () => {
    const declared = (metaSchema as { $defs: { propertyKeywords: { properties: { 'x-role': { enum: string[] } } } } }).$defs.propertyKeywords.properties['x-role'].enum;
    expect([...declared].sort()).toEqual([...roles].sort());
  });
});

describe('a second county, modelled in schema/ and strategy/ alone', () => {
  const fixture = join(repoRoot, 'test/fixtures/second-county');
  let built: Built;
  beforeAll(async () => {
    built = await build(join(fixture, 'strategy'), join(fixture, 'schema'), 'second-county');
  }, 120_000);

  it('names none of this county, its institutions or its kinds, on any page or in either PDF', () => {
    const words = /välfärdsområde|hyvinvointialue|Österbotten|Pohjanmaa|värdelöfte|arvolupau|mätare|mittari|Sotkanet|Servicestrategi för Österbottens/i;
    const site = allSiteText(built);
    expect(site.match(words)?.[0]).toBeUndefined();
    for (const lang of ['sv', 'fi']) expect(pdfText(built, lang).match(words)?.[0], lang).toBeUndefined();
  });

  it('states no status, so neither the site nor the PDFs show one, and the PDFs have no watermark', () => {
    for (const lang of ['sv', 'fi']) {
      const pdf = pdfText(built, lang);
      expect(pdf).not.toMatch(/UTKAST|FÖRSLAG|LUONNOS|EHDOTUS|Status|Tila\b/);
      expect(pageText(built, lang, 'strandby-service-plan')).not.toMatch(/Utkast|Luonnos|Status|Tila\b/);
    }
  });

  it('shows its own document fields on the PDF cover and the front page, with the labels its schema gives', () => {
    const front = decode(readFileSync(join(built.out, 'site/sv/index.html'), 'utf8'));
    const cover = pdfText(built, 'sv').split('\f')[0]!;
    for (const text of ['Planperiod', '2026–2029', 'Antas av', 'Stadsfullmäktige', 'Sektor', 'Bildning och fritid', 'Datum', '16 mars 2026', 'Upplaga', '1.0']) {
      expect(squeeze(front), `front page: ${text}`).toContain(squeeze(text));
      expect(squeeze(cover), `cover: ${text}`).toContain(squeeze(text));
    }
    expect(front).toContain('Vårt löfte till invånarna');
    expect(pdfText(built, 'fi')).toContain('Lupauksemme asukkaille');
  });

  it('prints every declared link in the site and in the PDF, from each of the three levels that link', () => {
    for (const [lang, view] of Object.entries(built.views)) {
      const pdf = squeeze(pdfText(built, lang));
      const count = (needle: string) => pdf.split(squeeze(needle)).length - 1;
      let links = 0;
      for (const id of view.order) {
        for (const group of view.items[id]!.links) {
          for (const target of group.ids) {
            expect(squeeze(pageText(built, lang, id)), `${lang}/${id} → ${target} on the site`).toContain(squeeze(view.items[target]!.title));
            links++;
          }
        }
      }
      expect(links).toBe(4);
      // A promise's title: once in the list of promises, once in the matrix's legend, and once for every item that
      // links to it (a theme, a priority, an objective).
      for (const target of ['promise-digital', 'promise-near']) {
        const inbound = view.order.filter((id) => view.items[id]!.links.some((group) => group.ids.includes(target))).length;
        expect(inbound).toBe(2);
        expect(count(view.items[target]!.title), `${lang}: ${target} in the PDF`).toBeGreaterThanOrEqual(2 + inbound);
      }
    }
  });

  it("names its own institution and feedback channel in the accessibility statement, from its project.json", () => {
    const sv = readFileSync(join(built.out, 'site/sv/tillganglighetsutlatande/index.html'), 'utf8');
    expect(sv).toContain('som Strandby stad publicerar');
    expect(sv).toContain('href="https://strandby.example/sv/respons"');
    expect(sv).toContain('Tillstånds- och tillsynsverket');
    const fi = readFileSync(join(built.out, 'site/fi/saavutettavuusseloste/index.html'), 'utf8');
    expect(fi).toContain('jonka julkaisee Rantalan kaupunki');
    expect(fi).toContain('href="https://strandby.example/palaute"');
    expect(fi).toContain('Lupa- ja valvontavirasto');
  });

  it("dates its output by the document's own date field, before SOURCE_DATE_EPOCH, and says so", () => {
    expect(built.said).toContain("dates from the document's date field: 2026-03-16");
    expect(readFileSync(join(built.out, 'site/sv/tillganglighetsutlatande/index.html'), 'utf8')).toContain('16 mars 2026');
    expect(readFileSync(join(built.out, 'site/fi/saavutettavuusseloste/index.html'), 'utf8')).toContain('16. maaliskuuta 2026');
    const pdf = join(built.out, 'pdf', readdirSync(join(built.out, 'pdf')).find((name) => name.endsWith('-sv.pdf'))!);
    expect(spawnSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' }).stdout).toMatch(/CreationDate:\s+2026-03-16/);
  });

  it('gives every item the same facts on its site page as in the PDF', () => {
    expect(expectSameFacts(built)).toBeGreaterThanOrEqual(8);
  });

  it("lays out its council table as its schema says: the objective, its sector (a field), its children, its promises", () => {
    const pdf = pdfText(built, 'sv');
    const header = ['Målsättning', 'Ansvarig sektor', 'Arbetssätt', 'Indikatorer', 'Vad lovar vi?'];
    expect(squeeze(pdf)).toContain(squeeze(header.join(' ')));
    const page = readFileSync(join(built.out, 'site/sv/priority-library/index.html'), 'utf8');
    const headers = [...page.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((match) => match[1]);
    expect(headers).toEqual(header);
    expect(page).toMatch(/<td>Bildning och fritid<\/td>/);
  });

  it('headings without numbers: its themes and priorities are in the table of contents, unnumbered', () => {
    const pdf = pdfText(built, 'sv');
    const toc = pdf.split('\f')[1]!;
    expect(toc).toContain('Lärande genom hela livet');
    expect(toc).toContain('Biblioteket som mötesplats');
    expect(toc).not.toMatch(/^\s*\d+(\.\d+)*\s+Lärande/m);
  });
});

describe("this county's strategy", () => {
  let built: Built;
  beforeAll(async () => {
    built = await build(join(repoRoot, 'strategy'), join(repoRoot, 'schema'), 'shipped');
  }, 120_000);

  it('gives every item the same facts on its site page as in the PDF, value by value', () => {
    expect(expectSameFacts(built)).toBeGreaterThan(300);
  });

  it('prints every goal of the council tables in both PDFs, in fonts embedded in the file', () => {
    for (const [lang, view] of Object.entries(built.views)) {
      const pdf = squeeze(pdfText(built, lang));
      const goals = view.order.map((id) => view.items[id]!).filter(isCouncilRow);
      expect(goals.length).toBeGreaterThan(20);
      for (const goal of goals) expect(pdf, `${lang}: ${goal.id}`).toContain(squeeze(goal.title));
      const fonts = pdfFonts(pdfFile(built, lang));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font.embedded, `${lang}: ${font.name}`).toBe(true);
    }
  });
});
