import type { ViewModel } from '../../view/types.ts';

/**
 * View models handed from the build driver to the site's data module. Astro bundles site/src/data.ts on its own,
 * so the two do not share module state; they share the process. Without this, a build would check and load the
 * whole strategy once in the driver and again inside Astro.
 */
/**
 * Set to '1' by the build driver while Astro builds with handed-over views: site/astro.config.mjs then leaves the
 * checker out of the site's bundle (site/src/load.ts becomes a stub), since data.ts will never need it.
 */
export const PREPARED_VIEWS_ENV = 'STRATEGY_SITE_PREPARED_VIEWS';

const slot = Symbol.for('strategy-as-code.prepared-views');
type Holder = { [slot]?: { key: string; views: Record<string, ViewModel> } };

export function viewsKey(strategyDir: string, schemaDir: string): string {
  return `${strategyDir}\0${schemaDir}`;
}

export function handOverViews(key: string, views: Record<string, ViewModel> | undefined): void {
  if (views) (globalThis as Holder)[slot] = { key, views };
  else delete (globalThis as Holder)[slot];
}

export function preparedViews(key: string): Record<string, ViewModel> | undefined {
  const held = (globalThis as Holder)[slot];
  return held?.key === key ? held.views : undefined;
}
