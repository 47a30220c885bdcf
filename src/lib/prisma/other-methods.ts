// How a review identified records without a database search (its `screening.other_methods`), as its
// page lists them: method, date, what was done, the records file and how many records it holds.
import type { Review } from '../../schemas/review';
import { otherMethodLabels } from '../labels';
import type { DerivedFlow } from './derive';

/** One source of the other-methods arm, as the review page's table shows it. */
export interface OtherMethodRow {
  method: string;
  date: string;
  description: string;
  /** The records file's source name (`records/<source>.*`). */
  source: string;
  /** Records in the file (duplicates included); null when the review is not tracked here or the file is missing. */
  records: number | null;
}

/** The review's other methods of identification, with the records each found (from the derived flow, when tracked). */
export function otherMethodRows(review: Pick<Review, 'screening'>, derived: Pick<DerivedFlow, 'records'> | null): OtherMethodRow[] {
  return (review.screening?.other_methods ?? []).map((m) => ({
    method: otherMethodLabels[m.method],
    date: m.date,
    description: m.description,
    source: m.source,
    records: derived?.records.other_methods?.identified[m.source]?.length ?? null,
  }));
}
