/**
 * A deterministic generator of synthetic bilingual strategies for the benchmarks: N files (N/2 items × sv, fi),
 * shaped like strategy/ (document → sections → goals → actions, measures, milestones; framing values, promises,
 * strategic goals that goals link to; chapters with GFM tables and lists), valid under schema/, with glossary
 * terms and numbers mirrored between twins, and every pair stamped with `twin-hash` the way `i18n stamp` does.
 *
 *   node bench/generate.ts --files 1000 [--seed 1] [--out bench/data/1000/strategy]
 *
 * Deliberate warnings, a handful per thousand items: a goal without a measure (expected-children), an unstamped
 * pair (translation-stamp-missing), a value nothing links to (unlinked-target).
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFile } from '../src/parse/parse-file.ts';
import { fileHash } from '../src/i18n/file-view.ts';
import {
  actionTitles,
  areas,
  framingWords,
  goalTitles,
  groups,
  headings,
  indicatorRows,
  int,
  listItems,
  measureTemplates,
  paragraphs,
  pick,
  places,
  responsibles,
  services,
  slots,
  tableHeaders,
  type Rng,
  type Slots,
} from './lexicon.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bumped whenever the generated content changes, so bench/run.ts regenerates bench/data/<N>. */
export const GENERATOR_VERSION = 2;

/** sfc32: a small, fast, seedable PRNG with good statistics; never Math.random. */
export function createRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 + seed * 7;
  let c = 0xb7e15162 ^ (seed << 3);
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

type Lang = 'sv' | 'fi';
type Scalar = string | number | boolean;
/** Front-matter values: scalars, lists of scalars, flow mappings, lists of flow mappings. */
type Value = Scalar | readonly Scalar[] | Readonly<Record<string, Scalar>> | readonly Readonly<Record<string, Scalar>>[];

interface Twin {
  /** Path without `.<lang>.md`. */
  stem: string;
  /** Front-matter in key order; translatable fields are [sv, fi] pairs. */
  fields: [string, Value | readonly [string, string]][];
  /** Field names whose values are per-language pairs. */
  translated: ReadonlySet<string>;
  body: [string, string];
  stamped: boolean;
}

function yamlScalar(value: Scalar): string {
  if (typeof value !== 'string') return String(value);
  return /^[\w][\w åäöÅÄÖ,.–()-]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~|\d[\d.]*)$/i.test(value) && !/[,.]$/.test(value)
    ? value
    : JSON.stringify(value);
}

function yamlValue(value: Value): string {
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === 'object') return '\n' + value.map((entry) => `  - ${yamlValue(entry as Value)}`).join('\n');
    return `[${(value as Scalar[]).map(yamlScalar).join(', ')}]`;
  }
  if (typeof value === 'object') return `{ ${Object.entries(value as Record<string, Scalar>).map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ')} }`;
  return yamlScalar(value as Scalar);
}

function render(twin: Twin, lang: Lang, stamp: string | undefined): string {
  const index = lang === 'sv' ? 0 : 1;
  const lines = twin.fields.map(([key, value]) => {
    const own = twin.translated.has(key) ? (value as readonly [string, string])[index] : (value as Value);
    return `${key}: ${yamlValue(own)}`;
  });
  if (stamp !== undefined) lines.push(`twin-hash: "${stamp}"`);
  const body = twin.body[index];
  return `---\n${lines.join('\n')}\n---\n${body === '' ? '' : `\n${body}\n`}`;
}

const both = (fn: (s: Slots) => [string, string], s: Slots): [string, string] => fn(s);

/** Joins generated [sv, fi] blocks into two bodies, blocks separated by blank lines. */
function bodies(blocks: [string, string][]): [string, string] {
  return [blocks.map((b) => b[0]).join('\n\n'), blocks.map((b) => b[1]).join('\n\n')];
}

function paragraph(rng: Rng, fixed: Partial<Slots>): [string, string] {
  return both(pick(rng, paragraphs), slots(rng, fixed));
}

function list(rng: Rng, fixed: Partial<Slots>, ordered: boolean): [string, string] {
  const count = int(rng, 3, 5);
  const items = Array.from({ length: count }, () => both(pick(rng, listItems), slots(rng, fixed)));
  const marker = (i: number) => (ordered ? `${i + 1}.` : '-');
  return [items.map((it, i) => `${marker(i)} ${it[0]}`).join('\n'), items.map((it, i) => `${marker(i)} ${it[1]}`).join('\n')];
}

function table(rng: Rng): [string, string] {
  const s = slots(rng);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  if (rng() < 0.5) {
    const [hsv, hfi] = tableHeaders.places(s.f);
    const rows = Array.from({ length: int(rng, 4, 8) }, (_, i) => {
      const place = places[(i + int(rng, 0, 2)) % places.length]!;
      const a = int(rng, 100, 9000);
      const b = int(rng, 100, 9000);
      const change = `${int(rng, 0, 40)},${int(rng, 0, 9)}`;
      return [place, String(a), String(b), change] as const;
    });
    const align = '|---|---:|---:|---:|';
    return [
      [row(hsv), align, ...rows.map(([p, a, b, c]) => row([p.sv, a, b, c]))].join('\n'),
      [row(hfi), align, ...rows.map(([p, a, b, c]) => row([p.fi, a, b, c]))].join('\n'),
    ];
  }
  const [hsv, hfi] = tableHeaders.indicators(s.f);
  const start = int(rng, 0, indicatorRows.length - 1);
  const rows = Array.from({ length: int(rng, 3, 6) }, (_, i) => [indicatorRows[(start + i) % indicatorRows.length]!, `${int(rng, 10, 120)},${int(rng, 0, 9)}`, `${int(rng, 10, 120)},${int(rng, 0, 9)}`] as const);
  const align = '|---|---:|---:|';
  return [
    [row(hsv), align, ...rows.map(([label, a, b]) => row([label[0], a, b]))].join('\n'),
    [row(hfi), align, ...rows.map(([label, a, b]) => row([label[1], a, b]))].join('\n'),
  ];
}

function chapterBody(rng: Rng, parts: number): [string, string] {
  const blocks: [string, string][] = [paragraph(rng, {})];
  for (let i = 0; i < parts; i++) {
    blocks.push(headings[int(rng, 0, headings.length - 1)]!(slots(rng)).map((h) => `## ${h}`) as [string, string]);
    for (let p = int(rng, 1, 2); p > 0; p--) blocks.push(paragraph(rng, {}));
    const r = rng();
    if (r < 0.45) blocks.push(table(rng));
    else if (r < 0.85) blocks.push(list(rng, {}, rng() < 0.3));
  }
  return bodies(blocks);
}

export interface GenerateOptions {
  /** Number of files: twice the number of items. */
  files: number;
  seed?: number;
}

export interface Generated {
  files: number;
  items: number;
  kinds: Record<string, number>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Builds the twins of a strategy with `options.files / 2` items, in memory. */
export function buildTwins(options: GenerateOptions): Twin[] {
  const total = Math.floor(options.files / 2);
  if (total < 40) throw new Error('at least 80 files');
  const rng = createRng(options.seed ?? 1);
  const twins: Twin[] = [];
  let stampCounter = 0;
  const add = (stem: string, fields: Twin['fields'], body: [string, string] = ['', ''], translated: string[] = ['title']) => {
    // Every 400th pair is left unstamped: a few translation-stamp-missing warnings, as in a real strategy.
    const stamped = ++stampCounter % 400 !== 0;
    twins.push({ stem, fields, translated: new Set(translated), body, stamped });
  };

  const documentId = 'service-strategy-bench';
  add(
    'document',
    [
      ['id', documentId],
      ['kind', 'document'],
      ['title', ['Servicestrategi för Österbottens välfärdsområde 2025–2029', 'Pohjanmaan hyvinvointialueen palvelustrategia 2025–2029']],
      ['subtitle', ['Välmående genom livet', 'Hyvinvointia läpi elämän']],
      ['organisation', ['Österbottens välfärdsområde', 'Pohjanmaan hyvinvointialue']],
      ['period', { start: 2025, end: 2029 }],
      ['approving-body', ['Välfärdsområdesfullmäktige', 'Aluevaltuusto']],
      ['meeting', { date: '2025-06-16', section: 54 }],
      ['status', 'proposal'],
      ['version', '1.0'],
      ['legal-basis', ['612/2021 11 §']],
    ],
    bodies([paragraph(rng, {}), paragraph(rng, {}), list(rng, {}, true)]),
    ['title', 'subtitle', 'organisation', 'approving-body'],
  );

  // Framing: values, promises and strategic goals that goals link to.
  add('framing/section', [
    ['id', 'section-framing'],
    ['kind', 'section'],
    ['parent', documentId],
    ['order', 10],
    ['title', ['Så här bygger vi framtidens välfärdstjänster', 'Näin rakennamme tulevaisuuden hyvinvointipalvelut']],
  ], bodies([paragraph(rng, {})]));
  const framing = (kind: 'value' | 'promise' | 'strategic-goal', folder: string, words: readonly (readonly [string, string])[], count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [sv, fi] = words[i % words.length]!;
      const round = Math.floor(i / words.length);
      const id = `${kind}-${pad(i + 1, 3)}`;
      ids.push(id);
      add(`framing/${folder}/${pad(i + 1, 3)}`, [
        ['id', id],
        ['kind', kind],
        ['parent', 'section-framing'],
        ['order', i + 1],
        ['title', round === 0 ? [sv, fi] : [`${sv} (${round + 1})`, `${fi} (${round + 1})`]],
      ], i % 3 === 0 ? bodies([paragraph(rng, {})]) : ['', '']);
    }
    return ids;
  };
  const values = framing('value', 'values', framingWords.values, Math.max(3, Math.round(total / 1500)));
  const promises = framing('promise', 'promises', framingWords.promises, Math.max(6, Math.round(total / 400)));
  const strategicGoals = framing('strategic-goal', 'strategic-goals', framingWords.strategicGoals, Math.max(5, Math.round(total / 500)));
  // The last value is served by no goal: one unlinked-target warning per strategy.
  const linkableValues = values.slice(0, -1);

  // The general part: chapters of free text with tables and lists.
  add('general/section', [
    ['id', 'section-general'],
    ['kind', 'section'],
    ['parent', documentId],
    ['order', 20],
    ['title', ['Allmän del', 'Yleinen osa']],
  ], bodies([paragraph(rng, {})]));
  const chapters = Math.max(5, Math.round(total * 0.02));
  for (let i = 0; i < chapters; i++) {
    const [hsv, hfi] = pick(rng, headings)(slots(rng));
    add(`general/chapters/${pad(i + 1, 3)}`, [
      ['id', `chapter-general-${pad(i + 1, 3)}`],
      ['kind', 'chapter'],
      ['parent', 'section-general'],
      ['order', i + 1],
      ['title', [hsv, hfi]],
    ], chapterBody(rng, int(rng, 2, 5)));
  }

  // Services: areas → target groups → goals → actions, measures, milestones.
  let remaining = total - twins.length;
  let goalCount = 0;
  let lastGoal: { id: string; stem: string; actions: number } | undefined;
  const addAction = (goal: { id: string; stem: string; actions: number }, s: Slots) => {
    const k = ++goal.actions;
    const [rsv, rfi] = pick(rng, responsibles);
    const y = int(rng, 2025, 2028);
    add(`${goal.stem}/actions/${pad(k)}`, [
      ['id', `action-${goal.id.slice(5)}-${pad(k)}`],
      ['kind', 'action'],
      ['parent', goal.id],
      ['order', k],
      ['title', both(pick(rng, actionTitles), slots(rng, { svc: s.svc, grp: s.grp }))],
      ['years', rng() < 0.5 ? [y] : [y, y + 1]],
      ['status', pick(rng, ['planned', 'ongoing', 'ongoing', 'done', 'delayed'])],
      ['responsible', [rsv, rfi]],
    ], rng() < 0.5 ? bodies([paragraph(rng, { svc: s.svc, grp: s.grp })]) : ['', ''], ['title', 'responsible']);
    remaining--;
  };
  for (let a = 0; remaining > 0; a++) {
    const area = areas[a % areas.length]!;
    const round = Math.floor(a / areas.length);
    const areaSlug = `${pad(a + 1)}-${area.slug}`;
    const areaId = `section-${pad(a + 1)}-${area.slug}`;
    add(`sections/${areaSlug}/section`, [
      ['id', areaId],
      ['kind', 'section'],
      ['parent', documentId],
      ['order', 30 + a],
      ['title', round === 0 ? [area.sv, area.fi] : [`${area.sv} ${round + 1}`, `${area.fi} ${round + 1}`]],
    ], bodies([paragraph(rng, {}), paragraph(rng, {})]));
    remaining--;
    const groupCount = int(rng, 4, 6);
    for (let g = 0; g < groupCount && remaining > 0; g++) {
      const grp = groups[(a + g) % groups.length]!;
      const groupSlug = `${pad(g + 1)}-${grp.slug}`;
      const groupId = `section-${pad(a + 1)}-${pad(g + 1)}-${grp.slug}`;
      const groupStem = `sections/${areaSlug}/${groupSlug}`;
      add(`${groupStem}/section`, [
        ['id', groupId],
        ['kind', 'section'],
        ['parent', areaId],
        ['order', g + 1],
        ['title', [`Mål för ${grp.sv}`, `Tavoitteet: ${grp.fi}`]],
        ['target-group', [grp.svTarget, grp.fiTarget]],
      ], bodies([paragraph(rng, { grp })]), ['title', 'target-group']);
      remaining--;
      if (remaining > 0 && rng() < 0.5) {
        add(`${groupStem}/chapters/01-background`, [
          ['id', `chapter-${pad(a + 1)}-${pad(g + 1)}-background`],
          ['kind', 'chapter'],
          ['parent', groupId],
          ['order', 0],
          ['title', [`Bakgrund: ${grp.sv}`, `Tausta: ${grp.fi}`]],
        ], chapterBody(rng, int(rng, 1, 3)));
        remaining--;
      }
      const goals = int(rng, 3, 6);
      for (let k = 0; k < goals && remaining > 0; k++) {
        const s = slots(rng, { grp });
        const goalId = `goal-${pad(a + 1)}-${pad(g + 1)}-${pad(k + 1)}-${s.svc.slug}`;
        const goalStem = `${groupStem}/${pad(k + 1)}-${s.svc.slug}`;
        goalCount++;
        const links: Twin['fields'] = [];
        if (rng() < 0.6) links.push(['values', [pick(rng, linkableValues)]]);
        links.push(['promises', [...new Set([pick(rng, promises), pick(rng, promises)])]]);
        links.push(['strategic-goals', [pick(rng, strategicGoals)]]);
        add(`${goalStem}/goal`, [
          ['id', goalId],
          ['kind', 'goal'],
          ['parent', groupId],
          ['order', k + 1],
          ['title', both(pick(rng, goalTitles), s)],
          ...links,
        ], bodies(Array.from({ length: int(rng, 1, 2) }, () => paragraph(rng, { svc: s.svc, grp }))));
        remaining--;
        const goal = { id: goalId, stem: goalStem, actions: 0 };
        lastGoal = goal;
        for (let i = int(rng, 2, 5); i > 0 && remaining > 0; i--) addAction(goal, s);
        // Every 150th goal has no measure: an expected-children warning.
        const measures = goalCount % 150 === 0 ? 0 : int(rng, 2, 5);
        for (let m = 1; m <= measures && remaining > 0; m++) {
          const template = pick(rng, measureTemplates);
          const ms = slots(rng, { svc: s.svc, grp });
          const baseYear = int(rng, 2022, 2024);
          const fields: Twin['fields'] = [
            ['id', `measure-${goalId.slice(5)}-${pad(m)}`],
            ['kind', 'measure'],
            ['parent', goalId],
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
            fields.push(['targets', [{ year: int(rng, 2025, 2028), value: true }]]);
          } else {
            const base = template.type === 'percent' ? int(rng, 20, 80) : template.type === 'days' ? int(rng, 10, 120) : int(rng, 50, 40000);
            const better = (n: number) => (template.type === 'days' || template.type === 'euro' ? Math.max(1, Math.round(n * 0.8)) : template.type === 'percent' ? Math.min(99, n + 10) : Math.round(n * 1.2));
            const t1 = better(base);
            const t2 = better(t1);
            fields.push(['baseline', { year: baseYear, value: base }]);
            fields.push(['targets', [{ year: 2027, value: t1 }, { year: 2029, value: t2 }]]);
            if (rng() < 0.5) fields.push(['actuals', [{ year: baseYear + 1, value: better(base) }]]);
            const [usv, ufi] = template.unit ?? ['', ''];
            body = [
              `Utgångsvärdet år ${baseYear} var ${base} ${usv}. Målet är ${t1} ${usv} år 2027 och ${t2} ${usv} år 2029.`,
              `Lähtötaso vuonna ${baseYear} oli ${base} ${ufi}. Tavoite on ${t1} ${ufi} vuonna 2027 ja ${t2} ${ufi} vuonna 2029.`,
            ];
          }
          const source = pick(rng, [
            { type: 'sotkanet', indicator: int(rng, 100, 5000) },
            { type: 'register', name: 'HaiPro' },
            { type: 'survey' },
            { type: 'internal' },
          ] as const);
          fields.push(['source', source]);
          add(`${goalStem}/measures/${pad(m)}`, fields, body, translated);
          remaining--;
        }
        if (remaining > 0 && rng() < 0.15) {
          const year = int(rng, 2025, 2029);
          add(`${goalStem}/milestones/${year}`, [
            ['id', `milestone-${goalId.slice(5)}-${year}`],
            ['kind', 'milestone'],
            ['parent', goalId],
            ['order', 100],
            ['title', both(pick(rng, actionTitles), slots(rng, { svc: s.svc, grp }))],
            ['year', year],
          ]);
          remaining--;
        }
      }
    }
  }
  // Generation stops on the exact count; a goal cut short gets more actions only if it has none.
  if (lastGoal && lastGoal.actions === 0 && remaining > 0) addAction(lastGoal, slots(rng));
  return twins;
}

/** Writes the strategy (and its glossary) into `dir`, which is emptied first. */
export function generateStrategy(dir: string, options: GenerateOptions): Generated {
  const twins = buildTwins(options);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(repoRoot, 'bench', 'glossary.yaml'), join(dir, 'glossary.yaml'));
  const kinds: Record<string, number> = {};
  for (const twin of twins) {
    const kind = twin.fields.find(([key]) => key === 'kind')![1] as string;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const unstamped = { sv: render(twin, 'sv', undefined), fi: render(twin, 'fi', undefined) };
    // The stamp is the hash `strategy i18n stamp` writes: fileHash of the twin, which leaves `twin-hash` out.
    const hash = (lang: Lang) => fileHash(parseFile({ path: `${twin.stem}.${lang}.md`, lang, stem: twin.stem }, Buffer.from(unstamped[lang])));
    const stamps = twin.stamped ? { sv: hash('fi'), fi: hash('sv') } : undefined;
    for (const lang of ['sv', 'fi'] as const) {
      const path = join(dir, `${twin.stem}.${lang}.md`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, stamps ? render(twin, lang, stamps[lang]) : unstamped[lang]);
    }
  }
  return { files: twins.length * 2, items: twins.length, kinds };
}

/** bench/data/<N>/strategy */
export function dataDir(files: number): string {
  return join(repoRoot, 'bench', 'data', String(files), 'strategy');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const files = Number(values.files);
  const out = resolve(values.out ?? dataDir(files));
  const started = performance.now();
  const result = generateStrategy(out, { files, seed: Number(values.seed) });
  process.stdout.write(`${result.files} files (${JSON.stringify(result.kinds)}) in ${out}, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
