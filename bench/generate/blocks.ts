/** The Markdown of generated bodies, in both languages at once: paragraphs, lists, GFM tables, chapters of them. */
import { headings, indicatorRows, int, listItems, paragraphs, pick, places, slots, tableHeaders, type Rng, type Slots } from '../lexicon.ts';
import { bodies } from './twin.ts';

export const both = (fn: (s: Slots) => [string, string], s: Slots): [string, string] => fn(s);

export function paragraph(rng: Rng, fixed: Partial<Slots>): [string, string] {
  return both(pick(rng, paragraphs), slots(rng, fixed));
}

export function list(rng: Rng, fixed: Partial<Slots>, ordered: boolean): [string, string] {
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

export function chapterBody(rng: Rng, parts: number): [string, string] {
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
