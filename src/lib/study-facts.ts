// A study's facts as labelled rows: "The study" and "The therapeutic alliance" on its page
// (components/StudyFacts.astro, StudyAlliance.astro) and the text the search index holds for it
// (src/lib/study-search.ts), from one list, so the index cannot say what the page does not.
import type { Study } from '../schemas';
import {
  comparatorLabels,
  conditionLabels,
  designLabels,
  formatList,
  modalityLabels,
  outcomeLinkLabels,
  vsFaceToFaceLabels,
} from './labels';
import { isUnverified } from './provenance';

/** One labelled fact. */
export interface FactRow {
  label: string;
  value: string;
  /** The fact is listed as unconfirmed in the record. */
  unconfirmed: boolean;
  /** The value is "not reported": the sources read do not say, which is not a finding. */
  notReported?: boolean;
}

/** Design, participants, delivery, comparator, journal and authors, in the page's order. */
export function studyFactRows(s: Study): FactRow[] {
  const u = (...paths: string[]) => paths.some((p) => isUnverified(s, p));
  const journal = `${s.journal}${s.volume ? `, ${s.volume}` : ''}${s.issue ? `(${s.issue})` : ''}${s.pages ? `, ${s.pages}` : ''}`;
  const rows: FactRow[] = [
    { label: 'Design', value: designLabels[s.design], unconfirmed: u('design') },
    { label: 'Participants', value: s.population, unconfirmed: u('population') },
    { label: 'Conditions', value: formatList(s.conditions.map((c) => conditionLabels[c])), unconfirmed: u('conditions') },
    { label: 'Sample size', value: s.sample_size === null ? 'not reported' : String(s.sample_size), unconfirmed: u('sample_size') },
    { label: 'Delivery', value: formatList(s.modalities.map((m) => modalityLabels[m])), unconfirmed: u('modalities') },
  ];
  if (s.intervention) rows.push({ label: 'Intervention', value: s.intervention, unconfirmed: u('intervention') });
  rows.push(
    { label: 'Compared with', value: comparatorLabels[s.comparator], unconfirmed: u('comparator') },
    { label: 'Journal', value: journal, unconfirmed: u('journal', 'volume', 'issue', 'pages') },
    {
      label: 'Authors',
      value: `${s.authors.join('; ')}${s.authors_incomplete ? '; et al. (the other authors are not recorded)' : ''}`,
      unconfirmed: u('authors'),
    },
  );
  return rows;
}

/** The alliance compared with face-to-face, and its link to outcome. */
export function allianceFactRows(s: Study): FactRow[] {
  const a = s.alliance;
  return [
    {
      label: 'Compared with face-to-face',
      value: vsFaceToFaceLabels[a.vs_face_to_face],
      unconfirmed: isUnverified(s, 'alliance.vs_face_to_face'),
      notReported: a.vs_face_to_face === 'not-reported',
    },
    {
      label: 'Alliance and outcome',
      value: outcomeLinkLabels[a.outcome_link],
      unconfirmed: isUnverified(s, 'alliance.outcome_link'),
      notReported: a.outcome_link === 'not-reported',
    },
  ];
}
