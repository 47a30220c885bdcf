// Data access for study records (the only callers of getCollection, with reviews.ts and guides.ts).
import { getCollection } from 'astro:content';
import type { Study } from '../schemas';
import { byYearThenId } from '../lib/study-cite-files';
import { once } from './memo';

/** Every study record, sorted by year then id (loaded once per build; treat as read-only). */
export const getStudies: () => Promise<Study[]> = once(async () => {
  const entries = await getCollection('studies');
  return entries.map((e) => e.data).sort(byYearThenId);
});

const getStudyIndex = once(async () => new Map((await getStudies()).map((s) => [s.id, s])));

/** One study by id, or undefined. */
export async function getStudy(id: string): Promise<Study | undefined> {
  return (await getStudyIndex()).get(id);
}
