/** The facts of an item that schema/ shows (`x-show: [facts]`), formatted once by the view model. */
import type { Fact, ItemView } from '../../../src/view/types.ts';

export type { Fact };

export function factsOf(item: ItemView): Fact[] {
  return item.facts;
}
