import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule({
  id: 'yaml-syntax',
  group: 'structure',
  docs: {
    en: `Error. The front-matter between the \`---\` lines must be well-formed YAML: no tabs for indentation, no key twice,
no aliases that expand into a huge document. The message points at the offending character. This applies to
\`glossary.yaml\` too.`,
    sv: `Fel. Front-matter mellan \`---\`-raderna är korrekt YAML: inga tabbar som indrag, ingen nyckel två gånger, inga alias
som blåser upp dokumentet. Meddelandet pekar på det tecken som är fel. Detta gäller också \`glossary.yaml\`.`,
    fi: `Virhe. \`---\`-rivien välinen front matter on kelvollista YAMLia: ei sarkaimia sisennyksinä, ei samaa avainta kahdesti,
ei asiakirjaa paisuttavia aliaksia. Ilmoitus osoittaa virheelliseen merkkiin. Tämä koskee myös tiedostoa
\`glossary.yaml\`.`,
  },
});
