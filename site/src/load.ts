/**
 * How site/src/data.ts reads the strategy when no view models were handed over (`strategy dev`, `astro dev` or
 * `astro build` run on their own): the same checked view models as `strategy build` hands over.
 */
export { loadViewModels } from '../../src/view/load.ts';
