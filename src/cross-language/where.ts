/**
 * Where in a file a message points, as its sentence says it: "this paragraph", "`title`". Each language words the
 * whole phrase (Finnish inflects it: "tässä kappaleessa", "kentässä `title`"), so the messages put it in as it is.
 */
import { t, type MessageKey } from '../messages/index.ts';

const namedBlocks = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote', 'code', 'html', 'thematicBreak', 'footnoteDefinition', 'definition']);

/** The name of a block's type (`paragraph` → "stycke"); a type without a name of its own is shown as it is. */
export function blockName(type: string): string {
  return namedBlocks.has(type) ? t(`block.${type}` as MessageKey) : type;
}

/** "this paragraph" (en), "detta stycke" (sv), "tässä kappaleessa" (fi). */
export function whereBlock(type: string): string {
  return namedBlocks.has(type) ? t(`where.block.${type}` as MessageKey) : t('where.block', { block: type });
}

/** "`title`" (en, sv), "kentässä `title`" (fi). */
export function whereField(field: string): string {
  return t('where.field', { field });
}
