/**
 * How the cross-language rules report a problem of a pair of twins: on the twin it is in, with the other twin, where
 * the same thing sits in it, as its cause, so that an editor who opens either file sees both places.
 */
import { t } from '../messages/index.ts';
import type { Place, SourceFile, YamlPath } from '../model/types.ts';
import type { Report } from './rule.ts';

/** One twin and where in it the problem sits: a front-matter path, a place in the body, or neither (the file). */
export interface TwinSide {
  file: SourceFile;
  path?: YamlPath | undefined;
  place?: Place | undefined;
}

/** What a rule says about one side. */
export interface Said {
  message: string;
  hint?: string;
  /** The cause's words; by default "the <lang> twin". */
  cause?: string;
}

const where = (side: TwinSide) => ({ ...(side.path ? { path: side.path } : {}), ...(side.place ? { place: side.place } : {}) });

/** Each twin with the other: a pair's two sides, for a check that runs on both. */
export function bothWays<T>(a: T, b: T): readonly (readonly [T, T])[] {
  return [
    [a, b],
    [b, a],
  ];
}

/** Reports on `side`, with `other` as the cause. */
export function reportOnTwin(report: (r: Report) => void, side: TwinSide, other: TwinSide, said: Said): void {
  report({
    file: side.file,
    ...where(side),
    message: said.message,
    ...(said.hint === undefined ? {} : { hint: said.hint }),
    cause: { file: other.file, ...where(other), message: said.cause ?? t('twin.cause', { lang: other.file.lang }) },
  });
}

/** Reports on each twin what `say` says of it (nothing where it gives nothing), each with the other as the cause. */
export function reportOnTwins(report: (r: Report) => void, a: TwinSide, b: TwinSide, say: (side: TwinSide, other: TwinSide) => Said | undefined): void {
  for (const [side, other] of bothWays(a, b)) {
    const said = say(side, other);
    if (said) reportOnTwin(report, side, other, said);
  }
}
