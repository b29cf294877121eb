/** The framing section: values, promises and strategic goals, which the goals link to. */
import { framingWords } from '../lexicon.ts';
import { paragraph } from './blocks.ts';
import type { Build } from './build.ts';
import { documentId } from './document.ts';
import { bodies, pad, sectionFields } from './twin.ts';

export interface Framing {
  /** The values a goal may link to: all but the last, which no goal serves (one unlinked-target warning). */
  linkableValues: string[];
  promises: string[];
  strategicGoals: string[];
}

export function addFraming(b: Build, total: number): Framing {
  b.add('framing/section', sectionFields('section-framing', documentId, 10, ['Så här bygger vi framtidens välfärdstjänster', 'Näin rakennamme tulevaisuuden hyvinvointipalvelut']), bodies([paragraph(b.rng, {})]));
  const framing = (kind: 'value' | 'promise' | 'strategic-goal', folder: string, words: readonly (readonly [string, string])[], count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [sv, fi] = words[i % words.length]!;
      const round = Math.floor(i / words.length);
      const id = `${kind}-${pad(i + 1, 3)}`;
      ids.push(id);
      b.add(`framing/${folder}/${pad(i + 1, 3)}`, [
        ['id', id],
        ['kind', kind],
        ['parent', 'section-framing'],
        ['order', i + 1],
        ['title', round === 0 ? [sv, fi] : [`${sv} (${round + 1})`, `${fi} (${round + 1})`]],
      ], i % 3 === 0 ? bodies([paragraph(b.rng, {})]) : ['', '']);
    }
    return ids;
  };
  const values = framing('value', 'values', framingWords.values, Math.max(3, Math.round(total / 1500)));
  const promises = framing('promise', 'promises', framingWords.promises, Math.max(6, Math.round(total / 400)));
  const strategicGoals = framing('strategic-goal', 'strategic-goals', framingWords.strategicGoals, Math.max(5, Math.round(total / 500)));
  const linkableValues = values.slice(0, -1);
  return { linkableValues, promises, strategicGoals };
}
