// Text formatters shared by pages, charts, the PRISMA diagram, exports and messages: one place
// for how a count, a number, an author's name or a CSV cell is written. Written without d3-format
// (whose output they reproduce, Unicode minus sign included: tests/lib/format.test.ts) so that the
// browser scripts that import them stay small.

const MINUS = '\u2212';
const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: true });

/** "1 study", "3 studies", "0 studies": a count with its noun, plural when it is not one. */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A count with thousands separators, as d3-format's ",": 12345 -> "12,345", -3 -> "−3". */
export function formatCount(n: number): string {
  return `${n < 0 ? MINUS : ''}${grouping.format(Math.abs(n))}`;
}

/** A number with two decimals, as estimates, kappa and confidence limits are shown, as d3-format's ".2f": 0.4 -> "0.40", -0.25 -> "−0.25", -0.001 -> "0.00". */
export function formatTwoDecimals(n: number): string {
  const digits = Math.abs(n).toFixed(2);
  return `${n < 0 && Number(digits) !== 0 ? MINUS : ''}${digits}`;
}

/** The family name of an author written "Family, Given" (the whole text when there is no comma; a group author's name without its braces). */
export function familyName(author: string | undefined): string {
  const group = /^\{(.+)\}$/.exec((author ?? '').trim());
  if (group?.[1]) return group[1];
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

/** The word that agrees with a count: `one` when n is 1, else `many` ("is"/"are", "study"/"studies"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
