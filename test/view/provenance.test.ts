/**
 * Provenance as schema/ declares it (roles origin, text-status, open-questions), as a reader gets it: the source's
 * name in the reader's language, the month of older figures, whether this language version is the county's own text,
 * which language is the original, and the questions the council is asked, with the label of the field each is about.
 * And a measure's chart axis, which starts at zero unless the measure says otherwise (role axis-start).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStrategy } from '../../src/pipeline.ts';
import { buildViewModel } from '../../src/view/build.ts';
import type { ViewModel } from '../../src/view/types.ts';
import { repoRoot, repoSchema } from '../helpers/fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'provenance-'));
let views: Record<string, ViewModel>;
let errors: string[];

/** Adds front-matter lines after the `id:` line of one language's file. */
function declare(stem: string, lang: string, lines: string): void {
  const file = join(temp, `${stem}.${lang}.md`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^(id: .*)$/m, `$1\n${lines}`));
}

beforeAll(() => {
  cpSync(join(repoRoot, 'test/fixtures/mini/strategy'), temp, { recursive: true });
  const origin = 'origin: { source: servicestrategi-2025-2027, part: Ekonomiska förutsättningar, as-of: "2024-03" }';
  declare('services/home/measure', 'sv', `${origin}\ntext-status: original`);
  declare('services/home/measure', 'fi', `${origin}\ntext-status: translation\nquestions:\n  - { field: targets, text: "Tavoitevuosi 2026 on oletettu: vahvistakaa se." }`);
  // A measure whose chart starts at 80: its values move around 90.
  for (const lang of ['sv', 'fi']) {
    const text = readFileSync(join(temp, `services/home/measure.${lang}.md`), 'utf8').replace('id: measure-living-at-home', 'id: measure-index').replace('order: 1', 'order: 5').replace('direction: increase', 'direction: increase\naxis-from: 80');
    writeFileSync(join(temp, `services/home/measure-index.${lang}.md`), text);
  }
  declare('services/home/goal', 'sv', 'text-status: original');
  declare('services/home/goal', 'fi', 'text-status: original');
  const result = loadStrategy(temp, { schemaDir: repoSchema });
  errors = result.messages.filter((m) => m.fatal === true || (m as { severity?: string }).severity === 'error').map((m) => `${m.ruleId}: ${m.reason}`);
  views = Object.fromEntries(['sv', 'fi'].map((lang) => [lang, buildViewModel(result.graph, lang, { strategyDir: temp, sourceDate: '2026-01-01T00:00:00Z' })]));
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('provenance in the view model', () => {
  it('validates as schema/ declares it', () => {
    expect(errors.filter((error) => !error.startsWith('translation-'))).toEqual([]);
  });

  it('names the source in the reader’s language, with the part and the month of older figures', () => {
    expect(views['sv']!.items['measure-living-at-home']!.provenance?.source).toBe('Servicestrategi 2025–2027, välfärdsområdesfullmäktige 11.03.2024 § 8: Ekonomiska förutsättningar (per 3/2024)');
    expect(views['fi']!.items['measure-living-at-home']!.provenance?.source).toBe('Palvelustrategia 2025–2027, aluevaltuusto 11.03.2024 § 8: Ekonomiska förutsättningar (tilanne 3/2024)');
  });

  it('marks a translation not yet reviewed as unapproved, with the language of the original, and an original as the county’s own', () => {
    const fi = views['fi']!.items['measure-living-at-home']!.provenance!;
    expect(fi).toMatchObject({ unapproved: true, originals: ['sv'], status: { value: 'translation', label: 'Käännös, ei tarkastettu' } });
    const sv = views['sv']!.items['measure-living-at-home']!.provenance!;
    expect(sv).toMatchObject({ unapproved: false, originals: [], status: { value: 'original', label: 'Originaltext' } });
    expect(views['fi']!.items['goal-older-home']!.provenance).toMatchObject({ unapproved: false, originals: [] });
  });

  it('gives the county’s open questions with the label of the field each is about', () => {
    expect(views['fi']!.items['measure-living-at-home']!.provenance!.questions).toEqual([{ field: 'Tavoitearvot', text: 'Tavoitevuosi 2026 on oletettu: vahvistakaa se.' }]);
    expect(views['sv']!.items['measure-living-at-home']!.provenance!.questions).toEqual([]);
  });

  it('says nothing of an item that declares nothing', () => {
    expect(views['sv']!.items['value-trust']!.provenance).toMatchObject({ unapproved: false, originals: [], questions: [] });
    expect(views['sv']!.items['value-trust']!.provenance!.source).toBeUndefined();
  });
});

describe('a measure’s chart axis', () => {
  it('starts at zero, unless the measure says where (an index around 100)', async () => {
    const { buildChart } = await import('../../site/src/lib/chart.ts');
    const axisStart = (id: string) => {
      const measure = views['sv']!.items[id]!.measure!;
      const points = [...(measure.baseline ? [measure.baseline] : []), ...measure.targets].map((point) => ({ year: point.year, value: point.value, kind: 'target' as const }));
      const chart = buildChart(points, 'sv', String, undefined, measure.axisFrom)!;
      return chart.yTicks.map((tick) => tick.label)[0];
    };
    expect(axisStart('measure-living-at-home')).toBe('0');
    expect(axisStart('measure-index')).toBe('80');
  });
});
