import { beforeAll, describe, expect, it } from 'vitest';
import { loadViewModels } from '../../src/view/load.ts';
import type { ItemView, ViewModel } from '../../src/view/types.ts';
import { buildChart, niceStep, valueDomain } from '../../site/src/lib/chart.ts';
import { factsOf } from '../../site/src/lib/facts.ts';
import { yearsText } from '../../src/view/format.ts';
import { chartPoints, dataPoints, isMeasure, targetYears } from '../../site/src/lib/measure.ts';
import { checkRoutes, itemLink, slugRoutes, specialHref } from '../../site/src/lib/routes.ts';
import { childTable, councilTables, linkRef, type LinkRef } from '../../site/src/lib/tables.ts';
import { contentSecurityPolicy } from '../../site/src/lib/csp.ts';
import { siteInput } from '../../site/src/data.ts';
import { pdfFileName, pdfHref } from '../../src/view/paths.ts';
import { checkOutDir } from '../../src/render/site/build.ts';
import { fixtureStrategy, repoRoot, schemaDir } from './helpers.ts';

let views: Record<string, ViewModel>;
const item = (lang: string, id: string): ItemView => views[lang]!.items[id]!;

beforeAll(() => {
  views = loadViewModels(fixtureStrategy, { schemaDir }).views;
});

describe('measures', () => {
  it('are recognised by their data, and their points come out ordered by year', () => {
    expect(isMeasure(item('sv', 'measure-living-at-home'))).toBe(true);
    expect(isMeasure(item('sv', 'goal-older-home'))).toBe(false);
    expect(isMeasure(item('sv', 'action-medicine-robots'))).toBe(false);
    expect(dataPoints(item('sv', 'measure-living-at-home'))).toEqual([
      { kind: 'baseline', year: 2024, value: 92.1, text: '92,1\u00a0%', plain: '92,1' },
      { kind: 'target', year: 2026, value: 93, text: '93\u00a0%', plain: '93' },
      { kind: 'target', year: 2029, value: 94, text: '94\u00a0%', plain: '94' },
    ]);
  });

  it('name their data source: a Sotkanet indicator with its link, or the source type in words', () => {
    expect(item('fi', 'measure-living-at-home').measure!.source).toEqual({
      text: 'Sotkanet, indikaattori 3261',
      url: 'https://sotkanet.fi/sotkanet/fi/metadata/indicators/3261',
      note: 'Sotkanet, THL',
    });
    expect(item('sv', 'measure-medicine-robots').measure!.source).toEqual({ text: 'Egen uppföljning', note: 'Hemvårdens uppföljning' });
  });

  it('collect the target years of a group for "targets by year" columns', () => {
    expect(targetYears([item('sv', 'measure-living-at-home'), item('sv', 'measure-medicine-robots')])).toEqual([2026, 2029]);
  });
});

describe('facts', () => {
  it('say the known fields of an item in its language, and leave unknown ones out', () => {
    expect(factsOf(item('fi', 'action-medicine-robots')).map((f) => [f.label, f.value])).toEqual([
      ['Vuodet', '2026'],
      ['Vastuutaho', 'Kotihoito'],
      ['Tila', 'Suunniteltu'],
    ]);
    expect(factsOf(item('sv', 'measure-living-at-home')).map((f) => f.field)).toEqual(['type', 'unit', 'direction', 'source']);
    expect(factsOf(item('sv', 'section-older'))).toEqual([{ field: 'target-group', role: undefined, label: 'Målgrupp', value: 'Äldre personer' }]);
    expect(factsOf(item('sv', 'value-trust'))).toEqual([]);
  });

  it('write runs of years as ranges', () => {
    expect(yearsText([2027, 2025, 2026])).toBe('2025–2027');
    expect(yearsText([2025, 2027])).toBe('2025, 2027');
    expect(yearsText([2025, 2026, 2029])).toBe('2025–2026, 2029');
    expect(yearsText([2026])).toBe('2026');
  });
});

describe('charts', () => {
  it('pick round steps and a padded value axis that stays at or above zero for non-negative data', () => {
    expect(niceStep(10)).toBe(5);
    expect(niceStep(3.3)).toBe(1);
    expect(niceStep(0.4)).toBe(0.1);
    expect(valueDomain([92.1, 94])).toEqual({ min: 91, max: 95, step: 1 });
    expect(valueDomain([10.2, 10.6])).toEqual({ min: 10, max: 10.8, step: 0.2 });
    expect(valueDomain([0, 400]).min).toBe(0);
    expect(valueDomain([5, 5])).toEqual({ min: 4.5, max: 5.5, step: 0.5 });
  });

  it('need two numeric points; draw the measured line and the planned line from baseline to targets', () => {
    expect(buildChart(chartPoints(item('sv', 'measure-medicine-robots')), 'sv', String)).toBeUndefined();
    const chart = buildChart(chartPoints(item('sv', 'measure-living-at-home')), 'sv', (v) => `${v} %`)!;
    expect(chart.markers.map((m) => [m.kind, m.label])).toEqual([['baseline', '92.1 %'], ['target', '93 %'], ['target', '94 %']]);
    expect(chart.measuredLine).toBe('');
    expect(chart.targetLine.split(' ')).toHaveLength(3);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['2024', '2025', '2026', '2027', '2028', '2029']);
    // The value axis starts at zero, so that 92 → 94 % is drawn as the small rise it is.
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(buildChart(chartPoints(item('sv', 'measure-living-at-home')), 'sv', String, undefined, null)!.yTicks[0]!.label).toBe('91');
    for (const marker of chart.markers) {
      expect(marker.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(marker.x).toBeLessThanOrEqual(chart.plot.right);
      expect(marker.y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(marker.y).toBeLessThanOrEqual(chart.plot.bottom);
    }
  });

  it('skip yes/no values', () => {
    expect(buildChart([{ kind: 'baseline', year: 2024, value: false }, { kind: 'target', year: 2026, value: true }], 'fi', String)).toBeUndefined();
  });
});

describe('tables', () => {
  it('make one council table of a section’s goals: goal | actions | measures | links to the strategy', () => {
    const [table, ...rest] = councilTables(views['fi']!, item('fi', 'section-older'));
    expect(rest).toEqual([]);
    expect(table!.caption).toBe('3 Ikääntyneet: Tavoitteet');
    expect([table!.rowHeader, ...table!.columns.map((c) => c.label), table!.linksHeader]).toEqual(['Tavoite', 'Toimenpiteet', 'Mittarit', 'Yhteys strategiaan']);
    const row = table!.rows[0]!;
    expect(row.ref).toEqual({ id: 'goal-older-home', title: 'Yhä useampi ikääntynyt asuu kotona', href: '/fi/goal-older-home/' });
    expect((row.cells[1] as LinkRef[]).map((r) => r.note)).toEqual(['Tavoite 2029: 94\u00a0%', 'Tavoite 2026: 400\u00a0kpl']);
    expect(row.links.map((g) => [g.label, g.refs.length])).toEqual([['Arvot', 2], ['Arvolupaukset', 1], ['Strategiset tavoitteet', 1]]);
    expect(councilTables(views['fi']!, item('fi', 'section-framing'))).toEqual([]);
  });

  it('make tables of a goal’s children from the fields they carry', () => {
    const goal = item('sv', 'goal-older-home');
    const actions = childTable(views['sv']!, goal.childGroups.find((g) => g.key === 'action')!)!;
    expect(actions.columns.map((c) => c.key)).toEqual(['years', 'responsible', 'status']);
    expect(actions.rows[0]!.cells).toEqual(['2026', 'Hemvården', 'Planerad']);
    const measures = childTable(views['sv']!, goal.childGroups.find((g) => g.key === 'measure')!)!;
    expect(measures.columns.map((c) => c.label)).toEqual(['Typ av mätare', 'Utgångsläge', 'Mål 2026', 'Mål 2029']);
    expect(measures.rows.map((r) => r.cells)).toEqual([
      ['Andel (%)', '2024: 92,1\u00a0%', '93\u00a0%', '94\u00a0%'],
      ['Antal', '', '400\u00a0st.', ''],
    ]);
    expect(childTable(views['sv']!, item('sv', 'section-framing').childGroups[0]!)).toBeUndefined();
  });

  it('number sections in link text and send links to the root item to the front page', () => {
    expect(linkRef(views['sv']!, 'section-older').title).toBe('3 Äldre');
    expect(itemLink(views['sv']!, 'mini-strategy')).toBe('/sv/');
  });
});

describe('routes', () => {
  it('give every item and the site’s own pages a path under each language', () => {
    const routes = slugRoutes(views);
    expect(routes.filter((r) => r.page === 'item')).toHaveLength(2 * views['sv']!.order.length);
    expect(specialHref('fi', 'accessibility')).toBe('/fi/saavutettavuusseloste/');
    expect(specialHref('sv', 'accessibility')).toBe('/sv/tillganglighetsutlatande/');
    expect(() => checkRoutes(views)).not.toThrow();
  });

  it('refuse an item whose id is one of the site’s own slugs', () => {
    const clash = structuredClone(views);
    const sv = clash['sv']!;
    sv.order.push('strategikarta');
    sv.items['strategikarta'] = { ...sv.items['value-trust']!, id: 'strategikarta' };
    expect(() => checkRoutes(clash)).toThrow(/\/sv\/strategikarta\/.*item "strategikarta"/);
  });
});

describe('the build driver and its inputs', () => {
  it('names the PDFs in one place', () => {
    const view = { lang: 'fi', root: { id: 'service-strategy-2025-2029' } };
    expect(pdfFileName(view)).toBe('service-strategy-2025-2029-fi.pdf');
    expect(pdfHref({ ...view, lang: 'sv' })).toBe('/pdf/service-strategy-2025-2029-sv.pdf');
  });

  it('reads STRATEGY_DIR and SCHEMA_DIR, with defaults beside the site', () => {
    expect(siteInput({})).toEqual({ strategyDir: `${repoRoot}/strategy`, schemaDir: `${repoRoot}/schema` });
    expect(siteInput({ STRATEGY_DIR: '/x/strategy', SCHEMA_DIR: '/x/schema' })).toEqual({ strategyDir: '/x/strategy', schemaDir: '/x/schema' });
  });

  it('refuses to empty a folder that holds the sources', () => {
    expect(() => checkOutDir(repoRoot)).toThrow(/Refusing/);
    expect(() => checkOutDir('/')).toThrow(/Refusing/);
    expect(() => checkOutDir(`${repoRoot}/site`)).toThrow(/Refusing/);
    expect(() => checkOutDir(`${repoRoot}/site/src/pages`)).toThrow(/Refusing/);
    expect(() => checkOutDir(`${repoRoot}/out/site`)).not.toThrow();
  });

  it('allows nothing inline and no other origin in the Content-Security-Policy', () => {
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });
});
