/** A unified diff of two texts, line by line, for previews. Files here are small; the middle part that differs is compared with an LCS table. */
import { t } from '../messages/index.ts';

export type Op = { kind: ' ' | '-' | '+'; line: string };

function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/**
 * Two sequences aligned by their longest common subsequence: each element kept (' '), removed ('-') or added ('+'),
 * in order. Lines of a file here; words and blocks for `strategy diff` (src/changes/).
 */
export function operations(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  if (midA.length * midB.length > 4_000_000) {
    // Too large to align line by line: show the middle as replaced.
    ops.push(...midA.map((line) => ({ kind: '-' as const, line })), ...midB.map((line) => ({ kind: '+' as const, line })));
  } else {
    const table = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1));
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        table[i]![j] = midA[i] === midB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length || j < midB.length) {
      if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i]! });
        i++;
        j++;
      } else if (i < midA.length && (j === midB.length || table[i + 1]![j]! >= table[i]![j + 1]!)) {
        ops.push({ kind: '-', line: midA[i]! });
        i++;
      } else {
        ops.push({ kind: '+', line: midB[j]! });
        j++;
      }
    }
  }
  ops.push(...a.slice(endA).map((line) => ({ kind: ' ' as const, line })));
  return ops;
}

/** Makes invisible differences visible: trailing blanks as `·`, tabs as `→`. */
function visible(line: string): string {
  return line.replace(/[ \t]+$/, (blanks) => blanks.replace(/ /g, '·').replace(/\t/g, '→'));
}

/** `--- a/path`, `+++ b/path` and `@@` hunks with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, path: string, context = 2): string {
  if (before === after) return '';
  const ops = operations(lines(before), lines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) {
    // Only the final newline differs.
    return `--- a/${path}\n+++ b/${path}\n\\ ${t(after.endsWith('\n') ? 'fix.note.newline' : 'fix.diff.newline-removed')}\n`;
  }
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const from = Math.max(0, index - context);
    const to = Math.min(ops.length, index + context + 1);
    const last = hunks.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  let out = `--- a/${path}\n+++ b/${path}\n`;
  for (const [from, to] of hunks) {
    let lineA = 1;
    let lineB = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') lineA++;
      if (op.kind !== '-') lineB++;
    }
    const slice = ops.slice(from, to);
    const countA = slice.filter((op) => op.kind !== '+').length;
    const countB = slice.filter((op) => op.kind !== '-').length;
    out += `@@ -${countA === 0 ? lineA - 1 : lineA},${countA} +${countB === 0 ? lineB - 1 : lineB},${countB} @@\n`;
    for (const op of slice) out += `${op.kind}${op.kind === ' ' ? op.line : visible(op.line)}\n`;
  }
  return out;
}
