/**
 * The one door through which the strategy enters the site: the view models the PDFs read too.
 * STRATEGY_DIR and SCHEMA_DIR (environment) name the folders; by default ../strategy and ../schema
 * beside this Astro project. Relative values are taken from the current directory.
 */
import { resolve } from 'node:path';
import { loadViewModels } from './load.ts';
import { preparedViews, viewsHanded, viewsKey } from '../../src/render/site/handoff.ts';
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

// Astro's build starts while the strategy is still being checked: no page reads the views before they are handed over.
await viewsHanded();

let cache: { key: string; views: Record<string, ViewModel>; loaded: number } | undefined;

/** Under `astro dev` the strategy is read again when the last read is older than this, so edits show up. */
const devLifetimeMs = 1500;
const isDev = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;

/** The view model of every language, loaded and checked once per build. Throws CheckFailedError on errors. */
export function getViews(): Record<string, ViewModel> {
  const input = siteInput();
  const key = viewsKey(input.strategyDir, input.schemaDir);
  const stale = isDev && cache !== undefined && Date.now() - cache.loaded > devLifetimeMs;
  if (cache?.key !== key || stale) {
    const views = preparedViews(key) ?? loadViewModels(input.strategyDir, { schemaDir: input.schemaDir }).views;
    checkRoutes(views);
    cache = { key, views, loaded: Date.now() };
  }
  return cache.views;
}

export function getView(lang: string): ViewModel {
  const view = getViews()[lang];
  if (!view) throw new Error(`No view model for language "${lang}"`);
  return view;
}

export function languages(): readonly string[] {
  const views = getViews();
  const first = Object.values(views)[0];
  return first ? first.languages : [];
}
