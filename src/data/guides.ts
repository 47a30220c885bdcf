// Data access for guidance pages (content/guides/*.mdx) and the studies they cite.
import fs from 'node:fs';
import path from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Guide, Study } from '../schemas';
import { checkGuideCitations, citationError } from '../lib/guidance/check';
import { citedStudyIds, extractCitedIds } from '../lib/guidance/cited-ids';
import { deriveStaleness, type ChangedRecord } from '../lib/guidance/staleness';
import { getStudies, getStudy } from './studies';
import { once } from './memo';

/** A guide with what the pages need about it. */
export interface GuideRecord {
  /** URL slug: the file name without `.mdx`. */
  slug: string;
  /** Path relative to the project root, e.g. `content/guides/glossary.mdx`. */
  file: string;
  data: Guide;
  /** Distinct study ids the guide cites, in order of first citation. */
  cited: string[];
  /** Cited records updated after the guide's `reviewed` date. */
  changed: ChangedRecord[];
  /** The guide states findings (it uses <Point> or <Evidence>), not only definitions or citations. */
  hasFindings: boolean;
  entry: CollectionEntry<'guides'>;
}

/** The whole MDX file (frontmatter included, so line numbers match), falling back to the body. */
function sourceOf(entry: CollectionEntry<'guides'>): string {
  const file = entry.filePath ? path.resolve(entry.filePath) : undefined;
  return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : (entry.body ?? '');
}

const fileOf = (entry: CollectionEntry<'guides'>) => entry.filePath ?? `guides/${entry.id}.mdx`;

/** Every guide, by `order` then slug (loaded once per build). Does not check citations: see getCheckedGuides. */
export const getGuides: () => Promise<GuideRecord[]> = once(async () => {
  const [entries, studies] = await Promise.all([getCollection('guides'), getStudies()]);
  const byId = new Map(studies.map((s) => [s.id, s]));
  return entries
    .map((entry) => {
      const source = sourceOf(entry);
      const cited = citedStudyIds(source);
      const { changed } = deriveStaleness(entry.data.reviewed, cited.flatMap((id) => byId.get(id) ?? []));
      const hasFindings = extractCitedIds(source).cited.some((c) => c.component !== 'Cite');
      return { slug: entry.id, file: fileOf(entry), data: entry.data, cited, changed, hasFindings, entry };
    })
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug));
});

/** Every guide, after checking that each cited id is a study record the evidence includes; throws naming the file, line and id otherwise. */
export async function getCheckedGuides(): Promise<GuideRecord[]> {
  const [guides, studies] = await Promise.all([getGuides(), getStudies()]);
  const problems = guides.flatMap((g) => checkGuideCitations({ file: g.file, source: sourceOf(g.entry) }, studies));
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
