/** The root: the service strategy itself, with its organisation, period, approving body and meeting. */
import { list, paragraph } from './blocks.ts';
import type { Build } from './build.ts';
import { bodies } from './twin.ts';

export const documentId = 'service-strategy-bench';

export function addDocument(b: Build): void {
  b.add(
    'document',
    [
      ['id', documentId],
      ['kind', 'document'],
      ['title', ['Servicestrategi för Österbottens välfärdsområde 2025–2029', 'Pohjanmaan hyvinvointialueen palvelustrategia 2025–2029']],
      ['subtitle', ['Välmående genom livet', 'Hyvinvointia läpi elämän']],
      ['organisation', ['Österbottens välfärdsområde', 'Pohjanmaan hyvinvointialue']],
      ['period', { start: 2025, end: 2029 }],
      ['approving-body', ['Välfärdsområdesfullmäktige', 'Aluevaltuusto']],
      ['meeting', { date: '2025-06-16', section: 54 }],
      ['status', 'proposal'],
      ['version', '1.0'],
      ['legal-basis', ['612/2021 11 §']],
    ],
    bodies([paragraph(b.rng, {}), paragraph(b.rng, {}), list(b.rng, {}, true)]),
    ['title', 'subtitle', 'organisation', 'approving-body'],
  );
}
