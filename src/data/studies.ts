// Data access for study records (the only callers of getCollection, with reviews.ts and guides.ts).
// In `astro build` the records are the ones the build's first step read and checked
// (src/loaders/checked-content.ts), taken as they are; in dev, sync and check, the collection's.
import { getCollection } from 'astro:content';
import type { Study } from '../schemas';
import { byYearThenId } from '../lib/study-cite-files';
import { checkedContent } from '../loaders/checked-content';
import { once } from './memo';

/** Every study record, sorted by year then id (loaded once per build; treat as read-only). */
export const getStudies: () => Promise<Study[]> = once(async () => {
  const checked = checkedContent();
  const records = checked ? checked.studies.map((r) => r.data) : (await getCollection('studies')).map((e) => e.data);
  return records.sort(byYearThenId);
});

const getStudyIndex = once(async () => new Map((await getStudies()).map((s) => [s.id, s])));

/** One study by id, or undefined. */
export async function getStudy(id: string): Promise<Study | undefined> {
  return (await getStudyIndex()).get(id);
}
