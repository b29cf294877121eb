/**
 * Style lookup: pdfmake asks its style stack for about twenty properties of every word (font, size, colour,
 * decoration, link, …). Each question pushes the word's styles onto the stack, creates two closures and a Set
 * per named style, and pops again: for a 300-page document some ten million short-lived objects, and the
 * garbage collection that comes with them.
 *
 * installStyleLookup replaces pdfmake's StyleContextStack.getStyleProperty with a function that gives the same
 * answer in the same order (the word itself; its own named styles, last first; the enclosing stack, top first;
 * the default style; the given default) without touching the stack or allocating anything, except a Set when
 * a style `extends` another (to stop at a cycle, as pdfmake does). test/pdf/style-lookup.test.ts renders with
 * both and compares the PDFs byte for byte.
 */
import { createRequire } from 'node:module';

type Style = Record<string, unknown> & { extends?: string | string[] };

interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  styleOverrides: (string | Record<string, unknown>)[];
  defaultStyle?: Record<string, unknown>;
}

type Lookup = (item: unknown, stack: StyleStack | undefined, property: string, fallback: unknown) => unknown;

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/** pdfmake's getStylePropertyFromStyle: a named style's own value, else its parents' (last first), guarding cycles. */
function fromStyle(styles: StyleStack['styleDictionary'], name: string, property: string, visited: Set<string> | undefined): unknown {
  if (visited) {
    if (visited.has(name)) return undefined;
    visited.add(name);
  }
  const style = styles[name];
  if (!style) return undefined;
  const value = style[property];
  if (isValue(value)) return value;
  if (style.extends) {
    const seen = visited ?? new Set([name]);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const inherited = fromStyle(styles, parents[i]!, property, seen);
      if (isValue(inherited)) return inherited;
    }
  }
  return undefined;
}

/** The same answer as pdfmake 0.3's StyleContextStack.getStyleProperty, read straight from the stack. */
export const lookUpStyle: Lookup = (item, stack, property, fallback) => {
  const node = item as Record<string, unknown>;
  const own = node[property];
  if (isValue(own)) return own;
  if (!stack) return fallback;
  const styles = stack.styleDictionary;
  // What pdfmake's autopush would put on top of the stack: the item's named styles (not for strings or sections).
  if (!isString(item) && node['section'] === undefined && node['style']) {
    const names = node['style'];
    if (Array.isArray(names)) {
      for (let i = names.length - 1; i >= 0; i--) {
        const value = fromStyle(styles, names[i] as string, property, undefined);
        if (isValue(value)) return value;
      }
    } else {
      const value = fromStyle(styles, names as string, property, undefined);
      if (isValue(value)) return value;
    }
  }
  const overrides = stack.styleOverrides;
  for (let i = overrides.length - 1; i >= 0; i--) {
    const entry = overrides[i]!;
    const value = isString(entry) ? fromStyle(styles, String(entry), property, undefined) : entry[property];
    if (isValue(value)) return value;
  }
  const value = stack.defaultStyle && stack.defaultStyle[property];
  return isValue(value) ? value : fallback;
};

interface StyleStackClass {
  getStyleProperty: Lookup;
  [original]?: Lookup;
}

const original = Symbol('strategy.pdfmakeGetStyleProperty');

function styleStackClass(): StyleStackClass | undefined {
  try {
    const module = createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js') as { default?: StyleStackClass };
    return typeof module.default?.getStyleProperty === 'function' ? module.default : undefined;
  } catch {
    return undefined;
  }
}

let enabled = true;

/** Turns the replacement off or on for the renders that follow (to compare against pdfmake's own lookup). */
export function setStyleLookup(on: boolean): void {
  enabled = on;
}

/**
 * Puts lookUpStyle in place of pdfmake's own (or pdfmake's back, after setStyleLookup(false)); called before each
 * render. If pdfmake's StyleContextStack is not where or what this expects, nothing changes.
 */
export function installStyleLookup(): boolean {
  const stack = styleStackClass();
  if (!stack) return false;
  stack[original] ??= stack.getStyleProperty;
  stack.getStyleProperty = enabled ? lookUpStyle : stack[original];
  return true;
}
