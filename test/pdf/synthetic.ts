import type { Root } from 'mdast';
import type { ItemView, ViewModel } from '../../src/view/types.ts';

const paragraph = (words: number, seed: number): Root['children'][number] => ({
  type: 'paragraph',
  children: [
    { type: 'text', value: Array.from({ length: words }, (_, i) => ['vård', 'service', 'välfärd', 'äldre', 'tjänster', 'samarbete', 'invånare', 'ekonomi'][(i + seed) % 8]).join(' ') + '. ' },
    { type: 'strong', children: [{ type: 'text', value: 'Viktigt' }] },
    { type: 'text', value: ' att följa upp.' },
  ],
});

/**
 * A large view model made from a small one (for the performance test): `sections` numbered sections, each with a
 * long chapter and `goalsPerSection` goals with actions and measures, all linking to the small one's link targets.
 */
export function syntheticView(base: ViewModel, sections: number, goalsPerSection: number): ViewModel {
  const items: Record<string, ItemView> = { ...base.items };
  const template = Object.values(base.items);
  const goalTemplate = template.find((item) => item.councilRow)!;
  const sectionTemplate = items[goalTemplate.parent!]!;
  const chapterTemplate = template.find((item) => item.kind === 'chapter')!;
  const actionTemplate = items[goalTemplate.childGroups[0]!.ids[0]!]!;
  const measureTemplate = items[goalTemplate.childGroups[1]!.ids[0]!]!;
  const root: ItemView = { ...base.root, children: [...base.root.children] };
  items[root.id] = root;
  const order = [...base.order];
  for (let s = 0; s < sections; s++) {
    const sectionId = `synthetic-section-${s}`;
    const chapterId = `synthetic-chapter-${s}`;
    const number = String(base.root.children.length + s + 1);
    const goals: string[] = [];
    items[chapterId] = {
      ...chapterTemplate,
      id: chapterId,
      parent: sectionId,
      number: `${number}.1`,
      title: `Bakgrund ${s}`,
      body: { type: 'root', children: Array.from({ length: 14 }, (_, i) => paragraph(60, i + s)) },
      children: [],
      childGroups: [],
    };
    for (let g = 0; g < goalsPerSection; g++) {
      const goalId = `synthetic-goal-${s}-${g}`;
      const actions = Array.from({ length: 4 }, (_, a) => `${goalId}-action-${a}`);
      const measures = Array.from({ length: 3 }, (_, m) => `${goalId}-measure-${m}`);
      for (const id of actions) items[id] = { ...actionTemplate, id, parent: goalId, title: `Åtgärd ${id} som beskrivs med några ord till` };
      for (const id of measures) items[id] = { ...measureTemplate, id, parent: goalId, title: `Mätare ${id}` };
      items[goalId] = {
        ...goalTemplate,
        id: goalId,
        parent: sectionId,
        ancestors: [root.id, sectionId],
        title: `Mål ${s}.${g}: allt fler invånare får service i tid och på sitt eget språk`,
        children: [...actions, ...measures],
        childGroups: [
          { ...goalTemplate.childGroups[0]!, ids: actions },
          { ...goalTemplate.childGroups[1]!, ids: measures },
        ],
      };
      goals.push(goalId);
    }
    items[sectionId] = { ...sectionTemplate, id: sectionId, number, title: `Avsnitt ${number}`, children: [chapterId, ...goals], childGroups: [] };
    root.children.push(sectionId);
    order.push(sectionId, chapterId, ...goals.flatMap((id) => [id, ...items[id]!.children]));
  }
  return { ...base, root, items, order };
}
