import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cmsConfig } from '../../src/cms/config.ts';
import { cachedSchemaSet } from '../../src/load/schema-cache.ts';
import { loadStrategy } from '../../src/pipeline.ts';
import { reconcileCmsEdits } from '../../src/ci/cms-branch.ts';
import { fileHash } from '../../src/cross-language/file-view.ts';
import { chromiumArgs, chromiumPath, hasChromium } from '../site/helpers.ts';
import { tempStrategy } from '../workflow/helpers.ts';
import { repoTree, serveCms } from './decap.ts';

type Diff = { path: string; content: string; newFile: boolean };

describe.runIf(hasChromium)('the CMS (Decap CMS 3, test-repo backend, in Chromium)', () => {
  const strategy = tempStrategy();
  const schema = cachedSchemaSet(strategy.schema);
  const generated = cmsConfig(schema) as { collections: Record<string, unknown>[] };
  // Decap's test-repo backend takes every file of a media folder for an uploaded image, and a new item's media folder
  // is its collection's folder until it has a path: there, the Markdown files. So the in-page repository gets an
  // images folder of its own; the generated one (images/ beside each item) is tested below with check.
  const config = { ...generated, backend: { name: 'test-repo' }, collections: generated.collections.map((collection) => ({ ...collection, media_folder: '/strategy/images', public_folder: 'images' })) };
  const before = new Map(loadStrategy(strategy.dir, { schemaDir: strategy.schema }).graph.files.map((file) => [file.path, fileHash(file)]));
  let browser: Browser;
  let page: Page;
  let cms: Awaited<ReturnType<typeof serveCms>>;
  const problems: string[] = [];

  /** The input of the field labelled `label` in one language's pane (0: the primary language, Swedish; 1: Finnish). */
  const input = async (label: string, pane: 0 | 1) => {
    const id = await page.locator('label', { hasText: new RegExp(`^${label}$`) }).nth(pane).getAttribute('for');
    return page.locator(`[id="${id}"]`);
  };
  // The editorial workflow's pull requests: the test-repo backend keeps each entry's changed files, keyed on an array.
  const saved = () => page.evaluate(() => Object.fromEntries(Object.entries((window as unknown as { repoFilesUnpublished: Record<string, { diffs: Diff[] }> }).repoFilesUnpublished)));

  beforeAll(async () => {
    cms = await serveCms(config, { strategy: repoTree(strategy.dir) });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    // Leaving an editor asks whether to drop what was not saved: the editor says yes.
    page.on('dialog', (dialog) => void dialog.accept());
    page.setDefaultTimeout(10_000);
    await page.goto(cms.url);
    // The test-repo backend's login: the interface is in the primary language, Swedish.
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Samlingar').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await cms?.close();
    strategy.cleanup();
  });

  it('loads the generated configuration, with the Swedish interface', async () => {
    expect(await page.getByText(/Error loading the CMS configuration|Config Errors/).count()).toBe(0);
    await expect(page.getByRole('link', { name: /Mål \/ Tavoitteet/ }).count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('finds the goal in its nested folder and shows both languages side by side, labelled and hinted from the schema', async () => {
    await page.goto(`${cms.url}#/collections/goal`);
    await page.getByTestId('/services').click();
    await page.getByText('Allt fler äldre bor hemma').click();
    await page.locator('label', { hasText: /^Rubrik \/ Otsikko$/ }).first().waitFor();
    expect(await (await input('Rubrik / Otsikko', 0)).inputValue()).toBe('Allt fler äldre bor hemma');
    expect(await (await input('Rubrik / Otsikko', 1)).inputValue()).toBe('Yhä useampi ikääntynyt asuu kotona');
    expect(await (await input('Mapp / Kansio', 0)).inputValue()).toBe('services/home');
    await expect(page.getByText(/^Det objekt som detta ligger under\. \/ Kohde, jonka alle tämä kuuluu\.$/).count()).resolves.toBeGreaterThan(0);
    // A link field is a relation to the items it may name: the parent section, shown by its title.
    await expect(page.getByText('Äldre section-older').count()).resolves.toBeGreaterThan(0);
  });

  it('saves an edit of the title in both languages as the goal’s two files, where they were', async () => {
    await (await input('Rubrik / Otsikko', 0)).fill('Allt fler äldre bor tryggt hemma');
    await (await input('Rubrik / Otsikko', 1)).fill('Yhä useampi ikääntynyt asuu turvallisesti kotona');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForFunction(() => Object.keys((window as unknown as { repoFilesUnpublished: object }).repoFilesUnpublished).length > 0);
    const paths = Object.values(await saved()).flatMap((entry) => entry.diffs.map((diff) => diff.path));
    expect(paths.sort()).toEqual(['strategy/services/home/goal.fi.md', 'strategy/services/home/goal.sv.md']);
  });

  it('adds an action under the goal, in the goal’s folder', async () => {
    // Through the interface, as an editor goes: the repository lives in this page, so it is never reloaded.
    await page.getByText('Inlägg sparat').first().waitFor();
    await page.locator('a', { hasText: 'Redigerar i samlingen' }).click();
    await page.getByRole('link', { name: /^Åtgärder \/ Toimenpiteet/ }).click();
    await page.getByRole('link', { name: /Åtgärd \/ Toimenpide/ }).click();
    await page.locator('label', { hasText: /^Rubrik \/ Otsikko$/ }).first().waitFor();
    await (await input('Mapp / Kansio', 0)).fill('services/home');
    await (await input('Id / Tunniste', 0)).fill('action-older-home-visits');
    // The parent: a relation widget to the goals, searched by title (as published: the edit above is a draft).
    await (await input('Överordnad / Yläkohde', 0)).fill('bor hemma');
    await page.getByText('Allt fler äldre bor hemma goal-older-home', { exact: true }).click();
    await (await input('Ordning / Järjestys', 0)).fill('2');
    await (await input('Rubrik / Otsikko', 0)).fill('Hembesök till alla som fyllt 80 år');
    await (await input('Rubrik / Otsikko', 1)).fill('Kotikäynti kaikille 80 vuotta täyttäneille');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForFunction(() => Object.keys((window as unknown as { repoFilesUnpublished: object }).repoFilesUnpublished).length > 1);
    const paths = Object.values(await saved()).flatMap((entry) => entry.diffs.map((diff) => diff.path));
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^strategy\/services\/home\/[^/]+\.sv\.md$/), expect.stringMatching(/^strategy\/services\/home\/[^/]+\.fi\.md$/)]));
    expect(problems).toEqual([]);
  });

  it('saves an item’s images beside it, in images/, linked by a relative path that check accepts', () => {
    for (const collection of generated.collections) expect([collection['media_folder'], collection['public_folder']]).toEqual(['images', 'images']);
    mkdirSync(join(strategy.dir, 'services/home/images'), { recursive: true });
    writeFileSync(join(strategy.dir, 'services/home/images/visit.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const files = ['sv', 'fi'].map((lang) => join(strategy.dir, `services/home/measure.${lang}.md`));
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    files.forEach((file, index) => writeFileSync(file, `${texts[index]}\n![Hembesök](images/visit.png)\n`));
    const result = loadStrategy(strategy.dir, { schemaDir: strategy.schema });
    files.forEach((file, index) => writeFileSync(file, texts[index]!));
    expect(result.messages.filter((m) => m.ruleId === 'unsafe-link' || m.ruleId === 'stray-file')).toEqual([]);
    expect(JSON.stringify(result.graph.get('measure-living-at-home', 'sv')?.file.body)).toContain('"url":"images/visit.png"');
  });

  it('writes files that check reads as valid items, and the CMS branch’s workflow step stamps what was edited in both languages', async () => {
    const diffs = Object.values(await saved()).flatMap((entry) => entry.diffs);
    const changed = new Set<string>();
    for (const diff of diffs) {
      const path = diff.path.replace(/^strategy\//, '');
      mkdirSync(dirname(join(strategy.dir, path)), { recursive: true });
      writeFileSync(join(strategy.dir, path), diff.content);
      changed.add(path);
    }
    const edited = loadStrategy(strategy.dir, { schemaDir: strategy.schema });
    // Valid front-matter where check expects it: only the translation stamps are not yet what they should be.
    expect(edited.messages.filter((m) => m.fatal === true && !m.ruleId?.startsWith('translation-')).map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.reason}`)).toEqual([]);
    expect(edited.graph.get('action-older-home-visits', 'fi')?.parent).toBe('goal-older-home');
    expect(edited.graph.get('goal-older-home', 'fi')?.data?.['title']).toBe('Yhä useampi ikääntynyt asuu turvallisesti kotona');

    const result = reconcileCmsEdits(strategy.dir, changed, (file) => before.get(file.path), strategy.schema);
    expect(result.stamped.sort()).toEqual(['action-older-home-visits', 'goal-older-home']);
    const checked = loadStrategy(strategy.dir, { schemaDir: strategy.schema });
    expect(checked.messages.filter((m) => m.fatal === true).map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.reason}`)).toEqual([]);
  });
});
