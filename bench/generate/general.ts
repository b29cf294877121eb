/** The general part: chapters of free text with tables and lists. */
import { headings, int, pick, slots } from '../lexicon.ts';
import { chapterBody, paragraph } from './blocks.ts';
import type { Build } from './build.ts';
import { documentId } from './document.ts';
import { bodies, pad, sectionFields } from './twin.ts';

export function addGeneral(b: Build, total: number): void {
  b.add('general/section', sectionFields('section-general', documentId, 20, ['Allmän del', 'Yleinen osa']), bodies([paragraph(b.rng, {})]));
  const chapters = Math.max(5, Math.round(total * 0.02));
  for (let i = 0; i < chapters; i++) {
    const [hsv, hfi] = pick(b.rng, headings)(slots(b.rng));
    b.add(`general/chapters/${pad(i + 1, 3)}`, [
      ['id', `chapter-general-${pad(i + 1, 3)}`],
      ['kind', 'chapter'],
      ['parent', 'section-general'],
      ['order', i + 1],
      ['title', [hsv, hfi]],
    ], chapterBody(b.rng, int(b.rng, 2, 5)));
  }
}
