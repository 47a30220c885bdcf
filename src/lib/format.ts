// Text formatters shared by pages, charts, the PRISMA diagram, exports and messages: one place
// for how a count, a number, an author's name or a CSV cell is written.
import { format } from 'd3-format';

/** "1 study", "3 studies", "0 studies": a count with its noun, plural when it is not one. */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A whole count with thousands separators: 12345 -> "12,345". */
export const formatCount: (n: number) => string = format(',');

/** A number with two decimals, as estimates, kappa and confidence limits are shown: 0.4 -> "0.40". */
export const formatTwoDecimals: (n: number) => string = format('.2f');

/** The family name of an author written "Family, Given" (the whole text when there is no comma). */
export function familyName(author: string | undefined): string {
  return (author ?? '').split(',')[0]?.trim() ?? '';
}

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** How an alliance instrument the report does not name is written wherever instruments are listed. */
export const UNNAMED_INSTRUMENT = 'Not named in the sources read';

/** An alliance instrument's name as shown: the short name, or UNNAMED_INSTRUMENT for `unreported`. */
export function instrumentName(instrument: string): string {
  return instrument === 'unreported' ? UNNAMED_INSTRUMENT : instrument;
}
