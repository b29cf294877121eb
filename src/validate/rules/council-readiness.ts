import { defineRule } from '../rule.ts';
import { t } from '../../messages/index.ts';
import { kindPresentation } from '../../model/presentation.ts';
import type { StrategyGraph } from '../../model/types.ts';

/** The status values the county sends to the council (the document's status field's `x-council`), and the document's own. */
function councilStatus(graph: StrategyGraph): { status: string | undefined; council: boolean } {
  const [rootId] = graph.roots;
  const root = rootId ? graph.get(rootId, graph.schema.project.primaryLanguage) : undefined;
  const definition = root ? graph.schema.kinds.get(root.kind) : undefined;
  const field = definition ? kindPresentation(definition).byRole.get('status') : undefined;
  const status = root && field ? root.data[field.field] : undefined;
  const council = Array.isArray(field?.schema['x-council']) && (field!.schema['x-council'] as unknown[]).includes(status);
  return { status: typeof status === 'string' ? status : undefined, council };
}

/** Unapproved text: a translation nobody has reviewed, or the editors' revision of the source. */
const UNAPPROVED = new Set(['translation', 'revised']);

export default defineRule({
  id: 'council-readiness',
  scope: 'graph',
  severity: 'error',
  group: 'council',
  docs: {
    en: `Error, when the strategy goes to the council: its document's status is one of the values its status field lists in
\`x-council\` (here \`proposal\` and \`approved\`), or \`check --council\` is run (on a draft, to see what is left). Then no
language version may be a translation nobody has reviewed (\`text-status: translation\`) or the editors' revision of
the source that nobody has approved (\`revised\`), and no open question (\`questions\`) may remain: the council decides
on the county's own text, knowingly. A draft may hold both, and \`check\` says nothing of them.`,
    sv: `Fel, när strategin går till fullmäktige: dokumentets status är ett av de värden som statusfältet räknar upp i
\`x-council\` (här \`proposal\` och \`approved\`), eller \`check --council\` körs (på ett utkast, för att se vad som
återstår). Då får ingen språkversion vara en översättning som ingen har granskat (\`text-status: translation\`) eller
redaktörernas omarbetning av källan som ingen har godkänt (\`revised\`), och inga öppna frågor (\`questions\`) får
finnas kvar: fullmäktige beslutar om välfärdsområdets egen text och vet vad det beslutar om. Ett utkast får ha båda,
och \`check\` säger då ingenting om dem.`,
    fi: `Virhe, kun strategia menee valtuustolle: asiakirjan tila on jokin niistä arvoista, jotka tilakenttä luettelee
kohdassa \`x-council\` (tässä \`proposal\` ja \`approved\`), tai ajetaan \`check --council\` (luonnokselle, jotta näkee,
mitä on jäljellä). Silloin mikään kieliversio ei saa olla käännös, jota kukaan ei ole tarkastanut
(\`text-status: translation\`), tai toimittajien muokkaus lähteestä, jota kukaan ei ole hyväksynyt (\`revised\`), eikä
avoimia kysymyksiä (\`questions\`) saa olla jäljellä: valtuusto päättää hyvinvointialueen omasta tekstistä ja tietää,
mistä päättää. Luonnoksessa saa olla kumpaakin, eikä \`check\` silloin sano niistä mitään.`,
  },
  run({ graph, report, council: asked }) {
    const { status, council } = councilStatus(graph);
    // A draft may hold translations and questions; a proposal or an approved version (or `check --council`) may not.
    if (!council && !asked) return;
    const why = council ? t('council-readiness.status', { status: String(status) }) : t('council-readiness.asked');
    for (const file of graph.files) {
      const kind = file.data?.['kind'];
      const definition = typeof kind === 'string' ? graph.schema.kinds.get(kind) : undefined;
      if (!definition || !file.data) continue;
      const presentation = kindPresentation(definition);
      const statusField = presentation.byRole.get('text-status')?.field;
      const value = statusField ? file.data[statusField] : undefined;
      if (statusField && typeof value === 'string' && UNAPPROVED.has(value)) {
        report({ file, path: [statusField], at: 'value', message: t(`council-readiness.${value === 'revised' ? 'revised' : 'translation'}`, { lang: file.lang, why }), hint: t('council-readiness.text.hint') });
      }
      const questionsField = presentation.byRole.get('open-questions')?.field;
      const questions = questionsField ? file.data[questionsField] : undefined;
      if (questionsField && Array.isArray(questions)) {
        questions.forEach((question, index) => {
          const text = question && typeof question === 'object' && typeof (question as { text?: unknown }).text === 'string' ? (question as { text: string }).text : '';
          report({ file, path: [questionsField, index], message: t('council-readiness.question', { question: text, why }), hint: t('council-readiness.question.hint') });
        });
      }
    }
  },
});
