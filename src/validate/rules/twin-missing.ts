import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'twin-missing',
  summary: 'Every file has a twin in each of the project languages: `x.sv.md` beside `x.fi.md`.',
  severity: 'error',
  run({ graph, report }) {
    const { languages } = graph.schema.project;
    for (const [stem, versions] of graph.twins) {
      const [present] = versions.values();
      if (!present) continue;
      for (const lang of languages) {
        if (versions.has(lang)) continue;
        const missing = `${stem}.${lang}.md`;
        for (const file of versions.values()) {
          report({
            file,
            message: `Unexpected missing ${lang} twin \`${missing}\`, expected every item in ${languages.join(' and ')}`,
            place: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
            hint: `create it with \`npx strategy i18n twin ${file.vfile.path} ${lang}\`, then translate it`,
          });
        }
      }
    }
  },
});
