// Chart specs for the pages, built from the study records with links under the base path.
import { buildEvidenceMap } from '../lib/charts/evidence-map';
import { buildForest } from '../lib/charts/forest';
import { buildTimeline } from '../lib/charts/timeline';
import type { Study } from '../schemas';
import { url } from './url';

/** The evidence map, each cell linking to the explorer filtered to that modality and finding. */
export function evidenceMapFor(studies: readonly Study[]) {
  return buildEvidenceMap(studies, { href: (modality, finding) => url(`/studies/?modality=${modality}&finding=${finding}`) });
}

/** Studies per year, stacked by modality. */
export const timelineFor = (studies: readonly Study[]) => buildTimeline(studies);

/** Forest plot of numeric alliance effects. */
export const forestFor = (studies: readonly Study[]) => buildForest(studies);
