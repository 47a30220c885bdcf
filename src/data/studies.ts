// Data access for study records (the only callers of getCollection, with reviews.ts and guides.ts).
import { getCollection } from 'astro:content';
import type { Study } from '../schemas';

/** Every study record, sorted by year then id. */
export async function getStudies(): Promise<Study[]> {
  const entries = await getCollection('studies');
  return entries.map((e) => e.data).sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
}

/** One study by id, or undefined. */
export async function getStudy(id: string): Promise<Study | undefined> {
  return (await getStudies()).find((s) => s.id === id);
}
