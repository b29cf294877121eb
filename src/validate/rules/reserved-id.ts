import { defineRule } from '../rule.ts';
import { reservation } from '../../model/reserved-ids.ts';

const pageNames = { map: 'strategy map', search: 'search page', accessibility: 'accessibility statement', download: 'download page', changes: 'changes page' } as const;

export default defineRule({
  id: 'reserved-id',
  summary: "No id is the address of one of the site's own pages (search, strategy map, accessibility statement, download) in any language, or a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9).",
  severity: 'error',
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    for (const file of graph.files) {
      const id = file.data?.['id'];
      if (typeof id !== 'string') continue;
      const reserved = reservation(id, languages);
      if (!reserved) continue;
      report({
        file,
        path: ['id'],
        ...(reserved.by === 'page'
          ? {
              message: `Unexpected id \`${id}\`, expected an id that is not the address of the site's ${pageNames[reserved.page]} (/${reserved.lang}/${reserved.slug}/)`,
              hint: `the item's page would be /${reserved.lang}/${id}/, where that page is: give the item another id, e.g. \`${id}-${file.data?.['kind'] ?? 'item'}\``,
            }
          : {
              message: `Unexpected id \`${id}\`, expected an id that is not a Windows device name (${reserved.name})`,
              hint: `Windows cannot make a file or folder called ${reserved.name}, so the item's page could not be checked out or published there: give the item another id`,
            }),
      });
    }
  },
});
