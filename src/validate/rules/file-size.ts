import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule({
  id: 'file-size',
  group: 'safety',
  docs: {
    en: `Error. A strategy file is at most 1 MiB. A larger file is reported and not parsed. So is Markdown nested more than 50
levels deep, a line indented or quoted more than 200 columns, or a file with more than 5 000 emphasis and link markers:
such text stalls the parser or overflows its stack. Its front-matter is still read. This applies to \`glossary.yaml\` too.`,
    sv: `Fel. En strategifil är högst 1 MiB. En större fil rapporteras och läses inte. Detsamma gäller Markdown som är nästlad
mer än 50 nivåer, en rad som är indragen eller citerad mer än 200 kolumner, och en fil med mer än 5 000 betonings- och
länktecken: sådan text får parsern att stanna eller spränga sin stack. Filens front-matter läses ändå. Detta gäller
också \`glossary.yaml\`.`,
    fi: `Virhe. Strategiatiedosto on enintään 1 MiB. Suuremmasta tiedostosta ilmoitetaan, eikä sitä jäsennetä. Sama koskee
Markdownia, joka on sisäkkäin yli 50 tasolla, riviä, joka on sisennetty tai lainattu yli 200 saraketta, ja tiedostoa,
jossa on yli 5 000 korostus- ja linkkimerkkiä: sellainen teksti pysäyttää jäsentimen tai ylittää sen pinon. Tiedoston
front matter luetaan silti. Tämä koskee myös tiedostoa \`glossary.yaml\`.`,
  },
});
