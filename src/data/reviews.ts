// Data access for review records: in `astro build` the records the build checked, as studies.ts
// takes them; in dev, sync and check, the collection's.
import { getCollection } from 'astro:content';
import type { Review } from '../schemas';
import { checkedContent } from '../loaders/checked-content';
import { once } from './memo';

/** Every review record, sorted by id (loaded once per build; treat as read-only). */
export const getReviews: () => Promise<Review[]> = once(async () => {
  const checked = checkedContent();
  const records = checked ? checked.reviews.map((r) => r.data) : (await getCollection('reviews')).map((e) => e.data);
  return records.sort((a, b) => a.id.localeCompare(b.id));
});
