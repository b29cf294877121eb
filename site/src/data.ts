/**
 * The one door through which the strategy enters the site: the view models the PDFs read too.
 *
 * `strategy build` checks the strategy, writes the view models to a file and names it in STRATEGY_VIEWS_FILE before
 * it runs Astro's build: the pages read that file. Without it (`strategy dev`, or `astro dev` / `astro build` run
 * here), the strategy is loaded and checked here; STRATEGY_DIR and SCHEMA_DIR (environment) name the folders, by
 * default ../strategy and ../schema beside this Astro project. Relative values are taken from the current directory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ViewModel } from '../../src/view/types.ts';
import { checkRoutes } from './lib/routes.ts';

/** Set by astro.config.mjs (Vite define): the site/ folder. Undefined outside Astro's build. */
declare const __SITE_ROOT__: string | undefined;

export interface SiteInput {
  strategyDir: string;
  schemaDir: string;
}

export function siteInput(env: Record<string, string | undefined> = process.env): SiteInput {
  const siteRoot = typeof __SITE_ROOT__ === 'string' ? __SITE_ROOT__ : resolve('site');
  return {
    strategyDir: env['STRATEGY_DIR'] ? resolve(env['STRATEGY_DIR']) : resolve(siteRoot, '../strategy'),
    schemaDir: env['SCHEMA_DIR'] ? resolve(env['SCHEMA_DIR']) : resolve(siteRoot, '../schema'),
  };
}

let cache: { views: Record<string, ViewModel>; loaded: number } | undefined;

/** Under `astro dev` the strategy is read again when the last read is older than this, so edits show up. */
const devLifetimeMs = 1500;
const isDev = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;

/** The checker, loaded only when no views were handed over (a production build never runs it). */
const viewsFile = process.env['STRATEGY_VIEWS_FILE'];
const checker = viewsFile ? undefined : await import('./load.ts');

function readViews(): Record<string, ViewModel> {
  if (!checker) return JSON.parse(readFileSync(viewsFile!, 'utf8')) as Record<string, ViewModel>;
  const input = siteInput();
  return checker.loadViewModels(input.strategyDir, { schemaDir: input.schemaDir }).views;
}

/** The view model of every language, read once per build. Throws CheckFailedError when the strategy has errors. */
export function getViews(): Record<string, ViewModel> {
  const stale = isDev && cache !== undefined && Date.now() - cache.loaded > devLifetimeMs;
  if (cache === undefined || stale) {
    const views = readViews();
    checkRoutes(views);
    cache = { views, loaded: Date.now() };
  }
  return cache.views;
}

export function getView(lang: string): ViewModel {
  const view = getViews()[lang];
  if (!view) throw new Error(`No view model for language "${lang}"`);
  return view;
}

export function languages(): readonly string[] {
  const first = Object.values(getViews())[0];
  return first ? first.languages : [];
}
