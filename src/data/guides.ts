// Data access for guidance pages (content/guides/*.mdx) and the studies they cite.
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Guide, Study } from '../schemas';
import { checkGuideCitations, citationError } from '../lib/guidance/check';
import { citedStudyIds, extractCitedIds } from '../lib/guidance/cited-ids';
import { deriveStaleness, unbumpedChanges, type ChangedRecord } from '../lib/guidance/staleness';
import { getStudies, getStudy } from './studies';
import { getReviews } from './reviews';
import { deriveCoverage, isEvidence, type Coverage } from '../lib/evidence-base';
import { once } from './memo';
import { contentDir } from '../loaders/content-dir';
import { studyChanges } from '../loaders/git-history';
import { guideSource } from '../loaders/guide-source';

/** A guide with what the pages need about it. */
export interface GuideRecord {
  /** URL slug: the file name without `.mdx`. */
  slug: string;
  /** Path relative to the project root, e.g. `content/guides/glossary.mdx`. */
  file: string;
  data: Guide;
  /** Distinct study ids the guide cites, in order of first citation. */
  cited: string[];
  /** Cited records changed after the guide's `reviewed` date (by `provenance.updated` or in git). */
  changed: ChangedRecord[];
  /** The guide states findings (it uses <Point> or <Evidence>), not only definitions or citations. */
  hasFindings: boolean;
  /** How many of the cited studies are in the evidence (some review includes them). */
  citedEvidence: number;
  /** The period each review behind the cited studies covers. */
  coverage: Coverage[];
  entry: CollectionEntry<'guides'>;
}

const fileOf = (entry: CollectionEntry<'guides'>) => entry.filePath ?? `guides/${entry.id}.mdx`;

/** Every guide, by `order` then slug (loaded once per build). Does not check citations: see getCheckedGuides. */
export const getGuides: () => Promise<GuideRecord[]> = once(async () => {
  const [entries, studies, reviews] = await Promise.all([getCollection('guides'), getStudies(), getReviews()]);
  const byId = new Map(studies.map((s) => [s.id, s]));
  const git = unbumpedChanges(studyChanges(contentDir()));
  return entries
    .map((entry) => {
      const source = guideSource(entry);
      const cited = citedStudyIds(source);
      const { changed } = deriveStaleness(
        entry.data.reviewed,
        cited.flatMap((id) => byId.get(id) ?? []),
        git,
      );
      const hasFindings = extractCitedIds(source).cited.some((c) => c.component !== 'Cite');
      const coverage = deriveCoverage(
        reviews,
        cited.flatMap((id) => byId.get(id) ?? []),
      );
      const citedEvidence = cited.filter((id) => byId.has(id) && isEvidence(byId.get(id)!)).length;
      return { slug: entry.id, file: fileOf(entry), data: entry.data, cited, citedEvidence, changed, hasFindings, coverage, entry };
    })
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug));
});

/** Every guide, after checking that each cited id is a study record the evidence includes; throws naming the file, line and id otherwise. */
export async function getCheckedGuides(): Promise<GuideRecord[]> {
  const [guides, studies] = await Promise.all([getGuides(), getStudies()]);
  const problems = guides.flatMap((g) => checkGuideCitations({ file: g.file, source: guideSource(g.entry) }, studies));
  if (problems.length > 0) throw citationError(problems);
  return guides;
}

/** Guides that cite the study. */
export async function getGuidesCiting(studyId: string): Promise<GuideRecord[]> {
  return (await getGuides()).filter((g) => g.cited.includes(studyId));
}

/** The cited studies in the order given; throws on an id that is not a study record. */
export async function getCitedStudies(ids: readonly string[]): Promise<Study[]> {
  const found = await Promise.all([...new Set(ids)].map(async (id) => [id, await getStudy(id)] as const));
  return found.map(([id, study]) => {
    if (!study) throw new Error(`A guide cites study "${id}", which is not a study record`);
    return study;
  });
}

/** The rendered MDX of a guide, with its headings. */
export function renderGuide(guide: GuideRecord) {
  return render(guide.entry);
}
