import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule({
  id: 'encoding',
  group: 'structure',
  docs: {
    en: `Error. Files must be UTF-8. A file saved as Latin-1 or Windows-1252 shows \`ä\` as a broken byte; the message points
at the first one. Fix: save the file as UTF-8 (every modern editor has it under "Save with encoding").`,
    sv: `Fel. Filerna är UTF-8. En fil som sparats som Latin-1 eller Windows-1252 visar \`ä\` som en trasig byte; meddelandet
pekar på den första. Åtgärd: spara filen som UTF-8 (alla moderna redigerare har det under "Spara med kodning").`,
    fi: `Virhe. Tiedostot ovat UTF-8-muodossa. Latin-1- tai Windows-1252-muodossa tallennettu tiedosto näyttää \`ä\`:n rikkinäisenä
tavuna; ilmoitus osoittaa ensimmäiseen. Korjaus: tallenna tiedosto UTF-8-muodossa (kaikissa nykyaikaisissa
editoreissa kohdassa "Tallenna merkistöllä").`,
  },
});
