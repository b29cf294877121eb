import { defineRule } from '../rule.ts';
import { allVersions } from '../../model/versions.ts';
import { t } from '../../messages/index.ts';

export default defineRule({
  id: 'cycle',
  scope: 'graph',
  severity: 'error',
  group: 'structure',
  docs: {
    en: `Error. Following \`parent\` upwards must end at the document. An item that is its own ancestor is reported with the
whole loop.`,
    sv: `Fel. Kedjan av \`parent\` uppåt slutar vid dokumentet. Ett objekt som är sin egen överordnade rapporteras med hela
slingan.`,
    fi: `Virhe. Yläkohteiden (\`parent\`) ketju päättyy asiakirjaan. Kohteesta, joka on oma esivanhempansa, ilmoitetaan koko
kehän kera.`,
  },
  run({ graph, report }) {
    const inCycle = new Set<string>();
    for (const [id] of graph.items) {
      const seen: string[] = [];
      let current: string | undefined = id;
      while (current !== undefined && !seen.includes(current) && !inCycle.has(current)) {
        seen.push(current);
        current = graph.get(current)?.parent;
      }
      if (current === undefined || inCycle.has(current)) continue;
      const loop = seen.slice(seen.indexOf(current));
      loop.forEach((member) => inCycle.add(member));
    }
    for (const item of allVersions(graph)) {
      if (!inCycle.has(item.id)) continue;
      const loop = [item.id];
      for (let next = item.parent; next !== undefined && next !== item.id; next = graph.get(next)?.parent) loop.push(next);
      loop.push(item.id);
      report({
        file: item.file,
        message: t('cycle', { loop: loop.map((id) => `\`${id}\``).join(' → ') }),
        path: ['parent'],
        hint: t('cycle.hint'),
      });
    }
  },
});
