import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule({
  id: 'file-type',
  group: 'safety',
  docs: {
    en: `Error. A directory or a symbolic link named like a strategy file (\`x.fi.md\`) is reported and never read: a link could
point outside the repository. This applies to \`glossary.yaml\` too.`,
    sv: `Fel. En mapp eller en symbolisk länk med namn som en strategifil (\`x.fi.md\`) rapporteras och läses aldrig: en länk
kunde peka utanför repositoriet. Detta gäller också \`glossary.yaml\`.`,
    fi: `Virhe. Kansiosta tai symbolisesta linkistä, jonka nimi on kuin strategiatiedoston (\`x.fi.md\`), ilmoitetaan, eikä sitä
koskaan lueta: linkki voisi osoittaa repositorion ulkopuolelle. Tämä koskee myös tiedostoa \`glossary.yaml\`.`,
  },
});
