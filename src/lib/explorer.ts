// The study explorer's rows and pages: one shape for the server-rendered table and for rows
// the browser builds from search-index metadata.
import type { Study } from '../schemas';
import { designLabels, modalityLabels, vsFaceToFaceLabels } from './labels';
import { shortCitation } from './summary';
import { isUnverified } from './provenance';

/** Rows per explorer page, server-rendered and in the browser. */
export const explorerPageSize = 50;

/** One table row, as text. */
export interface StudyRow {
  id: string;
  cite: string;
  year: string;
  modality: string;
  design: string;
  n: string;
  measure: string;
  finding: string;
}

const mark = (s: Study, path: string) => (isUnverified(s, path) ? ' (unconfirmed)' : '');

/** A study as one explorer row; unconfirmed values say so. */
export function studyRow(s: Study): StudyRow {
  return {
    id: s.id,
    cite: shortCitation(s),
    year: String(s.year),
    modality: s.modalities.map((m) => modalityLabels[m]).join(', ') + mark(s, 'modalities'),
    design: designLabels[s.design] + mark(s, 'design'),
    n: (s.sample_size === null ? 'not reported' : String(s.sample_size)) + mark(s, 'sample_size'),
    measure: [...new Set(s.alliance.measures.map((m) => (m.instrument === 'unreported' ? 'not named' : m.instrument)))].join(', ') + mark(s, 'alliance.measures'),
    finding: vsFaceToFaceLabels[s.alliance.vs_face_to_face] + mark(s, 'alliance.vs_face_to_face'),
  };
}

/** Splits items into pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size = explorerPageSize): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** Page numbers to link from page `current` of `pages`: first, last and three either side; null marks a gap. */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 3) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}
