// Building blocks shared by every record schema: identifiers, dates, citation fields.
import { z } from 'astro/zod';

/** Lower-case words joined by hyphens, e.g. `germain-2010`. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens (e.g. "germain-2010")');

/** A bare DOI such as `10.2196/jmir.2084` (no `https://doi.org/` prefix). */
export const doi = z
  .string()
  .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as "10.2196/jmir.2084" (no https://doi.org/ prefix)')
  // A DOI becomes a link: no control or format characters (ANSI escapes, NUL, bidirectional overrides).
  .refine((d) => !/\p{C}/u.test(d), 'must not contain control or formatting characters (such as an escape code or a direction override)');

/** A PubMed identifier: digits only, e.g. `22858538`. */
export const pmid = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^[1-9]\d{0,8}$/, 'must be a PubMed ID: digits only, such as "22858538"'),
);

/** A PubMed Central identifier, e.g. `PMC3411180`. */
export const pmcid = z.string().regex(/^PMC\d+$/, 'must be a PubMed Central ID such as "PMC3411180"');

/** Numbers written without quotes in YAML (`volume: 14`) are kept as text. */
export const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1, 'must not be empty'));

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in a month of the Gregorian calendar (`month` 1-12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The latest date that is "today" somewhere (UTC+14), YYYY-MM-DD: a record dated today by an
 * author east of Greenwich is not in the future.
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Why `text` is not a calendar date written YYYY-MM-DD (or, with `monthAllowed`, a month YYYY-MM),
 * or undefined when it is one.
 */
export function dateFault(text: string, monthAllowed = false): string | undefined {
  const written = monthAllowed ? 'a month written YYYY-MM (or a date YYYY-MM-DD)' : 'a date written YYYY-MM-DD';
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match || (!monthAllowed && match[3] === undefined)) return `must be ${written}`;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `must be ${written}: there is no month ${match[2]}`;
  if (match[3] !== undefined) {
    const day = Number(match[3]);
    const days = daysIn(year, month);
    if (day < 1 || day > days) return `is not a calendar date: ${monthNames[month - 1]} ${year} has ${days} days`;
  }
  return undefined;
}

/** YAML's Date objects (Astro's loader reads unquoted dates as dates) as the text `YYYY-MM-DD`; one with a time of day keeps its time, so the date rules refuse it. */
function dateToText(v: unknown): unknown {
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) return v;
  const iso = v.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** `YYYY-MM-DD` with a month 01-12 and a day 01-31; the calendar check then refuses days a month does not have. */
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** `YYYY-MM`, or a date as above. */
const MONTH_OR_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** A calendar date as text (`monthAllowed`: or a month), refused unless the calendar has it; `past`: and not after today. */
function calendarText(monthAllowed: boolean, past: boolean) {
  return z.preprocess(
    dateToText,
    z
      .string()
      .regex(
        monthAllowed ? MONTH_OR_DATE_PATTERN : DATE_PATTERN,
        monthAllowed ? 'must be a month written YYYY-MM (or a date YYYY-MM-DD)' : 'must be a date written YYYY-MM-DD',
      )
      .superRefine((s, ctx) => {
        if (!(monthAllowed ? MONTH_OR_DATE_PATTERN : DATE_PATTERN).test(s)) return;
        const fault = dateFault(s, monthAllowed);
        if (fault) ctx.addIssue({ code: 'custom', message: fault });
        else if (past && s > latestToday().slice(0, s.length))
          ctx.addIssue({
            code: 'custom',
            message: `must not be in the future (today is ${latestToday().slice(0, s.length)} at the latest)`,
          });
      }),
  );
}

/** A calendar date `YYYY-MM-DD`. YAML turns unquoted dates into Date objects; both forms are accepted and kept as text. Impossible days (2026-02-31) and time stamps are refused. */
export const isoDate = calendarText(false, false);

/** A calendar date `YYYY-MM-DD` that is not in the future (today allowed): when something was done. */
export const pastDate = calendarText(false, true);

/** A month `YYYY-MM` or a date `YYYY-MM-DD` of the calendar, not in the future (this month or today allowed). */
export const pastMonthOrDate = calendarText(true, true);

/** Publication year: 1950 up to the current year. */
export const year = z
  .number({ invalid_type_error: 'must be a year written as a number, such as 2010' })
  .int('must be a whole year')
  .min(1950, 'must be 1950 or later')
  .refine((y) => y <= new Date().getFullYear(), { message: 'must not be in the future' });

/** One author, `"Family, Given"` (given names or initials). */
export const author = z
  .string()
  .regex(
    /^(?:[^,{}]+, [^,{}]+|\{[^,{}]+\})$/,
    'must be written "Family, Given", e.g. "Germain, Vanessa" or "Cook, J. E." (or a group author in braces, e.g. "{Rapport contributors}")',
  );

/** The largest count a record may hold: more than any review screens or any study enrols; a larger number is a typo. */
export const MAX_COUNT = 10_000_000;

/** A non-negative whole count, at most MAX_COUNT; null means "not reported". Infinity and 1e20 are refused. */
export const count = z
  .number()
  .finite('must be a finite whole number')
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(MAX_COUNT, 'must be at most 10,000,000: check for a typo or extra digits');

/** A finite number within ±`bound`; `what` says why a larger one is implausible. */
export function boundedNumber(bound: number, what: string) {
  const limit = bound.toLocaleString('en');
  return z
    .number()
    .finite('must be a finite number')
    .min(-bound, `must be between -${limit} and ${limit}: ${what}`)
    .max(bound, `must be between -${limit} and ${limit}: ${what}`);
}

/** Fields that identify a publication: used for a study's primary report, its further reports and a review's own citation. */
export const citationFields = {
  title: text.describe('Title of the report.'),
  year: year.describe('Year of publication.'),
  journal: text.describe('Journal (or venue) name.'),
  authors: z
    .array(author)
    .min(1, 'must list at least one author')
    .describe('Authors in publication order, each "Family, Given"; a group author in braces, e.g. "{Rapport contributors}".'),
  authors_incomplete: z
    .literal(true, { errorMap: () => ({ message: 'must be true, or left out when the author list is complete' }) })
    .optional()
    .describe('`true` when the list names only the first author(s) and the rest are not known: citations then end it with "et al.".'),
  volume: text.optional().describe('Journal volume.'),
  issue: text.optional().describe('Journal issue.'),
  pages: text.optional().describe('Page range, e.g. "95-105", or an article number such as "e31".'),
  doi: doi.optional().describe('Bare DOI, e.g. "10.2196/jmir.2084" (no https://doi.org/ prefix).'),
  pmid: pmid.optional().describe('PubMed ID, digits only, e.g. "22858538".'),
  pmcid: pmcid.optional().describe('PubMed Central ID, e.g. "PMC3411180".'),
};

/** A further report of the same study. */
export const reportSchema = z.object(citationFields).strict();

/** The citation fields of a study, a further report or a review, validated. */
export type Citation = z.infer<typeof reportSchema>;

/** A place a fact came from. */
export const sourceSchema = z
  .object({
    url: z
      .string()
      // Checked before the URL parser, which silently drops line breaks and tabs.
      .refine((u) => !/[\s\p{C}]/u.test(u), 'must be one web address with no spaces, line breaks or control characters')
      .pipe(z.string().url('must be a full web address starting with https://'))
      // Only web addresses: a `javascript:` or `data:` link would run or inject on the page that shows it.
      .refine((u) => /^https?:\/\//i.test(u), 'must be a web address starting with https:// or http://')
      .describe('Web address of the source.'),
    note: text.optional().describe('What was taken from it.'),
  })
  .strict();
