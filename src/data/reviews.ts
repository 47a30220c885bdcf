// Data access for review records.
import { getCollection } from 'astro:content';
import type { Review } from '../schemas';
import { once } from './memo';

/** Every review record, sorted by id (loaded once per build; treat as read-only). */
export const getReviews: () => Promise<Review[]> = once(async () => {
  const entries = await getCollection('reviews');
  return entries.map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id));
});
