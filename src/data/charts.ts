// Chart specs for the pages, built from the study records with links under the base path.
import { buildEvidenceMap } from '../lib/charts/evidence-map';
import { buildForest } from '../lib/charts/forest';
import { buildTimeline } from '../lib/charts/timeline';
import type { Study } from '../schemas';
import { primaryEvidence } from '../lib/evidence-base';
import { url } from './url';

// Charts show the evidence only: records awaiting screening or excluded are never drawn.

/** The evidence map, each cell linking to the explorer filtered to that modality, finding and the included studies. */
export function evidenceMapFor(studies: readonly Study[]) {
  return buildEvidenceMap(primaryEvidence(studies), {
    href: (modality, finding) => url(`/studies/?modality=${modality}&finding=${finding}&decision=included`),
  });
}

/** Studies per year, stacked by modality. */
export const timelineFor = (studies: readonly Study[]) => buildTimeline(primaryEvidence(studies));

/** Forest plot of numeric alliance effects. */
export const forestFor = (studies: readonly Study[]) => buildForest(primaryEvidence(studies));
