// How the PRISMA views write a count and name an exclusion reason: the diagram, its table, its
// text alternative, the ledger and the CSV all go through these, so they word a box alike.
import { formatCount } from '../format';
import type { ExclusionReason } from './derive';

/** A count as shown: "1,250", or "not reported" for a box the review does not report. */
export function countText(n: number | null | undefined): string {
  return typeof n === 'number' ? formatCount(n) : 'not reported';
}

/** "(n = 840)", held together by no-break spaces so it never wraps (the layout turns them back into spaces). */
export function nText(n: number | null | undefined): string {
  return `(n\u00a0=\u00a0${countText(n).replace(/ /g, '\u00a0')})`;
}

/** The label of an exclusion reason by its id, from the review's reasons (the id itself when it has none). */
export function reasonLabeller(reasons: readonly ExclusionReason[] | undefined): (id: string) => string {
  return (id) => reasons?.find((r) => r.id === id)?.label ?? id;
}
