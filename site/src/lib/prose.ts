/**
 * A Markdown body's HTML as the site shows it: each table in a frame of its own that scrolls sideways on a small
 * screen (so the page never does), focusable and named so that a keyboard can scroll it and a screen reader says
 * what it is. The body is the view model's sanitised HTML, whose tables are plain `<table>` elements.
 */
import { t } from './i18n.ts';

export function proseHtml(html: string, lang: string, idPrefix = 'prose-table'): string {
  let count = 0;
  return html
    .replace(/<table>/g, () => {
      count += 1;
      return `<div class="table-wrap" role="region" tabindex="0" aria-label="${t(lang, 'table.label', { n: count })}" id="${idPrefix}-${count}"><table>`;
    })
    .replace(/<\/table>/g, '</table></div>');
}
