// Each chart as the site renders it: the Astro component over a spec built from a small fixture,
// kept as an SVG file beside this test (numbers rounded). A change to a spec or a component shows
// up here as a diff of the drawing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEvidenceMap } from '../../../src/lib/charts/evidence-map';
import { buildForest } from '../../../src/lib/charts/forest';
import { buildTimeline } from '../../../src/lib/charts/timeline';
import { makeStudy } from './helpers';
import { createRenderer, svgSnapshot, type ComponentRenderer } from './render';

const studies = [
  makeStudy({
    id: 'a-2000',
    year: 2000,
    modalities: ['email'],
    alliance: { vs_face_to_face: 'equivalent', effects: [{ kind: 'correlation', label: 'WAI vs outcome', r: 0.3, n: 50 }] },
  }),
  makeStudy({
    id: 'b-2000',
    year: 2000,
    modalities: ['videoconference'],
    alliance: { vs_face_to_face: 'etherapy-higher', effects: [{ kind: 'correlation', label: 'WAI vs outcome', r: -0.1, n: 120 }] },
  }),
  makeStudy({
    id: 'c-2002',
    year: 2002,
    modalities: ['email'],
    alliance: { vs_face_to_face: 'equivalent', effects: [{ kind: 'correlation', label: 'WAI vs outcome', r: 0.45, n: 30 }] },
  }),
  makeStudy({
    id: 'd-2003',
    year: 2003,
    modalities: ['email', 'chat'],
    alliance: {
      vs_face_to_face: 'not-compared',
      effects: [{ kind: 'smd', label: 'WAI e-therapy vs face-to-face', smd: 0.2, ci_low: -0.1, ci_high: 0.5 }],
    },
  }),
];

describe('charts rendered as SVG', () => {
  let renderer: ComponentRenderer;
  beforeAll(async () => {
    renderer = await createRenderer();
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
  });

  test.each([
    [
      'evidence-map',
      '/src/components/charts/EvidenceMap.astro',
      () => buildEvidenceMap(studies, { href: (m, f) => `/studies/?modality=${m}&finding=${f}` }),
    ],
    ['timeline', '/src/components/charts/Timeline.astro', () => buildTimeline(studies)],
    ['forest', '/src/components/charts/ForestPlot.astro', () => buildForest(studies)],
  ] as const)('draws the %s as before', async (name, file, spec) => {
    const html = await renderer.render(file, { spec: spec(), id: name });
    await expect(svgSnapshot(html)).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });
});
