/**
 * The services, level by level: areas → target groups → goals → actions, measures and milestones, until the build has
 * its count. The order of the random draws is the corpus: reordering them makes another strategy.
 */
import { actionTitles, areas, goalTitles, groups, int, measureTemplates, pick, responsibles, slots, type Group, type Slots } from '../lexicon.ts';
import { both, chapterBody, paragraph } from './blocks.ts';
import type { Build } from './build.ts';
import { documentId } from './document.ts';
import type { Framing } from './framing.ts';
import { bodies, pad, sectionFields, type Fields } from './twin.ts';

interface Goal {
  id: string;
  stem: string;
  actions: number;
}

/** Where a goal sits: its group's section, stem and number within its area and group. */
interface GroupPlace {
  id: string;
  stem: string;
  grp: Group;
  /** `01-01`: the area's and the group's numbers. */
  numbers: string;
}

function addAction(b: Build, goal: Goal, s: Slots): void {
  const k = ++goal.actions;
  const [rsv, rfi] = pick(b.rng, responsibles);
  const y = int(b.rng, 2025, 2028);
  b.add(`${goal.stem}/actions/${pad(k)}`, [
    ['id', `action-${goal.id.slice(5)}-${pad(k)}`],
    ['kind', 'action'],
    ['parent', goal.id],
    ['order', k],
    ['title', both(pick(b.rng, actionTitles), slots(b.rng, { svc: s.svc, grp: s.grp }))],
    ['years', b.rng() < 0.5 ? [y] : [y, y + 1]],
    ['status', pick(b.rng, ['planned', 'ongoing', 'ongoing', 'done', 'delayed'])],
    ['responsible', [rsv, rfi]],
  ], b.rng() < 0.5 ? bodies([paragraph(b.rng, { svc: s.svc, grp: s.grp })]) : ['', ''], ['title', 'responsible']);
}

/** A measure with a baseline, targets and sometimes an actual (a yes/no measure only a target), and its text. */
function addMeasure(b: Build, goal: Goal, m: number, s: Slots, grp: Group): void {
  const template = pick(b.rng, measureTemplates);
  const ms = slots(b.rng, { svc: s.svc, grp });
  const baseYear = int(b.rng, 2022, 2024);
  const fields: Fields = [
    ['id', `measure-${goal.id.slice(5)}-${pad(m)}`],
    ['kind', 'measure'],
    ['parent', goal.id],
    ['order', m],
    ['title', both(template.title, ms)],
    ['type', template.type],
  ];
  const translated = ['title'];
  if (template.unit) {
    fields.push(['unit', template.unit]);
    translated.push('unit');
  }
  fields.push(['direction', template.type === 'days' || template.type === 'euro' ? 'decrease' : 'increase']);
  let body: [string, string] = ['', ''];
  if (template.type === 'yes-no') {
    fields.push(['targets', [{ year: int(b.rng, 2025, 2028), value: true }]]);
  } else {
    const base = template.type === 'percent' ? int(b.rng, 20, 80) : template.type === 'days' ? int(b.rng, 10, 120) : int(b.rng, 50, 40000);
    const better = (n: number) => (template.type === 'days' || template.type === 'euro' ? Math.max(1, Math.round(n * 0.8)) : template.type === 'percent' ? Math.min(99, n + 10) : Math.round(n * 1.2));
    const t1 = better(base);
    const t2 = better(t1);
    fields.push(['baseline', { year: baseYear, value: base }]);
    fields.push(['targets', [{ year: 2027, value: t1 }, { year: 2029, value: t2 }]]);
    if (b.rng() < 0.5) fields.push(['actuals', [{ year: baseYear + 1, value: better(base) }]]);
    const [usv, ufi] = template.unit ?? ['', ''];
    body = [
      `Utgångsvärdet år ${baseYear} var ${base} ${usv}. Målet är ${t1} ${usv} år 2027 och ${t2} ${usv} år 2029.`,
      `Lähtötaso vuonna ${baseYear} oli ${base} ${ufi}. Tavoite on ${t1} ${ufi} vuonna 2027 ja ${t2} ${ufi} vuonna 2029.`,
    ];
  }
  const source = pick(b.rng, [
    { type: 'sotkanet', indicator: int(b.rng, 100, 5000) },
    { type: 'register', name: 'HaiPro' },
    { type: 'survey' },
    { type: 'internal' },
  ] as const);
  fields.push(['source', source]);
  b.add(`${goal.stem}/measures/${pad(m)}`, fields, body, translated);
}

function addMilestone(b: Build, goal: Goal, s: Slots, grp: Group): void {
  const year = int(b.rng, 2025, 2029);
  b.add(`${goal.stem}/milestones/${year}`, [
    ['id', `milestone-${goal.id.slice(5)}-${year}`],
    ['kind', 'milestone'],
    ['parent', goal.id],
    ['order', 100],
    ['title', both(pick(b.rng, actionTitles), slots(b.rng, { svc: s.svc, grp }))],
    ['year', year],
  ]);
}

/** A goal with its links into the framing, then its actions, measures (none for every 150th goal: an expected-children warning) and perhaps a milestone. */
function addGoal(b: Build, group: GroupPlace, k: number, framing: Framing, goalNumber: number): Goal {
  const { grp } = group;
  const s = slots(b.rng, { grp });
  const goalId = `goal-${group.numbers}-${pad(k + 1)}-${s.svc.slug}`;
  const goalStem = `${group.stem}/${pad(k + 1)}-${s.svc.slug}`;
  const links: Fields = [];
  if (b.rng() < 0.6) links.push(['values', [pick(b.rng, framing.linkableValues)]]);
  links.push(['promises', [...new Set([pick(b.rng, framing.promises), pick(b.rng, framing.promises)])]]);
  links.push(['strategic-goals', [pick(b.rng, framing.strategicGoals)]]);
  b.add(`${goalStem}/goal`, [
    ['id', goalId],
    ['kind', 'goal'],
    ['parent', group.id],
    ['order', k + 1],
    ['title', both(pick(b.rng, goalTitles), s)],
    ...links,
  ], bodies(Array.from({ length: int(b.rng, 1, 2) }, () => paragraph(b.rng, { svc: s.svc, grp }))));
  const goal = { id: goalId, stem: goalStem, actions: 0 };
  for (let i = int(b.rng, 2, 5); i > 0 && b.left() > 0; i--) addAction(b, goal, s);
  const measures = goalNumber % 150 === 0 ? 0 : int(b.rng, 2, 5);
  for (let m = 1; m <= measures && b.left() > 0; m++) addMeasure(b, goal, m, s, grp);
  if (b.left() > 0 && b.rng() < 0.15) addMilestone(b, goal, s, grp);
  return goal;
}

/** A target group's section, sometimes a background chapter, and its goals. */
function addGroup(b: Build, area: { id: string; slug: string; a: number }, g: number, framing: Framing, goals: Goal[]): void {
  const grp = groups[(area.a + g) % groups.length]!;
  const group: GroupPlace = { id: `section-${pad(area.a + 1)}-${pad(g + 1)}-${grp.slug}`, stem: `sections/${area.slug}/${pad(g + 1)}-${grp.slug}`, grp, numbers: `${pad(area.a + 1)}-${pad(g + 1)}` };
  b.add(`${group.stem}/section`, [...sectionFields(group.id, area.id, g + 1, [`Mål för ${grp.sv}`, `Tavoitteet: ${grp.fi}`]), ['target-group', [grp.svTarget, grp.fiTarget]]], bodies([paragraph(b.rng, { grp })]), ['title', 'target-group']);
  if (b.left() > 0 && b.rng() < 0.5) {
    b.add(`${group.stem}/chapters/01-background`, [
      ['id', `chapter-${group.numbers}-background`],
      ['kind', 'chapter'],
      ['parent', group.id],
      ['order', 0],
      ['title', [`Bakgrund: ${grp.sv}`, `Tausta: ${grp.fi}`]],
    ], chapterBody(b.rng, int(b.rng, 1, 3)));
  }
  const count = int(b.rng, 3, 6);
  for (let k = 0; k < count && b.left() > 0; k++) goals.push(addGoal(b, group, k, framing, goals.length + 1));
}

/** A service area's section and its target groups. */
function addArea(b: Build, a: number, framing: Framing, goals: Goal[]): void {
  const area = areas[a % areas.length]!;
  const round = Math.floor(a / areas.length);
  const slug = `${pad(a + 1)}-${area.slug}`;
  const id = `section-${pad(a + 1)}-${area.slug}`;
  const title: [string, string] = round === 0 ? [area.sv, area.fi] : [`${area.sv} ${round + 1}`, `${area.fi} ${round + 1}`];
  b.add(`sections/${slug}/section`, sectionFields(id, documentId, 30 + a, title), bodies([paragraph(b.rng, {}), paragraph(b.rng, {})]));
  const groupCount = int(b.rng, 4, 6);
  for (let g = 0; g < groupCount && b.left() > 0; g++) addGroup(b, { id, slug, a }, g, framing, goals);
}

export function addServices(b: Build, framing: Framing): void {
  const goals: Goal[] = [];
  for (let a = 0; b.left() > 0; a++) addArea(b, a, framing, goals);
  // Generation stops on the exact count; a goal cut short gets more actions only if it has none.
  const last = goals.at(-1);
  if (last && last.actions === 0 && b.left() > 0) addAction(b, last, slots(b.rng));
}
