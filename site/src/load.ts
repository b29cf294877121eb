/**
 * How site/src/data.ts reads the strategy when no view models were handed over (`astro dev`, `astro build` run
 * on its own). When src/render/site/build.ts drives the build it always hands the views over, and astro.config.mjs
 * swaps this module for one that only throws, so the checker is not bundled into the site (see PREPARED_VIEWS_ENV).
 */
export { loadViewModels } from '../../src/view/load.ts';
