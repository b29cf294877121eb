import { defineRule } from '../rule.ts';
import { fieldName, findInFrontMatter, sourceAt } from '../parsed-text.ts';
import { pathOf } from '../../parse/json-pointer.ts';
import type { SourceFile, StrategyGraph, YamlPath } from '../../model/types.ts';
import { t } from '../../messages/index.ts';

/** 9 007 199 254 740 991: up to here every whole number is a double of its own, beyond it neighbours share one. */
const largest = Number.MAX_SAFE_INTEGER;

const outOfRange = (value: unknown): value is number => typeof value === 'number' && !(Math.abs(value) <= largest);

/** Whether the data holds such a number anywhere: a quick look, without paths (deeper than 200 levels: maybe). */
function holdsOne(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return outOfRange(value);
  if (!value || typeof value !== 'object') return false;
  if (depth > 200) return true;
  if (Array.isArray(value)) return value.some((item) => holdsOne(item, depth + 1));
  for (const key of Object.keys(value)) if (holdsOne((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

/**
 * The paths at which the kind's schema already refuses the value (a wrong type, a bound, an unknown field):
 * front-matter-schema reports those, and a number there is no number of the schema's.
 */
function refusedBySchema(file: SourceFile, graph: StrategyGraph): ((path: YamlPath) => boolean) | undefined {
  const kind = file.data?.['kind'];
  const definition = typeof kind === 'string' ? graph.schema.kinds.get(kind) : undefined;
  if (!definition) return undefined;
  if (definition.validate(file.data)) return () => false;
  const refused = (definition.validate.errors ?? []).map((error) => {
    const path = pathOf(error.instancePath);
    const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: unknown }).additionalProperty : undefined;
    // An unknown field is refused with everything in it; any other error, at its own value.
    return extra === undefined ? { at: path.join('/'), within: false } : { at: [...path, String(extra)].join('/'), within: true };
  });
  return (path) => {
    const at = path.map(String).join('/');
    return refused.some((where) => at === where.at || (where.within && at.startsWith(`${where.at}/`)));
  };
}

/** "`10000000000000001` is read as 10000000000000000", when it is; else the textbook case. */
function readAs(written: string, number: number): string {
  if (/^[+-]?\d+$/.test(written) && BigInt(written) !== BigInt(number)) return t('number-range.read-as', { written: `\`${written}\``, read: String(BigInt(number)) });
  return t('number-range.read-as', { written: '9007199254740993', read: '9007199254740992' });
}

export default defineRule({
  id: 'number-range',
  scope: 'file',
  severity: 'error',
  run({ graph, report }) {
    for (const file of graph.files) {
      if (!holdsOne(file.data)) continue;
      const found = findInFrontMatter(file.data, (value, at) => at === 'value' && outOfRange(value));
      if (found.length === 0) continue;
      let refused: ((path: YamlPath) => boolean) | undefined | null = null;
      for (const { path, value } of found) {
        const number = value as number;
        const place = file.locate(path);
        const written = sourceAt(file, place).trim() || String(number);
        const shown = written.length > 40 ? `${written.slice(0, 37)}...` : written;
        if (!Number.isFinite(number)) {
          // No schema type takes these (JSON has none of them): the schema's own message would only say "number".
          report({
            file,
            path,
            message: t(Number.isNaN(number) ? 'number-range.nan' : 'number-range.infinite', { shown, field: fieldName(path) }),
            hint: t('number-range.non-finite.hint'),
          });
          continue;
        }
        // A number the schema refuses anyway (`order: 2^64` is above its maximum) is front-matter-schema's.
        if (refused === null) refused = refusedBySchema(file, graph);
        if (!refused || refused(path)) continue;
        report({
          file,
          path,
          message: t('number-range.unsafe', { shown, field: fieldName(path) }),
          hint: t('number-range.unsafe.hint', { example: readAs(written, number) }),
        });
      }
    }
  },
});
