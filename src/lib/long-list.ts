// A list a page shows only the start of when it is long: a review's included studies, the changes
// to the evidence. At 10,000 studies those pages were 4.1 MB and 2.7 MB of HTML, too heavy to load
// on a phone and slow to build, and no reader scrolls them; the whole list stays one click away
// (the review's downloads and the explorer, the feed and the open data), which the page says.
import { formatCount } from './format';

/** How many items a page lists before it points to the whole list. */
export const longListLimit = 200;

/** The items a page lists (the first `limit`) and, when there are more, how many in all. */
export interface ListStart<T> {
  shown: T[];
  total: number;
  /** More items than are shown. */
  cut: boolean;
}

export function listStart<T>(items: readonly T[], limit = longListLimit): ListStart<T> {
  return { shown: items.slice(0, limit), total: items.length, cut: items.length > limit };
}

/** "200 of 10,000" when the list is cut, else the count: "11". */
export function shownOf(list: ListStart<unknown>): string {
  return list.cut ? `${formatCount(list.shown.length)} of ${formatCount(list.total)}` : formatCount(list.total);
}
