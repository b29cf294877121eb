import { readFileSync, writeFileSync } from 'node:fs';
import type { ViewModel } from '../../view/types.ts';

/**
 * View models handed from the build driver to the site's data module. Astro builds the site in a process of its own
 * (src/render/site/astro-build.mjs), so the driver writes the views it has checked to a file and names it in the
 * environment; site/src/data.ts reads them from there. Without this, a build would check and load the whole strategy
 * once in the driver and again inside Astro.
 */
/**
 * Set to '1' by the build driver while Astro builds with handed-over views: site/astro.config.mjs then leaves the
 * checker out of the site's bundle (site/src/load.ts becomes a stub), since data.ts will never need it.
 */
export const PREPARED_VIEWS_ENV = 'STRATEGY_SITE_PREPARED_VIEWS';
/** The file with the handed-over views: `{ key, views }` as JSON. */
export const VIEWS_FILE_ENV = 'STRATEGY_SITE_VIEWS_FILE';

interface Handed {
  key: string;
  views: Record<string, ViewModel>;
}

export function viewsKey(strategyDir: string, schemaDir: string): string {
  return `${strategyDir}\0${schemaDir}`;
}

export function writeViewsFile(file: string, key: string, views: Record<string, ViewModel>): void {
  writeFileSync(file, JSON.stringify({ key, views } satisfies Handed));
}

/**
 * The gate Astro's build process (astro-build.mjs) sets on globalThis under this name: a promise that resolves when
 * the driver has checked the strategy and written the views. That process starts building before the check ends.
 */
const VIEWS_HANDED = Symbol.for('strategy-site.views-handed');

/** Resolves once the views have been handed over, in Astro's build process; at once anywhere else (astro dev, tests). */
export async function viewsHanded(): Promise<void> {
  await (globalThis as Record<symbol, unknown>)[VIEWS_HANDED];
}

let read: { file: string; handed: Handed } | undefined;

/** The views handed over for this strategy and schema, read once per file; undefined when none were. */
export function preparedViews(key: string, env: Record<string, string | undefined> = process.env): Record<string, ViewModel> | undefined {
  const file = env[VIEWS_FILE_ENV];
  if (!file) return undefined;
  if (read?.file !== file) read = { file, handed: JSON.parse(readFileSync(file, 'utf8')) as Handed };
  return read.handed.key === key ? read.handed.views : undefined;
}
