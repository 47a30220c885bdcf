// Data access for review records.
import { getCollection } from 'astro:content';
import type { Review } from '../schemas';

/** Every review record, sorted by id. */
export async function getReviews(): Promise<Review[]> {
  const entries = await getCollection('reviews');
  return entries.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id));
}
